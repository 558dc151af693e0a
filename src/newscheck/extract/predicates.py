"""Attitudes stated with "to be": "X is afraid that C", "X has been critical of C", "X is a
staunch opponent of C", "X was sure C".

The copula is the cue's head (as annotated corpora mark it: "are afraid"); the adjective or
agent noun it takes says which attitude. The words are general English, written by hand.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newscheck.extract.lexicon import words

if TYPE_CHECKING:
    from spacy.tokens import Token

ATTITUDE_PREDICATES = words(
    """
    afraid sure certain confident convinced unconvinced willing unwilling reluctant eager keen
    critical concerned worried anxious nervous fearful scared wary skeptical sceptical doubtful
    unsure uncertain hopeful optimistic pessimistic bullish bearish determined adamant insistent
    opposed supportive aware unaware coy frank candid vocal outspoken silent passionate
    enthusiastic excited happy glad pleased satisfied dissatisfied disappointed proud angry
    furious upset unhappy frustrated outraged alarmed appalled troubled sorry grateful thankful
    opponent opponents critic critics supporter supporters advocate advocates proponent
    proponents defender defenders champion champions fan fans backer backers believer believers
    skeptic skeptics sceptic sceptics
    """
)
"""Adjectives and agent nouns of an attitude towards something ("critical of", "a supporter of")."""

PREDICATE_PREPOSITIONS = words("of about over with on in to toward towards at for against")
"""Prepositions that take what the attitude is about ("concerned about C")."""

CLAUSES = ("ccomp", "xcomp")


def attitude_of(copula: Token) -> Token | None:
    """The attitude word a copula takes as its complement ("are afraid", "is a critic"), if any."""
    for child in copula.children:
        if child.dep_ in ("acomp", "attr") and child.lower_ in ATTITUDE_PREDICATES:
            return child
    return None


def predicate_content(copula: Token, attitude: Token) -> tuple[list[Token], Token | None] | None:
    """What the attitude is about, and the preposition that belongs to the cue when it is read
    from one: a clause on the adjective or the copula ("sure that C", "willing to C"), else the
    object of its preposition ("critical of C")."""
    for head in (attitude, copula):
        for child in head.children:
            if child.dep_ in CLAUSES and child.i > attitude.i:
                return list(child.subtree), None
    for child in attitude.children:
        if child.dep_ == "prep" and child.i > attitude.i and child.lower_ in PREDICATE_PREPOSITIONS:
            objects = [t for t in child.subtree if t.i != child.i]
            if objects:
                return objects, child
    return None


def predicate_extent(copula: Token, attitude: Token, preposition: Token | None) -> list[Token]:
    """The cue: auxiliaries and negation before the copula, the copula, the words up to the
    attitude ("has been a consistent and outspoken supporter") and its preposition."""
    start = copula.i
    for child in copula.children:
        if child.i < copula.i and child.dep_ in ("aux", "neg"):
            start = min(start, child.i)
    end = preposition.i if preposition is not None else attitude.i
    return list(copula.doc[start : end + 1])
