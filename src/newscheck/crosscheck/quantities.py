"""What a figure measures, so that two figures can be said to measure the same thing.

A figure's *quantity* is the class of what it counts ("people", "drones") and the event it counts
("injured", "captured"), read from the figure's unit and the words around it in its sentence.
"12 people injured" and "Twelve residents and workers were hurt" measure one quantity; "two
villages" and "24 settlements" do not (different units), nor do "12 people injured" and "a city of
about 180,000 people" (no event), nor "two more villages" and "24 villages in total" (an increment
and a total).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from newscheck.crosscheck.terms import words
from newscheck.model import Figure

QUANTITY_SCHEME = "quantity.unit-class+event-words.v1"

UNIT_CLASSES: dict[str, str] = {
    **dict.fromkeys(
        [
            "people",
            "person",
            "persons",
            "individuals",
            "individual",
            "residents",
            "resident",
            "civilians",
            "civilian",
            "workers",
            "worker",
            "casualties",
            "casualty",
            "victims",
            "victim",
            "passengers",
            "passenger",
            "inhabitants",
            "citizens",
            "adults",
            "employees",
            "staff",
            "members",
            "patients",
        ],
        "people",
    ),
    **dict.fromkeys(
        ["children", "child", "kids", "kid", "minors", "minor", "teenagers", "teenager"], "children"
    ),
    **dict.fromkeys(
        [
            "soldiers",
            "soldier",
            "troops",
            "troop",
            "servicemen",
            "serviceman",
            "fighters",
            "fighter",
            "militants",
        ],
        "soldiers",
    ),
    **dict.fromkeys(["drones", "drone", "uavs", "uav"], "drones"),
    **dict.fromkeys(["missiles", "missile", "rockets", "rocket"], "missiles"),
    **dict.fromkeys(["firefighters", "firefighter", "firemen", "fireman"], "firefighters"),
}
"""Unit words that count the same kind of thing."""

EVENT_CLASSES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("seriously_injured", ("serious", "critical", "severe")),
    ("killed", ("kill", "dead", "death", "die", "died", "fatal", "lives")),
    ("injured", ("injur", "wound", "hurt", "casualt", "treat", "hospital")),
    ("evacuated", ("evacu", "displac", "shelter", "fled", "flee", "leav")),
    ("captured", ("captur", "surrend", "prison", "detain")),
    ("launched", ("launch", "fired", "shot")),
    ("arrested", ("arrest",)),
    (
        "recaptured",
        ("recaptur", "retake", "retook", "regain", "recover", "liberat", "took", "taken"),
    ),
    ("deployed", ("deploy", "sent", "dispatch", "fought")),
    ("destroyed", ("destroy", "damag")),
)
"""Event classes and the word beginnings that name them; the first class found wins (so
"seriously injured" is not "injured")."""

CUMULATIVE_WORDS = frozenset(
    [
        "total",
        "all",
        "overall",
        "cumulative",
        "so",
        "far",
        "since",
        "more",
        "another",
        "additional",
        "further",
        "latest",
        "new",
    ]
)
"""Words near a figure that make it a running total or an increment: such figures are not
compared with a plain count of the same thing."""

WINDOW_WORDS = 10

CLAUSE_MARKS = (",", ";", ":", "(", ")", "—", "–", " - ")
"""Marks that end the clause a figure's event is read in."""
"""Words on each side of a figure that are read for its event."""


@dataclass(frozen=True, slots=True)
class Quantity:
    """One figure as a comparable value: ``key`` names what is measured."""

    unit: str
    event: str | None
    value: float
    approx: str | None
    partial: bool
    """A total, increment or range ("24 in total", "two more", "so far"): never in conflict."""

    @property
    def key(self) -> tuple[str, str | None]:
        return (self.unit, self.event)


def unit_class(unit: str) -> str:
    last = unit.lower().split()[-1] if unit.strip() else ""
    return UNIT_CLASSES.get(last, last)


def event_class(window: list[str]) -> str | None:
    ranks = [rank for rank in map(_event_rank, window) if rank is not None]
    return EVENT_CLASSES[min(ranks)][0] if ranks else None


@lru_cache(maxsize=65536)
def _event_rank(word: str) -> int | None:
    """Position in :data:`EVENT_CLASSES` of the first class the word names, None if none."""
    for rank, (_, beginnings) in enumerate(EVENT_CLASSES):
        if word.startswith(beginnings):
            return rank
    return None


def quantity_of(figure: Figure, text: str, bounds: tuple[int, int]) -> Quantity:
    """The quantity of ``figure``, reading its event in its clause of the sentence
    ``text[bounds]`` ("injuring 15 people" in "... engulfed three warehouses, injuring 15
    people": the people were injured, not the warehouses)."""
    lo, hi = _clause(text, figure.start, figure.end, bounds)
    before = words(text[lo : figure.start])[-WINDOW_WORDS:]
    inside = words(text[figure.start : figure.end])
    after = words(text[figure.end : hi])[:WINDOW_WORDS]
    unit = unit_class(figure.unit)
    event = event_class(inside + after + before)
    if event is None and unit == "people" and figure.unit.lower().startswith("casualt"):
        event = "injured"
    near = set(before[-3:]) | set(after[:6]) | set(inside)
    partial = bool(near & CUMULATIVE_WORDS) or figure.approx in ("more than", "at least", "up to")
    return Quantity(unit, event, figure.value, figure.approx, partial)


def _clause(text: str, start: int, end: int, bounds: tuple[int, int]) -> tuple[int, int]:
    """The stretch of the sentence around ``[start, end)`` between clause marks."""
    lo, hi = bounds
    left = max((text.rfind(mark, lo, start) for mark in CLAUSE_MARKS), default=-1)
    rights = [i for i in (text.find(mark, end, hi) for mark in CLAUSE_MARKS) if i >= 0]
    return (max(lo, left + 1), min(rights, default=hi))


def values_agree(first: Quantity, second: Quantity) -> bool:
    """The two values can describe the same count: equal, or within 15% when either is
    approximate ("some 40" and "40"), or bounded consistently ("more than 10" and 14)."""
    a, b = first.value, second.value
    if a == b:
        return True
    if first.partial or second.partial:
        return True
    if first.approx or second.approx:
        return abs(a - b) <= 0.15 * max(abs(a), abs(b))
    return False


def same_count(first: Quantity, second: Quantity) -> bool:
    """Both give the same value for the same event ("14 people injured", "wounded ... has risen
    to 14"): agreement, even when one of them names no unit."""
    return (
        first.event is not None
        and first.event == second.event
        and (first.unit == second.unit or not first.unit or not second.unit)
        and values_agree(first, second)
    )


def comparable(first: Quantity, second: Quantity) -> bool:
    """Both measure the same thing, so different values would be a disagreement."""
    return bool(first.unit) and first.key == second.key and not (first.partial or second.partial)
