"""A generated news stream in JSON Lines files, to size a cluster and check that engines agree.

Events over weeks, each reported by a few outlets within days: an original report, exact copies
under another outlet's title and page furniture, near copies, rewrites (sentences re-ordered and
re-worded) and independent reports of the same facts. A few records are empty or repeated, so the
rejection paths run too. Every word is made up (syllables), the seed fixes everything, and
generation costs far less than analysis (some 4,000 articles a second).
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import accumulate
from pathlib import Path

import numpy as np

from newscheck.model import RawArticle

START = datetime(2025, 1, 6, 6, 0, tzinfo=UTC)
_SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"] + ["an", "el", "or", "is", "un"]
_DRAW_BATCH = 1 << 16
_FURNITURE = ("Share this:", "Tags: news, region", "Read more: latest updates")


@dataclass(frozen=True, slots=True)
class CorpusShape:
    """What the stream looks like."""

    articles_per_day: int = 4_000
    mean_event_size: float = 6.0
    copy_share: float = 0.15
    """Share of reports that copy an earlier report of their event word for word."""
    rewrite_share: float = 0.25
    """Share that re-word an earlier report (re-ordered sentences, swapped words)."""
    junk_share: float = 0.002
    """Share of records that are empty or a repeat of a record already written."""


class _Vocabulary:
    def __init__(self, rng: random.Random) -> None:
        self.words = sorted({_made_word(rng, rng.randint(2, 4)) for _ in range(12_000)})
        rng.shuffle(self.words)
        weights = np.fromiter(accumulate(1.0 / (i + 8) for i in range(len(self.words))), float)
        self._cumulative = weights / weights[-1]
        self._draws = np.random.default_rng(rng.getrandbits(64))
        self._buffer: list[str] = []
        names = sorted({_made_word(rng, rng.randint(2, 3)).capitalize() for _ in range(8_000)})
        rng.shuffle(names)
        self.names = names
        self.synonyms = {w: rng.choice(self.words) for w in self.words[:3_000]}
        self.outlets = [f"{_made_word(rng, 3)}-{_made_word(rng, 2)}.example" for _ in range(300)]

    def background(self, words: int) -> str:
        """A sentence of Zipf-distributed words (drawn in bulk: a word costs well under 1 us)."""
        if len(self._buffer) < words:
            at = np.searchsorted(self._cumulative, self._draws.random(_DRAW_BATCH))
            at = np.minimum(at, len(self.words) - 1)
            self._buffer = [self.words[i] for i in at.tolist()] + self._buffer
        picked = self._buffer[-words:]
        del self._buffer[-words:]
        return " ".join(picked).capitalize() + "."


def _made_word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(syllables))


@dataclass(frozen=True, slots=True)
class _Event:
    number: int
    when: datetime
    title: str
    facts: tuple[str, ...]


def _event(rng: random.Random, vocab: _Vocabulary, number: int, when: datetime) -> _Event:
    people = rng.sample(vocab.names, 3)
    place = rng.choice(vocab.names)
    topic = [vocab.words[i] for i in rng.sample(range(200, len(vocab.words)), 6)]
    figures = [str(rng.randint(2, 900)) for _ in range(3)]
    facts = (
        f"{people[0]} said {figures[0]} {topic[0]} were {topic[1]} near {place} on {topic[2]}.",
        f"The {topic[3]} of {place} reported {figures[1]} {topic[4]} after the {topic[0]}.",
        f"{people[1]} denied that the {topic[5]} had {topic[1]} any {topic[4]} in {place}.",
        f"According to {people[2]}, {figures[2]} {topic[2]} {topic[3]} remain {topic[5]}.",
        f"{people[0]} and {people[1]} met in {place} to discuss the {topic[0]} {topic[4]}.",
    )
    title = f"{place} {topic[0]}: {people[0]} says {figures[0]} {topic[1]}"
    return _Event(number, when, title, facts)


def _report(rng: random.Random, vocab: _Vocabulary, event: _Event) -> list[str]:
    """Sentences of an independent report: the event's facts among the outlet's own words."""
    facts = rng.sample(event.facts, rng.randint(3, 5))
    own = [vocab.background(rng.randint(12, 22)) for _ in range(rng.randint(4, 7))]
    sentences = facts + own
    rng.shuffle(sentences)
    return sentences


def _reword(rng: random.Random, vocab: _Vocabulary, sentences: list[str]) -> list[str]:
    out = []
    for sentence in sentences:
        words = sentence.split(" ")
        swapped = [vocab.synonyms.get(w, w) if rng.random() < 0.3 else w for w in words]
        out.append(" ".join(swapped))
    order = list(range(len(out)))
    for i in range(0, len(order) - 1, 3):  # neighbours swap places: a rewrite keeps the thread
        order[i], order[i + 1] = order[i + 1], order[i]
    return [out[i] for i in order]


def _text(sentences: list[str]) -> str:
    paragraphs = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
    return "\n\n".join(paragraphs)


def records(
    count: int, *, seed: int = 11, shape: CorpusShape | None = None
) -> Iterator[dict[str, str]]:
    """``count`` JSONL records (``id``, ``title``, ``text``, ``source``, ``url``, ``published``,
    ``event``) in publication order of their events."""
    shape = shape or CorpusShape()
    rng = random.Random(seed)
    vocab = _Vocabulary(rng)
    events_per_day = shape.articles_per_day / shape.mean_event_size
    clock = 0.0
    made = 0
    event_number = 0
    previous: dict[str, str] | None = None
    while made < count:
        clock += rng.expovariate(events_per_day)
        event = _event(rng, vocab, event_number, START + timedelta(days=clock))
        event_number += 1
        size = min(count - made, 1 + int(rng.expovariate(1 / max(shape.mean_event_size - 1, 1))))
        written: list[tuple[str, list[str]]] = []
        for k in range(size):
            record, sentences = _article(rng, vocab, shape, event, k, written)
            if previous is not None and rng.random() < shape.junk_share:
                record = dict(previous) if rng.random() < 0.5 else {**record, "text": " "}
                record["id"] = f"{made}"
            written.append((record["title"], sentences))
            previous = record
            made += 1
            yield record


def raw_article(record: Mapping[str, str], number: int) -> RawArticle:
    """A generated record as the JSONL reader gives it (``generated#number``), for tests and
    benchmarks that clean articles without files."""
    return RawArticle(
        location=f"generated#{number}",
        location_kind="path",
        format="jsonl",
        title=record["title"],
        text=record["text"],
        url=record["url"],
        source=record["source"],
        published=datetime.fromisoformat(record["published"]),
    )


def _article(
    rng: random.Random,
    vocab: _Vocabulary,
    shape: CorpusShape,
    event: _Event,
    k: int,
    written: list[tuple[str, list[str]]],
) -> tuple[dict[str, str], list[str]]:
    outlet = rng.choice(vocab.outlets)
    when = event.when + timedelta(hours=rng.expovariate(1 / 10) + k * 0.25)
    draw = rng.random()
    if written and draw < shape.copy_share:
        title, sentences = rng.choice(written)
        title = f"{title} | {outlet}"
        text = _text(sentences) + "\n\n" + rng.choice(_FURNITURE)
    elif written and draw < shape.copy_share + shape.rewrite_share:
        title, origin = rng.choice(written)
        sentences = _reword(rng, vocab, origin)
        title = " ".join(vocab.synonyms.get(w, w) for w in title.split(" "))
        text = _text(sentences)
    else:
        sentences = _report(rng, vocab, event)
        title = event.title if k == 0 else f"{event.title} ({outlet.split('.')[0]})"
        text = _text(sentences)
    record = {
        "id": f"e{event.number}-{k}",
        "title": title,
        "text": text,
        "source": outlet,
        "url": f"https://{outlet}/{event.number}/{k}",
        "published": when.isoformat(),
        "event": str(event.number),
    }
    return record, sentences


@dataclass(frozen=True, slots=True)
class WrittenCorpus:
    folder: Path
    files: tuple[Path, ...]
    articles: int
    bytes: int


def write_corpus(
    folder: str | Path,
    articles: int,
    *,
    per_file: int = 10_000,
    seed: int = 11,
    shape: CorpusShape | None = None,
) -> WrittenCorpus:
    """Write ``articles`` generated records into ``folder``/part-00000.jsonl, ... (``per_file``
    records each)."""
    root = Path(folder)
    root.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    size = 0
    handle = None
    try:
        for number, record in enumerate(records(articles, seed=seed, shape=shape)):
            if number % per_file == 0:
                if handle is not None:
                    handle.close()
                files.append(root / f"part-{len(files):05d}.jsonl")
                handle = files[-1].open("w", encoding="utf-8")
            line = json.dumps(record, ensure_ascii=False) + "\n"
            size += len(line.encode("utf-8"))
            assert handle is not None
            handle.write(line)
    finally:
        if handle is not None:
            handle.close()
    return WrittenCorpus(root, tuple(files), articles, size)
