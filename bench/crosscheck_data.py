"""Generated stories for the cross-checking benchmarks: fictional facts told by independent
families of articles (an origin and its copies and rewrites), with known answers.

Each fact is a sentence built from a template (a speaker, a count of something, an event, a place,
a day); an origin article tells some of the story's facts, popular ones more often; its copies
re-word each sentence (synonyms, dropped words) and add a sentence of their own. Some facts are
told with a different number by some families (planted numeric conflicts) and some are denied by
another speaker (planted denials). Everything is invented here; no data is read.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from newscheck.model import (
    Article,
    Claim,
    Family,
    Figure,
    Link,
    Span,
    Story,
    article_id,
    digest,
    group_id,
)

CONSONANTS = "bcdfghklmnprstvz"
VOWELS = "aeiou"
SPEAKERS = [
    "the district council",
    "the fire service",
    "the regional police",
    "Mayor Ilse Varn",
    "the health ministry",
    "the coast guard",
    "Governor Tomas Reel",
    "the army command",
]
COUNTED = [
    ("people", "injured", ("hurt", "wounded")),
    ("residents", "evacuated", ("moved out", "taken to shelters")),
    ("soldiers", "captured", ("taken prisoner", "seized")),
    ("drones", "launched", ("fired", "sent")),
    ("homes", "damaged", ("hit", "wrecked")),
    ("boats", "deployed", ("sent out", "called in")),
    ("bridges", "closed", ("shut", "blocked")),
    ("schools", "shut", ("closed", "emptied")),
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SYNONYMS = {
    "said": "reported",
    "were": "had been",
    "in": "near",
    "on": "by",
}
ADDED_SUBJECTS = [
    "critics",
    "locals",
    "residents",
    "observers",
    "bloggers",
    "activists",
    "neighbours",
]
ADDED_VERBS = ["fear", "doubt", "suspect", "claim", "believe", "insist", "suggest", "allege"]
ADDED_NOUNS = [
    "warnings",
    "complaints",
    "inspections",
    "permits",
    "fines",
    "reports",
    "letters",
    "visits",
]


def added_sentence(rng: random.Random, place: str) -> str:
    """A sentence a rewrite adds: a claim no source makes, worded its own way."""
    return (
        f"{rng.choice(ADDED_SUBJECTS).capitalize()} in {place} {rng.choice(ADDED_VERBS)} that "
        f"{rng.randint(2, 99)} {rng.choice(ADDED_NOUNS)} were ignored by {place_name(rng, set())}."
    )


@dataclass(frozen=True, slots=True)
class Fact:
    index: int
    speaker: str
    value: int
    unit: str
    verb: str
    variants: tuple[str, ...]
    place: str
    day: str
    conflicting: int | None
    """A different value some families give (a planted numeric conflict)."""
    denied_by: str | None
    """A speaker who denies it in some families (a planted denial)."""


@dataclass(frozen=True, slots=True)
class GeneratedStory:
    story: Story
    articles: dict[str, Article]
    claims: tuple[Claim, ...]
    families: tuple[Family, ...]
    links: tuple[Link, ...]
    truth: dict[str, str]
    """Claim id -> planted key of what it states (fact, value and polarity)."""
    planted: dict[str, int]
    """How many numeric conflicts and denials were planted (facts told with two values; facts
    denied by someone)."""


def place_name(rng: random.Random, taken: set[str]) -> str:
    """An invented place name whose first five letters no other place shares."""
    while True:
        letters = [rng.choice(CONSONANTS if i % 2 == 0 else VOWELS) for i in range(7)]
        name = "".join(letters).capitalize()
        if name[:5] not in taken:
            taken.add(name[:5])
            return name


def make_facts(rng: random.Random, count: int) -> list[Fact]:
    facts = []
    taken: set[str] = set()
    for index in range(count):
        unit, verb, variants = rng.choice(COUNTED)
        speaker = rng.choice(SPEAKERS)
        facts.append(
            Fact(
                index=index,
                speaker=speaker,
                value=rng.randint(4, 900),
                unit=unit,
                verb=verb,
                variants=variants,
                place=place_name(rng, taken),
                day=rng.choice(WEEKDAYS),
                conflicting=rng.randint(4, 900) if rng.random() < 0.1 else None,
                denied_by=rng.choice([s for s in SPEAKERS if s != speaker])
                if rng.random() < 0.1
                else None,
            )
        )
    return facts


def _sentence(fact: Fact, value: int, rewrite: bool, rng: random.Random) -> tuple[str, str]:
    """The sentence and its figure's words."""
    verb = rng.choice(fact.variants) if rewrite else fact.verb
    figure = f"{value} {fact.unit}"
    text = f"{figure} were {verb} in {fact.place} on {fact.day}, {fact.speaker} said."
    if rewrite:
        text = " ".join(SYNONYMS.get(w, w) if rng.random() < 0.5 else w for w in text.split())
        text = text[0].upper() + text[1:]
    return text, figure


def _denial(fact: Fact) -> str:
    assert fact.denied_by is not None
    return (
        f"{fact.denied_by[0].upper()}{fact.denied_by[1:]} denied that {fact.unit} were "
        f"{fact.verb} in {fact.place}."
    )


def generate(
    families: int,
    copies: int,
    claims_per_article: int = 15,
    facts: int | None = None,
    seed: int = 7,
) -> GeneratedStory:
    """A story of ``families`` independent families of ``1 + copies`` articles each."""
    rng = random.Random(seed)
    pool = make_facts(rng, facts or max(claims_per_article * 2, families * 3))
    weights = [1.0 / (i + 1) for i in range(len(pool))]
    articles: dict[str, Article] = {}
    claims: list[Claim] = []
    fams: list[Family] = []
    links: list[Link] = []
    truth: dict[str, str] = {}
    values: dict[int, set[int]] = {}
    denied: set[int] = set()
    seq = 0
    for f in range(families):
        chosen = sorted(set(rng.choices(range(len(pool)), weights, k=claims_per_article)))
        conflicting = rng.random() < 0.3
        denying = rng.random() < 0.3
        members: list[str] = []
        origin_id = ""
        for c in range(copies + 1):
            parts: list[tuple[str, str | None, str, str, str | None, str, str]] = []
            for index in chosen:
                fact = pool[index]
                value = fact.conflicting if conflicting and fact.conflicting else fact.value
                text, figure = _sentence(fact, value, c > 0, rng)
                values.setdefault(index, set()).add(value)
                key = f"{index}:{value}:asserts"
                parts.append((text, figure, key, fact.speaker, None, fact.unit, fact.place))
                if denying and fact.denied_by and c == 0:
                    denied.add(index)
                    denial = (_denial(fact), None, f"{index}:denies", fact.denied_by, "denied")
                    parts.append((*denial, "", fact.place))
            added_at = len(parts)
            if c > 0:
                where = place_name(rng, set())
                added = added_sentence(rng, where)
                parts.append((added, None, f"added:{f}:{c}", "", None, "", where))
            title = f"Story {f} copy {c}"
            text = " ".join(p[0] for p in parts)
            aid = article_id(title, text)
            articles[aid] = Article(aid, title, text, f"gen/{f}/{c}.txt", "path", "txt", seq=seq)
            seq += 1
            members.append(aid)
            offset = 0
            added_spans: list[Span] = []
            for n, (sentence, figure, key, speaker, cue, unit, place) in enumerate(parts):
                start, end = offset, offset + len(sentence)
                offset = end + 1
                figures: tuple[Figure, ...] = ()
                if figure is not None:
                    value = float(figure.split()[0])
                    figures = (Figure(aid, start, start + len(figure), value, unit),)
                claim = Claim(
                    id="claim-" + digest(aid, str(start)),
                    article_id=aid,
                    start=start,
                    end=end,
                    text=sentence,
                    speaker=speaker or None,
                    cue=cue or ("said" if speaker else None),
                    stance="denies" if cue == "denied" else "asserts",
                    figures=figures,
                    entities=(place,),
                )
                claims.append(claim)
                truth[claim.id] = key
                if n >= added_at:
                    added_spans.append(Span(aid, start, end))
            if c == 0:
                origin_id = aid
            else:
                links.append(Link(aid, origin_id, "rewrite", 0.9, added=tuple(added_spans)))
        fams.append(Family(group_id("family-", members), None, tuple(members), origin_id))
    story = Story(group_id("story-", list(articles)), "Generated story", tuple(articles))
    planted = {"numeric": sum(len(v) > 1 for v in values.values()), "denial": len(denied)}
    return GeneratedStory(story, articles, tuple(claims), tuple(fams), tuple(links), truth, planted)


def pairwise_scores(groups: list[tuple[str, ...]], truth: dict[str, str]) -> tuple[float, float]:
    """Precision and recall of "these two claims are in one group" against the planted keys."""
    found = 0
    right = 0
    for members in groups:
        keys = [truth[c] for c in members]
        n = len(keys)
        found += n * (n - 1) // 2
        counts: dict[str, int] = {}
        for k in keys:
            counts[k] = counts.get(k, 0) + 1
        right += sum(v * (v - 1) // 2 for v in counts.values())
    planted: dict[str, int] = {}
    for k in truth.values():
        planted[k] = planted.get(k, 0) + 1
    expected = sum(v * (v - 1) // 2 for v in planted.values())
    precision = right / found if found else 1.0
    recall = right / expected if expected else 1.0
    return precision, recall
