"""Cleaning: one readable text per article, with everything taken out kept and labelled.

``clean(raw)`` normalises characters (:mod:`~newscheck.clean.normalize`), rebuilds paragraphs
(:mod:`~newscheck.clean.paragraphs`), removes page furniture (:mod:`~newscheck.clean.junk`) and
then repeated headlines and paragraphs (:mod:`~newscheck.clean.repeats`). The cleaned text is the
kept paragraphs joined by one blank line, each paragraph on one line; ``removed`` lists the
furniture first, then the repeats, each in document order.
"""

from __future__ import annotations

from dataclasses import dataclass

from newscheck.clean.junk import remove_junk
from newscheck.clean.normalize import normalize_line, normalize_text
from newscheck.clean.paragraphs import split_paragraphs
from newscheck.clean.repeats import remove_repeats
from newscheck.model import RawArticle, Removed

CLEAN_SCHEME = "clean.v1"
"""Versioned name of the whole cleaning recipe; bump it when any rule changes its output."""

PARAGRAPH_BREAK = "\n\n"

__all__ = ["CLEAN_SCHEME", "Cleaned", "clean", "clean_text"]


@dataclass(frozen=True, slots=True)
class Cleaned:
    """A cleaned title and text, and the pieces taken out of the text."""

    title: str
    text: str
    removed: tuple[Removed, ...]


def clean(raw: RawArticle) -> Cleaned:
    """Clean what a reader produced (see the module notes)."""
    return clean_text(raw.title, raw.text)


def clean_text(title: str, text: str) -> Cleaned:
    """Clean a title and a text with paragraphs separated by line breaks."""
    clean_title = normalize_line(title)
    paragraphs = split_paragraphs(normalize_text(text))
    paragraphs, junk = remove_junk(paragraphs)
    paragraphs, repeats = remove_repeats(clean_title, paragraphs)
    return Cleaned(clean_title, PARAGRAPH_BREAK.join(paragraphs), tuple(junk + repeats))
