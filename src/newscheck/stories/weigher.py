"""Turns an article's keys into the weighed, slim :class:`Member` the clusterer places.

Separate from the clusterer so that it can run in another process: it needs only the stream of
articles in order (document frequencies depend on nothing else), and what it hands over is small:
key ids and weights in arrays (see :mod:`newscheck.stories.member_batch`).
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from itertools import chain
from math import log, sqrt

import numpy as np

from newscheck.stories.buckets import EmbeddingBuckets
from newscheck.stories.config import ClusterConfig
from newscheck.stories.features import ArticleKeys
from newscheck.stories.keyspace import IdVector
from newscheck.stories.member_batch import MemberBatch, Ragged, stack_embeddings
from newscheck.stories.open_story import TITLE_TERMS, Member
from newscheck.stories.weighting import DocumentFrequencies, rank_segments, ranks_within

BUCKET_WEIGHT = 0.05
"""Weight of a shared embedding bucket when ranking candidates (a name or term weighs ~0.1-0.3)."""


class Channel(IntEnum):
    """What kind of key a member's key id stands for: its lowest two bits."""

    TERM = 0
    NAME = 1
    FIGURE = 2
    BUCKET = 3
    """An embedding bucket (see :mod:`newscheck.stories.buckets`)."""


def member_key_ids(slots: np.ndarray, channel: int | np.ndarray) -> np.ndarray:
    """Ids of the keys at ``slots`` of the document frequencies (or embedding bucket codes) in a
    channel (one for all, or one each): a name and a term spelled alike are two keys."""
    ids: np.ndarray = (slots << 2) | channel
    return ids


class Weigher:
    """``weigher(keys) -> Member``. Counts each article into the document frequencies first,
    unless it was given frequencies counted beforehand (a batch known in advance).

    The members' key ids come from the frequencies' slots (:func:`member_key_ids`): a clusterer
    must only be given members of one weigher."""

    __slots__ = ("_buckets", "_scales", "config", "counting", "frequencies")

    def __init__(
        self, config: ClusterConfig, frequencies: DocumentFrequencies | None = None
    ) -> None:
        self.config = config
        self.frequencies = frequencies or DocumentFrequencies(max_keys=config.max_keys)
        self.counting = frequencies is None
        self._buckets: EmbeddingBuckets | None = None
        # Each channel is scaled by the square root of its weight: a dot product of two
        # members' vectors then weighs it once.
        self._scales = tuple(
            sqrt(w) for w in (config.term_weight, config.name_weight, config.figure_weight)
        )

    def __call__(self, keys: ArticleKeys) -> Member:
        """One article weighed (for many, :meth:`many` is faster and gives the same)."""
        config = self.config
        df = self.frequencies
        channels = (
            (_TERM, keys.terms, config.vector_terms),
            (_NAME, keys.names, config.vector_names),
            (int(Channel.FIGURE), keys.figures, config.vector_figures),
        )
        slots = [df.slots(list(counts)) for _, counts, _ in channels]
        if self.counting:
            df.count(np.concatenate(slots))  # a key in two channels counts once
        weighed: list[IdVector] = []
        for (channel, counts, limit), channel_slots in zip(channels, slots, strict=True):
            order, weights = df.rank(channel_slots, counts.values(), limit)
            weighed.append(IdVector(member_key_ids(channel_slots[order], channel), weights))
        df.forget_if_full()  # after: it frees slots, and the ids above are taken
        terms, names, _ = weighed
        half = config.retrieval_keys // 2
        count = config.retrieval_keys - min(half, len(names))
        retrieval = [names.ids[:half], terms.ids[:count]]
        retrieval_weights = [names.weights[:half], terms.weights[:count]]
        if keys.embedding is not None:
            codes = self._buckets_for(keys.embedding)
            retrieval.append(member_key_ids(codes, _BUCKET))
            retrieval_weights.append(np.full(len(codes), BUCKET_WEIGHT))
        scaled = [v.weights * s for v, s in zip(weighed, self._scales, strict=True)]
        vector = IdVector(np.concatenate([v.ids for v in weighed]), np.concatenate(scaled))
        if np.count_nonzero(vector.weights) < len(vector):  # a channel weighed 0
            keep = vector.weights != 0.0
            vector = IdVector(vector.ids[keep], vector.weights[keep])
        return Member(
            article_id=keys.article_id,
            title=keys.title,
            published=keys.published,
            seq=keys.seq,
            embedding=keys.embedding,
            vector=vector,
            title_terms=IdVector(
                terms.ids[:TITLE_TERMS].copy(), terms.weights[:TITLE_TERMS].copy()
            ),
            retrieval=IdVector(np.concatenate(retrieval), np.concatenate(retrieval_weights)),
        )

    def many(self, batch: Sequence[ArticleKeys]) -> MemberBatch:
        """The articles of ``batch``, in order, weighed into one :class:`MemberBatch`: the same
        members as one call per article (a few dozen numpy calls for the whole batch instead
        of per article). Rare keys are forgotten (when ``max_keys`` is passed) after a whole
        batch, not after each article: only there does a batch differ from single calls."""
        config = self.config
        df = self.frequencies
        count = len(batch)
        channels = [d for k in batch for d in (k.terms, k.names, k.figures)]
        lengths = np.fromiter(map(len, channels), dtype=np.int64, count=len(channels))
        keys = list(chain.from_iterable(channels))
        tf = np.fromiter(
            chain.from_iterable(d.values() for d in channels), dtype=np.int64, count=len(keys)
        )
        slots = df.slots(keys)
        segments = np.repeat(np.arange(len(channels), dtype=np.int64), lengths)
        owners = segments // _CHANNELS
        if self.counting:
            # A key in two channels ("putin" the name and the term) counts once per article.
            bounds = np.zeros(count + 1, dtype=np.int64)
            np.cumsum(lengths.reshape(count, _CHANNELS).sum(axis=1), out=bounds[1:])
            frequency, documents = df.count_many(slots, bounds.tolist())
        else:
            frequency = df.counts_of(slots)
            documents = np.full(count, df.documents, dtype=np.int64)
        tops = np.array([log(d + df.prior) for d in documents.tolist()])  # math.log's bits
        limits = np.tile(
            np.array([config.vector_terms, config.vector_names, config.vector_figures]), count
        )
        kept, weights = rank_segments(segments, tf, frequency, tops[owners], limits)
        ids = member_key_ids(slots[kept], segments[kept] % _CHANNELS)
        df.forget_if_full()  # after: it frees slots, and the ids above are taken
        weighed = _Weighed(segments[kept], ids, weights)
        embeddings, embedded = stack_embeddings([k.embedding for k in batch])
        return MemberBatch(
            article_ids=[k.article_id for k in batch],
            titles=[k.title for k in batch],
            published=[k.published for k in batch],
            seqs=[k.seq for k in batch],
            vectors=weighed.vectors(np.array(self._scales), count),
            title_terms=weighed.title_terms(count),
            retrieval=self._retrieval(weighed, [k.embedding for k in batch], count),
            embeddings=embeddings,
            embedded=embedded,
        )

    def _retrieval(
        self,
        weighed: _Weighed,
        embeddings: list[np.ndarray | None],
        count: int,
    ) -> Ragged:
        """Per member: its heaviest names (up to half the retrieval keys), then its heaviest
        terms up to ``retrieval_keys``, then its embedding buckets."""
        half = self.config.retrieval_keys // 2
        channel, owners, rank = weighed.channel, weighed.owners, weighed.rank
        names = channel == _NAME
        name_count = np.minimum(np.bincount(owners[names], minlength=count), half)
        term_limit = self.config.retrieval_keys - name_count
        chosen = (names & (rank < half)) | ((channel == _TERM) & (rank < term_limit[owners]))
        picked = np.flatnonzero(chosen)
        parts_owner = [owners[picked]]
        parts_group = [(channel[picked] == _TERM).astype(np.int64)]  # names, then terms
        parts_ids = [weighed.ids[picked]]
        parts_weights = [weighed.weights[picked]]
        each = [(row, self._buckets_for(e)) for row, e in enumerate(embeddings) if e is not None]
        if each:
            codes = np.concatenate([c for _, c in each])
            rows = [row for row, _ in each]
            parts_owner.append(np.repeat(np.array(rows), [len(c) for _, c in each]))
            parts_group.append(np.full(len(codes), 2, dtype=np.int64))
            parts_ids.append(member_key_ids(codes, _BUCKET))
            parts_weights.append(np.full(len(codes), BUCKET_WEIGHT))
        owner, group = np.concatenate(parts_owner), np.concatenate(parts_group)
        order = np.lexsort((group, owner))  # stable: heaviest first within a group
        return Ragged.grouped(
            owner[order],
            np.concatenate(parts_ids)[order],
            np.concatenate(parts_weights)[order],
            count,
        )

    def _buckets_for(self, embedding: np.ndarray) -> np.ndarray:
        if self._buckets is None or self._buckets.dimensions != len(embedding):
            self._buckets = EmbeddingBuckets(len(embedding))
        return self._buckets.codes(embedding)


_TERM, _NAME, _BUCKET = int(Channel.TERM), int(Channel.NAME), int(Channel.BUCKET)
"""As plain ints: numpy compares arrays with them faster than with enum members."""
_CHANNELS = 3
"""Weighed channels per article: terms, names, figures (segment ``3 * article + channel``)."""


class _Weighed:
    """The kept entries of a batch, grouped by article and channel, heaviest first in each."""

    __slots__ = ("channel", "ids", "owners", "rank", "weights")

    def __init__(self, segments: np.ndarray, ids: np.ndarray, weights: np.ndarray) -> None:
        self.owners = segments // _CHANNELS
        self.channel = segments % _CHANNELS
        self.ids = ids
        self.weights = weights
        self.rank = ranks_within(segments)

    def vectors(self, scales: np.ndarray, count: int) -> Ragged:
        """Each member's channels in one vector, each scaled (channels weighed 0 left out)."""
        weights = self.weights * scales[self.channel]  # x 1.0 changes no bit
        keep = weights != 0.0
        if np.count_nonzero(keep) < len(keep):
            return Ragged.grouped(self.owners[keep], self.ids[keep], weights[keep], count)
        return Ragged.grouped(self.owners, self.ids, weights, count)

    def title_terms(self, count: int) -> Ragged:
        chosen = (self.channel == _TERM) & (self.rank < TITLE_TERMS)
        return Ragged.grouped(self.owners[chosen], self.ids[chosen], self.weights[chosen], count)
