"""Bytes to text: UTF-8 first, a detected legacy encoding only when the bytes are clearly not UTF-8.

Binary data (NUL bytes, many control characters) is refused before any decoding is tried.
"""

from __future__ import annotations

import codecs
import unicodedata

from newscheck.errors import InputRejected

_SAMPLE_BYTES = 8192
_MAX_CONTROL_SHARE = 0.05
# Byte-order marks, longest first: the UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control bytes that plain text does not contain (tab, newlines, form feed and escape are allowed).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27)) + b"\x7f"
_TEXT_BYTES = bytes(b for b in range(256) if b not in _CONTROL_BYTES)
# Single-byte Latin code pages a detector confuses with one another; for Western news text
# Windows-1252 is by far the most likely, so it wins among them when it decodes cleanly.
_LATIN_FAMILY = frozenset(
    {"cp1250", "cp1252", "cp1254", "cp1257", "latin_1", "iso8859_2", "iso8859_9", "iso8859_15"}
    | {"mac_roman", "mac_latin2", "mac_turkish", "cp850", "cp437", "iso8859_13", "iso8859_16"}
)


def bom_encoding(data: bytes) -> str | None:
    """The codec named by a byte-order mark at the start of ``data``, if any."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def looks_binary(data: bytes) -> bool:
    """More than a few control characters (NUL included) in the first 8 KiB.

    A share, not "any NUL": a text with a stray NUL byte is still text (cleaning drops the NUL).
    """
    sample = data[:_SAMPLE_BYTES]
    if not sample:
        return False
    controls = len(sample.translate(None, _TEXT_BYTES))
    return controls / len(sample) > _MAX_CONTROL_SHARE


def decode_text(data: bytes) -> str:
    """Decode text bytes, with newlines normalised to ``\\n``.

    Raises :class:`InputRejected` with reason ``binary`` or ``undecodable``.
    """
    encoding = bom_encoding(data)
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            raise InputRejected(
                "undecodable", f"starts with a {encoding} byte-order mark but is not {encoding}"
            ) from error
    elif looks_binary(data):
        raise InputRejected("binary", "contains NUL bytes or control characters: not text")
    else:
        text = _decode_unmarked(data)
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise InputRejected("binary", "decodes to mostly control characters: not text")
    return normalise_newlines(text)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode_unmarked(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    encoding = _detect_encoding(data)
    if encoding is None:
        raise InputRejected("undecodable", "not UTF-8, and no other text encoding fits the bytes")
    return data.decode(encoding, errors="replace")


def _detect_encoding(data: bytes) -> str | None:
    import charset_normalizer

    best = charset_normalizer.from_bytes(data[: 4 * _SAMPLE_BYTES]).best()
    if best is None:
        return None
    encoding = str(best.encoding)
    if encoding in _LATIN_FAMILY and _decodes(data, "cp1252"):
        return "cp1252"
    return encoding


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _control_share(text: str) -> float:
    sample = text[:_SAMPLE_BYTES]
    if not sample:
        return 0.0
    controls = sum(
        1
        for ch in sample
        if ch not in "\t\n\r\f\x1b"
        and unicodedata.category(ch) in ("Cc", "Cs", "Co")
        or ch == "\ufffd"
    )
    return controls / len(sample)
