"""Linked parts kept between runs: a part's links read back equal, the first kept stay, and
forgetting keeps only the parts named."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newscheck.errors import StoreError
from newscheck.model import Link
from newscheck.store import Store, open_store

from . import strategies as records
from .test_results import link

ROUND_TRIP = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@ROUND_TRIP
@given(st.text("0123456789abcdef", min_size=1, max_size=40), st.lists(records.links, max_size=4))
def test_a_parts_links_read_back_equal(store: Store, key: str, links: list[Link]) -> None:
    store.keep_only_linked_parts([])
    store.keep_linked_part(key, links)
    assert store.linked_part(key) == tuple(links)


def test_an_unknown_part_has_no_links_and_the_first_links_kept_stay(store: Store) -> None:
    assert store.linked_part("part-a") is None
    store.keep_linked_part("part-a", [link("b", "a")])
    store.keep_linked_part("part-a", [link("c", "a")])
    store.keep_linked_part("part-b", [])
    assert store.linked_part("part-a") == (link("b", "a"),)
    assert store.linked_part("part-b") == ()


def test_keeping_only_some_parts_forgets_the_others(store: Store) -> None:
    for n in range(1_203):  # more keys than one IN list takes
        store.keep_linked_part(f"part-{n}", [link(f"d{n}", "o")] if n % 2 else [])
    store.keep_only_linked_parts(["part-7", "part-8", "unknown"])
    assert store.linked_part("part-7") == (link("d7", "o"),)
    assert store.linked_part("part-8") == ()
    assert store.linked_part("part-9") is None
    store.keep_only_linked_parts([])
    assert store.linked_part("part-7") is None


def test_a_read_only_store_refuses_to_keep_parts(store_target: str) -> None:
    with open_store(store_target) as store:
        store.keep_linked_part("part-a", [])
    with open_store(store_target, read_only=True) as store:
        assert store.linked_part("part-a") == ()
        with pytest.raises(StoreError, match="read-only"):
            store.keep_linked_part("part-b", [])
