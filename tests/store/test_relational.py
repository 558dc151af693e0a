"""Runs, articles, segmentations, rejections and search, on every backend."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import UTC

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newscheck.errors import StoreError
from newscheck.model import Article, Claim, Rejection
from newscheck.store import Store
from newscheck.store.relational import ARTICLE_PAGE

from . import strategies as records
from .fictional import fictional_article, fictional_batch

ROUND_TRIP = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def content_id(article: Article) -> Article:
    """Give a generated article an id derived from all its fields, as real ids are from content:
    the store keeps the first article with an id, so equal ids must mean equal articles."""
    return replace(article, id=hashlib.sha256(repr(article).encode()).hexdigest()[:16])


@ROUND_TRIP
@given(st.lists(records.articles.map(content_id), max_size=4, unique_by=lambda a: a.id), st.data())
def test_articles_and_segmentations_round_trip(
    store: Store, articles: list[Article], data: st.DataObject
) -> None:
    segmentations = [data.draw(records.segmentations(article.id)) for article in articles]
    run_id = store.begin_run(["generated"], {})
    added = store.add_articles(run_id, articles, segmentations)
    assert list(store.articles([a.id for a in articles])) == articles
    for article in articles:
        read = store.article(article.id)
        assert read == article
        assert read.published is None or read.published.tzinfo == UTC
    # An article seen in an earlier example keeps the segmentation stored with it then.
    assert store.segmentations(added) == {
        s.article_id: s for s in segmentations if s.article_id in added
    }


def test_adding_the_same_articles_again_adds_nothing(store: Store) -> None:
    articles, segmentations = fictional_batch(0, 6)
    first_run = store.begin_run(["fictional/"], {"pass": 1})
    assert store.add_articles(first_run, articles, segmentations) == [a.id for a in articles]
    second_run = store.begin_run(["fictional/"], {"pass": 2})
    more, more_segmentations = fictional_batch(4, 4)
    assert store.add_articles(second_run, more, more_segmentations) == [a.id for a in more[2:]]
    assert store.add_articles(second_run, articles + more, segmentations) == []
    assert store.article_count() == 8
    assert [a.id for a in store.articles()] == [a.id for a in articles + more[2:]]
    assert len(store.segmentations()) == 8
    assert store.segmentations()[articles[0].id] == segmentations[0]


@pytest.mark.parametrize("batch", [1, 5, 10_000])
def test_every_segmentation_reads_back_whole_in_any_batch_size(store: Store, batch: int) -> None:
    """The whole store's segmentations are read in lists of rows as they come; an article's rows
    that straddle two lists still make one segmentation."""
    articles, segmentations = fictional_batch(0, 9)
    assert sum(len(s.sentences) for s in segmentations) > 5 * len(segmentations) // 2
    store.add_articles(store.begin_run([], {}), articles, segmentations)
    store.fetch_batch = batch  # type: ignore[attr-defined]
    assert store.segmentations() == {s.article_id: s for s in segmentations}
    assert store.segmentations([articles[3].id]) == {articles[3].id: segmentations[3]}


def test_a_batch_with_a_repeated_article_stores_it_once(store: Store) -> None:
    article, segmentation = fictional_article(1)
    run_id = store.begin_run([], {})
    assert store.add_articles(run_id, [article, article], [segmentation, segmentation]) == [
        article.id
    ]
    assert list(store.articles()) == [article]


def test_articles_stream_in_ingest_order_across_pages(store: Store) -> None:
    count = ARTICLE_PAGE * 2 + 7
    run_id = store.begin_run([], {})
    batch, segmentations = fictional_batch(0, count)
    batch.reverse()  # ingest order is the order added, not the order of ids or of numbers
    store.add_articles(run_id, batch, segmentations)
    assert [a.id for a in store.articles()] == [a.id for a in batch]
    wanted = [batch[150].id, batch[3].id, "no-such-id", batch[200].id]
    assert [a.id for a in store.articles(wanted)] == [batch[3].id, batch[150].id, batch[200].id]


def test_writing_while_iterating_articles(store: Store) -> None:
    run_id = store.begin_run([], {})
    store.add_articles(run_id, *fictional_batch(0, ARTICLE_PAGE + 5))
    seen = 0
    for seen, article in enumerate(store.articles(), start=1):
        if seen == 3:
            store.replace_claims([Claim("c1", article.id, 0, 5, article.text[:5], None, None)])
    assert seen == ARTICLE_PAGE + 5
    assert len(store.claims()) == 1


def test_missing_article_and_empty_store(store: Store) -> None:
    assert store.article("nope") is None
    assert store.article_count() == 0
    assert list(store.articles()) == []
    assert store.segmentations() == {}
    assert store.segmentations(["nope"]) == {}


def test_runs_record_inputs_options_and_counts(store: Store) -> None:
    first = store.begin_run(["a.jsonl", "feeds/"], {"embeddings": False, "limit": 3})
    second = store.begin_run(["b.warc"], {})
    store.finish_run(first, "done", {"articles": 12, "rejected": 2})
    runs = store.runs()
    assert [run["id"] for run in runs] == [first, second]
    assert runs[0]["inputs"] == ["a.jsonl", "feeds/"]
    assert runs[0]["options"] == {"embeddings": False, "limit": 3}
    assert runs[0]["counts"] == {"articles": 12, "rejected": 2}
    assert runs[0]["status"] == "done" and runs[0]["finished_at"] is not None
    assert runs[1]["status"] == "running" and runs[1]["finished_at"] is None
    with pytest.raises(StoreError, match="no run"):
        store.finish_run("run-unknown", "done", {})


def test_writes_name_an_unknown_run(store: Store) -> None:
    article, segmentation = fictional_article(0)
    with pytest.raises(StoreError, match="no run"):
        store.add_articles("run-unknown", [article], [segmentation])
    with pytest.raises(StoreError, match="no run"):
        store.add_rejections("run-unknown", [Rejection("x", "path", "empty", "no content")])
    assert store.article_count() == 0


def test_rejections_per_run_in_order_without_repeats(store: Store) -> None:
    first = store.begin_run([], {})
    second = store.begin_run([], {})
    binary = Rejection("data/photo.jpg", "path", "binary", "binary data, not text")
    empty = Rejection("data/empty.txt", "path", "empty", "no content")
    private = Rejection("http://10.0.0.1/", "url", "forbidden_address", "a private address")
    store.add_rejections(first, [binary, empty])
    store.add_rejections(first, [empty, private])
    store.add_rejections(second, [binary])
    assert store.rejections(first) == [binary, empty, private]
    assert store.rejections(second) == [binary]
    assert store.rejections() == [binary, empty, private, binary]
    assert store.rejections("run-unknown") == []


@ROUND_TRIP
@given(
    st.lists(records.rejections, max_size=5, unique_by=lambda r: (r.location, r.reason, r.detail))
)
def test_rejections_round_trip(store: Store, rejections: list[Rejection]) -> None:
    run_id = store.begin_run([], {})
    store.add_rejections(run_id, rejections)
    assert store.rejections(run_id) == rejections


# ---------------------------------------------------------------------------- search

HOSTILE_QUERIES = [
    'foo" OR',
    "*",
    "NEAR(",
    '"',
    "'",
    "title:storm",
    "^Velmora",
    "AND OR NOT",
    "zq5marker) OR (zq6marker",
    "-- DROP TABLE articles;",
    "%s ? $1",
    "\x00",
    "(" * 100,
    "",
]


@pytest.fixture
def searchable(store: Store) -> Store:
    run_id = store.begin_run([], {})
    articles, segmentations = fictional_batch(0, 12)
    store.add_articles(run_id, articles, segmentations)
    claim = Claim(
        "claim-1",
        articles[5].id,
        0,
        40,
        "The harbour will reopen on Thursday",
        "Mayor Ilse Varn",
        "said",
    )
    store.replace_claims([claim])
    return store


def test_search_finds_articles_with_highlighted_snippets(searchable: Store) -> None:
    hits = searchable.search("zq5marker")
    assert [hit["kind"] for hit in hits] == ["article"]
    (hit,) = hits
    expected = fictional_article(5)[0]
    assert hit["id"] == hit["article_id"] == expected.id
    assert hit["title"] == expected.title
    snippet = str(hit["snippet"])
    assert [snippet[start:end] for start, end in hit["highlights"]] == ["zq5marker"]  # type: ignore[attr-defined]


def test_search_needs_every_word_and_covers_titles_and_claims(searchable: Store) -> None:
    assert {hit["id"] for hit in searchable.search("Velmora spring")} == {
        fictional_article(n)[0].id for n in (0, 7)
    }
    assert searchable.search("Velmora zq3marker") == []
    claim_hits = [hit for hit in searchable.search("reopen Thursday") if hit["kind"] == "claim"]
    assert [hit["id"] for hit in claim_hits] == ["claim-1"]
    assert claim_hits[0]["article_id"] == fictional_article(5)[0].id


def test_search_limit_and_ranking(searchable: Store) -> None:
    hits = searchable.search("storm", limit=5)
    assert len(hits) == 5
    scores = [float(hit["score"]) for hit in hits]  # type: ignore[arg-type]
    assert scores == sorted(scores, reverse=True)
    assert searchable.search("storm", limit=0) == []


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_search_treats_query_syntax_as_words(searchable: Store, query: str) -> None:
    hits = searchable.search(query)
    assert isinstance(hits, list)
    assert searchable.article_count() == 12  # and nothing was executed but a search


def test_search_operator_words_are_only_words(searchable: Store) -> None:
    # As syntax, 'zq5marker OR zq6marker' would find two articles; as words, neither has all.
    assert searchable.search("zq5marker OR zq6marker") == []
    assert len(searchable.search('zq5marker" OR "zq6marker')) == 0
    assert [hit["id"] for hit in searchable.search('"zq5marker*')] == [fictional_article(5)[0].id]
