"""Support: how many independent witnesses carry a claim group, and on whose word it rests.

A witness is a family from the linking stage: copies and rewrites of one origin count once. Two
more rules keep echoes from counting twice:

- a mention in text a rewrite added (``Link.added``) counts for no one: the rewrite invented it;
- a mention relayed from a news agency ("according to the Meridian Press Agency") counts for the
  agency: for the family whose article *is* that agency's report when the story has it, else for
  the agency itself, so five outlets quoting TASS are one witness.

When every mention relies on one speaker or one agency the group is marked as resting on it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from newscheck.crosscheck.features import ClaimFeatures
from newscheck.crosscheck.terms import STOP_WORDS, names_compatible, words
from newscheck.model import Article, ClaimStatus, ClaimSupport, Link, Span, WitnessKind

AGENCY_PREFIX = "agency:"

_DATELINE_AGENCY = re.compile(r"^[^\n()]{0,60}\(([A-Za-z][\w .&'-]{0,40})\)\s*[-–—]")


def agency_key(name: str) -> frozenset[str]:
    """Comparable forms of an agency's name: its words and its initials ("Meridian Press Agency"
    -> {"meridian press agency", "mpa"}; "TASS" -> {"tass"})."""
    kept = [w for w in words(name) if w not in STOP_WORDS]
    if not kept:
        return frozenset()
    forms = {" ".join(kept)}
    if len(kept) > 1:
        forms.add("".join(w[0] for w in kept))
    return frozenset(forms)


def article_agency_names(article: Article) -> frozenset[str]:
    """What the article's own outlet is called: its source and a wire dateline's agency
    ("VELMOUTH, Oct 15 (MPA) - ...")."""
    names: set[str] = set()
    if article.source:
        names |= agency_key(article.source)
    match = _DATELINE_AGENCY.match(article.text)
    if match:
        names |= agency_key(match.group(1))
    return frozenset(names)


class Witnesses:
    """Decides the witness of each mention of a story."""

    def __init__(
        self,
        articles: Mapping[str, Article],
        family_members: Mapping[str, Sequence[str]],
        links: Iterable[Link],
    ) -> None:
        self._agency_family: dict[str, str] = {}
        for family_id, members in sorted(family_members.items()):
            for article_id in members:
                article = articles.get(article_id)
                for form in article_agency_names(article) if article else ():
                    self._agency_family.setdefault(form, family_id)
        self._added: dict[str, list[Span]] = {}
        for link in links:
            self._added.setdefault(link.derived, []).extend(link.added)

    def is_added(self, claim: ClaimFeatures) -> bool:
        """The claim lies (mostly) in text a rewrite added."""
        c = claim.claim
        length = max(1, c.end - c.start)
        for span in self._added.get(c.article_id, ()):
            overlap = min(c.end, span.end) - max(c.start, span.start)
            if overlap * 2 >= length:
                return True
        return False

    def witness(self, claim: ClaimFeatures) -> str:
        via = claim.claim.via
        if via:
            forms = agency_key(via)
            for form in sorted(forms):
                if form in self._agency_family:
                    return self._agency_family[form]
            if forms:
                return AGENCY_PREFIX + min(forms, key=lambda f: (-len(f), f))
        return claim.family


def support_of(
    group_id: str, members: Sequence[ClaimFeatures], witnesses: Witnesses
) -> ClaimSupport:
    counted = [m for m in members if not witnesses.is_added(m)]
    kept = {m.id for m in counted}
    added = tuple(m.id for m in members if m.id not in kept)
    found = tuple(dict.fromkeys(witnesses.witness(m) for m in counted))
    rests_on, kind = _rests_on(counted)
    return ClaimSupport(
        group_id=group_id,
        witnesses=found,
        rests_on=rests_on,
        rests_on_kind=kind,
        added_claim_ids=added,
    )


def _rests_on(counted: Sequence[ClaimFeatures]) -> tuple[str | None, WitnessKind | None]:
    if not counted:
        return None, None
    vias = {m.claim.via for m in counted}
    if len(vias) == 1 and None not in vias:
        return next(iter(vias)), "agency"
    if not all(m.speaker for m in counted):
        return None, None
    speakers = list({(m.speaker, m.context) for m in counted})
    for a_name, a_context in speakers:
        for b_name, b_context in speakers:
            if not names_compatible(a_name, b_name, a_context, b_context):
                return None, None
    names = Counter(m.claim.speaker for m in counted if m.claim.speaker)
    name = max(names, key=lambda n: (names[n], len(n), n))
    return name, "speaker"


def status_of(support: ClaimSupport, contested: bool) -> ClaimStatus:
    if not support.witnesses:
        return "unattested"
    if contested:
        return "contested"
    return "corroborated" if len(support.witnesses) >= 2 else "single_source"
