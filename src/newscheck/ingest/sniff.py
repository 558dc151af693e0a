"""Which reader a file needs: by its name's extension, else by its first bytes."""

from __future__ import annotations

import re
from typing import Literal

from newscheck.ingest.decode import bom_encoding

Format = Literal["txt", "html", "jsonl", "json", "feed", "warc", "gzip"]

SNIFF_BYTES = 4096
FORMAT_BY_SUFFIX: dict[str, Format] = {
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".warc": "warc",
    ".gz": "gzip",
}
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:rdf)[\s>/]")
_HTML_MARK = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]")


def suffix_of(name: str) -> str:
    """The last extension of a file name, lower-cased (``""`` when there is none)."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    stem, dot, suffix = base.rpartition(".")
    return f".{suffix.lower()}" if dot and stem and suffix else ""


def format_from_name(name: str) -> Format | None:
    """``a.warc.gz`` is a WARC (warcio reads per-record gzip); other ``.gz`` are gzip."""
    lowered = name.lower()
    if lowered.endswith((".warc.gz", ".warc.gzip")):
        return "warc"
    return FORMAT_BY_SUFFIX.get(suffix_of(name))


def sniff_format(head: bytes) -> Format | None:
    """The format the first bytes of a file show, or ``None`` (plain text or unknown)."""
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    if head.startswith(b"WARC/"):
        return "warc"
    view = _markup_view(head)
    if view.startswith((b"{", b"[")):
        return _json_kind(view)
    if not view.startswith(b"<"):
        return None
    lowered = view.lower()
    if _HTML_MARK.search(lowered):
        return "html"
    if lowered.startswith(b"<?xml") or _FEED_ROOT.search(lowered):
        return "feed"
    return None


def _markup_view(head: bytes) -> bytes:
    encoding = bom_encoding(head)
    if encoding and encoding != "utf-8-sig":
        # Cut to whole code units so the decoder does not stop at a half character.
        text = head.decode(encoding, errors="ignore")
        head = text.encode("utf-8", errors="ignore")
    elif encoding == "utf-8-sig":
        head = head[3:]
    return head.lstrip()


def _json_kind(view: bytes) -> Format:
    if view.startswith(b"["):
        return "json"
    first_line, newline, _ = view.partition(b"\n")
    # JSON Lines: a first line that is a whole object by itself; a pretty-printed document's
    # first line is a bare "{" or an unfinished object.
    if newline and first_line.rstrip().endswith(b"}"):
        return "jsonl"
    return "json"
