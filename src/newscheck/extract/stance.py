"""Stance (asserts, denies, hedges) and kind (fact or opinion) of a claim, from its cue and words.

- denies: a denial cue ("denied", "refuted", "dismissed"), or a content that negates existence
  ("there is no threat of encirclement") or calls something false ("fabricated");
- hedges: a cue of belief or estimate ("suggested", "believes", "expects") or hedging words
  ("may", "reportedly", "apparently");
- opinion: a cue of judgement ("criticized", "thinks", "praised") or, in the outlet's own voice,
  first or second person, "should"/"must", or evaluative words without figures.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from newscheck.extract.lexicon import words
from newscheck.model import Stance

if TYPE_CHECKING:
    from spacy.tokens import Span

SCHEME = "stance.lexicon.v1"

DENIAL_CUES = words(
    """
    deny refute reject dismiss dispute rebuff contradict disavow debunk rebut repudiate
    disprove discount
    """
)
HEDGE_CUES = words(
    """
    suggest believe think estimate expect speculate guess suspect appear seem hint imply
    predict hope fear indicate allege doubt reckon assume
    """
)
OPINION_CUES = words(
    """
    think believe feel criticize criticise praise condemn slam blast denounce decry mock
    attack hope wish want prefer like love hate fear worry lament complain applaud hail
    welcome argue
    """
)
DENIAL_WORDS = words(
    """
    false fabricated untrue baseless groundless nonsense lie lies fake unfounded fiction
    fabrication fabrications propaganda
    """
)
HEDGE_WORDS = words(
    """
    may might could possibly perhaps probably likely reportedly allegedly apparently
    seemingly unclear unconfirmed purportedly supposedly
    """
)
EVALUATIVE = words(
    """
    daunting pivotal crucial vital dire grim bleak shocking outrageous disgraceful shameful
    remarkable extraordinary unprecedented devastating tragic heroic brave cowardly reckless
    irresponsible absurd ridiculous sad unfortunate fortunate welcome troubling alarming
    worrying deplorable unacceptable brutal barbaric senseless futile hopeless wonderful
    terrible horrible great disastrous catastrophic stunning staggering
    """
)
CONTRAST = frozenset({"but", "however", "yet"})
INSISTING_CUES = frozenset({"insist", "maintain", "counter", "stress", "reiterate"})


def stance_of(cue_lemma: str | None, content: Span | None, sentence: Span | None) -> Stance:
    """The speaker's stance towards the content."""
    if cue_lemma in DENIAL_CUES:
        return "denies"
    words = {t.lower_ for t in content} if content is not None else set()
    if content is not None and (words & DENIAL_WORDS or _negates_existence(content)):
        return "denies"
    if content is not None and _root_negated(content) and _contrasted(cue_lemma, sentence):
        return "denies"
    if cue_lemma in HEDGE_CUES or words & HEDGE_WORDS:
        return "hedges"
    if sentence is not None and any(t.lower_ in HEDGE_WORDS for t in sentence):
        return "hedges"
    return "asserts"


def kind_of(cue_lemma: str | None, content: Span | None) -> Literal["fact", "opinion"]:
    """Opinion or commentary rather than a statement of fact."""
    if cue_lemma in OPINION_CUES:
        return "opinion"
    if content is None:
        return "fact"
    has_number = False
    evaluative = False
    personal = False
    for token in content:
        low = token.lower_
        if token.pos_ == "NUM":
            has_number = True
        elif low in EVALUATIVE:
            evaluative = True
        elif (
            low in ("should", "must", "ought")
            or cue_lemma is None
            and token.pos_ == "PRON"
            and low in ("i", "we", "our", "us")
        ):
            personal = True
    return "opinion" if personal or (evaluative and not has_number) else "fact"


def _negates_existence(content: Span) -> bool:
    """ "there is no threat", "no encirclement": a "no" that governs the clause's noun."""
    for token in content:
        if token.lower_ == "no" and token.dep_ == "det":
            head = token.head
            if (
                head.dep_ in ("attr", "nsubj", "nsubjpass", "dobj", "ROOT")
                or head.head.lemma_ == "be"
            ):
                return True
    return False


def _root_negated(content: Span) -> bool:
    root = content.root
    return any(child.dep_ == "neg" for child in root.children)


def _contrasted(cue_lemma: str | None, sentence: Span | None) -> bool:
    if cue_lemma in INSISTING_CUES:
        return True
    if sentence is None:
        return False
    first = next((t for t in sentence if not t.is_space and not t.is_punct), None)
    return first is not None and first.lower_ in CONTRAST
