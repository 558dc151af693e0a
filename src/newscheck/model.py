"""The records every stage reads and writes.

Text is stored once, on the :class:`Article`. Everything found inside an article (paragraph,
sentence, quote, figure, claim) is a span ``(article_id, start, end)`` into ``Article.text``, so a
report can always show and highlight its source. Records are frozen; a stage returns new records and
never changes another stage's.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

ARTICLE_ID_SCHEME = "article.sha256-title-text.v1"

LocationKind = Literal["path", "url"]

REJECTION_REASONS: dict[str, str] = {
    "not_found": "the path does not exist",
    "unreadable": "the file exists but cannot be opened (permissions, a special file)",
    "unsupported": "not a format newscheck reads",
    "empty": "no content",
    "binary": "binary data, not text",
    "undecodable": "bytes that do not decode as text",
    "malformed": "the file's structure cannot be parsed",
    "too_large": "over a size limit",
    "too_many_records": "over the record limit for one file",
    "no_text": "no article text could be extracted",
    "duplicate": "the same title and text as an article already read",
    "fetch_failed": "the URL could not be fetched",
    "forbidden_address": "the URL points at a private, loopback or link-local address",
    "unsafe_xml": "XML with entity declarations or external entities",
}
"""Stable reason codes for rejections, with their meaning."""


def digest(*parts: str, size: int = 16) -> str:
    """A short, stable hex digest of text parts (NUL-separated so parts cannot run together)."""
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()[:size]


def article_id(title: str, text: str) -> str:
    """Content hash of an article: the same title and cleaned text give the same id anywhere."""
    return digest(ARTICLE_ID_SCHEME, title, text)


def group_id(prefix: str, member_ids: list[str] | tuple[str, ...] | frozenset[str]) -> str:
    """Deterministic id of a group (story, family, claim group) from its members' ids."""
    return prefix + digest(prefix, *sorted(member_ids), size=12)


# --------------------------------------------------------------------------- ingest and clean


@dataclass(frozen=True, slots=True)
class RawArticle:
    """What a reader produced, before cleaning. ``text`` is plain text with paragraphs separated by
    blank lines; readers of HTML have already extracted the main text."""

    location: str
    """The path as given (for a record inside a file: ``path#n``) or the URL."""
    location_kind: LocationKind
    format: str
    """Reader that produced it: txt, html, jsonl, json, feed, warc, url."""
    title: str
    text: str
    url: str | None = None
    source: str | None = None
    published: datetime | None = None
    author: str | None = None
    given_id: str | None = None
    language: str | None = None
    summary_only: bool = False
    """True when a feed gave only a summary, not the full article."""


RemovedKind = Literal[
    "boilerplate", "comments", "tag", "share", "site_tag", "repeated_headline", "repeated"
]


@dataclass(frozen=True, slots=True)
class Removed:
    """A piece of the input that cleaning took out, kept so the report can show it."""

    kind: str
    text: str


@dataclass(frozen=True, slots=True)
class Article:
    """One cleaned article. ``text`` is the single stored text every span points into."""

    id: str
    title: str
    text: str
    location: str
    location_kind: LocationKind
    format: str
    removed: tuple[Removed, ...] = ()
    url: str | None = None
    source: str | None = None
    published: datetime | None = None
    author: str | None = None
    given_id: str | None = None
    language: str | None = None
    summary_only: bool = False
    seq: int = 0
    """Ingest order within the run (used to order articles with no date)."""

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of one article's text."""

    article_id: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    article_id: str
    index: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    article_id: str
    index: int
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True, slots=True)
class Segmentation:
    """Paragraphs and sentences of one article, as spans into its text."""

    article_id: str
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    scheme: str


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not be used, and why. Never silent, never fatal to the batch."""

    location: str
    location_kind: LocationKind
    reason: str
    detail: str


# --------------------------------------------------------------------------- link


@dataclass(frozen=True, slots=True)
class SentencePair:
    """A sentence of the derived article aligned to a sentence of the origin."""

    derived_sentence: int
    origin_sentence: int
    score: float
    relation: Literal["same", "paraphrase", "partial"]


@dataclass(frozen=True, slots=True)
class Link:
    """``derived`` copies or re-words ``origin``."""

    derived: str
    origin: str
    relation: Literal["copy", "near_copy", "rewrite", "partial"]
    shared: float
    """Share of the derived article's sentences aligned to the origin (0..1)."""
    added: tuple[Span, ...] = ()
    """Derived sentences with no support in any other article."""
    pairs: tuple[SentencePair, ...] = ()
    direction_method: str = "unknown"
    """How the direction was decided: "published", "text" or "unknown"."""
    direction_confidence: float = 0.0
    scheme: str = ""


@dataclass(frozen=True, slots=True)
class Family:
    """Articles joined by links: one independent witness."""

    id: str
    story_id: str | None
    article_ids: tuple[str, ...]
    origin: str


# --------------------------------------------------------------------------- stories


@dataclass(frozen=True, slots=True)
class Story:
    """Articles that report one event (see :mod:`newscheck.stories`)."""

    id: str
    """``group_id("story", member ids)`` when the story was first formed: the same for a batch in
    any input order. A stored story keeps its id as later runs add to it; a merge keeps the id of
    the earliest stored part."""
    title: str
    """The headline of the member most like the story as a whole."""
    article_ids: tuple[str, ...]
    """Members: those stored before first, then new ones, each in publication order."""
    first_seen: datetime | None = None
    """Earliest publication time of a member (None when no member is dated)."""
    last_seen: datetime | None = None
    scheme: str = ""
    """Versioned name of the clustering that formed it (``stories.online-avglink.v2``)."""


# --------------------------------------------------------------------------- extract


@dataclass(frozen=True, slots=True)
class Entity:
    article_id: str
    start: int
    end: int
    label: Literal["PERSON", "PLACE", "ORG"]
    canonical: str


@dataclass(frozen=True, slots=True)
class Figure:
    article_id: str
    start: int
    end: int
    value: float
    unit: str
    """What is counted ("drones", "people", "square kilometers")."""
    approx: str | None = None
    """"about", "more than", ... when the figure is approximate."""
    counted: str | None = None
    """The fuller description of what is counted ("Iskander-M ballistic missiles"; "territory" in
    "259 square kilometers of territory"; "truce" in "a 30-day truce")."""

    def text_in(self, article: Article) -> str:
        return article.text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who said what: three spans into one article's text."""

    article_id: str
    source: Span | None
    """None when the text names no source ("it was reported that ...")."""
    cue: Span
    content: Span
    via: Span | None = None
    """The relaying outlet or agency in a chain ("according to TASS")."""
    scheme: str = ""


Stance = Literal["asserts", "denies", "hedges"]


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    article_id: str
    start: int
    end: int
    text: str
    speaker: str | None
    cue: str | None
    stance: Stance = "asserts"
    kind: Literal["fact", "opinion"] = "fact"
    figures: tuple[Figure, ...] = ()
    entities: tuple[str, ...] = ()
    """Canonical names of the entities the claim names."""
    via: str | None = None
    """The outlet or agency that relayed the speaker's words ("via TASS")."""
    checkworthy: float = 0.0
    """Probability (0..1) that the claim's sentence is a check-worthy factual claim."""
    scheme: str = ""


# --------------------------------------------------------------------------- crosscheck


ClaimStatus = Literal["corroborated", "single_source", "contested", "unattested"]


@dataclass(frozen=True, slots=True)
class ClaimGroup:
    id: str
    story_id: str
    claim_ids: tuple[str, ...]
    families: int
    status: ClaimStatus


@dataclass(frozen=True, slots=True)
class Conflict:
    kind: Literal["denial", "numeric"]
    claim_ids: tuple[str, ...]
    detail: str


@dataclass(frozen=True, slots=True)
class SummarySentence:
    text: str
    cites: tuple[str, ...] = field(default_factory=tuple)


WitnessKind = Literal["speaker", "agency"]


@dataclass(frozen=True, slots=True)
class ClaimSupport:
    """Who independently carries one claim group (kept beside :class:`ClaimGroup`, same id)."""

    group_id: str
    witnesses: tuple[str, ...]
    """The independent witnesses counted in ``ClaimGroup.families``: family ids, and
    ``"agency:<name>"`` for a news agency that outlets relay and that no family of the story is."""
    rests_on: str | None = None
    """The one speaker or agency every mention relies on, when there is exactly one."""
    rests_on_kind: WitnessKind | None = None
    added_claim_ids: tuple[str, ...] = ()
    """Members found only in text a rewrite added (they count for no family)."""


@dataclass(frozen=True, slots=True)
class FigureCheck:
    """One figure of a story (a value of one quantity, "12 people injured") and the independent
    witnesses that give it, in whatever sentence they give it."""

    story_id: str
    unit: str
    """What is counted, as a class ("people", "warehouses")."""
    event: str | None
    """What happened to it ("injured", "seriously_injured"), when the text says."""
    value: float
    approx: bool
    claim_ids: tuple[str, ...]
    witnesses: tuple[str, ...]
    status: ClaimStatus

    @property
    def label(self) -> str:
        """What is counted, in words ("people injured")."""
        return " ".join(p for p in (self.unit, self.event) if p).replace("_", " ")

    @property
    def families(self) -> int:
        return len(self.witnesses)


FramingKind = Literal["loaded_word", "added_evaluation"]


@dataclass(frozen=True, slots=True)
class Framing:
    """A change of tone a derived article made relative to its origin: a loaded word the origin
    does not use, or an evaluative sentence the rewrite added. ``start``/``end`` point into the
    derived article's title (``where="title"``) or text."""

    derived: str
    origin: str
    kind: FramingKind
    where: Literal["title", "text"]
    start: int
    end: int
    text: str
    words: tuple[str, ...] = ()
    """The loaded words found in ``text``."""


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """A dated event of a story, in the words of one of its sources."""

    story_id: str
    when: datetime | None
    """The resolved moment (UTC-aware when resolved from a dated article), None when unknown."""
    when_text: str
    """The date words as written ("late on Tuesday", "in August 2024")."""
    precision: Literal["year", "month", "day", "time", "unknown"]
    text: str
    cites: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()
    group_id: str | None = None


@dataclass(frozen=True, slots=True)
class SummaryCitation:
    """Where sentence number ``sentence`` of a story's summary is read in one cited article."""

    story_id: str
    sentence: int
    article_id: str
    start: int
    end: int
    group_id: str | None = None
