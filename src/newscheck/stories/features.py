"""What the story clusterer knows of one article: counted matching keys in three channels
(content terms, names, figures), its time, and optionally a sentence embedding.

Only the title and the head of the text are read (``lead_chars``): the event an article reports is
told at its top, and reading a bounded prefix keeps the cost per article flat whatever its length.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

import numpy as np

from newscheck.model import Article
from newscheck.stories.language import MARKERS, language_of
from newscheck.stories.names import NOT_NAMES, is_title_case
from newscheck.stories.names import figures as find_figures
from newscheck.stories.text import STOPWORDS, fold

FEATURES_SCHEME = "story-keys.title-lead.v1"

_TOKEN = re.compile(r"\w+")
_ASCII_TOKEN = re.compile(r"\w+", re.ASCII)
"""On ASCII text \\w means the same with or without re.ASCII; with it, the scan is faster."""
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

    __slots__ = ("_memo", "lead_chars", "memo_limit")

    def __init__(self, *, lead_chars: int = 1500, memo_limit: int = 1 << 18) -> None:
        self.lead_chars = lead_chars
        self.memo_limit = memo_limit
        self._memo = _Memo()

    @property
    def memo_size(self) -> int:
        """Tokens whose classification is remembered."""
        return len(self._memo.term)

    def lead_part(self, article: Article) -> Article:
        """``article`` cut to what this extractor reads (its title and the head of its text,
        nothing it removed): the same keys, from a bounded number of bytes to ship elsewhere."""
        # head() reads text[:lead_chars] and the character after it, to not cut a word.
        if len(article.text) <= self.lead_chars + 1 and not article.removed:
            return article
        return replace(article, text=article.text[: self.lead_chars + 1], removed=())

    def __call__(self, article: Article, embedding: np.ndarray | None = None) -> ArticleKeys:
        """Terms, names and figures of ``article``'s title and the head of its text."""
        body = head(article.text, self.lead_chars)
        title = article.title
        if _has_cjk(body) or _has_cjk(title):
            terms, names, markers = self._count_with_cjk(body, title)
        else:
            words = _ASCII_TOKEN if body.isascii() else _TOKEN  # the same words, faster
            terms, names, markers = self._count(words.findall(body), _TOKEN.findall(title), title)
        keys = ArticleKeys(
            article_id=article.id,
            title=" ".join(title.split()) or _first_line(body),
            terms=terms,
            names=names,
            figures=dict(Counter(find_figures(f"{title}\n{body}"))),
            language=article.language or language_of(markers()),
            published=article.published,
            seq=article.seq,
            embedding=embedding,
        )
        if len(self._memo.term) > self.memo_limit:
            self._memo.clear()
        return keys

    def _count(
        self, body: list[str], title: list[str], title_line: str
    ) -> tuple[dict[str, int], dict[str, int], Callable[[], Counter[str]]]:
        """Terms, names and (lazily) language markers of tokens without CJK script.

        Tokens are counted once (``Counter``, in C); terms are counted again through the memo
        (most tokens are terms), names and markers only from the few tokens that are ones. The
        same counts, in the same first-seen order, as going token by token."""
        raw = Counter(body)
        memo = self._memo
        term = memo.term.__getitem__  # classifies the tokens it has not met
        terms = Counter(map(term, body))
        terms.update(map(term, title * TITLE_WEIGHT))
        del terms[NONE]
        name_of = memo.name
        names: dict[str, int] = {}
        for token in filter(name_of.__contains__, raw):
            key = name_of[token]
            names[key] = names.get(key, 0) + raw[token]
        if not is_title_case(title_line):
            for token in filter(name_of.__contains__, title):
                key = name_of[token]
                names[key] = names.get(key, 0) + TITLE_WEIGHT
        if names:
            # A capitalised word also seen in lower case is a sentence opener, not a name.
            lowercase = memo.lowercase_forms(raw.keys(), title)
            names = {k: n for k, n in names.items() if not lowercase(k)}
        marker_of = memo.marker

        def markers() -> Counter[str]:
            counts: Counter[str] = Counter()
            for token in filter(marker_of.__contains__, raw):
                counts[marker_of[token]] += raw[token]
            for token in filter(marker_of.__contains__, title):
                counts[marker_of[token]] += 1
            return counts

        return dict(terms), names, markers

    def _count_with_cjk(
        self, body: str, title: str
    ) -> tuple[dict[str, int], dict[str, int], Callable[[], Counter[str]]]:
        """Like :meth:`_count`, for text with CJK runs (cut into bigrams), token by token."""
        terms: dict[str, int] = {}
        names: dict[str, int] = {}
        lowercase: set[str] = set()
        markers: Counter[str] = Counter()
        body_tokens, title_tokens = _TOKEN.findall(body), _TOKEN.findall(title)
        self._count_tokens(body_tokens, 1, terms, names, lowercase, markers)
        title_names: dict[str, int] = {} if is_title_case(title) else names
        self._count_tokens(title_tokens, TITLE_WEIGHT, terms, title_names, lowercase, markers)
        names = {k: n for k, n in names.items() if k not in lowercase}
        return terms, names, lambda: markers

    def _count_tokens(
        self,
        tokens: list[str],
        weight: int,
        terms: dict[str, int],
        names: dict[str, int],
        lowercase_seen: set[str],
        markers: Counter[str],
    ) -> None:
        memo = self._memo
        for token, n in Counter(tokens).items():
            if token[0] >= _CJK_START:
                for gram in _cjk_bigrams(token):
                    terms[gram] = terms.get(gram, 0) + n * weight
                markers["zh"] += n * 2
                continue
            term, name, lower, marker = memo.kind(token)
            if term is not None:
                terms[term] = terms.get(term, 0) + n * weight
            if name is not None:
                names[name] = names.get(name, 0) + n * weight
            if lower is not None:
                lowercase_seen.add(lower)
            if marker is not None:
                markers[marker] += n


NONE = ""
"""What the memo holds for "not a term" (name, ...): counted like any key, then deleted, which
is cheaper than filtering every token."""


class _TermMemo(dict[str, str]):
    """Token -> its term key (:data:`NONE` where it is no term); a token not met before is
    classified on lookup, so one ``map`` over an article's tokens both learns and looks up."""

    __slots__ = ("memo",)

    def __init__(self, memo: _Memo) -> None:
        super().__init__()
        self.memo = memo

    def __missing__(self, token: str) -> str:
        return self.memo.learn(token)


class _Memo:
    """How each token seen was classified: ``term`` for every token (so that a whole article's
    tokens are looked up by ``map`` in C); ``name``, ``marker`` and ``mixed`` only for the few
    tokens that are names, language markers, or lower-case words with a capital inside
    ("iPhone"). Bounded by the extractor's ``memo_limit``: cleared once past it."""

    __slots__ = ("marker", "mixed", "name", "term")

    def __init__(self) -> None:
        self.term: dict[str, str] = _TermMemo(self)
        self.name: dict[str, str] = {}
        self.marker: dict[str, str] = {}
        self.mixed: dict[str, str] = {}

    def learn(self, token: str) -> str:
        """Classify ``token``; returns its term key."""
        term, name, lower, marker = _classify(token)
        key = self.term[token] = term or NONE
        if name is not None:
            self.name[token] = name
        if marker is not None:
            self.marker[token] = marker
        if lower is not None and lower != token:
            self.mixed[token] = lower
        return key

    def kind(self, token: str) -> _Kind:
        term = self.term[token] or None
        lower = token.lower() if token[0].islower() else None
        return (term, self.name.get(token), lower, self.marker.get(token))

    def lowercase_forms(
        self, tokens: AbstractSet[str], more: Iterable[str]
    ) -> Callable[[str], bool]:
        """Whether a word appears in lower case among ``tokens`` and ``more`` (all classified):
        as itself, or as the lower case of a mixed-case token."""
        mixed = {self.mixed[t] for t in tokens & self.mixed.keys()}
        mixed.update(self.mixed[t] for t in more if t in self.mixed)
        more_set = set(more)

        def seen(word: str) -> bool:
            return ((word in tokens or word in more_set) and word[:1].islower()) or word in mixed

        return seen

    def clear(self) -> None:
        for part in (self.term, self.name, self.marker, self.mixed):
            part.clear()


def _has_cjk(text: str) -> bool:
    # isascii() is a flag lookup and max() runs in C; a character past the start of CJK does
    # not always mean a CJK word (an emoji), and then the token-by-token path gives the same
    # keys, only slower.
    return not text.isascii() and max(text) >= _CJK_START


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
