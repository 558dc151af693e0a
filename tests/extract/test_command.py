from __future__ import annotations

import io
import json
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newscheck.extract import Extractor

from newscheck.extract.command import write_attributions


def test_one_json_line_per_file_with_offsets_into_the_raw_text(
    extractor: Extractor, tmp_path: Path
) -> None:
    good = tmp_path / "good.txt"
    raw = "\ufeffHeadline\r\n\r\n“We will rebuild,” the mayor said.\r\n"
    good.write_bytes(raw.encode("utf-8"))
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xe9 au lait")
    missing = tmp_path / "missing.txt"
    out = io.StringIO()
    failed = write_attributions([str(good), str(bad), str(missing)], out, extractor=extractor)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert failed == 2
    assert [line["path"] for line in lines] == [str(good), str(bad), str(missing)]
    [attribution] = lines[0]["attributions"]
    text = good.read_bytes().decode("utf-8")
    for role in ("source", "cue", "content"):
        span = attribution[role]
        assert text[span["start"] : span["end"]] == span["text"]
    assert attribution["source"]["text"] == "the mayor"
    assert lines[1]["reason"] == "undecodable" and "error" in lines[1]
    assert lines[2]["reason"] == "not_found"


def test_no_files_writes_nothing(extractor: Extractor) -> None:
    out = io.StringIO()
    assert write_attributions([], out, extractor=extractor) == 0
    assert out.getvalue() == ""
