"""The sentence around a span of an article's text.

Cross-checking and the summary need the whole sentence a claim sits in (to see who said it, to cite
it); the stage is handed claims and articles only, so sentence ends are found here with a small
rule: a full stop, question or exclamation mark (and closing quotes) followed by a space and a
capital, a digit or a quote, unless the word before it is a known abbreviation or an initial.
Paragraph breaks always end a sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "maj",
        "adm",
        "gov",
        "sen",
        "rep",
        "prof",
        "jr",
        "sr",
        "inc",
        "ltd",
        "co",
        "corp",
        "vs",
        "etc",
        "no",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "u.n",
        "a.m",
        "p.m",
        "e.g",
        "i.e",
    ]
)

_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_PARAGRAPH = re.compile(r"\n")


def _is_abbreviation(text: str, mark: int) -> bool:
    """True when the full stop at ``mark`` ends an abbreviation or an initial ("V." in
    "Vladimir V. Putin", "U.S.", "Mr.")."""
    if text[mark] != ".":
        return False
    begin = mark
    while begin > 0 and (text[begin - 1].isalpha() or text[begin - 1] == "."):
        begin -= 1
    word = text[begin:mark].lower()
    return word in ABBREVIATIONS or (len(word) == 1 and text[begin].isupper())


def sentence_ends(text: str, lo: int = 0, hi: int | None = None) -> list[int]:
    """Offsets in ``(lo, hi]`` just after each sentence end (paragraph breaks included)."""
    hi = len(text) if hi is None else hi
    cuts = _cuts(text)
    return list(cuts[bisect_right(cuts, lo) : bisect_right(cuts, hi)])


@lru_cache(maxsize=4096)
def _cuts(text: str) -> tuple[int, ...]:
    """Every sentence end of ``text``, computed once per text (claims of one article share it)."""
    ends = {m.end() for m in _END.finditer(text) if not _is_abbreviation(text, m.start())}
    ends.update(m.start() for m in _PARAGRAPH.finditer(text))
    return tuple(sorted(ends))


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """``(s, e)``: the sentence(s) of ``text`` that contain ``text[start:end]``, stripped."""
    cuts = _cuts(text)
    before = bisect_right(cuts, start) - 1
    s = cuts[before] if before >= 0 else 0
    after = bisect_left(cuts, end)
    e = cuts[after] if after < len(cuts) else len(text)
    return _stripped(text, s, e)


def _stripped(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def sentences(text: str) -> list[tuple[int, int]]:
    """Every sentence of ``text`` as ``(start, end)``, stripped, in order."""
    out = []
    previous = 0
    for cut in [*_cuts(text), len(text)]:
        s, e = _stripped(text, previous, cut)
        if e > s:
            out.append((s, e))
        previous = cut
    return out
