"""Word shingles: the hashes of every run of ``k`` consecutive words of a text.

Two texts that share long runs of words share shingles; the share of shingles two texts have in
common (Jaccard) or the share of one text's shingles found in the other (containment) measures
copying. Shingles are computed for a whole batch of texts with a few vectorised operations.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newscheck.link.tokens import U64, IntArray, TokenBatch, UInt64Array, fmix64, token_hashes

DEFAULT_WORDS = 5

_LANES = np.array(
    [
        0x9E3779B97F4A7C15,
        0xC2B2AE3D27D4EB4F,
        0x165667B19E3779F9,
        0xD6E8FEB86659FD93,
        0xFF51AFD7ED558CCD,
        0xA0761D6478BD642F,
        0xE7037ED1A0B428DB,
        0x8EBC6AF09C88C6E3,
    ],
    dtype=np.uint64,
)


def shingle_scheme(words: int) -> str:
    return f"shingle.words{words}.xmix64.v1"


@dataclass(frozen=True, slots=True)
class ShingleBatch:
    """Shingle hashes of several texts: ``hashes[offsets[i]:offsets[i + 1]]`` belong to text ``i``
    (in text order, possibly repeated). A text shorter than ``k`` words has one shingle of all its
    words; an empty text has none."""

    hashes: UInt64Array
    offsets: IntArray
    words: int

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def of(self, index: int) -> UInt64Array:
        return self.hashes[self.offsets[index] : self.offsets[index + 1]]

    def owners(self) -> IntArray:
        """The text index of every shingle."""
        return np.repeat(np.arange(len(self), dtype=np.int64), np.diff(self.offsets))

    def sets(self) -> list[UInt64Array]:
        """Each text's distinct shingles, sorted (what verification compares)."""
        return [np.unique(self.of(i)) for i in range(len(self))]


def _combine(tokens: UInt64Array, words: int) -> UInt64Array:
    count = len(tokens) - words + 1
    combined = tokens[:count] * _LANES[0]
    for lane in range(1, words):
        combined += tokens[lane : lane + count] * _LANES[lane]
    return fmix64(combined)


def shingle_tokens(batch: TokenBatch, words: int = DEFAULT_WORDS) -> ShingleBatch:
    """Shingles of ``words`` consecutive word hashes, never across two texts."""
    if not 1 <= words <= len(_LANES):
        raise ValueError(f"shingles of 1 to {len(_LANES)} words, not {words}")
    counts = np.diff(batch.offsets)
    hashes = _combine(batch.hashes, words) if len(batch.hashes) >= words else np.empty(0, U64)
    # A shingle starting at token t is inside one text when t + words <= that text's end.
    starts = np.arange(len(hashes), dtype=np.int64)
    owner_end = np.repeat(batch.offsets[1:], counts)[: len(hashes)]
    keep = starts + words <= owner_end
    kept = hashes[keep]
    per_text = np.maximum(counts - words + 1, 0)
    short = np.flatnonzero((counts > 0) & (counts < words))
    if len(short) == 0:
        offsets = np.zeros(len(counts) + 1, dtype=np.int64)
        np.cumsum(per_text, out=offsets[1:])
        return ShingleBatch(kept, offsets, words)
    return _with_short_texts(batch, kept, per_text, short, words)


def _with_short_texts(
    batch: TokenBatch, kept: UInt64Array, per_text: IntArray, short: IntArray, words: int
) -> ShingleBatch:
    # Rare: a text of fewer than ``words`` words still gets one shingle, so it can be compared.
    pieces: list[UInt64Array] = []
    position = 0
    per_text = per_text.copy()
    short_set = set(short.tolist())
    for index in range(len(per_text)):
        if index in short_set:
            tokens = batch.of(index)
            padded = np.zeros(words, dtype=np.uint64)
            padded[: len(tokens)] = tokens
            pieces.append(_combine(padded, words) ^ U64(len(tokens)))
            per_text[index] = 1
        else:
            pieces.append(kept[position : position + per_text[index]])
            position += int(per_text[index])
    offsets = np.zeros(len(per_text) + 1, dtype=np.int64)
    np.cumsum(per_text, out=offsets[1:])
    return ShingleBatch(np.concatenate(pieces) if pieces else kept, offsets, words)


def shingles(texts: Sequence[str], words: int = DEFAULT_WORDS) -> ShingleBatch:
    """Shingle hashes of each text (see :class:`ShingleBatch`)."""
    return shingle_tokens(token_hashes(texts), words)
