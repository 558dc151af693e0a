"""When two claims (or two sets of claims) cannot be one claim group, whatever their wording.

A group never mixes an assertion with its denial, a fact with an opinion, two different values of
one quantity ("12 injured" and "15 injured" are two groups, in conflict), or two speakers who are
clearly different people. The state of a set of claims is kept as the few distinct values its
members have, so checking two sets is cheap even when each holds a hundred copies of one sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newscheck.crosscheck.features import ClaimFeatures
from newscheck.crosscheck.quantities import Quantity, comparable, values_agree
from newscheck.crosscheck.terms import names_compatible

Speaker = tuple[frozenset[str], frozenset[str]]
"""A speaker's name stems and the stems of the sentence that names them."""


@dataclass(slots=True)
class Traits:
    """What decides compatibility, for one claim or a set of claims."""

    polarities: set[str] = field(default_factory=set)
    opinions: set[bool] = field(default_factory=set)
    speakers: set[Speaker] = field(default_factory=set)
    quantities: set[Quantity] = field(default_factory=set)

    @classmethod
    def of(cls, claim: ClaimFeatures) -> Traits:
        traits = cls()
        traits.add(claim)
        return traits

    def add(self, claim: ClaimFeatures) -> None:
        self.polarities.add(claim.polarity)
        self.opinions.add(claim.opinion)
        if claim.speaker:
            self.speakers.add((claim.speaker, claim.context))
        self.quantities.update(claim.quantities)

    def absorb(self, other: Traits) -> None:
        self.polarities |= other.polarities
        self.opinions |= other.opinions
        self.speakers |= other.speakers
        self.quantities |= other.quantities

    def compatible(self, other: Traits) -> bool:
        return (
            self.polarities == other.polarities
            and self.opinions == other.opinions
            and speakers_compatible(self.speakers, other.speakers)
            and quantities_compatible(self.quantities, other.quantities)
        )


def speakers_compatible(first: set[Speaker], second: set[Speaker]) -> bool:
    return all(
        names_compatible(a_name, b_name, a_context, b_context)
        for a_name, a_context in first
        for b_name, b_context in second
    )


def quantities_compatible(first: set[Quantity], second: set[Quantity]) -> bool:
    return not any(comparable(a, b) and not values_agree(a, b) for a in first for b in second)


def numbers_clash(first: ClaimFeatures, second: ClaimFeatures) -> bool:
    """Both state figures and share none: likely two different facts."""
    return bool(first.numbers and second.numbers and not first.numbers & second.numbers)


def places_differ(first: ClaimFeatures, second: ClaimFeatures) -> bool:
    """Both name entities and none in common: likely two events ("14 injured in Kryvyi Rih" and
    "13 injured in Kharkiv")."""
    return bool(first.entities and second.entities and not first.entities & second.entities)
