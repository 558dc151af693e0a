"""The cue's own extent and its source (who speaks), read off the dependency parse."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newscheck.extract.lexicon import words
from newscheck.extract.spans import trim

if TYPE_CHECKING:
    from spacy.tokens import Token

PHRASAL_PREPOSITIONS: dict[str, frozenset[str]] = {
    "call": frozenset({"for", "on"}),
    "refer": frozenset({"to"}),
    "point": frozenset({"to"}),
    "talk": frozenset({"about"}),
    "speak": frozenset({"about", "of", "to"}),
    "complain": frozenset({"about", "of"}),
    "warn": frozenset({"of", "about", "against"}),
    "argue": frozenset({"for", "against"}),
    "push": frozenset({"for"}),
    "vote": frozenset({"for", "against"}),
    "ask": frozenset({"about", "for"}),
    "think": frozenset({"of", "about"}),
    "worry": frozenset({"about"}),
    "care": frozenset({"about"}),
    "insist": frozenset({"on"}),
    "comment": frozenset({"on"}),
    "focus": frozenset({"on"}),
    "agree": frozenset({"with", "on", "to"}),
    "respond": frozenset({"to"}),
    "react": frozenset({"to"}),
    "object": frozenset({"to"}),
    "hint": frozenset({"at"}),
    "look": frozenset({"at", "for"}),
    "hope": frozenset({"for"}),
    "cite": frozenset(),
    "accuse": frozenset({"of"}),
    "blame": frozenset({"for", "on"}),
    "criticize": frozenset({"for"}),
    "praise": frozenset({"for"}),
    "attack": frozenset({"for"}),
    "campaign": frozenset({"for", "against", "on"}),
    "rail": frozenset({"against"}),
    "lash": frozenset({"out"}),
    "weigh": frozenset({"in"}),
    "rule": frozenset({"out"}),
    "dream": frozenset({"of", "about"}),
    "boast": frozenset({"about", "of"}),
    "joke": frozenset({"about"}),
    "testify": frozenset({"about", "to"}),
    "write": frozenset({"about", "of"}),
    "tweet": frozenset({"about"}),
    "hear": frozenset({"about", "of", "from"}),
    "know": frozenset({"about", "of"}),
    "learn": frozenset({"about", "of"}),
    "plead": frozenset({"for"}),
    "appeal": frozenset({"for", "to"}),
    "believe": frozenset({"in"}),
    "side": frozenset({"with"}),
    "support": frozenset(),
}
"""Prepositions that belong to the cue ("called for", "referring to"): the content is their
object."""

NOT_CUE_ADVERBS = words(
    """
    when where why how however then so even instead meanwhile thus therefore while because
    though although but and yet later
    """
)
"""Adverbs before a cue verb that are not part of the cue ("when he said", "however, ...")."""

SUBJECTS = ("nsubj", "csubj")
PASSIVE_SUBJECTS = ("nsubjpass", "csubjpass")
_SHARES_SUBJECT = frozenset({"xcomp", "conj", "advcl", "pcomp", "acl", "ccomp"})


def cue_extent(cue: Token, lemma: str) -> list[Token]:
    """The cue word with its auxiliaries, negation, particle, adjacent adverbs and a phrasal
    preposition ("has not yet said", "pointed out", "called for")."""
    phrasal = PHRASAL_PREPOSITIONS.get(lemma, frozenset())
    tokens = [cue] + [c for c in cue.children if _part_of_cue(c, cue, phrasal)]
    return _contiguous(cue, tokens)


def _part_of_cue(child: Token, cue: Token, phrasal: frozenset[str]) -> bool:
    dep = child.dep_
    if child.i < cue.i:
        if dep in ("aux", "auxpass", "neg"):
            return True
        return dep == "advmod" and child.lower_ not in NOT_CUE_ADVERBS
    return dep == "prt" or (dep == "prep" and child.lower_ in phrasal)


def _contiguous(anchor: Token, tokens: list[Token]) -> list[Token]:
    """The unbroken run of chosen tokens around ``anchor`` (a cue is one span)."""
    chosen = {t.i for t in tokens}
    start = end = anchor.i
    while start - 1 in chosen:
        start -= 1
    while end + 1 in chosen:
        end += 1
    return list(anchor.doc[start : end + 1])


def source_of(cue: Token, lemma: str) -> list[Token] | None:
    """The speaker: the cue's subject (or the subject of the verb it depends on: "X stopped and
    said", "X, saying ...", "by adding ..."), the agent of a passive, the noun a participle
    describes ("supporters hoping ..."), or the possessor of a noun cue."""
    verb: Token = cue
    for _ in range(4):
        subject = subject_of(verb)
        if subject is not None:
            return subject
        if verb.pos_ in ("NOUN", "PROPN"):
            return _nounsource_of(verb)
        if _is_passive(verb):
            return _agent(verb)
        dep = verb.dep_
        if dep == "acl" and verb.head.pos_ in ("NOUN", "PROPN") and verb.head.i < verb.i:
            return source_tokens(verb.head, leave_out=verb)
        if dep not in _SHARES_SUBJECT or verb.head.i == verb.i:
            return None
        if dep == "ccomp" and verb.head.i < verb.i:
            return None
        verb = verb.head
        if verb.dep_ == "prep" and verb.head.i != verb.i:
            # "by adding that ...": over the preposition to the verb it hangs on
            verb = verb.head
    return None


def subject_of(verb: Token) -> list[Token] | None:
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            return source_tokens(child)
    return None


def _is_passive(verb: Token) -> bool:
    return any(child.dep_ in PASSIVE_SUBJECTS or child.dep_ == "auxpass" for child in verb.children)


def _agent(verb: Token) -> list[Token] | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return source_tokens(obj)
    return None


def _nounsource_of(noun: Token) -> list[Token] | None:
    for child in noun.children:
        if child.dep_ == "poss":
            return source_tokens(child)
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return source_tokens(obj)
    head = noun.head
    if noun.dep_ in ("dobj",) and head.pos_ == "VERB":
        return subject_of(head)
    return None


def source_tokens(head: Token, leave_out: Token | None = None) -> list[Token]:
    """The speaker's noun phrase without relative clauses and trailing punctuation."""
    left_out: set[int] = {t.i for t in leave_out.subtree} if leave_out is not None else set()
    for child in head.children:
        if child.dep_ in ("relcl", "acl") and child.i > head.i:
            left_out.update(t.i for t in child.subtree)
    tokens = [t for t in head.subtree if t.i not in left_out]
    return trim(tokens)
