"""WARC files written with warcio for the tests."""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


def write_warc(
    path: Path,
    responses: list[tuple[str, str, bytes]],
    *,
    compress: bool,
    status: str = "200 OK",
    with_request: bool = True,
) -> Path:
    """``responses``: ``(target URI, content type, body)``; each preceded by a request record."""
    with path.open("wb") as output:
        writer = WARCWriter(output, gzip=compress)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        for uri, content_type, body in responses:
            if with_request:
                request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "x")], is_http_request=True)
                writer.write_record(writer.create_warc_record(uri, "request", http_headers=request))
            headers = StatusAndHeaders(
                status, [("Content-Type", content_type)], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(record)
    return path
