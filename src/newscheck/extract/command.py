"""``newscheck attributions FILE... --json``: attributions of raw text files, one JSON line each.

Offsets are character offsets into the file's text exactly as read (UTF-8, nothing cleaned or
normalised, line ends kept), so they can be scored against annotated corpora. The model is loaded
once for all files; files are read and parsed a batch at a time.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from newscheck.model import Attribution, Span
from newscheck.settings import Limits

if TYPE_CHECKING:
    from newscheck.extract.extractor import Extractor

FILES_PER_BATCH = 64


def write_attributions(
    paths: Sequence[str],
    out: TextIO,
    *,
    extractor: Extractor | None = None,
    limits: Limits | None = None,
) -> int:
    """Write one JSON line per path, in order: ``{"path", "attributions": [...]}``, or
    ``{"path", "error", "reason"}`` for a file that cannot be read. Returns the number of files
    that failed."""
    limits = limits or Limits()
    failed = 0
    for batch in _batches(paths, FILES_PER_BATCH):
        texts: dict[int, str] = {}
        errors: dict[int, tuple[str, str]] = {}
        for index, path in enumerate(batch):
            try:
                texts[index] = read_text(Path(path), limits)
            except _Unreadable as exc:
                errors[index] = (exc.reason, exc.detail)
        found: dict[int, list[Attribution]] = {}
        if texts:
            if extractor is None:
                from newscheck.extract.extractor import Extractor

                extractor = Extractor()
            indexes = sorted(texts)
            results = extractor.attributions_in_text([texts[i] for i in indexes])
            found = dict(zip(indexes, results, strict=True))
        for index, path in enumerate(batch):
            record: dict[str, Any]
            if index in errors:
                reason, detail = errors[index]
                record = {"path": path, "error": f"{reason}: {detail}", "reason": reason}
                failed += 1
            else:
                text = texts[index]
                record = {"path": path, "attributions": [_json(a, text) for a in found[index]]}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    out.flush()
    return failed


class _Unreadable(Exception):
    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


def read_text(path: Path, limits: Limits) -> str:
    """The file's text exactly as stored (strict UTF-8; a leading BOM is kept as a character so
    that offsets stay those of the decoded file)."""
    try:
        if not path.exists():
            raise _Unreadable("not_found", f"{path} does not exist")
        if not path.is_file():
            raise _Unreadable("unsupported", f"{path} is not a regular file")
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            raise _Unreadable("too_large", f"{size} bytes, over the {limits.max_file_bytes} limit")
        data = path.read_bytes()
    except OSError as exc:
        raise _Unreadable("not_found", f"{path}: {exc.strerror or exc}") from exc
    if b"\0" in data[:8192]:
        raise _Unreadable("binary", f"{path} holds binary data")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _Unreadable("undecodable", f"{path} is not UTF-8 (byte {exc.start})") from exc


def _json(attribution: Attribution, text: str) -> dict[str, Any]:
    record: dict[str, Any] = {
        "source": _span(attribution.source, text) if attribution.source else None,
        "cue": _span(attribution.cue, text),
        "content": _span(attribution.content, text),
    }
    if attribution.via is not None:
        record["via"] = _span(attribution.via, text)
    return record


def _span(span: Span, text: str) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": text[span.start : span.end]}


def _batches(items: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
