"""Deterministic word hashing in bulk, over the UTF-8 bytes of many texts at once.

Copy detection must hash hundreds of words per article at tens of thousands of articles a second,
so nothing here makes a Python object per word. Texts are lower-cased, encoded and joined with NUL
(not a word byte, so no word spans two texts); word boundaries come from a byte class table; each
word's hash mixes its first 16 bytes, its last 8 (when longer) and its length, read through one
unaligned uint64 view of the buffer (words over 24 bytes, rare, are hashed one by one with xxh3).
Python's ``hash()`` is salted per process and is never used: the same words give the same hashes in
every process, run and platform (all integer views are little-endian).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import xxhash

TOKEN_SCHEME = "tokens.utf8-lower-alnum.xmix64.v1"
"""Words: runs of ASCII letters/digits or non-ASCII characters, lower-cased; hash: a 64-bit mix of
the first 16 bytes, the last 8 bytes (of words over 16) and the length (xxh3 over 24 bytes)."""

U64 = np.uint64
UInt64Array = npt.NDArray[np.uint64]
IntArray = npt.NDArray[np.int64]

_LE_U64 = np.dtype("<u8")
LONG_WORD = 24
"""Words up to this many bytes are hashed by the vectorised mix of all their bytes."""

# Unicode punctuation and spaces that would otherwise count as word bytes (non-ASCII): curly
# quotes and apostrophes, dashes, ellipsis, no-break space, guillemets, middle dot.
_UNICODE_SEPARATORS = tuple(
    ch.encode("utf-8")
    for ch in (
        "\u2018\u2019\u201a\u201b\u201c\u201d\u201e"  # quotes and apostrophes
        "\u2013\u2014\u2015\u2026\u2022\u2032\u2033"  # dashes, ellipsis, bullet, primes
        "\u00a0\u00ab\u00bb\u00b7"  # no-break space, guillemets, middle dot
    )
)


def _word_flag_table() -> bytes:
    """``bytes.translate`` table: 1 for a word byte, 0 for any other."""
    table = bytearray(256)
    for byte in b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789":
        table[byte] = 1
    table[0x80:] = b"\1" * 0x80  # bytes of non-ASCII characters: letters in other scripts
    return bytes(table)


_WORD_FLAGS = _word_flag_table()

_M1 = U64(0xFF51AFD7ED558CCD)
_M2 = U64(0xC4CEB9FE1A85EC53)
_S33 = U64(33)
_WORD_LANES = np.array(
    [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93],
    dtype=np.uint64,
)


def fmix64(x: UInt64Array) -> UInt64Array:
    """MurmurHash3's 64-bit finaliser, in place on a fresh array (uint64 arithmetic wraps)."""
    x = x ^ (x >> _S33)
    x *= _M1
    x ^= x >> _S33
    x *= _M2
    x ^= x >> _S33
    return x


@dataclass(frozen=True, slots=True)
class TokenBatch:
    """Word hashes of several texts: ``hashes[offsets[i]:offsets[i + 1]]`` belong to text ``i``."""

    hashes: UInt64Array
    offsets: IntArray

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def of(self, index: int) -> UInt64Array:
        return self.hashes[self.offsets[index] : self.offsets[index + 1]]


_PAD = 24
"""NUL bytes after the joined texts, so a 16-byte window at any word start stays in range."""


def _encoded(texts: Sequence[str]) -> tuple[bytes, IntArray]:
    """NUL, then the lower-cased UTF-8 texts separated by NUL, then padding; and where each text
    starts in those bytes."""
    parts = [t.lower().encode("utf-8", "surrogatepass") for t in texts]
    lengths = np.fromiter(map(len, parts), dtype=np.int64, count=len(parts)) + 1
    starts = np.ones(len(parts), dtype=np.int64)
    np.cumsum(lengths[:-1], out=starts[1:])
    starts[1:] += 1
    return b"\0" + b"\0".join(parts) + b"\0" * _PAD, starts


def _unmark_unicode_separators(data: npt.NDArray[np.uint8], flags: npt.NDArray[np.int8]) -> None:
    """Clear the word flag of the bytes of Unicode quotes, dashes and spaces (see the table)."""
    for sep in _UNICODE_SEPARATORS:
        hits = np.flatnonzero(data[: len(data) - len(sep) + 1] == sep[0])
        for k in range(1, len(sep)):
            hits = hits[data[hits + k] == sep[k]]
        for k in range(len(sep)):
            flags[hits + k] = 0


def _byte_masks(first: int, count: int) -> UInt64Array:
    """For a word of ``n`` bytes (index, 0..16): a mask keeping bytes ``first..first+8`` of it,
    as the low bytes of a little-endian uint64."""
    masks = [(1 << (8 * max(0, min(n - first, 8)))) - 1 for n in range(count)]
    return np.array(masks, dtype=np.uint64)


_FIRST_HALF_MASKS = _byte_masks(0, 17)
_SECOND_HALF_MASKS = _byte_masks(8, 17)


def _rehash_long_words(raw: bytes, starts: IntArray, ends: IntArray, hashes: UInt64Array) -> None:
    """Words over ``LONG_WORD`` bytes (URLs, long compounds: rare) get xxh3 of all their bytes,
    since the vectorised mix reads only the first 16 and the last 8."""
    long_words = np.flatnonzero(ends - starts > LONG_WORD)
    for k in long_words.tolist():
        hashes[k] = xxhash.xxh3_64_intdigest(raw[starts[k] : ends[k]])


def token_hashes(texts: Sequence[str]) -> TokenBatch:
    """64-bit hashes of the words of each text, in order."""
    if not texts:
        return TokenBatch(np.empty(0, np.uint64), np.zeros(1, np.int64))
    raw, text_starts = _encoded(texts)
    data = np.frombuffer(raw, dtype=np.uint8)
    flags = np.frombuffer(raw.translate(_WORD_FLAGS), dtype=np.int8)
    if not raw.isascii():
        flags = flags.copy()
        _unmark_unicode_separators(data, flags)
    edges = np.flatnonzero(flags[1:] != flags[:-1]) + 1
    starts, ends = edges[0::2], edges[1::2]
    lengths = ends - starts
    # Every byte offset as the start of a little-endian uint64 (unaligned reads, no copy).
    at_byte = np.ndarray((len(raw) - 8,), dtype=_LE_U64, buffer=raw, strides=(1,))
    capped = np.minimum(lengths, 16)
    mixed = (at_byte[starts] & _FIRST_HALF_MASKS[capped]) * _WORD_LANES[0]
    mixed += (at_byte[starts + 8] & _SECOND_HALF_MASKS[capped]) * _WORD_LANES[1]
    mixed += lengths.astype(np.uint64) * _WORD_LANES[3]
    # Words of 17..24 bytes: their last 8 bytes too (longer ones are rehashed below).
    longer = np.flatnonzero(lengths > 16)
    mixed[longer] += at_byte[ends[longer] - 8] * _WORD_LANES[2]
    hashes = fmix64(mixed)
    _rehash_long_words(raw, starts, ends, hashes)
    offsets = np.empty(len(texts) + 1, dtype=np.int64)
    offsets[:-1] = np.searchsorted(starts, text_starts)
    offsets[-1] = len(starts)
    return TokenBatch(hashes, offsets)
