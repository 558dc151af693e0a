"""Is a sentence a check-worthy factual claim? A small linear model over features a reader would
name: numbers, names, past tense, comparisons (for); questions, first and second person, opinion
words, greetings (against). Coefficients are in ``checkworthy_weights.py``, fitted on the
ClaimBuster training set by ``bench/extract_claimbuster.py --write``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING

from newscheck.extract.lexicon import words

if TYPE_CHECKING:
    from spacy.tokens import Span

FEATURES_SCHEME = "checkworthy-features.v1"

STATISTIC_WORDS = words(
    """
    percent percentage million billion trillion thousand hundred rate rates jobs job tax
    taxes budget deficit debt unemployment unemployed increase increased decrease decreased
    cut cuts growth grew fell rose doubled tripled record average median income wages
    spending spent cost costs price prices killed dead died wounded injured casualties
    troops soldiers votes voted vote law bill passed signed funding funds dollars deaths
    arrested captured launched attacks
    """
)
OPINION_WORDS = words(
    """
    think believe feel hope wish want love hate like great wonderful terrible horrible
    amazing awful best worst disaster disgrace shame sad proud happy glad sure honestly
    frankly truly really very should must ought need needs deserve deserves absolutely
    important
    """
)
GREETING_WORDS = words(
    """
    thank thanks welcome congratulations hello evening morning ladies gentlemen applause
    """
)
CUE_WORDS = words(
    """
    said say says told claim claimed claims reported according announced denied stated
    """
)
_NUMBER_ENTS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
_NAME_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW"})


def features(sentence: Span) -> dict[str, float]:
    """The named features of one sentence (absent = 0)."""
    f: dict[str, float] = {}
    words = 0
    names = 0
    for token in sentence:
        if token.is_space or token.is_punct:
            if token.text == "?":
                f["question"] = 1.0
            elif token.text == "!":
                f["exclamation"] = 1.0
            continue
        words += 1
        low = token.lower_
        tag = token.tag_
        if token.like_num or token.ent_type_ in _NUMBER_ENTS:
            f["number"] = 1.0
        if token.ent_type_ in ("PERCENT", "MONEY") or low in ("percent", "%", "$"):
            f["percent_or_money"] = 1.0
        if token.ent_type_ == "DATE":
            f["date"] = 1.0
        if token.ent_type_ in _NAME_ENTS and token.ent_iob_ == "B":
            names += 1
        if tag == "VBD":
            f["past"] = 1.0
        elif tag == "VBN" and any(c.lower_ in ("has", "have", "had") for c in token.head.children):
            f["perfect"] = 1.0
        elif tag in ("JJR", "RBR"):
            f["comparative"] = 1.0
        elif tag in ("JJS", "RBS"):
            f["superlative"] = 1.0
        elif tag == "MD":
            f["modal"] = 1.0
        if low in ("i", "me", "my", "mine"):
            f["first_person"] = 1.0
        elif low in ("we", "us", "our", "ours"):
            f["we"] = 1.0
        elif low in ("you", "your", "yours"):
            f["you"] = 1.0
        if token.dep_ == "neg":
            f["negation"] = 1.0
        if low in STATISTIC_WORDS:
            f["statistic_word"] = 1.0
        if low in OPINION_WORDS:
            f["opinion_word"] = 1.0
        if low in GREETING_WORDS:
            f["greeting"] = 1.0
        if low in CUE_WORDS:
            f["cue_word"] = 1.0
    if names:
        f["names"] = min(names, 4) / 4.0
    f["length"] = min(math.log1p(words) / math.log1p(40), 1.5)
    if words < 6:
        f["short"] = 1.0
    return f


def threshold() -> float:
    """The probability from which a sentence in the outlet's voice is taken as a claim."""
    from newscheck.extract import checkworthy_weights

    return checkworthy_weights.THRESHOLD


def score(
    sentence: Span, weights: Mapping[str, float] | None = None, bias: float | None = None
) -> float:
    """Probability that the sentence is a check-worthy factual claim."""
    if weights is None or bias is None:
        from newscheck.extract import checkworthy_weights

        weights = checkworthy_weights.WEIGHTS
        bias = checkworthy_weights.BIAS
    z = bias + sum(weights.get(name, 0.0) * value for name, value in features(sentence).items())
    return 1.0 / (1.0 + math.exp(-max(min(z, 35.0), -35.0)))
