"""Page furniture inside extracted text: comment forms, tag and share lines, teasers, credits.

Every rule looks at one paragraph and is anchored on its start (a cue from
:mod:`newscheck.clean.cues` followed by a colon or the end of the line), and most also require a
short paragraph, so a cue word inside a reporting sentence ("he posted a comment on Facebook")
never removes it. Two rules look at the end of the article: a comment-section heading or a
"related articles" heading with most of the article before it (half of its characters, or 600)
opens furniture: all of the rest for comments, the run of short link-like lines that follows for
related articles. Elsewhere such a heading is removed alone.

Removed pieces are returned as :class:`~newscheck.model.Removed` with their kind.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from newscheck.clean import cues
from newscheck.clean.cues import alternation
from newscheck.model import Removed

_LEAD = r"(?:[>»▶→•*]+\s*)?"
"""Arrows or a bullet before a teaser ("» Read more: ...", ">> Mehr lesen: ...")."""

_SEPARATOR = r"\s*(?:[:»>|]+|\s[-–—]\s)"
"""What follows a cue that opens a line: a colon, a chevron or a spaced dash."""

_TAIL_SHARE = 0.5
_TAIL_CHARS = 600
"""Section headings count once this share of the article's characters, or this many
characters, lie before them: a comment count next to the byline is not a comment section."""

_LINK_LINE_CHARS = 160
"""Longest line taken for a link in a block of related articles."""


@dataclass(frozen=True, slots=True)
class LineRule:
    """A paragraph that ``pattern`` (a regular expression, case ignored) matches at its start
    and that is at most ``max_chars`` long is furniture of ``kind``."""

    kind: str
    pattern: str
    max_chars: int


def _rule(kind: str, pattern: str, max_chars: int) -> LineRule:
    return LineRule(kind, pattern, max_chars)


def _whole(phrases: Sequence[str]) -> str:
    return rf"[*(\[]?(?:{alternation(phrases)})[\s:.!*)\]]*$"


_NUMBER_WORDS = r"(?:\d+|one|ein|eine|keine|un|una|une|uno|jeden)"
"""Counts before "comments" ("3 Comments"); not "no": "No comment." is an answer."""
_COMMENT_COUNT = (
    rf"{_NUMBER_WORDS}\s+(?:comments?|responses?|replies|thoughts\s+on\b.*|kommentare?|"
    r"antworten|comentarios?|commentaires?|commenti|komentarz[ey]?)[\s:.]*$"
    r"|(?:comments?|kommentare|comentarios|commentaires)\s*\(\d+\)[\s:.]*$"
)

_MARK_END = r"\s*[:.*)\]]|\s+[-–—|]\s|$"
"""What ends an advertising mark: punctuation or a spaced dash, never a plain word
("Anzeige gegen ..." is a criminal complaint, not an advert)."""

_DATE = r"\d[\d\s./:,-]*(?:\s*(?:uhr|am|pm|h|gmt|utc|cet|mez))?[\s.)]*$"
"""A numeric date and time, and nothing after it."""

_NUMERIC_DATE = (
    r"(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2})"
    r"(?:[,\s|]+\d{1,2}[:.]\d{2}(?:\s*(?:uhr|am|pm|h))?)?[\s)\]]*$"
)
"""A paragraph that is nothing but a numeric date (and time): a date stamp, not reporting."""

_WEB = r"\S*(?:www\.|https?://|\.(?:com|org|net|de|at|ch|fr|es|it|eu)\b)"
"""A web address, written out or as a bare domain."""

_HEADLINE_TAIL = r"[^\n]{0,200}(?<![.;,])$"
"""The rest of a teaser line: a headline, so it does not end like a sentence."""

LINE_RULES: tuple[LineRule, ...] = (
    _rule("comments", rf"(?:{alternation(cues.COMMENT_LINES)})", 300),
    _rule("comments", _COMMENT_COUNT, 120),
    _rule("comments", r"(?:name|e-?mail|website|comment|kommentar|webseite)\s*\*$", 30),
    _rule("tag", rf"(?:{alternation(cues.TAG_LABELS)})\s*:", 300),
    _rule("tag", r"(?:tags|schlagwörter|schlagworte|temas|etiquetas|mots-clés|keywords)$", 20),
    _rule("tag", r"(?:posted|filed)\s+(?:in|under)\s" + _HEADLINE_TAIL, 120),
    _rule("share", rf"(?:{alternation(cues.SHARE_OPENERS)})\b", 250),
    _rule("share", rf"(?:(?:{alternation(cues.SHARE_BUTTONS)})[\s|,/·•]*)+$", 150),
    _rule("share", r"(?:\S+\s+){0,5}newsletter\b[^.]{0,40}$", 60),
    _rule(
        "boilerplate", rf"{_LEAD}(?:{alternation(cues.READ_ALSO)}){_SEPARATOR}{_HEADLINE_TAIL}", 250
    ),
    _rule("boilerplate", _whole(cues.READ_ALSO), 60),
    _rule("boilerplate", rf"(?:{alternation(cues.CLICK_HERE)})\b", 250),
    _rule("boilerplate", rf"[*(\[]?(?:{alternation(cues.ADVERT_MARKS)})(?:{_MARK_END})", 250),
    _rule("boilerplate", rf"[*(\[]?(?:{alternation(cues.ADVERT_MARKS)}),[^.]*$", 80),
    _rule(
        "boilerplate", rf"\(?(?:{alternation(cues.CREDIT_LABELS)})(?:\s\w+)?\.?\s*[:/©][^?]*$", 160
    ),
    _rule("boilerplate", rf"\(?(?:{alternation(cues.SOURCE_LABELS)})\s*:[^\n]*(?<![.?!])$", 120),
    _rule("boilerplate", r"\(?(?:photo|foto|bild|image)s?\s+(?:by|von|de|courtesy)\s[^?]*$", 160),
    _rule("boilerplate", r"\(?(?:fot|phot)\.\s[^?]*$", 120),
    _rule("boilerplate", rf"(?:{alternation(cues.PAYWALL)})\b", 300),
    _rule("boilerplate", rf"(?:{alternation(cues.SUPPORT)})\b", 300),
    _rule("boilerplate", rf"\*?(?:{alternation(cues.DISCLOSURES)})\b", 400),
    _rule("boilerplate", rf"(?:{alternation(cues.META_LABELS)})\.?\s*:", 160),
    _rule(
        "boilerplate", rf"(?:{alternation(cues.DATE_STAMPS)})\s*(?:am|on|le|el|:)?\s*{_DATE}", 60
    ),
    _rule(
        "boilerplate",
        rf"(?:{alternation(cues.MORE_INFO)})\s+(?:unter|at|auf|on|bei|en|sur)\s+{_WEB}",
        160,
    ),
    _rule("boilerplate", r">>\s*[^\n]{5,200}<<$", 220),
    _rule("boilerplate", rf"[(\[]?{_NUMERIC_DATE}", 40),
    _rule("boilerplate", rf"\(?(?:{alternation(cues.COPYRIGHT)})", 400),
    _rule("boilerplate", r"copyright\s*(?:©|\(c\)|\d{4}|:)", 200),
    _rule("boilerplate", _whole(cues.NAVIGATION), 40),
    _rule("boilerplate", rf"(?:{alternation(cues.COOKIES)})\b", 500),
)
"""Rules for single paragraphs, first match wins."""

_LIMITS = sorted({rule.max_chars for rule in LINE_RULES})


@cache
def _rules_up_to(limit: int) -> re.Pattern[str]:
    """One pattern trying, in order, every rule that takes paragraphs of ``limit`` characters
    (one regex call per paragraph instead of one per rule; compiled on first use)."""
    alternatives = (
        f"(?P<rule{i}>{rule.pattern})"
        for i, rule in enumerate(LINE_RULES)
        if rule.max_chars >= limit
    )
    return re.compile("|".join(alternatives), re.IGNORECASE)


_COMMENT_HEADING = re.compile(
    rf"(?:{_whole(cues.COMMENT_SECTION)})|(?:{_COMMENT_COUNT})", re.IGNORECASE
)
_RELATED_HEADING = re.compile(
    "|".join(
        (
            _whole(cues.RELATED_HEADINGS),
            _whole(cues.READ_ALSO),
            rf"(?:{alternation(cues.RELATED_PREFIXES)})\s[^.:]{{1,40}}$",
            rf"[^.]{{0,40}}(?:{alternation(cues.RELATED_PHRASES)})[^\n]{{0,40}}(?<!\.)$",
        )
    ),
    re.IGNORECASE,
)
"""A heading of a block of links to other articles ("Related articles", "Weiterlesen:")."""
_SENTENCE_END = re.compile(r"[.;,]['\")\]»]?$")

_DOMAIN = r"(?:[a-z0-9][a-z0-9-]*\.)+[a-z]{2,12}"
_SITE_TAG = re.compile(
    rf"[·•|»~]\s*{_DOMAIN}(?=\s*[|·•:\-–—]\s*|\s*[A-Z\u00c0-\u00dd]|$)\s*[|·•:\-–—]?\s*"
    rf"|{_DOMAIN}(?=[A-Z\u00c0-\u00dd])"
)
"""A site name glued to the start of a paragraph ("· novinite.comRussian President ...")."""
_DOMAIN_LINE = re.compile(rf"[·•|»~]?\s*{_DOMAIN}\s*$", re.IGNORECASE)


def line_kind(paragraph: str) -> str | None:
    """The kind of furniture a paragraph is, judged alone; None for anything else."""
    paragraph = _unboxed(paragraph)
    if _DOMAIN_LINE.match(paragraph):
        return "site_tag"
    position = bisect_left(_LIMITS, len(paragraph))
    if position == len(_LIMITS):
        return None
    match = _rules_up_to(_LIMITS[position]).match(paragraph)
    if match is None:
        return None
    name = next(name for name, value in match.groupdict().items() if value is not None)
    return LINE_RULES[int(name.removeprefix("rule"))].kind


def _unboxed(paragraph: str) -> str:
    """A paragraph without the table-cell bars trafilatura writes around cells ("| Tags: x |")."""
    return paragraph.strip(" |") if paragraph.startswith("|") else paragraph


def _is_link_line(paragraph: str) -> bool:
    """A line of a block of links: short, and a headline rather than a sentence."""
    if len(paragraph) > _LINK_LINE_CHARS:
        return False
    return _SENTENCE_END.search(paragraph) is None or line_kind(paragraph) is not None


def _is_related_heading(paragraph: str) -> bool:
    paragraph = _unboxed(paragraph)
    return len(paragraph) <= 60 and _RELATED_HEADING.match(paragraph) is not None


def split_site_tag(paragraph: str) -> tuple[str, str]:
    """``(site tag, rest)`` of a paragraph that opens with a site tag; ``("", paragraph)`` else."""
    match = _SITE_TAG.match(paragraph)
    if match is None or match.end() == len(paragraph):
        return "", paragraph
    return match.group().strip(), paragraph[match.end() :]


def remove_junk(paragraphs: Sequence[str]) -> tuple[list[str], list[Removed]]:
    """Paragraphs without furniture, and what was taken out, in document order."""
    tail_start = _tail_start(paragraphs)
    kept: list[str] = []
    removed: list[Removed] = []
    related_block = False
    for index, paragraph in enumerate(paragraphs):
        if index >= tail_start and _COMMENT_HEADING.match(_unboxed(paragraph)):
            removed.extend(Removed("comments", p) for p in paragraphs[index:])
            break
        if related_block and _is_link_line(paragraph):
            removed.append(Removed("boilerplate", paragraph))
            continue
        related_block = False
        kind = line_kind(paragraph)
        if _is_related_heading(paragraph):
            kind = kind or "boilerplate"
            related_block = index >= tail_start
        if kind is not None:
            removed.append(Removed(kind, paragraph))
            continue
        tag, rest = split_site_tag(paragraph)
        if tag:
            removed.append(Removed("site_tag", tag))
        kept.append(rest)
    return kept, removed


def _tail_start(paragraphs: Sequence[str]) -> int:
    """Index of the first paragraph that may open a trailing section (see ``_TAIL_SHARE``)."""
    total = sum(len(p) for p in paragraphs)
    needed = min(_TAIL_SHARE * total, _TAIL_CHARS)
    seen = 0
    for index, paragraph in enumerate(paragraphs):
        if seen >= needed and index > 0:
            return index
        seen += len(paragraph)
    return len(paragraphs)
