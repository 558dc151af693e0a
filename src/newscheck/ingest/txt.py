"""Plain text: the first non-empty line is the title, the rest is the text."""

from __future__ import annotations

from newscheck.errors import InputRejected
from newscheck.ingest.decode import decode_text
from newscheck.model import LocationKind, RawArticle
from newscheck.settings import Settings


def read_txt(
    data: bytes,
    location: str,
    location_kind: LocationKind,
    settings: Settings,
    *,
    url: str | None = None,
    format: str = "txt",
) -> RawArticle:
    """One article from a text file. Raises :class:`InputRejected` (empty, binary, undecodable,
    no_text)."""
    if not data.strip():
        raise InputRejected("empty", "the file holds nothing but whitespace")
    text = decode_text(data)
    if not text.strip():
        raise InputRejected("empty", "the file holds nothing but whitespace")
    title, body = split_title(text)
    if not body:
        raise InputRejected("no_text", "only a title line, no article text after it")
    return RawArticle(
        location=location,
        location_kind=location_kind,
        format=format,
        title=title,
        text=body,
        url=url,
    )


def split_title(text: str) -> tuple[str, str]:
    """``(first non-empty line, the rest)``, both stripped of surrounding whitespace."""
    stripped = text.lstrip()
    title, _, rest = stripped.partition("\n")
    return title.strip(), rest.strip()
