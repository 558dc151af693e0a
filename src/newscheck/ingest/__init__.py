"""Readers: files, directories and URLs to :class:`~newscheck.model.RawArticle` records.

``read_inputs`` streams records and never raises for a bad input: each unusable file, record or
URL becomes a :class:`~newscheck.model.Rejection` with a reason code, and reading goes on.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from newscheck.ingest.addresses import Resolver
from newscheck.ingest.dates import parse_date
from newscheck.ingest.failures import rejection_for
from newscheck.ingest.files import read_path
from newscheck.ingest.source import source_from_url
from newscheck.model import RawArticle, Rejection
from newscheck.settings import Settings

if TYPE_CHECKING:
    import httpx

    from newscheck.ingest.url import UrlReader

__all__ = ["parse_date", "read_inputs", "source_from_url"]

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def read_inputs(
    inputs: Iterable[str | os.PathLike[str]],
    settings: Settings,
    *,
    client: httpx.Client | None = None,
    resolver: Resolver | None = None,
) -> Iterator[RawArticle | Rejection]:
    """Every article in ``inputs`` (files, directories, http(s) URLs), in order, as a stream.

    ``client`` and ``resolver`` replace the HTTP client and the DNS lookup used for URLs (tests,
    proxies); by default a client is made on the first URL and closed at the end.
    """
    url_reader: UrlReader | None = None
    try:
        for given in inputs:
            location = os.fsdecode(given)
            if _SCHEME.match(location):
                if url_reader is None:
                    from newscheck.ingest.url import UrlReader

                    url_reader = UrlReader(settings, client=client, resolver=resolver)
                yield from _guarded_url(url_reader, location)
            else:
                yield from read_path(location, settings)
    finally:
        if url_reader is not None:
            url_reader.close()


def _guarded_url(reader: UrlReader, url: str) -> Iterator[RawArticle | Rejection]:
    try:
        yield from reader.read(url)
    except Exception as error:  # one bad URL must not end the batch
        yield rejection_for(error, url, "url")
