"""Finding cues: the words that introduce reported speech or thought ("said", "denied",
"according to", "claims", "wants").

Every verb, every noun from a short list and every "according" or colon is a candidate. A linear
model scores each candidate from its lemma, its part of speech, its place in the parse and what
hangs on it (a clause, an object, "that", a quote). The weights are in ``cue_weights.py``; they
were fitted on the PolNeAR training split by ``bench/extract_fit_cues.py``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newscheck.extract.lemmas import Lemmas
from newscheck.extract.lexicon import CLASS_OF, words
from newscheck.extract.predicates import attitude_of
from newscheck.extract.quotes import QuoteIndex

if TYPE_CHECKING:
    from spacy.tokens import Token

FEATURES_SCHEME = "cue-features.v4"

NOUN_CUES = words(
    """
    statement claim claims remark remarks comment comments criticism call calls support
    opposition decision plan plans announcement warning report reports suggestion argument
    accusation allegation allegations promise pledge view views belief position stance
    question questions response interview tweet tweets message letter speech poll polls
    survey surveys analysis study data estimate estimates complaint complaints denial
    assertion insistence threat threats demand demands proposal praise attack attacks charge
    charges answer explanation testimony memo endorsement assessment prediction concern
    concerns fear fears hope hopes desire push vow confidence doubt doubts insists
    disagreement agreement argues says writes notes
    idea ideas outlook rhetoric determination theory acknowledgment acknowledgement eagerness
    emphasis advice disdain contempt admiration adulation enthusiasm skepticism scepticism
    reluctance refusal willingness commitment intention wish wishes dismissal rejection
    objection objections backing ire anger outrage outcry frustration condemnation approval
    disapproval recommendation finding findings conclusion conclusions verdict ruling opinion
    opinions editorial column narrative rationale justification defense defence excuse apology
    admission confession plea appeal vote votes sentiment impression perception expectation
    expectations forecast projection projections suspicion suspicions assumption insistence
    rebuke rebuttal retort reply critique
    """
)
"""Nouns (and a few mis-tagged verbs) that can be cues: "Trump's claim that ...", "the poll"."""

CANDIDATE_POS = frozenset({"VERB"})
_NEVER_CUES = frozenset({"PUNCT", "DET", "PRON", "CCONJ", "SCONJ", "NUM", "PART", "SPACE", "X"})
COMPLEMENTS = ("ccomp", "xcomp", "dobj", "prep", "parataxis", "advcl", "acomp", "oprd", "dative")


def is_candidate(token: Token, lemma: str) -> bool:
    """Whether a token is scored as a possible cue at all."""
    if token.pos_ in CANDIDATE_POS:
        return True
    if token.lower_ == "according" or token.text == ":":
        return True
    if token.pos_ == "AUX" and attitude_of(token) is not None:
        return True
    return token.pos_ in ("NOUN", "AUX", "ADJ", "PROPN") and lemma in NOUN_CUES


def cue_features(token: Token, lemma: str, quotes: QuoteIndex, offset: int = 0) -> list[str]:
    """The sparse features of one candidate, each once (names are stable: they key the fitted
    weights)."""
    pos, dep = token.pos_, token.dep_
    head = token.head
    features = [
        "L=" + lemma,
        "P=" + pos,
        "D=" + dep,
        "T=" + token.tag_,
        "HP=" + head.pos_,
        "HD=" + head.dep_,
        "LD=" + lemma + "|" + dep,
        "HW=" + head.lower_,
    ]
    doc = token.doc
    if token.i > 0:
        features.append("PW=" + doc[token.i - 1].lower_)
    if token.i + 1 < len(doc):
        features.append("NW=" + doc[token.i + 1].lower_)
    classes = CLASS_OF.get(lemma, ())
    if pos == "AUX":
        attitude = attitude_of(token)
        if attitude is not None:
            # "are afraid that": the attitude word says what the copula reports
            features.extend(("PRED=" + attitude.lower_, "PRED|" + attitude.pos_))
            classes = ("attitude",)
    features.extend("K=" + name for name in classes)
    has_subject = False
    inverted = False
    for child in token.children:
        cdep = child.dep_
        features.append("C=" + cdep)
        if cdep in COMPLEMENTS:
            features.append("LC=" + lemma + "|" + cdep)
            features.extend("KC=" + name + "|" + cdep for name in classes)
        if cdep == "ccomp":
            if child.i < token.i:
                inverted = True
            for grandchild in child.children:
                if grandchild.dep_ == "mark":
                    features.append("CMARK=" + grandchild.lower_)
                elif grandchild.dep_ in ("nsubj", "nsubjpass", "expl"):
                    features.append("CSUBJ")
        elif cdep in ("acl", "relcl") and child.i > token.i:
            # "Trump's claim that C", "a report that C": a that-clause on a noun
            if any(g.dep_ == "mark" and g.lower_ == "that" for g in child.children):
                features.append("ACLTHAT|" + pos)
        elif cdep == "prep":
            features.append("PR=" + child.lower_)
            features.append("LPR=" + lemma + "|" + child.lower_)
        elif cdep == "dobj":
            # "unleashed a flurry of tweets", "faced questions": an object that is speech
            features.append("OL=" + child.lower_)
            if _speech_noun(child):
                features.append("OSPEECH")
        elif cdep in ("nsubj", "nsubjpass"):
            has_subject = True
            features.append("SP=" + child.pos_)
            features.append("SL=" + child.lower_)
        elif cdep == "punct" and child.text == ":":
            features.append("COLON")
    if dep == "parataxis" or (dep == "ccomp" and head.i < token.i and head.dep_ == "ROOT"):
        inverted = inverted or head.i < token.i
    if inverted:
        features.append("INV")
    if not has_subject:
        features.append("NOSUBJ")
    if quotes.inside(offset + token.idx):
        features.append("INQUOTE")
    if _after_quote(token):
        features.append("AFTERQ")
    if _quotes_after(token):
        features.append("QRIGHT")
    if len(classes) == 0:
        features.append("NOCLASS|" + pos)
    return list(dict.fromkeys(features))


def _speech_noun(noun: Token) -> bool:
    """An object naming speech, itself or through "of" ("a flurry of tweets")."""
    if noun.lower_ in NOUN_CUES:
        return True
    return any(
        prep.dep_ == "prep"
        and prep.lower_ == "of"
        and any(o.dep_ == "pobj" and o.lower_ in NOUN_CUES for o in prep.children)
        for prep in noun.children
    )


def _quotes_after(token: Token) -> bool:
    """A quotation opens among what hangs on the cue after it ("painting Trump as a “con”")."""
    right = token.right_edge.i
    doc = token.doc
    return any(t.text in ("“", '"', "‘") for t in doc[token.i + 1 : min(right + 1, token.i + 30)])


def _after_quote(token: Token) -> bool:
    """ "…,” he said": a closing quote within the three tokens before the cue."""
    doc = token.doc
    return any(t.text in ("”", '"', "''") for t in doc[max(0, token.i - 3) : token.i])


@dataclass(frozen=True, slots=True)
class CueModel:
    """A logistic model over :func:`cue_features`; a candidate is a cue when its probability is at
    least ``threshold``."""

    weights: Mapping[str, float]
    bias: float
    threshold: float = 0.5
    scheme: str = ""

    def probability(self, features: list[str]) -> float:
        weights = self.weights
        z = self.bias + sum(weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-z)) if z > -35 else 0.0

    def is_cue(self, features: list[str]) -> bool:
        return self.probability(features) >= self.threshold


def load_cue_model() -> CueModel:
    """The fitted model shipped with newscheck."""
    from newscheck.extract import cue_weights

    return CueModel(
        weights=cue_weights.WEIGHTS,
        bias=cue_weights.BIAS,
        threshold=cue_weights.THRESHOLD,
        scheme=cue_weights.SCHEME,
    )


def candidates(tokens: list[Token], lemmas: Lemmas) -> list[tuple[Token, str]]:
    """The candidate tokens with their lemmas."""
    out = []
    for token in tokens:
        pos = token.pos_
        if pos in _NEVER_CUES and token.text != ":":
            continue
        lemma = lemmas(token)
        if is_candidate(token, lemma):
            out.append((token, lemma))
    return out
