"""The cited summary: the best supported claim groups first, each in the words of one source,
citing every article that carries it; a contested point as its two sides in one sentence
("X says ...; Y denies ...") citing both.

Extractive on purpose: every sentence is a sentence of a source (two joined by a semicolon for a
contested point), so the summary adds no wording of its own; and neutral: a telling with loaded
words or a verdict ("shocking", "deserve") is quoted only when no other is, and a group told only
that way is left out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from newscheck.crosscheck import CrossCheck
from newscheck.crosscheck.stance import polarity
from newscheck.crosscheck.terms import STOP_WORDS, content_stems
from newscheck.model import (
    Article,
    Claim,
    ClaimGroup,
    ClaimSupport,
    Conflict,
    FigureCheck,
    SummaryCitation,
    SummarySentence,
)
from newscheck.summarize.mentions import (
    Mention,
    best_mention,
    cited_articles,
    judges,
    leans_on_context,
    mentions_of,
    reads_alone,
)


@dataclass(frozen=True, slots=True)
class SummaryConfig:
    max_sentences: int = 7
    max_timeline: int = 12
    redundancy: float = 0.6
    """Stem overlap (Jaccard) above which a sentence repeats one already chosen."""


@dataclass(frozen=True, slots=True)
class _Item:
    """A candidate summary sentence: one group, or the two sides of a conflict."""

    rank: tuple[float, ...]
    groups: tuple[ClaimGroup, ...]
    quoted: tuple[Mention, ...]


def compose(
    story_id: str,
    check: CrossCheck,
    articles: Mapping[str, Article],
    claims: Mapping[str, Claim],
    order: Mapping[str, int],
    config: SummaryConfig,
) -> tuple[tuple[SummarySentence, ...], tuple[SummaryCitation, ...]]:
    mentions = {g.id: mentions_of(g, _support(check, g), claims, articles) for g in check.groups}
    items = _items(check, mentions, claims, order)
    sentences: list[SummarySentence] = []
    citations: list[SummaryCitation] = []
    used: list[frozenset[str]] = []
    for item in sorted(items, key=lambda i: i.rank):
        if len(sentences) >= config.max_sentences:
            break
        stems = frozenset(s for m in item.quoted for s in content_stems(m.text))
        if any(_overlap(stems, other) >= config.redundancy for other in used):
            continue
        used.append(stems)
        index = len(sentences)
        carried = [m for g in item.groups for m in mentions[g.id]]
        sentences.append(SummarySentence(_joined(item.quoted), cited_articles(carried, order)))
        for group in item.groups:
            citations.extend(
                SummaryCitation(story_id, index, m.article_id, m.start, m.end, group.id)
                for m in mentions[group.id]
            )
    return tuple(sentences), tuple(citations)


def _support(check: CrossCheck, group: ClaimGroup) -> ClaimSupport | None:
    return next((s for s in check.support if s.group_id == group.id), None)


def _items(
    check: CrossCheck,
    mentions: Mapping[str, list[Mention]],
    claims: Mapping[str, Claim],
    order: Mapping[str, int],
) -> list[_Item]:
    group_of = {cid: g for g in check.groups for cid in g.claim_ids}
    in_conflict: set[str] = set()
    items = []
    for conflict in check.conflicts:
        groups = list(dict.fromkeys(group_of[c] for c in conflict.claim_ids if c in group_of))
        sides = _sides(conflict, groups, mentions, claims, check.figures)
        in_conflict.update(g.id for g in groups)
        quoted = [
            q
            for q in (best_mention(_giving(mentions[g.id], value)) for g, value in sides)
            if q is not None
        ]
        if len(quoted) == 2:
            rank = _rank(groups, quoted, mentions, order)
            items.append(_Item(rank, tuple(groups), tuple(quoted)))
    for group in check.groups:
        if group.id in in_conflict or group.status == "unattested" or not mentions[group.id]:
            continue
        members = [claims[c] for c in group.claim_ids if c in claims]
        if all(c.kind == "opinion" for c in members):
            continue
        if polarity(members[0]) == "abstains":
            continue
        quote = best_mention(mentions[group.id])
        if quote is not None and not judges(quote.text):
            items.append(_Item(_rank([group], [quote], mentions, order), (group,), (quote,)))
    return items


def _sides(
    conflict: Conflict,
    groups: Sequence[ClaimGroup],
    mentions: Mapping[str, list[Mention]],
    claims: Mapping[str, Claim],
    figures: Sequence[FigureCheck],
) -> list[tuple[ClaimGroup, frozenset[str] | None]]:
    """The two groups that state a conflict best, each with the claims that may be quoted for it
    (None: any): the best supported assertion and denial; or, for figures, a group giving the
    best supported value and one giving the next, quoted where they give it."""
    ranked = sorted(groups, key=lambda g: -g.families)
    quotable = [g for g in ranked if best_mention(mentions[g.id]) is not None]
    if conflict.kind == "denial":
        return _denial_sides(conflict, quotable, mentions, claims)
    involved = set(conflict.claim_ids)
    values = [f for f in figures if f.status == "contested" and involved & set(f.claim_ids)]
    sides: list[tuple[ClaimGroup, frozenset[str] | None]] = []
    for figure in sorted(values, key=lambda f: (-f.families, f.value)):
        giving = frozenset(figure.claim_ids)
        taken = {g.id for g, _ in sides}
        group = next(
            (
                g
                for g in quotable
                if g.id not in taken and best_mention(_giving(mentions[g.id], giving))
            ),
            None,
        )
        if group is not None:
            sides.append((group, giving))
        if len(sides) == 2:
            return sides
    return []


def _denial_sides(
    conflict: Conflict,
    quotable: Sequence[ClaimGroup],
    mentions: Mapping[str, list[Mention]],
    claims: Mapping[str, Claim],
) -> list[tuple[ClaimGroup, frozenset[str] | None]]:
    """The assertion and the denial the conflict's detail quotes (its first two claims), each in
    its own sentence when that reads on its own, else in the best sentence of its group; failing
    that the best supported asserting and denying groups."""
    denies = [g for g in quotable if polarity(claims[g.claim_ids[0]]) == "denies"]
    asserts = [g for g in quotable if g not in denies]
    sides: list[tuple[ClaimGroup, frozenset[str] | None]] = []
    for shown, candidates in zip(conflict.claim_ids[:2], (asserts, denies), strict=False):
        group = next((g for g in candidates if shown in g.claim_ids), None)
        if group is None:
            if not candidates:
                return []
            sides.append((candidates[0], None))
        else:
            own = best_mention(_giving(mentions[group.id], frozenset([shown])))
            readable = own is not None and reads_alone(own.text)
            sides.append((group, frozenset([shown]) if readable else None))
    return sides if len(sides) == 2 else []


def _giving(mentions: Sequence[Mention], claim_ids: frozenset[str] | None) -> list[Mention]:
    """The mentions made by one of ``claim_ids`` (all of them for None)."""
    if claim_ids is None:
        return list(mentions)
    return [m for m in mentions if m.claim.id in claim_ids]


def _rank(
    groups: Sequence[ClaimGroup],
    quoted: Sequence[Mention],
    mentions: Mapping[str, list[Mention]],
    order: Mapping[str, int],
) -> tuple[float, ...]:
    """Best supported first; then sentences that read on their own ("She said ..." does not);
    then carried by more articles; then told earlier in its articles (news puts what matters
    first); then earlier in the story."""
    carried = [m for g in groups for m in mentions[g.id]]
    articles = {m.article_id for m in carried}
    depth = min(m.depth for m in carried)
    first = min(order.get(m.article_id, len(order)) for m in carried)
    leaning = any(leans_on_context(q.text) for q in quoted)
    return (-max(g.families for g in groups), int(leaning), -len(articles), round(depth, 2), first)


def _joined(quoted: Sequence[Mention]) -> str:
    """One sentence, or two sides joined by a semicolon ("X says ...; but Y denies ...")."""
    if len(quoted) == 1:
        return quoted[0].text
    first = quoted[0].text.rstrip().rstrip(".")
    second = quoted[1].text
    head = second.split(" ", 1)[0].strip(",").lower()
    if head in STOP_WORDS:
        second = second[0].lower() + second[1:]
    return f"{first}; {second}"


def _overlap(first: frozenset[str], second: frozenset[str]) -> float:
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)
