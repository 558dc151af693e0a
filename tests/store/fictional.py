"""Fictional articles for the store tests (invented places and numbers), with segmentations.

Deterministic: article ``n`` is the same everywhere, so a subprocess and the test that started it
agree on what was written.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from newscheck.model import Article, Paragraph, Removed, Segmentation, Sentence, article_id

PLACES = ("Velmora", "Ostrany", "Kelbrook", "Tarsk", "Lindquay", "Morrowfield", "Pell")
THINGS = ("ferries", "lanterns", "grain barges", "weather balloons", "bridges", "kilns")
SPEAKERS = ("the harbour council", "Mayor Ilse Varn", "the lantern guild", "a ferry pilot")
SCHEME = "test.fictional-segmenter.v1"

_SENTENCE = re.compile(r"[^.!?]+[.!?]")


def fictional_text(n: int) -> tuple[str, str]:
    place, thing = PLACES[n % len(PLACES)], THINGS[(n // 7) % len(THINGS)]
    speaker = SPEAKERS[n % len(SPEAKERS)]
    title = f"{place} counts {n + 3} {thing} after the spring storm (report {n})"
    paragraphs = [
        f"{place} counted {n + 3} {thing} on the shore this morning. "
        f"The count is number {n} in the series zq{n}marker.",
        f"{speaker.capitalize()} said the storm had passed by noon. "
        f"Nobody in {place} was hurt, according to {speaker}!",
        f"Repairs are expected to take {n % 9 + 2} days. Will the {thing} sail again?",
    ]
    return title, "\n\n".join(paragraphs)


def segment(article_id_: str, text: str) -> Segmentation:
    """Paragraphs split on blank lines, sentences on end punctuation, as spans into ``text``."""
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    for match in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text):
        paragraph = len(paragraphs)
        paragraphs.append(Paragraph(article_id_, paragraph, match.start(), match.end()))
        for found in _SENTENCE.finditer(match.group()):
            leading_space = len(found.group()) - len(found.group().lstrip())
            start = match.start() + found.start() + leading_space
            sentences.append(
                Sentence(article_id_, len(sentences), start, match.start() + found.end(), paragraph)
            )
    return Segmentation(article_id_, tuple(paragraphs), tuple(sentences), SCHEME)


def fictional_article(n: int, seq: int | None = None) -> tuple[Article, Segmentation]:
    title, text = fictional_text(n)
    identifier = article_id(title, text)
    article = Article(
        id=identifier,
        title=title,
        text=text,
        location=f"fictional/{n:05d}.txt",
        location_kind="path",
        format="txt",
        removed=(Removed("share", "Share this story"), Removed("tag", f"#{PLACES[n % 7]}")),
        source=f"{PLACES[(n + 3) % 7].lower()}-gazette.example",
        published=datetime(2025, 3, 1, 6, tzinfo=UTC) + timedelta(minutes=17 * n),
        author="Staff writer" if n % 2 else None,
        language="en",
        seq=n if seq is None else seq,
    )
    return article, segment(identifier, text)


def fictional_batch(first: int, size: int) -> tuple[list[Article], list[Segmentation]]:
    pairs = [fictional_article(n) for n in range(first, first + size)]
    return [article for article, _ in pairs], [segmentation for _, segmentation in pairs]
