"""Polarity of a claim for cross-checking: does it assert, deny, or decline to say?

Extraction gives each claim a stance; this module reads it together with the cue and the claim's
words, so that a denial phrased as an assertion ("insisted there is 'no encirclement'") counts as a
denial, and a refusal to comment ("have not confirmed", "could not be reached") counts as neither:
silence contradicts nothing.
"""

from __future__ import annotations

import re
from typing import Literal

from newscheck.model import Claim

STANCE_SCHEME = "stance.cue+negation-patterns.v2"

Polarity = Literal["asserts", "denies", "abstains"]

DENIAL_CUES = (
    "deni",
    "deny",
    "refut",
    "reject",
    "dismiss",
    "rebut",
    "disput",
    "contradict",
    "repudiat",
    "disavow",
)
"""Beginnings of cue words that deny what follows ("denied", "refuted", "dismissed")."""

_DENIAL_WORDS = re.compile(
    r"\b(?:there\s+(?:is|was|are|were|has\s+been)\s+[\"“‘']?no\b|no\s+(?:evidence|proof|threat|sign)\b|"
    r"nothing\s+to\s+do\s+with|not\s+true|untrue|false|fabricated|baseless|groundless|"
    r"(?:den(?:y|ies|ied)|refut\w*|reject\w*|dismiss\w*)\b)",
    re.IGNORECASE,
)
_ABSTENTION = re.compile(
    r"\b(?:(?:not|n['’]t|never|yet\s+to|declined\s+to|refused\s+to)\s+(?:\w+\s+)?"
    r"(?:comment|confirm|respond|reply|be\s+reached)\w*|could\s+not\s+be\s+reached|"
    r"no\s+comment|unavailable\s+for\s+comment)",
    re.IGNORECASE,
)


def polarity(claim: Claim) -> Polarity:
    """``denies`` for a denial, ``abstains`` for a refusal to comment or confirm, else
    ``asserts`` (hedged claims assert, with less force)."""
    text = claim.text
    cue = (claim.cue or "").lower()
    if _ABSTENTION.search(text) or _ABSTENTION.search(cue):
        return "abstains"
    if claim.stance == "denies":
        return "denies"
    if explicit_denial(claim):
        return "denies"
    return "asserts"


def explicit_denial(claim: Claim) -> bool:
    """The claim denies in so many words: a cue of denial ("denied", "refuted") or words that
    deny ("there is no evidence that", "not true"), not a mere negation ("does not intend")."""
    cue = (claim.cue or "").lower()
    if any(word.startswith(DENIAL_CUES) for word in cue.split()):
        return True
    return bool(_DENIAL_WORDS.search(claim.text))
