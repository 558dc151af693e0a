"""The short summary printed at the end of ``newscheck analyze`` (rich)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from newscheck.report.view import ReportView


def print_summary(
    report: dict[str, Any], console: Console, outputs: Mapping[str, Path] | None = None
) -> None:
    view = ReportView(report)
    console.print(
        f"[bold]{len(report['articles'])}[/] articles · [bold]{len(report['stories'])}[/] stories"
        f" · [bold]{len(report['links'])}[/] copy/rewrite links"
        f" · [bold]{len(report['families'])}[/] independent families"
        f" · [bold]{len(report['claims'])}[/] claims"
        f" · [bold]{len(report['conflicts'])}[/] conflicts"
    )
    stories = list(view.stories())
    if stories:
        table = Table(title="Stories", title_justify="left", show_lines=False)
        for column in ("story", "articles", "families", "links", "contested"):
            table.add_column(column, justify="left" if column == "story" else "right")
        for story in stories[:15]:
            contested = sum(1 for c in story.claims if c.get("status") == "contested")
            # Text() so that markup-like article titles print literally.
            table.add_row(
                Text(story.story["title"][:70]),
                str(len(story.articles)),
                str(len(story.families)),
                str(len(story.links)),
                str(contested),
            )
        console.print(table)
        if len(stories) > 15:
            console.print(f"… and {len(stories) - 15} more stories in the report")
    for link in report["links"][:10]:
        console.print(
            Text(
                f"  {view.label(link['derived'])} ← {link['relation']} of "
                f"{view.label(link['origin'])} ({link['shared']:.0%} shared, "
                f"{len(link['added'])} added sentences)"
            )
        )
    _rejections(report, console)
    for kind, path in (outputs or {}).items():
        console.print(Text(f"{kind:>8}: {path}"))


def _rejections(report: dict[str, Any], console: Console) -> None:
    rejections = report["rejections"]
    if not rejections:
        return
    reasons = Counter(r["reason"] for r in rejections)
    console.print(
        f"[yellow]{len(rejections)} inputs rejected[/]: "
        + ", ".join(f"{n} {reason}" for reason, n in reasons.most_common())
    )
    for r in rejections[:10]:
        console.print(Text(f"  {r.get('path') or r.get('url')}: {r['reason']} ({r['detail']})"))
    if len(rejections) > 10:
        console.print(f"  … {len(rejections) - 10} more in the report")
