"""Markdown report: stories, who copied whom, claims, conflicts, the cited summary, rejections."""

from __future__ import annotations

import re
from typing import Any

from newscheck.report.view import ReportView, StoryView

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#])")


def md_text(text: object) -> str:
    """Article-derived text made inert in Markdown: no HTML, no links, no emphasis, one line."""
    s = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", " ".join(s.split()))


def render_markdown(report: dict[str, Any]) -> str:
    view = ReportView(report)
    lines = ["# newscheck report", ""]
    lines += _overview(report)
    for story in view.stories():
        lines += _story(view, story)
    loose = view.unassigned_articles()
    if loose:
        lines += ["## Articles", ""]
        lines += [f"- {md_text(a['title'])}: {md_text(view.label(a['id']))}" for a in loose]
        lines.append("")
    lines += _articles_cleaning(view)
    lines += _rejections(report)
    return "\n".join(lines).rstrip() + "\n"


def _overview(report: dict[str, Any]) -> list[str]:
    return [
        f"{len(report['articles'])} articles, {len(report['stories'])} stories, "
        f"{len(report['links'])} copy/rewrite links, {len(report['families'])} independent "
        f"families, {len(report['claims'])} claims, {len(report['conflicts'])} conflicts, "
        f"{len(report['rejections'])} inputs rejected.",
        "",
    ]


def _story(view: ReportView, story: StoryView) -> list[str]:
    s = story.story
    seen = " to ".join(x for x in (s.get("first_seen"), s.get("last_seen")) if x)
    lines = [
        f"## {md_text(s['title'])}",
        "",
        f"{len(story.articles)} articles, {len(story.families)} independent families"
        + (f", seen {seen}" if seen else "")
        + ".",
        "",
    ]
    if story.summary:
        lines += ["### Summary", ""]
        for sentence in story.summary:
            cites = ", ".join(md_text(view.label(a)) for a in sentence["cites"])
            lines.append(f"- {md_text(sentence['text'])} [{cites}]")
        lines.append("")
    lines += ["### Articles", ""]
    for article in story.articles:
        lines.append(f"- **{md_text(article['title'])}**: {md_text(view.label(article['id']))}")
    lines.append("")
    if story.links:
        lines += ["### Copies and rewrites", ""]
        for link in story.links:
            lines.append(
                f"- {md_text(view.label(link['derived']))} is a {link['relation']} of "
                f"{md_text(view.label(link['origin']))} (shares {link['shared']:.0%} of its "
                f"sentences; direction by {link['direction']['method']})"
            )
            for added in link["added"]:
                lines.append(f'  - added, found in no other article: "{md_text(added["text"])}"')
        lines.append("")
    if len(story.families) > 1 or story.links:
        lines += ["### Independent families", ""]
        for family in story.families:
            members = ", ".join(md_text(view.label(a)) for a in family["article_ids"])
            lines.append(f"- origin {md_text(view.label(family['origin']))}: {members}")
        lines.append("")
    if story.claims:
        lines += _claims(view, story)
    if story.conflicts:
        lines += ["### Conflicts", ""]
        lines += [f"- {c['kind']}: {md_text(c['detail'])}" for c in story.conflicts]
        lines.append("")
    return lines


def _claims(view: ReportView, story: StoryView) -> list[str]:
    lines = [
        "### Claims",
        "",
        "| claim | speaker | stance | families | status |",
        "|---|---|---|---|---|",
    ]
    for claim in story.claims:
        lines.append(
            f"| {md_text(claim['text'])} | {md_text(claim.get('speaker') or 'the outlet')} | "
            f"{claim['stance']} | {claim.get('families', '')} | {claim.get('status', '')} |"
        )
    lines.append("")
    return lines


def _articles_cleaning(view: ReportView) -> list[str]:
    cleaned = [a for a in view.report["articles"] if a["removed"]]
    if not cleaned:
        return []
    lines = ["## Removed while cleaning", ""]
    for article in cleaned:
        lines.append(f"- {md_text(view.label(article['id']))}")
        for removed in article["removed"]:
            lines.append(f'  - {removed["kind"]}: "{md_text(removed["text"][:200])}"')
    lines.append("")
    return lines


def _rejections(report: dict[str, Any]) -> list[str]:
    if not report["rejections"]:
        return []
    lines = ["## Rejected inputs", ""]
    for r in report["rejections"]:
        where = r.get("path") or r.get("url")
        lines.append(f"- {md_text(where)}: {r['reason']} ({md_text(r['detail'])})")
    lines.append("")
    return lines
