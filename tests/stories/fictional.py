"""Fictional articles for the story tests (places, people and events are invented)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from newscheck.model import Article, article_id

DAY0 = datetime(2031, 5, 4, 9, 0, tzinfo=UTC)


def make_article(
    title: str,
    text: str,
    *,
    published: datetime | None = None,
    seq: int = 0,
    language: str | None = None,
) -> Article:
    return Article(
        id=article_id(title, text),
        title=title,
        text=text,
        location=f"fictional/{seq}.txt",
        location_kind="path",
        format="txt",
        published=published,
        seq=seq,
        language=language,
    )


def at(days: float) -> datetime:
    return DAY0 + timedelta(days=days)


FLOOD = [
    (
        "Vessa river floods Tarnow, 340 homes evacuated",
        "The Vessa river burst its banks in Tarnow on Sunday, forcing the evacuation of 340 homes, "
        "the regional governor Maren Holt said. Rescue crews used boats to reach families on the "
        "east bank. Holt said the water rose 2.4 metres in six hours after three days of rain.",
    ),
    (
        "Hundreds evacuated as Vessa floodwater swamps Tarnow",
        "Floodwater from the Vessa swamped low streets of Tarnow, and 340 homes were evacuated, "
        "according to governor Maren Holt. Boats carried residents of the east bank to a school "
        "turned shelter. The river rose 2.4 metres after heavy rain.",
    ),
    (
        "Tarnow flood: governor Holt asks for army help",
        "Governor Maren Holt asked for army engineers to shore up dykes in Tarnow, where the Vessa "
        "flood has driven families from 340 homes. Rain is expected to ease on Tuesday, "
        "forecasters said, but the river is still rising on the east bank.",
    ),
]

ELECTION = [
    (
        "Ilse Dorn wins Brightmoor mayoral race with 52 percent",
        "Ilse Dorn of the Harbour Party won the Brightmoor mayoral election with 52 percent of the "
        "vote, the city electoral office said. Her rival Anton Brecht conceded late on Sunday and "
        "congratulated Dorn on a campaign fought over bus fares and housing.",
    ),
    (
        "Dorn elected mayor of Brightmoor, Brecht concedes",
        "Anton Brecht conceded defeat in Brightmoor after Ilse Dorn took 52 percent of the vote in "
        "the mayoral election. Dorn promised cheaper bus fares and new housing on the old docks, "
        "the Harbour Party said.",
    ),
]

LATER_FLOOD = (
    "Tarnow marks flood anniversary as new dykes open",
    "A year after the Vessa flood, governor Maren Holt opened new dykes on the east bank of "
    "Tarnow. Residents who lost homes in the flood laid flowers by the river, and Holt said the "
    "dykes would hold water 3 metres higher.",
)


def flood(start: float = 0.0, seq0: int = 0) -> list[Article]:
    return [
        make_article(t, x, published=at(start + 0.2 * i), seq=seq0 + i)
        for i, (t, x) in enumerate(FLOOD)
    ]


def election(start: float = 0.0, seq0: int = 10) -> list[Article]:
    return [
        make_article(t, x, published=at(start + 0.3 * i), seq=seq0 + i)
        for i, (t, x) in enumerate(ELECTION)
    ]


def partition(stories: object) -> set[frozenset[str]]:
    """The stories as a set of member sets (order-free, id-free)."""
    return {frozenset(s.article_ids) for s in stories}  # type: ignore[attr-defined]
