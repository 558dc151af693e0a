"""The hostile corpus (tests/fixtures/hostile, written by us) through the whole pipeline and
CLI: every bad file is rejected with its reason, every good file is analysed, nothing executes
or leaks."""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import re
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner

import newscheck
from newscheck.cli import main
from newscheck.pipeline import Analysis
from newscheck.report.html import render_html
from newscheck.settings import Limits, MiB, Settings

FIXTURES = Path(__file__).parent / "fixtures"
HOSTILE = FIXTURES / "hostile"

EXPECTED_REJECTIONS = {
    "empty.txt": "empty",
    "blank.txt": "empty",
    "binary.txt": "binary",
    "bad_line.jsonl#3": "malformed",
    "billion_laughs.rss": "unsafe_xml",
    "xxe.rss": "unsafe_xml",
    "many_records.jsonl": "too_many_records",
    "oversize.txt": "too_large",
    "bomb.txt.gz": "too_large",
}
ANALYSED = {
    "script_injection.html",
    "malformed.html",
    "cp1252_quotes.txt",
    "utf8_bom.txt",
    "nul_bytes.txt",
    "bidi_zero_width.txt",
    "bad_line.jsonl",
    "giant_sentence.txt",
    "long_token.txt",
}
# 5,000 nested <div>s: the pontoon paragraph, or a recorded rejection with a reason (lxml's depth
# limit), never a RecursionError escaping the reader.
EITHER = {"deep_nesting.html": {"malformed", "no_text"}}


def _make_hostile() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_hostile", FIXTURES / "make_hostile.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    for path in HOSTILE.iterdir():
        if path.name != "README.md":
            (folder / path.name).write_bytes(path.read_bytes())
    make = _make_hostile()
    make.write_giant_sentence(folder, 300_000)
    make.write_long_token(folder, 300_000)
    make.write_deep_nesting(folder)
    make.write_many_records(folder, 1_001)
    make.write_oversize_text(folder, 2 * MiB)
    make.write_gzip_bomb(folder, 8 * MiB)
    return folder


SETTINGS = Settings(
    limits=dataclasses.replace(
        Limits(), max_records_per_file=1_000, max_file_bytes=1 * MiB, max_decompressed_bytes=1 * MiB
    )
)


@pytest.fixture(scope="module")
def analysis(corpus: Path) -> Analysis:
    return newscheck.analyze([corpus], settings=SETTINGS)


def _name(location: str) -> str:
    return Path(location).name


def test_every_bad_file_is_rejected_with_its_reason(analysis: Analysis) -> None:
    got = {_name(r.location): r.reason for r in analysis.rejections}
    for name, reason in EXPECTED_REJECTIONS.items():
        assert got.get(name) == reason, (name, got.get(name))
    assert all(r.detail for r in analysis.rejections)


def test_every_good_file_is_analysed(analysis: Analysis) -> None:
    files = {_name(a.location).split("#")[0] for a in analysis.articles}
    assert files >= ANALYSED
    given = {
        a.given_id
        for a in analysis.articles
        if a.location.startswith(str(analysis.articles[0].location).rsplit("/", 1)[0])
    }
    assert {"g-1", "g-2", "g-4"} <= given
    assert sum(1 for a in analysis.articles if "many_records" in a.location) == 1_000
    rejected = {_name(r.location): r.reason for r in analysis.rejections}
    for name, reasons in EITHER.items():
        assert name in files or rejected.get(name) in reasons, (name, rejected.get(name))


def test_nothing_leaks_from_disk_or_scripts(analysis: Analysis) -> None:
    report = json.dumps(analysis.report, ensure_ascii=False)
    assert "root:" not in report and "/bin/bash" not in report
    page = next(a for a in analysis.articles if "script_injection" in a.location)
    assert "alert(" not in page.text.replace("<img src=x onerror=alert(10)>", "")
    assert "Gullstone pier" in page.text
    assert page.url is None or not page.url.lower().startswith("javascript:")


def test_text_is_sane_and_every_span_slices(analysis: Analysis) -> None:
    for article in analysis.articles:
        assert "\x00" not in article.text and "\x00" not in article.title
        assert not article.title.startswith("\ufeff") and len(article.title) <= 1_000
        for s in analysis.segmentations[article.id].sentences:
            assert 0 <= s.start < s.end <= len(article.text)
            assert article.text[s.start : s.end].strip()
    cp1252 = next(a for a in analysis.articles if "cp1252" in a.location)
    assert "Renée Castellane" in cp1252.text


def test_html_report_escapes_everything(analysis: Analysis) -> None:
    html = render_html(analysis.report)
    assert not re.search(r"<script", html, re.I)
    assert not re.search(r"<[a-z]+[^>]*\son[a-z]+\s*=", html, re.I)
    assert not re.search(r"""(href|src|action)\s*=\s*["']?\s*javascript:""", html, re.I)


def test_cli_exits_zero_and_lists_rejections(corpus: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        [
            "analyze",
            str(corpus / "binary.txt"),
            str(corpus / "utf8_bom.txt"),
            str(corpus / "xxe.rss"),
            "-o",
            str(tmp_path),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "binary.txt: binary" in result.output and "xxe.rss: unsafe_xml" in result.output
