"""``cluster_stories``: one run's articles onto the stories already stored, through the online
clusterer, with copies and rewrites kept in their origin's story.

Story ids. A story first formed in a run gets ``group_id("story", its member ids)`` at the end of
that run, so the same batch gives the same ids whatever order it came in. A stored story keeps its
id when later runs add articles to it (a bookmark, a store row, a family's ``story_id`` stay
valid); when two stories must merge (a link joins them), the merged story keeps the id of its
earliest stored part.

Keys elsewhere. Extracting each article's keys is the work per article; placing articles into
stories is one ordered pass. :func:`articles_to_key` names the articles whose keys a call reads,
so that they can be computed in parallel (the Dask runner does, on its workers) and handed in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from newscheck.model import Article, Link, Story, group_id
from newscheck.stories.clusterer import CLUSTER_SCHEME, StoryClusterer
from newscheck.stories.config import DAY, ClusterConfig
from newscheck.stories.embedding import Embedder, embed_leads
from newscheck.stories.features import ArticleKeys, KeyExtractor, all_keys, epoch_seconds
from newscheck.stories.open_story import STORY_ID_PREFIX
from newscheck.stories.ordering import stream_sequence
from newscheck.stories.unionfind import UnionFind
from newscheck.stories.weighting import DocumentFrequencies

_NO_ARTICLES: Mapping[str, Article] = {}
_WEIGH_AT_ONCE = 1024


def cluster_stories(
    articles: Sequence[Article],
    links: Sequence[Link],
    *,
    existing: Sequence[Story] = (),
    existing_articles: Mapping[str, Article] = _NO_ARTICLES,
    embedder: Embedder | None = None,
    config: ClusterConfig | None = None,
    keys: Mapping[str, ArticleKeys] | None = None,
) -> tuple[Story, ...]:
    """All stories after adding ``articles``: the ``existing`` ones (extended where new articles
    joined them) and new ones, largest and latest first.

    Articles already in an existing story stay there. ``existing_articles`` (and ``articles``)
    supply the text of stored members, so that new articles are matched against it. With an
    ``embedder`` the title and lead of each article are embedded and count in the match.

    ``keys``: article id -> the article's keys, computed beforehand (e.g. on other processes)
    by ``KeyExtractor(lead_chars=config.lead_chars)``, for some or all of the articles
    :func:`articles_to_key` names; the others' are extracted here. The stories are the same
    either way. An embedder's embeddings replace those the given keys carry.
    """
    config = config or ClusterConfig()
    batch = _Batch.of(articles, links, existing, existing_articles, config)
    keyed = batch.keyed()
    found = _keys_of(keyed, keys or {}, config)
    if embedder is not None:
        found = _with_embeddings(found, keyed, embedder, config)
    # The whole batch is known: weigh terms by its frequencies from the first article on.
    frequencies = DocumentFrequencies()
    for article_keys in found.values():
        frequencies.add(all_keys(article_keys))
    clusterer = StoryClusterer(config, frequencies=frequencies)
    for story in batch.reopened:
        clusterer.reopen(story, [found[i] for i in story.article_ids if i in found])
    groups = batch.groups
    done: list[Story] = []
    ordered = [found[article.id] for article in stream_sequence(batch.new)]
    for start in range(0, len(ordered), _WEIGH_AT_ONCE):
        # Weighed a chunk at a time (the frequencies are counted already: the same members).
        for member in clusterer.weigh.many(ordered[start : start + _WEIGH_AT_ONCE]).members():
            join = _placed_partner(clusterer, groups, member.article_id)
            clusterer.add_member(member, join=join)
            done.extend(clusterer.closed())
    done.extend(clusterer.finish())

    # A reopened story that gained nothing is returned exactly as stored.
    stored = {s.id: s for s in existing}
    done = [_unchanged(s, stored.get(s.id)) for s in done]
    reopened_ids = {r.id for r in batch.reopened}
    untouched = [s for s in existing if s.id not in reopened_ids]
    stories = _merge_linked([*untouched, *done], groups, set(stored))
    return tuple(sorted(stories, key=_report_order))


def articles_to_key(
    articles: Sequence[Article],
    links: Sequence[Link],
    *,
    existing: Sequence[Story] = (),
    existing_articles: Mapping[str, Article] = _NO_ARTICLES,
    config: ClusterConfig | None = None,
) -> list[Article]:
    """The articles whose keys :func:`cluster_stories` reads when given the same arguments: the
    new ones, then the stored members of the stories that new articles may join. Their keys can
    be computed anywhere and handed to it as ``keys``; the placing itself is one ordered pass."""
    batch = _Batch.of(articles, links, existing, existing_articles, config or ClusterConfig())
    return batch.keyed()


@dataclass(frozen=True, slots=True)
class _Batch:
    """What one call places: the new articles, the stored stories they may join (with the
    members whose text is known), and the groups that links join."""

    new: list[Article]
    reopened: list[Story]
    old: list[Article]
    groups: UnionFind

    @classmethod
    def of(
        cls,
        articles: Sequence[Article],
        links: Sequence[Link],
        existing: Sequence[Story],
        existing_articles: Mapping[str, Article],
        config: ClusterConfig,
    ) -> _Batch:
        known: dict[str, Article] = dict(existing_articles)
        known.update((a.id, a) for a in articles)
        placed = {aid: story for story in existing for aid in story.article_ids}
        new = [a for a in _unique(articles) if a.id not in placed]
        groups = UnionFind()
        for link in links:
            groups.union(link.derived, link.origin)
        reopened = [
            story
            for story in _stories_to_reopen(existing, new, groups, placed, config)
            if any(i in known for i in story.article_ids)  # nothing to match a story by otherwise
        ]
        old = [known[i] for story in reopened for i in story.article_ids if i in known]
        return cls(new, reopened, old, groups)

    def keyed(self) -> list[Article]:
        """The articles whose keys the clusterer reads, in the order it counts them."""
        return [*self.new, *self.old]


def _keys_of(
    articles: Sequence[Article], given: Mapping[str, ArticleKeys], config: ClusterConfig
) -> dict[str, ArticleKeys]:
    """Keys of ``articles`` in their order: the given ones, the others extracted."""
    extract: KeyExtractor | None = None
    out: dict[str, ArticleKeys] = {}
    for article in articles:
        keys = given.get(article.id)
        if keys is None:
            extract = extract or KeyExtractor(lead_chars=config.lead_chars)
            keys = extract(article)
        elif keys.article_id != article.id:
            raise ValueError(f"the keys given for {article.id} are {keys.article_id}'s")
        out[article.id] = keys
    return out


def _with_embeddings(
    keys: dict[str, ArticleKeys],
    articles: Sequence[Article],
    embedder: Embedder,
    config: ClusterConfig,
) -> dict[str, ArticleKeys]:
    """Keys with the embedding of each article in a language the model reads well."""
    readable = [a for a in articles if keys[a.id].language in config.embedding_languages]
    vectors = embed_leads(embedder, readable)
    return {
        aid: replace(k, embedding=vectors[aid]) if aid in vectors else k for aid, k in keys.items()
    }


def _unchanged(story: Story, stored: Story | None) -> Story:
    if stored is not None and set(story.article_ids) == set(stored.article_ids):
        return stored
    return story


def _unique(articles: Iterable[Article]) -> list[Article]:
    seen: set[str] = set()
    out = []
    for article in articles:
        if article.id not in seen:
            seen.add(article.id)
            out.append(article)
    return out


def _stories_to_reopen(
    existing: Sequence[Story],
    new: Sequence[Article],
    groups: UnionFind,
    placed: Mapping[str, Story],
    config: ClusterConfig,
) -> list[Story]:
    """Stored stories new articles may join: those near them in time, undated ones, and those
    holding a link partner of a new article."""
    if not new:
        return []
    times = [epoch_seconds(a.published) for a in new if a.published is not None]
    undated = len(times) < len(new)
    reach = config.window_days * DAY
    chosen: dict[str, Story] = {}
    for story in existing:
        if story.last_seen is None or story.first_seen is None:
            chosen[story.id] = story  # undated: no clock says it is over
            continue
        last, first = epoch_seconds(story.last_seen), epoch_seconds(story.first_seen)
        near = bool(times) and last >= min(times) - reach and first <= max(times) + reach
        # Undated newcomers take the clock of the latest dated one: near it counts too.
        near_clock = undated and bool(times) and last >= max(times) - reach
        if near or near_clock or not times:
            chosen[story.id] = story
    for article in new:
        for partner in groups.members(article.id):
            holder = placed.get(partner)
            if holder is not None:
                chosen[holder.id] = holder
    return sorted(chosen.values(), key=_time_then_id)


def _placed_partner(clusterer: StoryClusterer, groups: UnionFind, article_id: str) -> str | None:
    """An article linked (by copies and rewrites, at any distance) to ``article_id`` that sits in
    an open story, the earliest-keyed one, or None."""
    best: tuple[int, str] | None = None
    for partner in groups.members(article_id):
        key = clusterer.story_key(partner)
        if key is not None and (best is None or (key, partner) < best):
            best = (key, partner)
    return best[1] if best else None


def _merge_linked(stories: Sequence[Story], groups: UnionFind, stored_ids: set[str]) -> list[Story]:
    """Merge stories that links join (a copy whose origin's story had already closed)."""
    story_of = {aid: s.id for s in stories for aid in s.article_ids}
    joined = UnionFind()
    for story in stories:
        joined.add(story.id)
    for root_members in groups.groups():
        ids = sorted({story_of[a] for a in root_members if a in story_of})
        for other in ids[1:]:
            joined.union(ids[0], other)
    by_id = {s.id: s for s in stories}
    out = []
    for members in joined.groups():
        parts = [by_id[i] for i in sorted(members)]
        out.append(parts[0] if len(parts) == 1 else _merged(parts, stored_ids))
    return out


def _merged(parts: list[Story], stored_ids: set[str]) -> Story:
    # Stored parts first (their members keep the front of the list), each part by time.
    parts = sorted(parts, key=lambda p: (p.id not in stored_ids, *_time_then_id(p)))
    stored = [p for p in parts if p.id in stored_ids]
    article_ids = tuple(i for p in parts for i in p.article_ids)
    largest = max(parts, key=lambda p: (len(p.article_ids), -_time_key(p), p.id))
    firsts = [p.first_seen for p in parts if p.first_seen is not None]
    lasts = [p.last_seen for p in parts if p.last_seen is not None]
    return Story(
        id=stored[0].id if stored else group_id(STORY_ID_PREFIX, article_ids),
        title=largest.title,
        article_ids=article_ids,
        first_seen=min(firsts) if firsts else None,
        last_seen=max(lasts) if lasts else None,
        scheme=CLUSTER_SCHEME,
    )


def _time_key(story: Story) -> float:
    return epoch_seconds(story.first_seen) if story.first_seen is not None else float("inf")


def _time_then_id(story: Story) -> tuple[float, str]:
    return (_time_key(story), story.id)


def _report_order(story: Story) -> tuple[int, float, str]:
    """Largest first, then the most recent, then by id (stable)."""
    last = epoch_seconds(story.last_seen) if story.last_seen is not None else float("-inf")
    return (-len(story.article_ids), -last, story.id)


def story_ids_by_article(stories: Iterable[Story]) -> dict[str, str]:
    """Article id -> id of its story."""
    return {aid: s.id for s in stories for aid in s.article_ids}


__all__ = ["articles_to_key", "cluster_stories", "story_ids_by_article"]
