"""Paragraphs and sentences of a cleaned text, as spans into that text.

Paragraphs are separated by blank lines. Sentences come from Bling Fire's sentence breaker, run
on each paragraph (a sentence never crosses a paragraph break); its UTF-8 byte offsets are mapped
back to character offsets in the text. Every span is stripped of surrounding whitespace and never
empty, so ``text[span.start:span.end]`` is the sentence itself.

A "sentence" longer than :data:`MAX_SENTENCE_CHARS` (a run-on page, a table flattened to one
line) is cut at the last whitespace before the limit, so later stages never meet a giant sentence
and the cost stays linear in the text's length.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Iterator

from newscheck.model import Paragraph, Segmentation, Sentence

SEGMENT_SCHEME = "segment.blingfire.v1"

MAX_SENTENCE_CHARS = 2000
"""Longest sentence kept whole; longer ones are cut at whitespace."""

TITLE_ABBREVIATIONS = frozenset(
    f"{title}."
    for title in (
        "Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Gen", "Sen", "Rep", "Gov", "Lt", "Col",
        "Capt", "Cpt", "Sgt", "Maj", "Adm", "Cmdr", "Rev", "Fr", "St", "Pres", "Hon", "Amb",
        "Mme", "Mlle", "Hr", "Fr", "Sr", "Sra", "Dra", "Ing", "Dipl",
    )
)  # fmt: skip
"""Titles before a name. Bling Fire ends a sentence after one that opens a sentence ("Mr." |
"Putin said ..."); such a one-word sentence is joined to the sentence after it."""
_LONGEST_TITLE = max(len(title) for title in TITLE_ABBREVIATIONS)

_BLANK_LINES = re.compile(r"\n(?:[^\S\n]*\n)+")
_NON_SPACE = re.compile(r"\S")
# Characters Bling Fire cannot take (NUL ends a C string; lone surrogates do not encode): each is
# replaced by one space in the copy handed to it, so character offsets stay the same.
_UNSAFE = re.compile("[\x00\ud800-\udfff]")


def segment(article_id: str, text: str) -> Segmentation:
    """Paragraph and sentence spans of ``text`` (see the module notes). Never raises."""
    breaker = _SentenceBreaker()
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    for start, end in paragraph_spans(text):
        index = len(paragraphs)
        paragraphs.append(Paragraph(article_id, index, start, end))
        for s, e in sentence_spans(text, start, end, breaker):
            sentences.append(Sentence(article_id, len(sentences), s, e, index))
    return Segmentation(article_id, tuple(paragraphs), tuple(sentences), SEGMENT_SCHEME)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each blank-line separated paragraph, stripped, in order."""
    spans: list[tuple[int, int]] = []
    position = 0
    for match in _BLANK_LINES.finditer(text):
        _append_stripped(spans, text, position, match.start())
        position = match.end()
    _append_stripped(spans, text, position, len(text))
    return spans


def sentence_spans(
    text: str, start: int, end: int, breaker: _SentenceBreaker | None = None
) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text[start:end]``, stripped, in order."""
    chunk = text[start:end]
    # A sentence runs from the end of the one before to its own end, and the last one to the
    # end of the paragraph: characters Bling Fire skips (control characters) stay covered.
    safe = _safe_for_blingfire(chunk)
    ends = [e for _, e in _sentence_offsets(safe, breaker or _SentenceBreaker())]
    ends[-1:] = [len(chunk)]
    pending: tuple[int, int] | None = None
    for s, e in zip([0, *ends], ends, strict=False):
        if chunk[s].isspace() or chunk[e - 1].isspace():
            stripped: list[tuple[int, int]] = []
            _append_stripped(stripped, chunk, s, e)
            if not stripped:
                continue
            s, e = stripped[0]
        if pending is not None:
            s, pending = pending[0], None
        if e - s <= _LONGEST_TITLE and chunk[s:e] in TITLE_ABBREVIATIONS:
            pending = (s, e)  # "Mr." cut off from "Putin said ...": joined to what follows
            continue
        for piece_start, piece_end in _capped(chunk, s, e):
            yield start + piece_start, start + piece_end
    if pending is not None:
        yield start + pending[0], start + pending[1]


def _safe_for_blingfire(chunk: str) -> str:
    if chunk.isascii():
        return chunk.replace("\x00", " ") if "\x00" in chunk else chunk
    return _UNSAFE.sub(" ", chunk)


def _append_stripped(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    match = _NON_SPACE.search(text, start, end)
    if match is None:
        return
    stripped_end = start + len(text[start:end].rstrip())
    spans.append((match.start(), stripped_end))


def _capped(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Cut a span longer than :data:`MAX_SENTENCE_CHARS` at whitespace (hard cut if none)."""
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, limit)
        if cut <= start:
            cut = limit
        pieces: list[tuple[int, int]] = []
        _append_stripped(pieces, text, start, cut)
        yield from pieces
        following = _NON_SPACE.search(text, cut, end)
        if following is None:
            return
        start = following.start()
    yield start, end


def _sentence_offsets(chunk: str, breaker: _SentenceBreaker) -> list[tuple[int, int]]:
    """Character ``(start, end)`` of each sentence Bling Fire finds in ``chunk``."""
    data = chunk.encode("utf-8")
    if not data.strip():
        return []
    byte_spans = breaker.byte_spans(data)
    if byte_spans is None:
        return [(0, len(chunk))]
    if chunk.isascii():
        return byte_spans
    return _to_char_offsets(data, byte_spans)


class _SentenceBreaker:
    """Bling Fire's sentence breaker with output buffers reused from one paragraph to the next
    (allocating them per call costs more than breaking a short paragraph)."""

    def __init__(self) -> None:
        from blingfire import blingfire as library

        self._library = library
        self._capacity = 0
        self._out = ctypes.create_string_buffer(0)
        self._starts = (ctypes.c_int32 * 0)()
        self._ends = (ctypes.c_int32 * 0)()

    def byte_spans(self, data: bytes) -> list[tuple[int, int]] | None:
        """Byte ``(start, end)`` spans of sentences, end exclusive; None when Bling Fire fails."""
        needed = 2 * len(data) + 16
        if needed > self._capacity:
            self._capacity = max(needed, 2 * self._capacity)
            self._out = ctypes.create_string_buffer(self._capacity)
            self._starts = (ctypes.c_int32 * self._capacity)()
            self._ends = (ctypes.c_int32 * self._capacity)()
        written = self._library.TextToSentencesWithOffsets(
            ctypes.c_char_p(data),
            ctypes.c_int(len(data)),
            ctypes.byref(self._out),
            ctypes.byref(self._starts),
            ctypes.byref(self._ends),
            ctypes.c_int(self._capacity),
        )
        if written <= 0 or written > self._capacity:
            return None
        count = self._out.raw[:written].count(b"\n") + 1
        size = len(data)
        ascii_only = data.isascii()
        spans: list[tuple[int, int]] = []
        previous_end = 0
        # Bling Fire's end offset is the last byte of the sentence (inclusive).
        for first, last in zip(self._starts[:count], self._ends[:count], strict=True):
            start = first if first > previous_end else previous_end
            end = last + 1 if last < size else size
            if not ascii_only:
                start, end = _char_boundary(data, start), _char_boundary(data, end)
            if start < end:
                spans.append((start, end))
                previous_end = end
        return spans


def _char_boundary(data: bytes, offset: int) -> int:
    """The first UTF-8 character boundary at or after ``offset``."""
    size = len(data)
    while offset < size and 0x80 <= data[offset] < 0xC0:
        offset += 1
    return offset


def _to_char_offsets(data: bytes, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Map increasing byte offsets to character offsets by decoding the stretches between them."""
    result: list[tuple[int, int]] = []
    byte_position = 0
    char_position = 0

    def advance(to: int) -> int:
        nonlocal byte_position, char_position
        if to > byte_position:
            char_position += len(data[byte_position:to].decode("utf-8"))
            byte_position = to
        return char_position

    for start, end in spans:
        result.append((advance(start), advance(end)))
    return result
