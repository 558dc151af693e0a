"""The ``newscheck.report/1`` document, built from an analysis's records.

This is the contract other tools rely on (see DESIGN.md): extend it, never break it. Every
``start``/``end`` is an offset into the ``text`` of the article it names.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from newscheck.model import (
    Article,
    Claim,
    Family,
    FigureCheck,
    Framing,
    Link,
    Rejection,
    Segmentation,
    Span,
    Story,
    TimelineEntry,
)

if TYPE_CHECKING:
    from newscheck.pipeline import Analysis

SCHEMA = "newscheck.report/1"


def iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def article_entry(article: Article, segmentation: Segmentation | None = None) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": article.id}
    if article.given_id is not None:
        entry["given_id"] = article.given_id
    entry[article.location_kind] = article.location
    if article.url is not None and article.location_kind != "url":
        entry["url"] = article.url
    entry.update(
        {
            "source": article.source,
            "title": article.title,
            "published": iso(article.published),
            "author": article.author,
            "format": article.format,
            "words": article.words,
            "text": article.text,
            "removed": [{"kind": r.kind, "text": r.text} for r in article.removed],
        }
    )
    if segmentation is not None:
        # [start, end, paragraph] of each sentence: lets readers cite and highlight sentences.
        entry["sentences"] = [[s.start, s.end, s.paragraph] for s in segmentation.sentences]
    if article.summary_only:
        entry["summary_only"] = True
    return entry


def span_entry(span: Span, text: str) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": text[span.start : span.end]}


def link_entry(
    link: Link,
    texts: dict[str, str],
    framing: dict[tuple[str, str], list[Framing]] | None = None,
) -> dict[str, Any]:
    derived_text = texts.get(link.derived, "")
    tone = (framing or {}).get((link.derived, link.origin), [])
    return {
        "derived": link.derived,
        "origin": link.origin,
        "relation": link.relation,
        "shared": round(link.shared, 4),
        "added": [span_entry(s, derived_text) for s in link.added],
        "direction": {
            "method": link.direction_method,
            "confidence": round(link.direction_confidence, 3),
        },
        "pairs": [
            {
                "derived_sentence": p.derived_sentence,
                "origin_sentence": p.origin_sentence,
                "score": round(p.score, 4),
                "relation": p.relation,
            }
            for p in link.pairs
        ],
        "scheme": link.scheme,
        "framing": [
            {
                "kind": f.kind,
                "where": f.where,
                "start": f.start,
                "end": f.end,
                "text": f.text,
                "words": list(f.words),
            }
            for f in tone
        ],
    }


def story_entry(story: Story, families: Iterable[Family]) -> dict[str, Any]:
    return {
        "id": story.id,
        "title": story.title,
        "article_ids": list(story.article_ids),
        "first_seen": iso(story.first_seen),
        "last_seen": iso(story.last_seen),
        "family_ids": [f.id for f in families if f.story_id == story.id],
    }


def family_entry(family: Family) -> dict[str, Any]:
    return {
        "id": family.id,
        "story_id": family.story_id,
        "article_ids": list(family.article_ids),
        "origin": family.origin,
    }


def claim_entry(claim: Claim, texts: dict[str, str]) -> dict[str, Any]:
    text = texts.get(claim.article_id, "")
    return {
        "id": claim.id,
        "text": claim.text,
        "speaker": claim.speaker,
        "cue": claim.cue,
        "via": claim.via,
        "stance": claim.stance,
        "kind": claim.kind,
        "figures": [
            {
                "value": f.value,
                "unit": f.unit,
                "approx": f.approx,
                "text": text[f.start : f.end],
            }
            for f in claim.figures
        ],
        "entities": list(claim.entities),
        "mentions": [{"article_id": claim.article_id, "start": claim.start, "end": claim.end}],
    }


def rejection_entry(rejection: Rejection) -> dict[str, Any]:
    return {
        rejection.location_kind: rejection.location,
        "reason": rejection.reason,
        "detail": rejection.detail,
    }


def _story_order(stories: Iterable[Story]) -> list[Story]:
    """Biggest first, then most recently seen, then id (deterministic)."""

    def key(story: Story) -> tuple[int, float, str]:
        last = story.last_seen.timestamp() if story.last_seen else 0.0
        return (-len(story.article_ids), -last, story.id)

    return sorted(stories, key=key)


def build_report(analysis: Analysis) -> dict[str, Any]:
    texts = {a.id: a.text for a in analysis.articles}
    claims = _claims_with_groups(analysis, texts)
    framing: dict[tuple[str, str], list[Framing]] = {}
    for f in analysis.framing:
        framing.setdefault((f.derived, f.origin), []).append(f)
    return {
        "schema": SCHEMA,
        "articles": [article_entry(a, analysis.segmentations.get(a.id)) for a in analysis.articles],
        "stories": [story_entry(s, analysis.families) for s in _story_order(analysis.stories)],
        "links": [link_entry(link, texts, framing) for link in analysis.links],
        "families": [family_entry(f) for f in analysis.families],
        "claims": claims,
        "conflicts": [
            {"kind": c.kind, "claim_ids": list(c.claim_ids), "detail": c.detail}
            for c in analysis.conflicts
        ],
        "summary": _summary(analysis),
        "figures": [figure_check_entry(f) for f in analysis.figure_checks],
        "timeline": [timeline_entry(t) for t in analysis.timeline],
        "rejections": [rejection_entry(r) for r in analysis.rejections],
    }


def figure_check_entry(check: FigureCheck) -> dict[str, Any]:
    return {
        "story_id": check.story_id,
        "label": check.label,
        "unit": check.unit,
        "event": check.event,
        "value": check.value,
        "approx": check.approx,
        "families": check.families,
        "status": check.status,
        "claim_ids": list(check.claim_ids),
    }


def timeline_entry(entry: TimelineEntry) -> dict[str, Any]:
    return {
        "story_id": entry.story_id,
        "when": iso(entry.when),
        "when_text": entry.when_text,
        "precision": entry.precision,
        "text": entry.text,
        "cites": list(entry.cites),
        "mentions": [
            {"article_id": m.article_id, "start": m.start, "end": m.end} for m in entry.mentions
        ],
    }


def _summary(analysis: Analysis) -> list[dict[str, Any]]:
    """Summary sentences; ``citations`` say where each is read in each cited article."""
    where: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for c in analysis.citations:
        where.setdefault((c.story_id, c.sentence), []).append(
            {"article_id": c.article_id, "start": c.start, "end": c.end}
        )
    return [
        {
            "story_id": story_id,
            "text": s.text,
            "cites": list(s.cites),
            "citations": where.get((story_id, i), []),
        }
        for story_id, sentences in analysis.summaries.items()
        for i, s in enumerate(sentences)
    ]


def _claims_with_groups(analysis: Analysis, texts: dict[str, str]) -> list[dict[str, Any]]:
    """Claims as in the contract: one entry per claim group when cross-checking ran (its mentions
    are every member), else one entry per extracted claim."""
    by_id = {c.id: c for c in analysis.claims}
    support = {s.group_id: s for s in analysis.claim_support}
    if not analysis.claim_groups:
        return [claim_entry(c, texts) for c in analysis.claims]
    entries = []
    for group in analysis.claim_groups:
        members = [by_id[cid] for cid in group.claim_ids if cid in by_id]
        if not members:
            continue
        entry = claim_entry(members[0], texts)
        entry["id"] = group.id
        entry["story_id"] = group.story_id
        entry["claim_ids"] = list(group.claim_ids)
        entry["mentions"] = [
            {"article_id": c.article_id, "start": c.start, "end": c.end} for c in members
        ]
        entry["families"] = group.families
        entry["status"] = group.status
        if group.id in support:
            entry["witnesses"] = list(support[group.id].witnesses)
            entry["rests_on"] = support[group.id].rests_on
            entry["rests_on_kind"] = support[group.id].rests_on_kind
        entries.append(entry)
    return entries
