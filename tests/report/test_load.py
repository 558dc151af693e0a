"""analysis_from_store: the report rebuilt from a store equals the report of the records written."""

from __future__ import annotations

import importlib.util
import sys
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from newscheck.model import (
    ClaimSupport,
    FigureCheck,
    Framing,
    Span,
    Story,
    SummaryCitation,
    TimelineEntry,
    group_id,
)
from newscheck.pipeline import Analysis
from newscheck.report.build import build_report
from newscheck.report.load import analysis_around_article, analysis_from_store, read_results
from newscheck.store import Store, open_store


def _fictional() -> ModuleType:
    # tests/ is not a package: load the web tests' fictional story by path.
    path = Path(__file__).resolve().parents[1] / "web" / "fictional.py"
    spec = importlib.util.spec_from_file_location("web_fictional", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


fictional = _fictional()


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return open_store(tmp_path / "load.db")


def test_whole_store_report_holds_everything_written(store: Store) -> None:
    story = fictional.write_fictional_story(store)
    analysis = analysis_from_store(store)
    report = build_report(analysis)
    assert [a["id"] for a in report["articles"]] == [
        story.origin.id,
        story.rewrite.id,
        story.radio.id,
        story.hostile.id,
    ]
    assert report["articles"][0]["text"] == story.origin.text
    assert report["articles"][0]["sentences"]
    assert [s["id"] for s in report["stories"]] == [story.story_id]
    assert len(report["links"]) == 1 and len(report["families"]) == 3
    assert len(report["claims"]) == 7  # one entry per claim group
    assert len(report["conflicts"]) == 2 and len(report["summary"]) == 3
    assert report["rejections"] == []


def test_a_story_subset_has_only_that_story(store: Store) -> None:
    story = fictional.write_fictional_story(store)
    # A second, unrelated story with one article.
    lone = fictional.make_article("Kiln fire in Tarsk", "A kiln burned in Tarsk.", "kiln.txt", 9)
    run = store.begin_run(["more"], {})
    store.add_articles(run, [lone], [fictional.segment(lone.id, lone.text)])
    other = Story(group_id("story-", [lone.id]), lone.title, (lone.id,))
    store.replace_stories([*store.stories(), other])
    store.finish_run(run, "done", {})

    only_other = analysis_from_store(store, [other.id, "no-such-story"])
    assert [a.id for a in only_other.articles] == [lone.id]
    assert only_other.links == () and only_other.claims == () and dict(only_other.summaries) == {}

    results = read_results(store)
    subset = analysis_from_store(store, [story.story_id], results=results)
    whole = analysis_from_store(store, results=results)
    assert {a.id for a in subset.articles} == set(story_articles(story))
    assert subset.links == whole.links
    assert subset.claim_groups == whole.claim_groups
    assert subset.rejections == ()
    # Apart from the other story, the reports agree record for record.
    sub_report, whole_report = build_report(subset), build_report(whole)
    assert sub_report["claims"] == whole_report["claims"]
    assert sub_report["summary"] == whole_report["summary"]


def story_articles(story: object) -> list[str]:
    return [getattr(story, name).id for name in ("origin", "rewrite", "radio", "hostile")]


def test_an_empty_store_gives_an_empty_analysis(store: Store) -> None:
    analysis = analysis_from_store(store)
    assert isinstance(analysis, Analysis)
    assert build_report(analysis)["articles"] == []
    assert analysis_from_store(store, ["nothing"]).articles == ()


def test_around_an_article_are_its_links_both_ways(store: Store) -> None:
    story = fictional.write_fictional_story(store)
    around_origin = analysis_around_article(store, story.origin.id)
    assert {a.id for a in around_origin.articles} == {story.origin.id, story.rewrite.id}
    assert [(k.derived, k.origin) for k in around_origin.links] == [
        (story.rewrite.id, story.origin.id)
    ]
    assert {c.article_id for c in around_origin.claims} == {story.origin.id}
    assert [f.origin for f in around_origin.families] == [story.origin.id]
    lone = analysis_around_article(store, story.radio.id)
    assert [a.id for a in lone.articles] == [story.radio.id] and lone.links == ()


def write_cross_checks(store: Store, story: Any) -> dict[str, tuple[object, ...]]:
    """Cross-checking records of the fictional story, plus framing and figures of another story
    (which a subset of the fictional story must leave out)."""
    sid = story.story_id
    origin, rewrite = story.origin, story.rewrite
    support = (
        ClaimSupport("g-injured-12", ("f-origin", "agency:Kessel Wire"), "the health office"),
        ClaimSupport("g-warnings", (), added_claim_ids=("c8",)),
    )
    checks = (
        FigureCheck(sid, "people", "injured", 12.0, False, ("c1", "c2"), ("f-1",), "contested"),
    )
    framing = (Framing(rewrite.id, origin.id, "loaded_word", "title", 0, 6, "Deadly", ("deadly",)),)
    timeline = (
        TimelineEntry(
            sid,
            datetime(2025, 3, 11, 19, 0, tzinfo=UTC),
            "on Tuesday evening",
            "day",
            "The bridge collapsed.",
            (origin.id,),
            (Span(origin.id, 0, 20),),
            "g-closed",
        ),
    )
    citations = (SummaryCitation(sid, 0, origin.id, 0, 40, "g-closed"),)
    store.replace_claim_support([*support, ClaimSupport("g-elsewhere", ("f-x",))])
    store.replace_figure_checks(sid, checks)
    store.replace_figure_checks(
        "s-other", [FigureCheck("s-other", "kilns", None, 2.0, True, (), (), "unattested")]
    )
    store.replace_framing([*framing, Framing("x", "y", "added_evaluation", "text", 0, 5, "Sad.")])
    store.replace_timeline(sid, timeline)
    store.replace_citations(sid, citations)
    return {
        "claim_support": support,
        "figure_checks": checks,
        "framing": framing,
        "timeline": timeline,
        "citations": citations,
    }


CROSS_CHECK_FIELDS = ("claim_support", "figure_checks", "framing", "timeline", "citations")


def test_cross_checks_are_read_for_the_whole_store_and_a_story(store: Store) -> None:
    story = fictional.write_fictional_story(store)
    written = write_cross_checks(store, story)
    whole = analysis_from_store(store)
    assert len(whole.claim_support) == 3 and len(whole.figure_checks) == 2
    assert len(whole.framing) == 2
    subset = analysis_from_store(store, [story.story_id])
    for name in CROSS_CHECK_FIELDS:
        assert getattr(subset, name) == written[name], name
    assert build_report(subset) == build_report(
        analysis_from_store(store, [story.story_id], results=read_results(store))
    )


def test_a_story_read_without_results_equals_one_read_with_them(store: Store) -> None:
    story = fictional.write_fictional_story(store)
    write_cross_checks(store, story)
    scoped = analysis_from_store(store, [story.story_id, "no-such-story"])
    indexed = analysis_from_store(store, [story.story_id], results=read_results(store))
    assert scoped == indexed
    assert scoped.links and scoped.families and scoped.claim_support


def test_around_an_article_are_the_framing_of_its_links(store: Store) -> None:
    story = fictional.write_fictional_story(store)
    written = write_cross_checks(store, story)
    around = analysis_around_article(store, story.origin.id)
    assert around.framing == written["framing"]
    assert around == analysis_around_article(store, story.origin.id, results=read_results(store))
    assert analysis_around_article(store, story.radio.id).framing == ()
