from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newscheck.cli import main


def test_analyze_writes_three_reports_and_summarises(example_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["analyze", str(example_dir), "--out", str(out), "--skip", "extract"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads((out / "report.json").read_text())
    assert report["schema"] == "newscheck.report/1" and len(report["articles"]) == 8
    assert (out / "report.md").read_text().startswith("# newscheck report")
    assert "<html" in (out / "report.html").read_text()
    assert (out / "newscheck.db").exists()
    assert "8 articles" in result.output


def test_rejections_are_listed_and_exit_is_zero(example_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    result = CliRunner().invoke(
        main,
        [
            "analyze",
            str(example_dir / "mpa-wire-port-fire.txt"),
            str(bad),
            "-o",
            str(tmp_path / "o"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "1 inputs rejected" in result.output and "bad.txt: empty" in result.output


def test_nothing_readable_exits_one(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    result = CliRunner().invoke(main, ["analyze", str(tmp_path), "-o", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert "nothing could be read" in result.output


def test_usage_errors_exit_two(tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["analyze"]).exit_code == 2
    assert runner.invoke(main, ["analyze", str(tmp_path), "--skip", "nope"]).exit_code == 2
    assert runner.invoke(main, ["frobnicate"]).exit_code == 2


def test_every_command_has_help() -> None:
    runner = CliRunner()
    for command in [[], *([name] for name in main.commands)]:  # type: ignore[attr-defined]
        result = runner.invoke(main, [*command, "--help"])
        assert result.exit_code == 0 and "Usage:" in result.output


def test_help_imports_no_heavy_extra() -> None:
    code = (
        "import sys, newscheck.cli;"
        "heavy = ['torch', 'spacy', 'fastapi', 'psycopg', 'dask', 'trafilatura', 'numpy'];"
        "print([m for m in heavy if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_no_embeddings_links_with_the_lexical_model(example_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main,
        ["analyze", str(example_dir), "-o", str(out), "--skip", "extract", "--no-embeddings"],
    )
    assert result.exit_code == 0, result.output
    links = json.loads((out / "report.json").read_text())["links"]
    assert links, "the bundled example has copies and rewrites"
    assert all("paraphrase.lr-lexical." in link["scheme"] for link in links)


def _link_schemes(example_dir: Path, out: Path, *options: str) -> list[str]:
    command = ["analyze", str(example_dir), "-o", str(out), "--skip", "extract", *options]
    result = CliRunner().invoke(main, command)
    assert result.exit_code == 0, result.output
    return [link["scheme"] for link in json.loads((out / "report.json").read_text())["links"]]


def test_no_cross_encoder_links_with_the_embedding_model_alone(
    example_dir: Path, tmp_path: Path
) -> None:
    from newscheck.embed import embeddings_available
    from newscheck.link.cross import CROSS_SCHEME, cross_available

    if not (embeddings_available() and cross_available()):
        pytest.skip("the embed extra (sentence model and cross-encoder) is absent")
    with_cross = _link_schemes(example_dir, tmp_path / "cross")
    alone = _link_schemes(example_dir, tmp_path / "alone", "--no-cross-encoder")
    assert with_cross and all(CROSS_SCHEME in scheme for scheme in with_cross)
    assert alone and not any(CROSS_SCHEME in scheme for scheme in alone)
    assert all("paraphrase.lr-minilm-lexical." in scheme for scheme in alone)


def _links_with(example_dir: Path, out: Path, *options: str) -> list[tuple[str, str]]:
    command = ["analyze", str(example_dir), "-o", str(out), "--skip", "extract"]
    result = CliRunner().invoke(main, [*command, "--no-embeddings", *options])
    assert result.exit_code == 0, result.output
    links = json.loads((out / "report.json").read_text())["links"]
    return sorted((link["derived"], link["origin"]) for link in links)


def test_link_window_links_only_articles_close_in_time(example_dir: Path, tmp_path: Path) -> None:
    every = _links_with(example_dir, tmp_path / "every")
    assert every
    assert _links_with(example_dir, tmp_path / "decade", "--link-window", "3650") == every
    # an hour: the example's reports are a day or more apart, so fewer links remain
    assert len(_links_with(example_dir, tmp_path / "hour", "--link-window", "0.04")) < len(every)


@pytest.mark.parametrize("days", ["0", "-2", "soon"])
def test_link_window_must_be_a_positive_number(days: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["analyze", str(tmp_path), "--link-window", days])
    assert result.exit_code == 2
    assert "--link-window" in result.output
