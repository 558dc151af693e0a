"""A generated news stream for the story speed benchmark: events over weeks, each reported by a
handful of articles over a few days, sharing names, topic words and figures; every article is
mostly background words. Fictional words, fixed seed, streamed in publication order."""

from __future__ import annotations

import heapq
import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from itertools import accumulate

from newscheck.model import Article

START = datetime(2025, 1, 1, tzinfo=UTC)
_SYLLABLES = [c + v for c in "bcdfghjklmnprstvwz" for v in "aeiou"] + ["an", "el", "or", "is"]


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(syllables))


class Vocabulary:
    def __init__(self, rng: random.Random, *, words: int = 20_000, names: int = 6_000) -> None:
        self.words = sorted({_word(rng, rng.randint(2, 4)) for _ in range(words)})
        rng.shuffle(self.words)
        self.names = sorted({_word(rng, rng.randint(2, 3)).capitalize() for _ in range(names)})
        rng.shuffle(self.names)
        # Zipf-like: word i is drawn with weight 1 / (i + 10); cumulative, for random.choices.
        self.word_weights = list(accumulate(1.0 / (i + 10) for i in range(len(self.words))))
        self.name_weights = list(accumulate(1.0 / (i + 20) for i in range(len(self.names))))
        # Background sentences drawn once and reused with event words put in: generation must
        # cost far less than what is measured.
        self.sentences = [
            rng.choices(self.words, cum_weights=self.word_weights, k=rng.randint(12, 26))
            for _ in range(5_000)
        ]


def stream(
    articles: int, *, seed: int = 7, per_day: int = 2_000, body_words: int = 420
) -> Iterator[tuple[Article, int]]:
    """``articles`` generated articles in publication order, each with its event number (also
    readable from the id, ``"<seq>-<event>"``)."""
    rng = random.Random(seed)
    vocab = Vocabulary(rng)
    pending: list[tuple[float, int, Article, int]] = []
    made = 0
    event = 0
    clock = 0.0
    mean_size = 9
    events_per_day = per_day / mean_size
    counter = 0
    while made < articles or pending:
        if made < articles:
            clock += rng.expovariate(events_per_day)
            size = min(1 + int(rng.expovariate(1 / (mean_size - 1))), articles - made)
            for article in _event_articles(rng, vocab, event, clock, size, body_words, made):
                counter += 1
                assert article.published is not None
                day = (article.published - START).total_seconds() / 86_400
                heapq.heappush(pending, (day, counter, article, event))
            made += size
            event += 1
        while pending and (made >= articles or pending[0][0] < clock):
            _, _, article, number = heapq.heappop(pending)
            yield article, number


def _event_articles(
    rng: random.Random,
    vocab: Vocabulary,
    event: int,
    start_day: float,
    size: int,
    body_words: int,
    seq0: int,
) -> Iterator[Article]:
    names = rng.choices(vocab.names, cum_weights=vocab.name_weights, k=4)
    topic = rng.sample(vocab.words[2_000:], 12)
    figures = [str(rng.randint(10, 5_000)) for _ in range(3)]
    duration = rng.uniform(0.3, 3.0)
    for k in range(size):
        day = start_day + rng.uniform(0, duration)
        title_words = rng.sample(topic, 4) + rng.sample(names, 2)
        title_words += rng.choices(vocab.words, cum_weights=vocab.word_weights, k=3)
        rng.shuffle(title_words)
        title = " ".join(title_words).capitalize()
        sentences = []
        count = 0
        while count < body_words:
            words = list(rng.choice(vocab.sentences))
            length = len(words)
            for _ in range(rng.randint(2, 5)):
                words[rng.randrange(length)] = rng.choice(topic)
            if rng.random() < 0.8:
                words[rng.randrange(length)] = rng.choice(names)
            if rng.random() < 0.15:
                words[rng.randrange(length)] = rng.choice(figures)
            sentences.append(" ".join(words).capitalize() + ".")
            count += length
        paragraphs = [" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)]
        text = "\n\n".join(paragraphs)
        yield Article(
            # "<seq>-<event>": the benchmark reads the gold event back from a story's ids.
            id=f"{seq0 + k:09d}-{event}",
            title=title,
            text=text,
            location=f"synthetic#{event}-{k}",
            location_kind="path",
            format="jsonl",
            published=START + timedelta(days=day),
            seq=seq0 + k,
        )
