from __future__ import annotations

import codecs

import pytest

from newscheck.errors import InputRejected
from newscheck.ingest.decode import decode_text, looks_binary

TEXT = "Café owner’s “harbour” speech, naïve résumé.\nSecond line."


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # carries its byte-order mark
        TEXT.encode("utf-32"),
        TEXT.encode("cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16", "utf32", "cp1252"],
)
def test_decodes_common_encodings(data: bytes) -> None:
    assert decode_text(data) == TEXT


def test_normalises_newlines() -> None:
    assert decode_text(b"one\r\ntwo\rthree\n") == "one\ntwo\nthree\n"


def test_latin1_without_cp1252_specials_decodes() -> None:
    text = "Müller fährt über die Brücke nach Straße und Köln, sagte er am Montag."
    assert decode_text(text.encode("latin-1")) == text


def test_cyrillic_legacy_encoding_is_detected() -> None:
    text = "Городской совет проголосовал за восстановление старого маяка на северном пирсе."
    assert decode_text(text.encode("cp1251")) == text


@pytest.mark.parametrize(
    "data",
    [b"text\0with a NUL", bytes(range(0, 32)) * 20, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"],
)
def test_binary_is_refused(data: bytes) -> None:
    assert looks_binary(data)
    with pytest.raises(InputRejected) as caught:
        decode_text(data)
    assert caught.value.reason == "binary"


def test_bad_bytes_after_a_bom_are_undecodable() -> None:
    with pytest.raises(InputRejected) as caught:
        decode_text(codecs.BOM_UTF8 + b"ok \xff\xfe\xfd broken")
    assert caught.value.reason == "undecodable"


def test_plain_ascii_is_not_binary() -> None:
    assert not looks_binary(b"Tabs\tand\nnewlines\r\nand form\x0cfeeds are text.")
