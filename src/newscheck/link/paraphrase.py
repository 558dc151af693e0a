"""Is sentence ``b`` the same claim as sentence ``a``, re-worded? A small logistic model.

No single score separates re-wordings from sentences that merely share a topic: embedding cosine,
word overlap and fuzzy ratios each reach about 0.72 accuracy on news paraphrase data. Combined with
what a rewrite must keep (numbers, names, content words, no large unmatched remainder) they do
better. The weights below were fitted on MSRP by ``bench/link_msrp.py`` (which also reports their
cross-validated accuracy); only these coefficients ship, never the data. With sentence embeddings
the pairs it doubts are read again by a cross-encoder (:mod:`newscheck.link.cross`) and decided
by :class:`CrossDecision`.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz

from newscheck.link.lexical import Profile

FloatArray = npt.NDArray[np.float64]
Relation = Literal["same", "paraphrase", "partial"]

FEATURES: tuple[str, ...] = (
    "cosine",
    "content_jaccard",
    "content_cover",
    "word_jaccard",
    "bigram_jaccard",
    "number_mismatch",
    "name_jaccard",
    "length_ratio",
    "unmatched_max",
    "unmatched_sum",
    "token_sort",
    "token_set",
    "char_ratio",
)
"""Feature order of :func:`pair_features` (``cosine`` is 0 in the lexical-only model)."""


def _jaccard(a: AbstractSet[Hashable], b: AbstractSet[Hashable]) -> float:
    return _jaccard_of(len(a & b), len(a), len(b))


def _jaccard_of(shared: int, size_a: int, size_b: int) -> float:
    """Jaccard from the sizes: no union set is built (the features run for every scored pair)."""
    union = size_a + size_b - shared
    return shared / union if union else 1.0


@dataclass(frozen=True, slots=True)
class SentenceForms:
    """What the features read of one sentence besides its profile, made once per sentence when
    many pairs are scored (:func:`feature_rows`)."""

    joined: str
    words: frozenset[str]
    bigrams: frozenset[tuple[str, str]]


def sentence_forms(profile: Profile) -> SentenceForms:
    words = profile.words
    return SentenceForms(
        " ".join(words), frozenset(words), frozenset(zip(words, words[1:], strict=False))
    )


def _feature_values(
    a: Profile, b: Profile, forms_a: SentenceForms, forms_b: SentenceForms, cosine: float
) -> list[float]:
    content_a, content_b = a.content, b.content
    size_a, size_b = len(content_a), len(content_b)
    shared = len(content_a & content_b)
    smaller = min(size_a, size_b)
    bigrams_a, bigrams_b = forms_a.bigrams, forms_b.bigrams
    only_a, only_b = size_a - shared, size_b - shared
    joined_a, joined_b = forms_a.joined, forms_b.joined
    words_a, words_b = forms_a.words, forms_b.words
    numbers_a, numbers_b = a.numbers, b.numbers
    return [
        cosine,
        _jaccard_of(shared, size_a, size_b),
        shared / smaller if smaller else 0.0,
        _jaccard_of(len(words_a & words_b), len(words_a), len(words_b)),
        _jaccard(bigrams_a, bigrams_b) if bigrams_a or bigrams_b else 0.0,
        len(numbers_a) + len(numbers_b) - 2 * len(numbers_a & numbers_b),
        _jaccard(a.names, b.names),
        abs(math.log((len(a.words) + 1) / (len(b.words) + 1))),
        max(only_a, only_b),
        only_a + only_b,
        fuzz.token_sort_ratio(joined_a, joined_b, processor=None) / 100.0,
        fuzz.token_set_ratio(joined_a, joined_b, processor=None) / 100.0,
        fuzz.ratio(joined_a, joined_b, processor=None) / 100.0,
    ]


def pair_features(a: Profile, b: Profile, cosine: float = 0.0) -> FloatArray:
    """The :data:`FEATURES` of one sentence pair (symmetric in ``a`` and ``b``)."""
    values = _feature_values(a, b, sentence_forms(a), sentence_forms(b), cosine)
    return np.array(values, dtype=np.float64)


def feature_rows(
    pairs: Sequence[tuple[int, int]],
    profiles: Sequence[Profile],
    cosines: Sequence[float],
) -> FloatArray:
    """:func:`pair_features` of many pairs of ``profiles`` (indexes), one row each; each
    sentence's forms are made once."""
    forms: dict[int, SentenceForms] = {}
    for index in {i for pair in pairs for i in pair}:
        forms[index] = sentence_forms(profiles[index])
    rows = [
        _feature_values(profiles[i], profiles[j], forms[i], forms[j], cosine)
        for (i, j), cosine in zip(pairs, cosines, strict=True)
    ]
    return np.array(rows, dtype=np.float64).reshape(len(rows), len(FEATURES))


@dataclass(frozen=True, slots=True)
class ParaphraseModel:
    """Logistic regression over :data:`FEATURES` (weights apply to raw feature values)."""

    name: str
    weights: tuple[float, ...]
    bias: float
    uses_cosine: bool
    threshold: float = 0.5

    def probability(self, features: FloatArray) -> FloatArray:
        """Probability of "same claim, re-worded" for each row of ``features``. Each row is
        summed alone (not a matrix product, whose rounding depends on the other rows), so a
        pair scores the same in any batch."""
        z = (np.atleast_2d(features) * np.asarray(self.weights)).sum(axis=1) + self.bias
        return np.asarray(1.0 / (1.0 + np.exp(-z)), dtype=np.float64)


def _in_order(weights: dict[str, float]) -> tuple[float, ...]:
    return tuple(weights.get(name, 0.0) for name in FEATURES)


# Fitted by `python bench/link_msrp.py --fit [--lexical]` on all 4,076 MSRP train pairs. The same
# procedure scores accuracy 0.759 / F1 0.831 (with cosine) and 0.753 / 0.827 (lexical) in 10-fold
# cross-validation; MiniLM cosine alone 0.731, word overlap 0.718, always "re-worded" 0.675.
EMBEDDING_MODEL = ParaphraseModel(
    name="paraphrase.lr-minilm-lexical.v1",
    weights=_in_order(
        {
            "cosine": 3.8417,
            "content_jaccard": 0.9045,
            "content_cover": -1.5617,
            "word_jaccard": 6.1376,
            "bigram_jaccard": -5.0931,
            "number_mismatch": -0.2569,
            "name_jaccard": -0.3644,
            "length_ratio": -2.0502,
            "unmatched_max": 0.1376,
            "unmatched_sum": -0.1419,
            "token_sort": 4.355,
            "token_set": -4.5778,
            "char_ratio": 5.3055,
        }
    ),
    bias=-4.9344,
    uses_cosine=True,
)
LEXICAL_MODEL = ParaphraseModel(
    name="paraphrase.lr-lexical.v1",
    weights=_in_order(
        {
            "content_jaccard": 1.7537,
            "content_cover": -1.3971,
            "word_jaccard": 7.2091,
            "bigram_jaccard": -5.9404,
            "number_mismatch": -0.2558,
            "name_jaccard": -0.2348,
            "length_ratio": -2.0635,
            "unmatched_max": 0.1412,
            "unmatched_sum": -0.1366,
            "token_sort": 4.9936,
            "token_set": -4.0284,
            "char_ratio": 5.563,
        }
    ),
    bias=-3.9763,
    uses_cosine=False,
)


@dataclass(frozen=True, slots=True)
class CrossDecision:
    """Where the cross-encoder (:mod:`newscheck.link.cross`) is asked, and how its logit and the
    logistic model's probability make the decision.

    Reading a pair with the encoder costs milliseconds, the logistic model microseconds; most
    pairs a link stage scores are plainly unrelated (or plainly the same claim) and keep the
    logistic model's verdict. Pairs whose probability lies in ``[low, high]`` are read, and their
    probability becomes ``sigmoid(weight * logit + model_weight * log-odds + bias)``."""

    name: str
    low: float
    high: float
    weight: float
    model_weight: float
    bias: float

    def reads(self, a: Profile, b: Profile, features: FloatArray, probability: float) -> bool:
        """Whether the pair is doubtful: in the band, and not simply the same sentence."""
        return self.low <= probability <= self.high and not is_same(a, b, features)

    def probability(self, model_probability: float, logit: float) -> float:
        p = min(max(model_probability, 1e-9), 1.0 - 1e-9)
        z = self.weight * logit + self.model_weight * math.log(p / (1.0 - p)) + self.bias
        return 1.0 / (1.0 + math.exp(-z))


# Fitted by `python bench/link_msrp.py --fit-cross` on the out-of-fold logits of
# `bench/link_msrp_cross.py --folds 0,1,2,3,4` (see docs/linking.md for the figures).
CROSS_DECISION = CrossDecision(
    name="cross-decision.v1", low=0.2, high=0.9, weight=0.563, model_weight=0.4235, bias=-0.276
)


SAME_FUZZ = 0.92
"""Token-sort ratio from which two sentences with the same numbers are "the same"."""
PARTIAL_COVER = 0.5
"""Share of the smaller sentence's content words and numbers found in the other: a condensed or
merged rewrite keeps most of what the shorter side says while the longer side says more."""
PARTIAL_MIN_SHARED = 3
PARTIAL_COSINE = 0.6
PARTIAL_COSINE_COVER = 0.35
CLOSE_COSINE = 0.7
"""From this cosine two shared keys are enough for "partial" (a re-worded claim)."""
CLOSE_MIN_SHARED = 2


def cover(a: Profile, b: Profile) -> tuple[float, int]:
    """Share of the smaller key set (content words and numbers) found in the other, and the
    number of shared keys."""
    keys_a, keys_b = a.keys, b.keys
    shared = len(keys_a & keys_b)
    smaller = min(len(keys_a), len(keys_b))
    return (shared / smaller if smaller else 0.0), shared


def is_same(a: Profile, b: Profile, features: FloatArray) -> bool:
    """The same sentence, give or take a few characters, with the same numbers."""
    return bool(features[FEATURES.index("token_sort")] >= SAME_FUZZ) and a.numbers == b.numbers


def relation(
    a: Profile, b: Profile, features: FloatArray, probability: float, model: ParaphraseModel
) -> Relation | None:
    """How two sentences relate: the same, re-worded, partly the same claim, or not at all."""
    if is_same(a, b, features):
        return "same"
    if probability >= model.threshold:
        return "paraphrase"
    share, shared = cover(a, b)
    if shared >= PARTIAL_MIN_SHARED and share >= PARTIAL_COVER:
        return "partial"
    cosine = features[FEATURES.index("cosine")]
    if model.uses_cosine and cosine >= PARTIAL_COSINE and share >= PARTIAL_COSINE_COVER:
        return "partial"
    if model.uses_cosine and cosine >= CLOSE_COSINE and shared >= CLOSE_MIN_SHARED:
        return "partial"
    return None
