"""Renderers of the report document: JSON, Markdown, self-contained HTML, terminal summary."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

__all__ = ["write_reports"]


def write_reports(report: dict[str, Any], out: Path) -> dict[str, Path]:
    """Write ``report.json``, ``report.md`` and ``report.html`` into ``out``."""
    from newscheck.report.html import render_html
    from newscheck.report.markdown import render_markdown

    out.mkdir(parents=True, exist_ok=True)
    paths = {
        "json": out / "report.json",
        "markdown": out / "report.md",
        "html": out / "report.html",
    }
    _write_atomically(paths["json"], json.dumps(report, ensure_ascii=False, indent=1) + "\n")
    _write_atomically(paths["markdown"], render_markdown(report))
    _write_atomically(paths["html"], render_html(report))
    return paths


def _write_atomically(path: Path, text: str) -> None:
    # A killed run never leaves a half-written report behind.
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
