"""Framing: what a copy or rewrite changed in tone relative to its origin, listed per link.

Two kinds of change are reported, each on a sentence of the derived article (or its title):

- ``loaded_word``: the sentence uses loaded words (:mod:`newscheck.crosscheck.lexicon`) that the
  origin never uses ("Ukraine maintains its *rightful* presence");
- ``added_evaluation``: a sentence the rewrite added (``Link.added``) that passes judgement ("The
  people of Velmouth *deserve* the truth"), or that carries new loaded words.

A loaded word the origin already uses is not a change of tone and is not reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping

from newscheck.crosscheck.context import sentences
from newscheck.crosscheck.lexicon import EVALUATIVE_MARKERS, LOADED_WORDS
from newscheck.crosscheck.terms import stem, words
from newscheck.model import Article, Framing, FramingKind, Link, Span

FRAMING_SCHEME = "framing.loaded-words-vs-origin.v1"

_MARKERS = re.compile("|".join(re.escape(m) for m in EVALUATIVE_MARKERS), re.IGNORECASE)


def framing(links: Iterable[Link], articles: Mapping[str, Article]) -> tuple[Framing, ...]:
    """Framing changes of every link whose two articles are known, in link order."""
    out: list[Framing] = []
    for link in links:
        derived, origin = articles.get(link.derived), articles.get(link.origin)
        if derived is not None and origin is not None:
            out.extend(link_framing(link, derived, origin))
    return tuple(out)


def link_framing(link: Link, derived: Article, origin: Article) -> Iterator[Framing]:
    used = {stem(w) for w in words(origin.title + "\n" + origin.text)}
    title_words = _new_loaded(derived.title, used)
    if title_words:
        yield Framing(
            link.derived,
            link.origin,
            "loaded_word",
            "title",
            0,
            len(derived.title),
            derived.title,
            title_words,
        )
    for start, end in sentences(derived.text):
        sentence = derived.text[start:end]
        loaded = _new_loaded(sentence, used)
        added = _inside(start, end, link.added)
        evaluative = bool(_MARKERS.search(sentence))
        kind: FramingKind
        if added and (loaded or evaluative):
            kind = "added_evaluation"
        elif loaded:
            kind = "loaded_word"
        else:
            continue
        yield Framing(
            link.derived,
            link.origin,
            kind,
            "text",
            start,
            end,
            sentence,
            loaded,
        )


def _new_loaded(text: str, used: set[str]) -> tuple[str, ...]:
    """Loaded words of ``text`` whose stem the origin never uses, in order, once each."""
    found = (w for w in words(text) if w in LOADED_WORDS and stem(w) not in used)
    return tuple(dict.fromkeys(found))


def _inside(start: int, end: int, spans: Iterable[Span]) -> bool:
    """The sentence lies mostly in one of the spans."""
    return any((min(end, s.end) - max(start, s.start)) * 2 >= end - start for s in spans)
