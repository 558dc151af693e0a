"""Online story clustering: each arriving article joins the best matching open story or starts one.

State is bounded by the open time window: a story closes once the stream's clock has moved
``window_days`` past its latest article (or, in an undated stream, once more than
``max_open_stories`` are open); a closed story is handed out as a :class:`Story` record and
forgotten. Only open stories are indexed and scored. When an article matches two open stories,
the two are merged if they match each other as wholes (average linkage), so that the order in
which a story's articles arrive matters less.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from datetime import datetime

import numpy as np

from newscheck.model import Article, Story
from newscheck.stories.config import DAY, ClusterConfig
from newscheck.stories.features import (
    ArticleKeys,
    KeyExtractor,
    epoch_seconds,
    stream_order,
)
from newscheck.stories.keyspace import IdVector, KeySpace
from newscheck.stories.open_story import Member, OpenStory
from newscheck.stories.scoring import Scorer
from newscheck.stories.weigher import Weigher
from newscheck.stories.weighting import DocumentFrequencies

CLUSTER_SCHEME = "stories.online-avglink.v2"


class StoryClusterer:
    """Groups a stream of articles, in the order given, into stories.

    Feed articles in publication order (undated ones where they were ingested); an undated
    article takes the stream's clock. ``add`` places one article and returns the key of its open
    story; ``closed`` hands out the stories that left the window; ``finish`` closes the rest.
    """

    def __init__(
        self,
        config: ClusterConfig | None = None,
        *,
        frequencies: DocumentFrequencies | None = None,
    ) -> None:
        """``frequencies``: document frequencies counted beforehand (a batch known in advance);
        the clusterer then uses them as they are instead of counting articles as they arrive."""
        self.config = config or ClusterConfig()
        self.space = KeySpace()
        """Where the open stories' sums are added and matched (one cell per key id)."""
        self.scorer = Scorer(self.config, self.space)
        self.extract = KeyExtractor(lead_chars=self.config.lead_chars)
        self.weigh = Weigher(self.config, frequencies)
        self.clock: float | None = None
        """Latest publication time seen (seconds since the epoch); None until a dated article."""
        self._open: dict[int, OpenStory] = {}
        self._postings: dict[int, set[int]] = {}
        """Retrieval key (a member key id) -> keys of the open stories indexed under it."""
        self._story_of: dict[str, int] = {}
        """Article id -> key of its open story (members of open stories only)."""
        self._by_last_time: list[tuple[float, int]] = []
        self._by_activity: list[tuple[int, int]] = []
        self._closed: list[Story] = []
        self._next_key = 0
        self._arrivals = 0

    @property
    def frequencies(self) -> DocumentFrequencies:
        return self.weigh.frequencies

    @property
    def open_stories(self) -> int:
        return len(self._open)

    @property
    def open_articles(self) -> int:
        return len(self._story_of)

    def add(
        self, article: Article, *, embedding: np.ndarray | None = None, join: str | None = None
    ) -> int:
        """Place ``article``; ``join`` names an article whose story it must join (a copy's or a
        rewrite's origin) while that story is open. Returns the key of the article's story."""
        return self.add_keys(self.extract(article, embedding), join=join)

    def add_keys(self, keys: ArticleKeys, *, join: str | None = None) -> int:
        """Like :meth:`add`, for keys already extracted (e.g. in another process). Many at a
        time are faster weighed together: ``weigh.many`` then :meth:`add_member` each."""
        known = self._story_of.get(keys.article_id)
        if known is not None:
            return known
        return self.add_member(self.weigh(keys), join=join)

    def add_member(self, member: Member, *, join: str | None = None) -> int:
        """Like :meth:`add`, for an article already weighed by a :class:`Weigher` that saw the
        same stream (e.g. in another process)."""
        known = self._story_of.get(member.article_id)
        if known is not None:
            return known
        time = self._tick(member.published)
        vector = self._local(member)
        scored = self._scored(member, vector, time)
        target = self._story_of.get(join) if join is not None else None
        if target is None and scored and scored[0][0] >= scored[0][1]:
            target = scored[0][2]
        if target is None:
            story = self._new_story()
            self._attach(story, member, vector, time)
        else:
            story = self._open[target]
            self._attach(story, member, vector, time)
            margin = self.config.merge_margin
            story = self._merge_near(story, [k for s, t, k in scored if s >= t - margin])
        self._close_expired()
        return story.key

    def reopen(self, story: Story, members: Sequence[ArticleKeys]) -> int:
        """Open a stored story again so that new articles can join it; it keeps its id."""
        open_story = self._new_story(stored=story)
        order = sorted(members, key=lambda k: stream_order(k.published, k.seq, k.article_id))
        unplaced: list[ArticleKeys] = []
        seen: set[str] = set()
        for keys in order:  # each once, and none already placed
            if keys.article_id not in self._story_of and keys.article_id not in seen:
                seen.add(keys.article_id)
                unplaced.append(keys)
        for member in self.weigh.many(unplaced).members():
            vector = self._local(member)
            self._attach(open_story, member, vector, self._tick(member.published))
        return open_story.key

    def story_key(self, article_id: str) -> int | None:
        """Key of the open story holding ``article_id`` (None once it closed, or if unknown)."""
        return self._story_of.get(article_id)

    def closed(self) -> list[Story]:
        """Stories closed since the last call, as records."""
        out, self._closed = self._closed, []
        return out

    def finish(self) -> list[Story]:
        """Close every open story; return all stories closed since the last ``closed``."""
        for key in sorted(self._open):
            self._close(key)
        return self.closed()

    # ------------------------------------------------------------------ matching

    def _scored(
        self, member: Member, vector: IdVector, time: float | None
    ) -> list[tuple[float, float, int]]:
        """(score, threshold, key) of each candidate story, best first."""
        keys = self._candidates(member)
        stories = [self._open[key] for key in keys]
        scores = self.scorer.articles(vector, member.embedding, time, stories)
        out = [(s, t, key) for (s, t), key in zip(scores, keys, strict=True)]
        out.sort(key=lambda item: (item[1] - item[0], item[2]))
        return out

    def _candidates(self, member: Member) -> list[int]:
        """Open stories sharing the most of the article's retrieval keys (at most
        ``max_candidates``, in key order so that ties do not depend on set order)."""
        # Ranked by the weight of the shared keys: a cheap stand-in for the score.
        hits: dict[int, float] = {}
        retrieval = member.retrieval
        postings = self._postings.get
        for key, weight in zip(retrieval.ids.tolist(), retrieval.weights.tolist(), strict=True):
            for story_key in postings(key, ()):
                hits[story_key] = hits.get(story_key, 0.0) + weight
        limit = self.config.max_candidates
        if len(hits) <= limit:
            return sorted(hits)
        return sorted(sorted(hits, key=hits.__getitem__, reverse=True)[:limit])

    def _local(self, member: Member) -> IdVector:
        """The member's vector, with room for its ids in the key space."""
        self.space.fit(member.title_terms)
        return self.space.fit(member.vector)

    def _merge_near(self, story: OpenStory, keys: list[int]) -> OpenStory:
        """Merge into ``story`` those of the other stories near the article that match it as
        wholes (average linkage at least the threshold)."""
        for key in keys:
            other = self._open.get(key)
            if other is None or other is story or (story.stored and other.stored):
                continue
            score, threshold = self.scorer.stories(story, other)
            if score >= threshold:
                story = self._merge(story, other)
        return story

    # ------------------------------------------------------------------ state

    def _tick(self, published: datetime | None) -> float | None:
        if published is None:
            return self.clock
        time = epoch_seconds(published)
        if self.clock is None or time > self.clock:
            self.clock = time
        return time

    def _new_story(self, stored: Story | None = None) -> OpenStory:
        story = OpenStory(
            self._next_key, self.space, stored=stored, max_keys=self.config.centroid_keys
        )
        self._next_key += 1
        self._open[story.key] = story
        return story

    def _attach(
        self, story: OpenStory, member: Member, vector: IdVector, time: float | None
    ) -> None:
        story.add(member, vector, time)
        self._story_of[member.article_id] = story.key
        for key in member.retrieval.ids.tolist():
            if key not in story.posted:
                story.posted.add(key)
                self._postings.setdefault(key, set()).add(story.key)
        self._touch(story)

    def _touch(self, story: OpenStory) -> None:
        self._arrivals += 1
        story.activity = self._arrivals
        heapq.heappush(self._by_activity, (story.activity, story.key))
        if story.last_time is not None:
            heapq.heappush(self._by_last_time, (story.last_time, story.key))

    def _merge(self, a: OpenStory, b: OpenStory) -> OpenStory:
        # The stored one survives (it keeps its id), else the older; the other's entries move.
        keep, drop = (a, b) if a.stored or (not b.stored and a.key < b.key) else (b, a)
        keep.absorb(drop)
        del self._open[drop.key]
        for posted in drop.posted:
            holders = self._postings[posted]
            holders.discard(drop.key)
            holders.add(keep.key)
        for record in drop.members:
            self._story_of[record.article_id] = keep.key
        self._touch(keep)
        return keep

    def _close_expired(self) -> None:
        if self.clock is not None:
            horizon = self.clock - self.config.window_days * DAY
            by_time = self._by_last_time
            while by_time and by_time[0][0] < horizon:
                last_time, key = heapq.heappop(by_time)
                story = self._open.get(key)
                if story is not None and story.last_time == last_time:
                    self._close(key)
        by_activity = self._by_activity
        while len(self._open) > self.config.max_open_stories and by_activity:
            activity, key = heapq.heappop(by_activity)
            story = self._open.get(key)
            if story is not None and story.activity == activity:
                self._close(key)
        if len(by_activity) > 4 * len(self._open) + 1024:
            self._compact_heaps()

    def _compact_heaps(self) -> None:
        # Lazy deletion leaves stale entries behind; rebuild so memory follows the open window.
        self._by_activity = [(s.activity, s.key) for s in self._open.values()]
        heapq.heapify(self._by_activity)
        self._by_last_time = [
            (s.last_time, s.key) for s in self._open.values() if s.last_time is not None
        ]
        heapq.heapify(self._by_last_time)

    def _close(self, key: int) -> None:
        story = self._open.pop(key)
        for posted in story.posted:
            holders = self._postings.get(posted)
            if holders is not None:
                holders.discard(key)
                if not holders:
                    del self._postings[posted]
        for record in story.members:
            self._story_of.pop(record.article_id, None)
        self._closed.append(story.record(CLUSTER_SCHEME))
