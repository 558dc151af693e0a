"""From normalised text to a list of one-line paragraphs.

Readers hand over paragraphs separated by blank lines, but plain-text sources also use a single
line break per paragraph (one paragraph a line) or wrap prose at a fixed width (e-mail, wire
copy). A block of lines between blank lines is therefore read one of two ways:

- *hard-wrapped* when it looks like prose cut at a fixed width: no line longer than
  :data:`MAX_WRAP_WIDTH` and most lines close to the longest. Its lines are joined with a space,
  except after a short line that ends a sentence, before a list item, and after a headline
  (title-case line, no final punctuation) followed by a capital.
- otherwise each line is a paragraph of its own (headlines, standfirsts, one-line paragraphs).

The output paragraphs hold no line break, so the cleaned text is simply paragraphs joined by one
blank line.
"""

from __future__ import annotations

import re

MAX_WRAP_WIDTH = 100
"""Lines longer than this were not wrapped by a fixed-width tool."""

_NEAR_FULL = 0.6
"""A wrapped line is at least this share of the block's longest line."""

_BLANK_LINES = re.compile(r"\n{2,}")
_SENTENCE_END = re.compile(r"[.!?:;]['\")\]»]?$")
_LIST_ITEM = re.compile(r"(?:[-*•·▪–]\s|\d{1,3}[.)]\s|[a-z][.)]\s)")
_WORD = re.compile(r"\w+")


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of normalised text (see :func:`~newscheck.clean.normalize.normalize_text`),
    each on one line, without empty ones."""
    paragraphs: list[str] = []
    for block in _BLANK_LINES.split(text):
        lines = [line for line in block.split("\n") if line]
        if len(lines) <= 1:
            paragraphs.extend(lines)
        elif is_hard_wrapped(lines):
            paragraphs.extend(_unwrap(lines))
        else:
            paragraphs.extend(lines)
    return paragraphs


def is_hard_wrapped(lines: list[str]) -> bool:
    """True when the lines look like prose wrapped at a fixed width."""
    width = max(len(line) for line in lines)
    if width > MAX_WRAP_WIDTH:
        return False
    inner = lines[:-1]
    near_full = sum(1 for line in inner if len(line) >= _NEAR_FULL * width)
    return 2 * near_full >= len(inner)


def looks_like_headline(line: str) -> bool:
    """A short title-case line without final punctuation ("Russia Presses Offensive in Kursk")."""
    if _SENTENCE_END.search(line) or len(line) > 150:
        return False
    words = [w for w in _WORD.findall(line) if len(w) >= 4 and not w.isdigit()]
    if len(words) < 2:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised >= 0.75 * len(words)


def _unwrap(lines: list[str]) -> list[str]:
    width = max(len(line) for line in lines)
    paragraphs: list[str] = []
    current = lines[0]
    for previous, line in zip(lines, lines[1:], strict=False):
        if _breaks_after(previous, line, width):
            paragraphs.append(current)
            current = line
        elif previous.endswith("-") and previous[-2:-1].isalpha() and line[:1].islower():
            current += line  # a word hyphenated at the line end: keep the hyphen, no space
        else:
            current += " " + line
    paragraphs.append(current)
    return paragraphs


def _breaks_after(previous: str, line: str, width: int) -> bool:
    if _LIST_ITEM.match(line):
        return True
    if _SENTENCE_END.search(previous) and len(previous) < _NEAR_FULL * width:
        return True
    return looks_like_headline(previous) and line[:1].isupper()
