"""The cue tagger reads again only the candidates the cue model doubts, sentence by sentence, and
its answer, combined with the cue model's, decides them; a sentence reads the same alone or
among others."""

from __future__ import annotations

import math
import pickle
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import pytest

from newscheck.adapters import ADAPTED_LAYERS, adapter_key
from newscheck.extract.cue_tagger import (
    ADAPTER,
    CUE_DECISION,
    MAX_TOKENS,
    CueDecision,
    CueTagger,
    tagger_available,
)

from .conftest import with_tagger
from .test_attribution import triples

if TYPE_CHECKING:
    from newscheck.extract import Extractor

needs_model = pytest.mark.skipif(
    not tagger_available(),
    reason="the embed extra (torch, transformers, the bundled model) or the adapter is absent",
)

FIGURATIVE = "The senator lambasted the governor's budget as a gift to donors."
PLAIN = "The river rose two metres overnight and flooded the lower town."


@pytest.fixture(scope="module")
def tagger() -> CueTagger:
    return CueTagger()


def test_the_shipped_adapter_is_there() -> None:
    assert ADAPTER.exists(), "package data extract/data/cue_tagger.npz is missing"
    with np.load(ADAPTER) as stored:
        assert stored["head.weight"].shape == (384,)
        assert all(
            adapter_key(i, n, p) in stored for i in range(6) for n in ADAPTED_LAYERS for p in "AB"
        )


def test_the_decision_combines_log_odds_inside_its_band_only() -> None:
    decision = CueDecision(low=0.1, high=0.8, model_weight=0.5, tagger_weight=2.0, bias=-1.0)
    assert not decision.doubts(0.05) and not decision.doubts(0.8)
    assert decision.doubts(0.1) and decision.doubts(0.5)
    expected = 1 / (1 + math.exp(-(0.5 * math.log(0.25 / 0.75) + 2.0 * 1.5 - 1.0)))
    assert decision.probability(0.25, 1.5) == pytest.approx(expected)
    assert decision.probability(0.25, -40.0) == 0.0


@needs_model
def test_a_sentence_reads_the_same_alone_or_after_others(tagger: CueTagger) -> None:
    words = [(13, 22)]  # "lambasted"
    first = tagger.word_logits(FIGURATIVE, words)
    tagger.word_logits(PLAIN, [(10, 14)])
    again = tagger.word_logits(FIGURATIVE, words)
    assert first == again and first[0] is not None
    assert tagger.read == 3


@needs_model
def test_a_reporting_verb_reads_as_a_cue_and_a_plain_verb_does_not(tagger: CueTagger) -> None:
    [lambasted] = tagger.word_logits(FIGURATIVE, [(13, 22)])
    [rose] = tagger.word_logits(PLAIN, [(10, 14)])
    assert lambasted is not None and rose is not None
    assert lambasted > 0 > rose


@needs_model
def test_words_past_the_read_length_are_not_answered(tagger: CueTagger) -> None:
    sentence = " ".join(["word"] * (MAX_TOKENS + 20)) + " said"
    end = len(sentence)
    assert tagger.word_logits(sentence, [(0, 4), (end - 4, end)])[1] is None


@needs_model
def test_a_copy_sent_to_a_worker_loads_its_own_model(tagger: CueTagger) -> None:
    tagger.word_logits(FIGURATIVE, [(13, 22)])
    copy = pickle.loads(pickle.dumps(tagger))
    assert not copy.loaded and copy.read == 0 and copy.decision == tagger.decision
    assert copy.word_logits(FIGURATIVE, [(13, 22)]) == tagger.word_logits(FIGURATIVE, [(13, 22)])


class AnsweringTagger(CueTagger):
    """A tagger that answers a fixed logit and records the sentences it was asked to read."""

    def __init__(self, logit: float, decision: CueDecision = CUE_DECISION) -> None:
        super().__init__(decision=decision)
        self.logit = logit
        self.asked: list[tuple[str, list[str]]] = []

    def word_logits(self, sentence: str, words: Sequence[tuple[int, int]]) -> list[float | None]:
        self.asked.append((sentence, [sentence[s:e] for s, e in words]))
        return [self.logit for _ in words]


def _with(
    extractor: Extractor, tagger: CueTagger | None, text: str
) -> list[tuple[str | None, str, str]]:
    return triples(text, with_tagger(extractor, tagger).attributions_in_text([text])[0])


def test_only_doubtful_candidates_are_read_and_a_sure_cue_is_kept(extractor: Extractor) -> None:
    text = "The mayor said the bridge would reopen in May. " + FIGURATIVE
    sure = _with(extractor, None, text)
    assert ("The mayor", "said", "the bridge would reopen in May") in sure
    no = AnsweringTagger(-30.0)
    kept = _with(extractor, no, text)
    assert ("The mayor", "said", "the bridge would reopen in May") in kept
    asked_words = [w for _, words in no.asked for w in words]
    assert "said" not in asked_words  # scored well above the band: never asked
    assert all(sentence in text for sentence, _ in no.asked)


def test_the_tagger_decides_a_doubtful_candidate(extractor: Extractor) -> None:
    wide = CueDecision(low=0.0, high=1.0, model_weight=0.0, tagger_weight=1.0, bias=0.0)
    yes = _with(extractor, AnsweringTagger(30.0, wide), FIGURATIVE)
    no = _with(extractor, AnsweringTagger(-30.0, wide), FIGURATIVE)
    assert any(cue == "lambasted" for _, cue, _ in yes)
    assert no == []


def test_an_unread_word_keeps_the_cue_model_decision(extractor: Extractor) -> None:
    class Unread(AnsweringTagger):
        def word_logits(
            self, sentence: str, words: Sequence[tuple[int, int]]
        ) -> list[float | None]:
            return [None for _ in words]

    wide = CueDecision(low=0.0, high=1.0)
    text = "The mayor said the bridge would reopen in May."
    assert _with(extractor, Unread(0.0, wide), text) == _with(extractor, None, text)
