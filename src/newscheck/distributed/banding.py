"""Copy detection on a cluster: signatures per partition, LSH banding as a shuffle on band keys,
verification as a join of partition blocks. The result equals ``link.copies.find_copies`` on the
same texts, pair for pair (``tests/distributed/test_banding.py``).

1. map: each partition of texts gets its band keys and shingle sets
   (:func:`newscheck.link.copies.batch_band_keys`); the sets stay on the worker.
2. shuffle: every (band, key, text) entry goes to bucket ``hash(band, key) % buckets``, so each
   bucket holds every text that shares one of its keys, whichever partition the text is in.
3. reduce: per bucket and band, :func:`newscheck.link.lsh.candidate_pairs` on the bucket's keys in
   text order, which is the order the single-process index sees them in: the same pairs.
4. join: candidate pairs grouped by the partitions of their two texts; each block is verified
   (:func:`newscheck.link.verify.verify_pairs`) where its two partitions' shingle sets are.

Shuffle volume: 16 bytes per text and band (key, text number): 768 bytes a text with the default
48 bands.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import numpy.typing as npt

from newscheck.link.copies import CopyParams, batch_band_keys
from newscheck.link.lsh import Banding, PairArray, UInt64Matrix, candidate_pairs
from newscheck.link.tokens import U64, UInt64Array, fmix64
from newscheck.link.verify import Overlap, verify_pairs

IntArray = npt.NDArray[np.int64]

ENTRY_BYTES = 16
"""Bytes shuffled per (text, band): a uint64 key and an int64 text number."""


@dataclass(frozen=True, slots=True)
class SignedPartition:
    """Band keys and shingle sets of texts ``first .. first + len(keys) - 1``."""

    index: int
    first: int
    keys: UInt64Matrix
    sets: tuple[UInt64Array, ...]


@dataclass(frozen=True, slots=True)
class BucketPiece:
    """The entries of one partition that fall in one bucket, per band: keys and text numbers."""

    keys: tuple[UInt64Array, ...]
    texts: tuple[IntArray, ...]

    @property
    def nbytes(self) -> int:
        return sum(k.nbytes + t.nbytes for k, t in zip(self.keys, self.texts, strict=True))


def sign_partition(
    index: int, first: int, texts: Sequence[str], params: CopyParams
) -> SignedPartition:
    """Map step: band keys and distinct sorted shingle sets of one partition's texts."""
    keys, batch = batch_band_keys(texts, params)
    return SignedPartition(index, first, keys, tuple(batch.sets()))


def bucket_of(keys: UInt64Array, band: int, buckets: int) -> IntArray:
    """Bucket of each key of one band (band keys are well mixed; the band is mixed in so that one
    key value in two bands need not land together)."""
    salt = U64(((band + 1) * 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF)
    mixed = fmix64(keys ^ salt)
    return (mixed % U64(buckets)).astype(np.int64)


def split_for_shuffle(part: SignedPartition, buckets: int) -> list[BucketPiece]:
    """Shuffle output of one partition: for each bucket, its (key, text) entries per band.
    Key 0 (an empty text) is never a candidate and is left out."""
    texts = np.arange(part.first, part.first + len(part.keys), dtype=np.int64)
    per_bucket: list[tuple[list[UInt64Array], list[IntArray]]] = [([], []) for _ in range(buckets)]
    for band in range(part.keys.shape[1]):
        column = part.keys[:, band]
        live = column != 0
        keys, owners = column[live], texts[live]
        target = bucket_of(keys, band, buckets)
        order = np.argsort(target, kind="stable")
        bounds = np.searchsorted(target[order], np.arange(buckets + 1))
        for bucket in range(buckets):
            chosen = order[bounds[bucket] : bounds[bucket + 1]]
            per_bucket[bucket][0].append(keys[chosen])
            per_bucket[bucket][1].append(owners[chosen])
    return [BucketPiece(tuple(k), tuple(t)) for k, t in per_bucket]


def bucket_pairs(pieces: Sequence[BucketPiece], banding: Banding) -> IntArray:
    """Reduce step: candidate pairs among one bucket's entries, packed ``a << 32 | b`` (a < b)."""
    one_band = replace(banding, bands=1)
    found: list[IntArray] = []
    bands = len(pieces[0].keys) if pieces else 0
    for band in range(bands):
        keys = np.concatenate([p.keys[band] for p in pieces])
        texts = np.concatenate([p.texts[band] for p in pieces])
        if len(keys) < 2:
            continue
        order = np.argsort(texts, kind="stable")  # text order, as the one-process index has it
        local = candidate_pairs(keys[order].reshape(-1, 1), one_band)
        if len(local):
            first, second = texts[order][local[:, 0]], texts[order][local[:, 1]]
            found.append(first << 32 | second)
    if not found:
        return np.empty(0, dtype=np.int64)
    return np.unique(np.concatenate(found))


def unpack(packed: IntArray) -> PairArray:
    return np.stack([packed >> 32, packed & 0xFFFFFFFF], axis=1)


def verify_block(
    pairs: PairArray, left: SignedPartition, right: SignedPartition, params: CopyParams
) -> list[Overlap]:
    """Join step: verify pairs whose first text is in ``left`` and second in ``right``."""

    def shingle_set(text: int) -> UInt64Array:
        part = left if left.first <= text < left.first + len(left.sets) else right
        return part.sets[text - part.first]

    return verify_pairs(pairs, shingle_set, params.thresholds)


@dataclass(frozen=True, slots=True)
class CopyRun:
    """What a distributed copy detection found, and what it moved."""

    overlaps: list[Overlap]
    candidates: int
    shuffle_bytes: int


def distributed_copies(
    client: Any,
    texts: Sequence[str],
    params: CopyParams | None = None,
    *,
    partition_size: int = 20_000,
    buckets: int | None = None,
) -> CopyRun:
    """Verified copy matches among ``texts`` (indexes into ``texts``), computed on the cluster;
    equal to ``find_copies(texts, params)``."""
    params = params or CopyParams()
    starts = list(range(0, len(texts), partition_size))
    signed = [
        client.submit(sign_partition, n, s, list(texts[s : s + partition_size]), params, pure=False)
        for n, s in enumerate(starts)
    ]
    buckets = buckets or max(1, len(signed))
    split = [client.submit(split_for_shuffle, part, buckets, pure=False) for part in signed]
    pieces = [[client.submit(_item, s, b, pure=False) for s in split] for b in range(buckets)]
    sizes = client.gather(
        [client.submit(_piece_bytes, p, pure=False) for row in pieces for p in row]
    )
    reduced = [
        client.submit(_bucket_pairs_of, *row, banding=params.banding, pure=False) for row in pieces
    ]
    packed = client.gather(reduced)
    del split, pieces, reduced
    nonempty = [p for p in packed if len(p)]
    pairs = unpack(np.unique(np.concatenate(nonempty))) if nonempty else np.empty((0, 2), np.int64)
    overlaps = _verify_blocks(client, pairs, signed, starts, partition_size, params)
    return CopyRun(overlaps, len(pairs), int(sum(sizes)))


def _item(pieces: list[BucketPiece], bucket: int) -> BucketPiece:
    return pieces[bucket]


def _piece_bytes(piece: BucketPiece) -> int:
    return piece.nbytes


def _bucket_pairs_of(*pieces: BucketPiece, banding: Banding) -> IntArray:
    return bucket_pairs(pieces, banding)


def _verify_blocks(
    client: Any,
    pairs: PairArray,
    signed: list[Any],
    starts: list[int],
    partition_size: int,
    params: CopyParams,
) -> list[Overlap]:
    if not len(pairs):
        return []
    left = pairs[:, 0] // partition_size
    right = pairs[:, 1] // partition_size
    block = left * len(starts) + right
    order = np.argsort(block, kind="stable")
    blocks, bounds = np.unique(block[order], return_index=True)
    bounds = np.append(bounds, len(order))
    futures = []
    for number, code in enumerate(blocks.tolist()):
        chosen = np.sort(order[bounds[number] : bounds[number + 1]])
        a, b = divmod(code, len(starts))
        futures.append(
            client.submit(verify_block, pairs[chosen], signed[a], signed[b], params, pure=False)
        )
    found = [overlap for result in client.gather(futures) for overlap in result]
    return sorted(found, key=lambda o: (o.a, o.b))
