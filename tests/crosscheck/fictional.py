"""A fictional flood story built by hand: articles, families, links and claims as the earlier
stages would give them, so cross-checking can be tested without spaCy or the linking stage.

Planted: the 300 evacuated agree across three families; nine injured (two families) against eleven
(one family); the dam operator's denial of the council's claim; a rewrite that adds a slanted
sentence and an invented figure; a relay of the wire by another outlet; two different quantities
(four bridges today, 30 roads in total) that must not conflict.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from newscheck.model import (
    Article,
    Claim,
    Family,
    Figure,
    Link,
    Span,
    Stance,
    Story,
    article_id,
    digest,
    group_id,
)

GAZETTE_TITLE = "Orne floods force hundreds from homes in Brennholt"
GAZETTE = (
    "Floodwater from the river Orne forced 300 residents from their homes in Brennholt on "
    "Sunday, the district council said.\n\n"
    "Nine people were injured, the fire service said.\n\n"
    "The council said the dam operator Aldrin Hydro had opened the sluices at the Kell dam "
    "without warning on Saturday night.\n\n"
    "Four bridges were closed on Sunday, the police said."
)
BEACON_TITLE = "Shocking flood chaos: reckless dam firm leaves Brennholt in ruins"
BEACON = (
    "Some 300 people in Brennholt had to leave their houses on Sunday as the river Orne burst "
    "its banks, according to the district council.\n\n"
    "The fire service said nine people were hurt.\n\n"
    "According to the council, Aldrin Hydro opened the Kell dam sluices without warning on "
    "Saturday night.\n\n"
    "The reckless firm had ignored 25 safety warnings, and the people of Brennholt deserve "
    "answers."
)
COURIER_TITLE = "Brennholt evacuated as Orne bursts its banks"
COURIER = (
    "About 300 residents of Brennholt were evacuated on Sunday after the Orne flooded the town "
    "centre, council officials said.\n\n"
    "Eleven people were injured, according to Brennholt General Hospital.\n\n"
    "Aldrin Hydro denied that it had opened the sluices at the Kell dam, saying the gates had "
    "stayed shut all weekend.\n\n"
    "Police said 30 roads had been closed in total since the rain began."
)
RADIO_TITLE = "Flood latest from Brennholt"
RADIO = (
    "Nine people were injured in the Brennholt floods, the fire service said, according to the "
    "Northern Wire.\n\n"
    "Rescue boats from three towns helped residents reach dry ground."
)
WIRE_TITLE = "Floods hit Brennholt"
WIRE = (
    "BRENNHOLT, May 4 (NW) - Nine people were injured in floods in Brennholt, the fire service "
    "said.\n\n"
    "Floodwater forced 300 residents from their homes, the district council said."
)

WHEN = datetime(2031, 5, 4, 18, 0, tzinfo=UTC)


def make_article(title: str, text: str, seq: int, source: str | None = None) -> Article:
    return Article(
        id=article_id(title, text),
        title=title,
        text=text,
        location=f"fictional/{seq}.txt",
        location_kind="path",
        format="txt",
        source=source,
        published=WHEN,
        seq=seq,
    )


def figure(article: Article, words: str, value: float, unit: str, within: str = "") -> Figure:
    base = article.text.index(within) if within else 0
    start = article.text.index(words, base)
    return Figure(article.id, start, start + len(words), value, unit)


def claim(
    article: Article,
    words: str,
    speaker: str | None = None,
    *,
    cue: str | None = None,
    stance: Stance = "asserts",
    figures: tuple[tuple[str, float, str], ...] = (),
    via: str | None = None,
    kind: str = "fact",
) -> Claim:
    start = article.text.index(words)
    end = start + len(words)
    return Claim(
        id="claim-" + digest(article.id, str(start), str(end)),
        article_id=article.id,
        start=start,
        end=end,
        text=words,
        speaker=speaker,
        cue=cue or ("said" if speaker else None),
        stance=stance,
        kind="opinion" if kind == "opinion" else "fact",
        figures=tuple(figure(article, w, v, u, words) for w, v, u in figures),
        via=via,
    )


@dataclass(frozen=True, slots=True)
class Flood:
    gazette: Article
    beacon: Article
    courier: Article
    radio: Article
    wire: Article
    story: Story
    families: tuple[Family, ...]
    links: tuple[Link, ...]
    claims: tuple[Claim, ...]

    @property
    def articles(self) -> dict[str, Article]:
        return {a.id: a for a in (self.gazette, self.beacon, self.courier, self.radio, self.wire)}

    def claim_with(self, article: Article, words: str) -> Claim:
        return next(c for c in self.claims if c.article_id == article.id and words in c.text)


def flood() -> Flood:
    gazette = make_article(GAZETTE_TITLE, GAZETTE, 0, "Lakeside Gazette")
    beacon = make_article(BEACON_TITLE, BEACON, 1, "The Beacon")
    courier = make_article(COURIER_TITLE, COURIER, 2, "Valley Courier")
    radio = make_article(RADIO_TITLE, RADIO, 3, "Radio Orne")
    wire = make_article(WIRE_TITLE, WIRE, 4)
    added = BEACON.index("The reckless firm")
    links = (
        Link(
            derived=beacon.id,
            origin=gazette.id,
            relation="rewrite",
            shared=0.75,
            added=(Span(beacon.id, added, len(BEACON)),),
        ),
    )
    families = (
        Family(
            group_id("family-", [gazette.id, beacon.id]), None, (gazette.id, beacon.id), gazette.id
        ),
        Family(group_id("family-", [courier.id]), None, (courier.id,), courier.id),
        Family(group_id("family-", [radio.id]), None, (radio.id,), radio.id),
        Family(group_id("family-", [wire.id]), None, (wire.id,), wire.id),
    )
    claims = (
        claim(
            gazette,
            "Floodwater from the river Orne forced 300 residents from their homes"
            " in Brennholt on Sunday",
            "the district council",
            figures=(("300 residents", 300, "residents"),),
        ),
        claim(
            gazette,
            "Nine people were injured",
            "the fire service",
            figures=(("Nine people", 9, "people"),),
        ),
        claim(
            gazette,
            "the dam operator Aldrin Hydro had opened the sluices at the Kell dam"
            " without warning on Saturday night",
            "The council",
        ),
        claim(
            gazette,
            "Four bridges were closed on Sunday",
            "the police",
            figures=(("Four bridges", 4, "bridges"),),
        ),
        claim(
            beacon,
            "Some 300 people in Brennholt had to leave their houses on Sunday as"
            " the river Orne burst its banks",
            "the district council",
            cue="according to",
            figures=(("Some 300 people", 300, "people"),),
        ),
        claim(
            beacon,
            "nine people were hurt",
            "The fire service",
            figures=(("nine people", 9, "people"),),
        ),
        claim(
            beacon,
            "Aldrin Hydro opened the Kell dam sluices without warning on Saturday night",
            "the council",
            cue="according to",
        ),
        claim(
            beacon,
            "The reckless firm had ignored 25 safety warnings",
            None,
            figures=(("25 safety warnings", 25, "warnings"),),
        ),
        claim(beacon, "the people of Brennholt deserve answers", None, kind="opinion"),
        claim(
            courier,
            "About 300 residents of Brennholt were evacuated on Sunday after the"
            " Orne flooded the town centre",
            "council officials",
            figures=(("About 300 residents", 300, "residents"),),
        ),
        claim(
            courier,
            "Eleven people were injured",
            "Brennholt General Hospital",
            cue="according to",
            figures=(("Eleven people", 11, "people"),),
        ),
        claim(
            courier,
            "it had opened the sluices at the Kell dam",
            "Aldrin Hydro",
            cue="denied",
            stance="denies",
        ),
        claim(
            courier,
            "30 roads had been closed in total since the rain began",
            "Police",
            figures=(("30 roads", 30, "roads"),),
        ),
        claim(
            radio,
            "Nine people were injured in the Brennholt floods",
            "the fire service",
            via="the Northern Wire",
            figures=(("Nine people", 9, "people"),),
        ),
        claim(
            radio,
            "Rescue boats from three towns helped residents reach dry ground",
            None,
            figures=(("three towns", 3, "towns"),),
        ),
        claim(
            wire,
            "Nine people were injured in floods in Brennholt",
            "the fire service",
            figures=(("Nine people", 9, "people"),),
        ),
        claim(
            wire,
            "Floodwater forced 300 residents from their homes",
            "the district council",
            figures=(("300 residents", 300, "residents"),),
        ),
    )
    members = (gazette.id, beacon.id, courier.id, radio.id, wire.id)
    story = Story(group_id("story-", list(members)), GAZETTE_TITLE, members, WHEN, WHEN)
    return Flood(gazette, beacon, courier, radio, wire, story, families, links, claims)
