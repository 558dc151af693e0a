from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from newscheck.distributed.banding import (
    ENTRY_BYTES,
    bucket_pairs,
    distributed_copies,
    sign_partition,
    split_for_shuffle,
    unpack,
)
from newscheck.distributed.synthetic import records
from newscheck.link.copies import CopyIndex, CopyParams, find_copies
from newscheck.link.lsh import Banding


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return [r["text"] for r in records(1_500, seed=3)]


def shuffled_pairs(texts: list[str], params: CopyParams, parts: int, buckets: int) -> np.ndarray:
    size = -(-len(texts) // parts)
    signed = [
        sign_partition(n, s, texts[s : s + size], params)
        for n, s in enumerate(range(0, len(texts), size))
    ]
    split = [split_for_shuffle(part, buckets) for part in signed]
    packed = [bucket_pairs([pieces[b] for pieces in split], params.banding) for b in range(buckets)]
    nonempty = [p for p in packed if len(p)]
    return unpack(np.unique(np.concatenate(nonempty))) if nonempty else np.empty((0, 2), np.int64)


@pytest.mark.parametrize(("parts", "buckets"), [(1, 1), (4, 3), (7, 16)])
def test_the_shuffle_finds_the_candidates_of_one_index(
    texts: list[str], parts: int, buckets: int
) -> None:
    params = CopyParams()
    index = CopyIndex(params)
    index.add(texts)
    expected = index.candidates()
    assert len(expected) > 100  # the corpus has copies and rewrites to find
    assert np.array_equal(shuffled_pairs(texts, params, parts, buckets), expected)


def test_crowded_buckets_are_cut_the_same_way(texts: list[str]) -> None:
    # One text repeated many times: a bucket over max_bucket pairs only neighbours in text order.
    crowd = [texts[0]] * 40 + texts[:200]
    params = CopyParams(banding=Banding(max_bucket=5))
    index = CopyIndex(params)
    index.add(crowd)
    assert np.array_equal(shuffled_pairs(crowd, params, 3, 5), index.candidates())


def test_shuffle_entries_leave_out_empty_texts() -> None:
    part = sign_partition(0, 10, ["", "one two three four five six"], CopyParams())
    pieces = split_for_shuffle(part, 2)
    owners = np.concatenate([t for piece in pieces for t in piece.texts])
    assert set(owners.tolist()) == {11}
    assert sum(p.nbytes for p in pieces) == ENTRY_BYTES * CopyParams().banding.bands


def test_on_the_cluster_the_verified_copies_equal_find_copies(
    dask_client: Any, texts: list[str]
) -> None:
    run = distributed_copies(dask_client, texts, partition_size=400)
    expected = find_copies(texts)
    assert run.overlaps == expected and len(expected) > 50
    assert run.shuffle_bytes > 0 and run.candidates >= len(expected)
