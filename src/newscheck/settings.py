"""Run settings: input limits and switches, one explicit object passed down (no globals)."""

from __future__ import annotations

from dataclasses import dataclass, field

MiB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """Input limits. Each overflow is a recorded rejection with its reason, never a crash."""

    max_file_bytes: int = 64 * MiB
    """Largest input file read (compressed size for .gz / WARC)."""
    max_decompressed_bytes: int = 256 * MiB
    """Largest decompressed size of a .gz or WARC file (decompression bombs)."""
    max_records_per_file: int = 1_000_000
    """Most articles taken from one JSONL / feed / WARC file; the rest is rejected."""
    max_article_chars: int = 2_000_000
    """Longest article text kept; a longer one is rejected."""
    max_html_bytes: int = 16 * MiB
    """Largest single HTML document handed to the HTML extractor."""
    max_fetch_bytes: int = 16 * MiB
    """Largest HTTP response body read from a URL."""
    fetch_timeout_s: float = 20.0
    max_redirects: int = 5


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a run can be told. Defaults are what the CLI uses."""

    limits: Limits = field(default_factory=Limits)
    allow_private_addresses: bool = False
    """Allow fetching URLs that resolve to loopback, private or link-local addresses."""
    user_agent: str = "newscheck/0.1 (+https://github.com/newscheck/newscheck; news cross-checking)"
    embeddings: bool = True
    """Use sentence embeddings where installed (the ``embed`` extra); lexical methods otherwise."""
    cross_encoder: bool = True
    """With sentence embeddings, also read the sentence pairs linking doubts with the cross-encoder
    (better on machine rewrites that keep few words; linking takes about 40% longer)."""
    keep_vectors: bool = True
    """Keep the sentence embeddings a run computes in its store (``--db``; about 2 KiB per distinct
    sentence), so a later run over the store encodes only sentences it has not seen."""
    link_window_days: float | None = None
    """Link articles in time windows of this many days (:mod:`newscheck.link.window`): articles
    further apart may not be linked, and the link stage holds a few windows of the store at a
    time instead of all of it. None links every article of the store with every other."""
