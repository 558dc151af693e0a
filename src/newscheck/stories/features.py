"""What the story clusterer knows of one article: counted matching keys in three channels
(content terms, names, figures), its time, and optionally a sentence embedding.

Only the title and the head of the text are read (``lead_chars``): the event an article reports is
told at its top, and reading a bounded prefix keeps the cost per article flat whatever its length.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime

import numpy as np

from newscheck.model import Article
from newscheck.stories.language import MARKERS, language_of
from newscheck.stories.names import NOT_NAMES, is_title_case
from newscheck.stories.names import figures as find_figures
from newscheck.stories.text import STOPWORDS, fold

FEATURES_SCHEME = "story-keys.title-lead.v1"

_TOKEN = re.compile(r"\w+")
_CJK_START = "\u2e80"
TITLE_WEIGHT = 2
"""A headline word counts as this many body words: headlines name the event."""


@dataclass(frozen=True, slots=True)
class ArticleKeys:
    """Matching keys of one article, with counts (title words weigh ``TITLE_WEIGHT``)."""

    article_id: str
    title: str
    """The headline, or the text's first line when there is none (what a story title shows)."""
    terms: dict[str, int]
    names: dict[str, int]
    figures: dict[str, int]
    language: str
    published: datetime | None
    seq: int
    embedding: np.ndarray | None = field(default=None, compare=False)


def all_keys(keys: ArticleKeys) -> set[str]:
    """Every distinct key of an article, across channels (what document frequencies count)."""
    return keys.terms.keys() | keys.names.keys() | keys.figures.keys()


def epoch_seconds(moment: datetime) -> float:
    """Seconds since the epoch; a naive datetime is taken as UTC (as the records store it)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


def stream_order(published: datetime | None, seq: int, article_id: str) -> tuple[float, int, str]:
    """Publication time, then ingest order, then id; undated articles after dated ones."""
    time = epoch_seconds(published) if published is not None else float("inf")
    return (time, seq, article_id)


def _first_line(text: str, limit: int = 160) -> str:
    line = " ".join(text.strip().split("\n", 1)[0].split())
    return line if len(line) <= limit else head(line, limit) + "…"


def head(text: str, lead_chars: int) -> str:
    """The first ``lead_chars`` characters of ``text``, not cutting a word."""
    if len(text) <= lead_chars:
        return text
    if text[lead_chars].isspace():
        return text[:lead_chars]
    cut = text.rfind(" ", 0, lead_chars)
    return text[: cut if cut > 0 else lead_chars]


_Kind = tuple[str | None, str | None, str | None, str | None]
"""What a token is: (term key, name key, lower-case word, language marker), None where not."""


class KeyExtractor:
    """Extracts :class:`ArticleKeys`; remembers how it classified each token it met (a bounded
    memo: most of an article's words were seen in earlier articles)."""

    __slots__ = ("_kinds", "lead_chars", "memo_limit")

    def __init__(self, *, lead_chars: int = 1500, memo_limit: int = 1 << 18) -> None:
        self.lead_chars = lead_chars
        self.memo_limit = memo_limit
        self._kinds: dict[str, _Kind] = {}

    def __call__(self, article: Article, embedding: np.ndarray | None = None) -> ArticleKeys:
        """Terms, names and figures of ``article``'s title and the head of its text."""
        body = head(article.text, self.lead_chars)
        terms: dict[str, int] = {}
        names: dict[str, int] = {}
        lowercase_seen: set[str] = set()
        markers: Counter[str] = Counter()
        self._count(body, 1, terms, names, lowercase_seen, markers)
        title_names: dict[str, int] = {} if is_title_case(article.title) else names
        self._count(article.title, TITLE_WEIGHT, terms, title_names, lowercase_seen, markers)
        figures = Counter(find_figures(f"{article.title}\n{body}"))
        return ArticleKeys(
            article_id=article.id,
            title=" ".join(article.title.split()) or _first_line(body),
            terms=terms,
            # A capitalised word also seen in lower case is a sentence opener, not a name.
            names={k: n for k, n in names.items() if k not in lowercase_seen},
            figures=dict(figures),
            language=article.language or language_of(markers),
            published=article.published,
            seq=article.seq,
            embedding=embedding,
        )

    def _count(
        self,
        text: str,
        weight: int,
        terms: dict[str, int],
        names: dict[str, int],
        lowercase_seen: set[str],
        markers: Counter[str],
    ) -> None:
        kinds = self._kinds
        for token, n in Counter(_TOKEN.findall(text)).items():
            if token[0] >= _CJK_START:
                for gram in _cjk_bigrams(token):
                    terms[gram] = terms.get(gram, 0) + n * weight
                markers["zh"] += n * 2
                continue
            kind = kinds.get(token)
            if kind is None:
                if len(kinds) >= self.memo_limit:
                    kinds.clear()
                kind = kinds[token] = _classify(token)
            term, name, lower, marker = kind
            if term is not None:
                terms[term] = terms.get(term, 0) + n * weight
            if name is not None:
                names[name] = names.get(name, 0) + n * weight
            if lower is not None:
                lowercase_seen.add(lower)
            if marker is not None:
                markers[marker] += n


def extract_keys(
    article: Article, *, lead_chars: int = 1500, embedding: np.ndarray | None = None
) -> ArticleKeys:
    """Terms, names and figures of ``article``'s title and the head of its text (a one-off
    :class:`KeyExtractor`; keep one for many articles)."""
    return KeyExtractor(lead_chars=lead_chars)(article, embedding)


def _classify(token: str) -> _Kind:
    first = token[0]
    if first.isdigit() or first == "_":
        return (None, None, None, None)
    low = token.lower()
    name = None
    if (
        first.isupper()
        and len(token) > 1
        and low not in NOT_NAMES
        and (low not in STOPWORDS or token.isupper())
    ):
        name = low
    lower = low if first.islower() else None
    marker = next((lang for lang, words in MARKERS.items() if low in words), None)
    term = None if low in STOPWORDS or len(low) < 2 else fold(low)
    return (term, name, lower, marker)


def _cjk_bigrams(token: str) -> list[str]:
    # A CJK run comes out as one "word"; its character bigrams stand in for words. Latin letters
    # glued to the run ("Blackpink向联合国") are kept as one more key.
    cjk = "".join(ch for ch in token if ch >= _CJK_START)
    rest = "".join(ch if ch < _CJK_START else " " for ch in token).split()
    grams = [cjk[i : i + 2] for i in range(len(cjk) - 1)] or [cjk]
    return grams + [w.lower() for w in rest if len(w) > 1 and not w.isdigit()]
