"""Cross-checking results: every kind reads back equal, in order, on every backend; replacing one
story's keeps the others; scoped readers read only their scope."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newscheck.errors import StoreError
from newscheck.model import (
    ClaimSupport,
    FigureCheck,
    Framing,
    Span,
    SummaryCitation,
    TimelineEntry,
)
from newscheck.store import Store

from . import strategies as records

ROUND_TRIP = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@ROUND_TRIP
@given(st.lists(records.claim_support, max_size=4, unique_by=lambda s: s.group_id))
def test_claim_support_round_trip(store: Store, supports: list[ClaimSupport]) -> None:
    store.replace_claim_support(supports)
    assert store.claim_support() == supports


@ROUND_TRIP
@given(
    st.lists(records.figure_checks("story-a"), max_size=4),
    st.lists(records.figure_checks("story-b"), max_size=3),
)
def test_figure_checks_round_trip(
    store: Store, first: list[FigureCheck], second: list[FigureCheck]
) -> None:
    store.replace_figure_checks("story-a", first)
    store.replace_figure_checks("story-b", second)
    assert store.figure_checks("story-a") == first
    assert store.figure_checks("story-b") == second
    assert store.figure_checks() == first + second
    assert all(type(check.approx) is bool for check in store.figure_checks())


@ROUND_TRIP
@given(st.lists(records.framing, max_size=5))
def test_framing_round_trip(store: Store, framing: list[Framing]) -> None:
    store.replace_framing(framing)
    assert store.framing() == framing


@ROUND_TRIP
@given(
    st.lists(records.timeline_entries("story-a"), max_size=4),
    st.lists(records.timeline_entries("story-b"), max_size=3),
)
def test_timeline_round_trip(
    store: Store, first: list[TimelineEntry], second: list[TimelineEntry]
) -> None:
    store.replace_timeline("story-a", first)
    store.replace_timeline("story-b", second)
    assert store.timeline("story-a") == first
    assert store.timeline() == first + second
    for entry in store.timeline():
        assert entry.when is None or entry.when.tzinfo == UTC


@ROUND_TRIP
@given(
    st.lists(records.citations("story-a"), max_size=4),
    st.lists(records.citations("story-b"), max_size=3),
)
def test_citations_round_trip(
    store: Store, first: list[SummaryCitation], second: list[SummaryCitation]
) -> None:
    store.replace_citations("story-a", first)
    store.replace_citations("story-b", second)
    assert store.citations("story-a") == first
    assert store.citations("story-b") == second
    assert store.citations() == first + second


def figure(story_id: str, value: float, unit: str = "people") -> FigureCheck:
    return FigureCheck(
        story_id, unit, "injured", value, False, ("c1", "c2"), ("f1", "agency:TASS"), "contested"
    )


def entry(story_id: str, text: str, when: datetime | None = None) -> TimelineEntry:
    return TimelineEntry(
        story_id,
        when,
        "late on Tuesday",
        "day" if when else "unknown",
        text,
        ("a1",),
        (Span("a1", 4, 19),),
        "g1",
    )


def test_replacing_one_storys_checks_keeps_the_others(store: Store) -> None:
    store.replace_figure_checks("s1", [figure("s1", 12.0)])
    store.replace_figure_checks("s2", [figure("s2", 14.0), figure("s2", 3.0, "barges")])
    store.replace_figure_checks("s1", [figure("s1", 13.0)])
    assert store.figure_checks() == [
        figure("s1", 13.0),
        figure("s2", 14.0),
        figure("s2", 3.0, "barges"),
    ]
    tuesday = datetime(2025, 3, 11, 22, 0, tzinfo=timezone(timedelta(hours=3)))
    store.replace_timeline("s1", [entry("s1", "The fire began.", tuesday)])
    store.replace_timeline("s2", [entry("s2", "Ferries stopped.")])
    store.replace_timeline("s1", [])
    assert store.timeline() == [entry("s2", "Ferries stopped.")]
    assert store.timeline("s1") == []
    store.replace_citations("s1", [SummaryCitation("s1", 0, "a1", 0, 30)])
    store.replace_citations("s2", [SummaryCitation("s2", 1, "a2", 5, 9, "g2")])
    store.replace_citations("s1", [SummaryCitation("s1", 2, "a3", 1, 2)])
    assert store.citations() == [
        SummaryCitation("s1", 2, "a3", 1, 2),
        SummaryCitation("s2", 1, "a2", 5, 9, "g2"),
    ]


def test_a_timeline_keeps_the_instant_and_reads_back_in_utc(store: Store) -> None:
    kyiv = datetime(2025, 3, 11, 23, 40, tzinfo=timezone(timedelta(hours=2)))
    store.replace_timeline("s1", [entry("s1", "The fire began.", kyiv)])
    (read,) = store.timeline("s1")
    assert read.when == kyiv and read.when is not None
    assert read.when.tzinfo == UTC and read.when.hour == 21


def test_records_of_another_story_are_refused_and_nothing_changes(store: Store) -> None:
    store.replace_figure_checks("s1", [figure("s1", 12.0)])
    with pytest.raises(StoreError, match=r"story 's1'.*s9"):
        store.replace_figure_checks("s1", [figure("s1", 13.0), figure("s9", 2.0)])
    with pytest.raises(StoreError, match="timeline of story 's1'"):
        store.replace_timeline("s1", [entry("s2", "Elsewhere.")])
    with pytest.raises(StoreError, match="citations"):
        store.replace_citations("s1", [SummaryCitation("s2", 0, "a", 0, 1)])
    assert store.figure_checks() == [figure("s1", 12.0)]
    assert store.timeline() == [] and store.citations() == []


def test_claim_support_by_group_keeps_stored_order(store: Store) -> None:
    supports = [
        ClaimSupport("g3", ("f1", "agency:Reuters"), "Reuters", "agency", ("c9",)),
        ClaimSupport("g1", ("f2",), "the harbour council", "speaker"),
        ClaimSupport("g2", ("f1", "f2", "f3")),
    ]
    store.replace_claim_support(supports)
    assert store.claim_support(["g2", "g3", "nope"]) == [supports[0], supports[2]]
    assert store.claim_support(iter(["g1", "g1"])) == [supports[1]]
    assert store.claim_support([]) == []
    store.replace_claim_support(supports[1:])
    assert store.claim_support() == supports[1:]


def test_framing_by_derived_article(store: Store) -> None:
    framing = [
        Framing("d1", "o", "loaded_word", "title", 0, 8, "Brutal storm", ("brutal",)),
        Framing("d2", "o", "added_evaluation", "text", 40, 90, "A shameful delay."),
        Framing("d1", "o", "loaded_word", "text", 3, 9, "regime", ("regime",)),
    ]
    store.replace_framing(framing)
    assert store.framing(["d1"]) == [framing[0], framing[2]]
    assert store.framing(["o"]) == []  # scoped by the derived article only
    store.replace_framing([])
    assert store.framing() == []


def test_scoped_reads_of_many_ids_are_chunked_and_each_record_read_once(store: Store) -> None:
    # More ids than one IN (...) list takes (backend.CHUNK): the chunks are read separately.
    supports = [ClaimSupport(f"g{n:04d}", (f"f{n}",)) for n in range(1200)]
    store.replace_claim_support(supports)
    wanted = [f"g{n:04d}" for n in range(1199, -1, -2)]
    assert store.claim_support(wanted) == supports[1::2]
