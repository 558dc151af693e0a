"""The ``newscheck.report/1`` document, built from an analysis's records.

This is the contract other tools rely on (see DESIGN.md): extend it, never break it. Every
``start``/``end`` is an offset into the ``text`` of the article it names.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from newscheck.model import Article, Claim, Family, Link, Rejection, Segmentation, Span, Story

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


def link_entry(link: Link, texts: dict[str, str]) -> dict[str, Any]:
    derived_text = texts.get(link.derived, "")
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
    return {
        "schema": SCHEMA,
        "articles": [article_entry(a, analysis.segmentations.get(a.id)) for a in analysis.articles],
        "stories": [story_entry(s, analysis.families) for s in _story_order(analysis.stories)],
        "links": [link_entry(link, texts) for link in analysis.links],
        "families": [family_entry(f) for f in analysis.families],
        "claims": claims,
        "conflicts": [
            {"kind": c.kind, "claim_ids": list(c.claim_ids), "detail": c.detail}
            for c in analysis.conflicts
        ],
        "summary": [
            {"story_id": story_id, "text": s.text, "cites": list(s.cites)}
            for story_id, sentences in analysis.summaries.items()
            for s in sentences
        ],
        "rejections": [rejection_entry(r) for r in analysis.rejections],
    }


def _claims_with_groups(analysis: Analysis, texts: dict[str, str]) -> list[dict[str, Any]]:
    """Claims as in the contract: one entry per claim group when cross-checking ran (its mentions
    are every member), else one entry per extracted claim."""
    by_id = {c.id: c for c in analysis.claims}
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
        entries.append(entry)
    return entries
