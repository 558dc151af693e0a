"""The generated store of the web load benchmark (bench/web_load.py): fictional articles written
straight through the store API, kept in bench/results/ and reused.

Stories of 1-9 articles, each with an origin, rewrites (links with sentence pairs and an added
sentence), independent reports, families, claims with figures and one claim group; the first 200
stories with more than one article also get a numeric conflict and a cited summary.
"""

from __future__ import annotations

import random
import re
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"
GENERATOR = "web-load.v1"
WORDS = (  # noqa: SIM905 (a word list reads best as words)
    "harbour council ferry lantern storm barge pilot bridge kiln shore morning repairs mayor "
    "guild report spring weather grain tide quay rope signal beacon village river valley market "
    "road station mill tower bell crew dock warehouse inspector engineer crane cargo fleet"
).split()
PLACES = [
    "Velmora",
    "Ostrany",
    "Kelbrook",
    "Tarsk",
    "Lindquay",
    "Morrowfield",
    "Pell",
    "Dunhaven",
    "Arlo",
    "Brisk",
]
SPEAKERS = ("the harbour council", "Mayor Ilse Varn", "the fire brigade", "a ferry pilot")
STORY_CHUNK = 2000
"""Articles written per store transaction while generating."""


# --------------------------------------------------------------------------- the generated store


@dataclass
class StoryPlan:
    place: str
    number: int
    size: int


def sentence(rng: random.Random, place: str, n: int) -> str:
    words = " ".join(rng.choices(WORDS, k=rng.randint(8, 16)))
    return f"The {words} in {place} counted {n}."


def write_store(path: Path, articles: int, seed: int = 7) -> None:
    """Generate the store at ``path`` (about ``articles`` articles)."""
    from newscheck.store import open_store

    rng = random.Random(seed)
    plans: list[StoryPlan] = []
    total = 0
    while total < articles:
        size = min(rng.choice((1, 2, 3, 4, 5, 6, 7, 8, 9)), articles - total)
        plans.append(StoryPlan(rng.choice(PLACES), len(plans), size))
        total += size
    plans[0].size = max(plans[0].size, 9)  # one full story for the hot page
    with open_store(path) as store:
        run = store.begin_run([f"generated:{GENERATOR}:{articles}"], {})
        records = _Records()
        for plan in plans:
            _story(plan, rng, records)
            if len(records.articles) >= STORY_CHUNK:
                records.flush_articles(store, run)
        records.flush_articles(store, run)
        store.replace_links(records.links)
        store.replace_families(records.families)
        store.replace_stories(records.stories)
        store.replace_claims(records.claims)
        store.replace_claim_groups(records.groups)
        for story_id, conflicts in records.conflicts.items():
            store.replace_conflicts(story_id, conflicts)
        for story_id, summary in records.summaries.items():
            store.replace_summary(story_id, summary)
        store.finish_run(run, "done", {"articles": total})


class _Records:
    def __init__(self) -> None:
        self.articles: list[Any] = []
        self.segmentations: list[Any] = []
        self.links: list[Any] = []
        self.families: list[Any] = []
        self.stories: list[Any] = []
        self.claims: list[Any] = []
        self.groups: list[Any] = []
        self.conflicts: dict[str, list[Any]] = {}
        self.summaries: dict[str, list[Any]] = {}
        self.seq = 0

    def flush_articles(self, store: Any, run: str) -> None:
        if self.articles:
            store.add_articles(run, self.articles, self.segmentations)
        self.articles, self.segmentations = [], []


def _article(
    records: _Records, title: str, sentences: list[str], when: datetime, source: str
) -> Any:
    from newscheck.model import Article, Paragraph, Segmentation, Sentence, article_id

    records.seq += 1
    paragraphs_text = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
    text = "\n\n".join(paragraphs_text)
    aid = article_id(title, text)
    article = Article(
        aid,
        title,
        text,
        f"gen/{records.seq}.txt",
        "path",
        "txt",
        source=source,
        published=when,
        seq=records.seq,
    )
    paragraphs: list[Paragraph] = []
    spans: list[Sentence] = []
    at = 0
    for p_index, block in enumerate(paragraphs_text):
        paragraphs.append(Paragraph(aid, p_index, at, at + len(block)))
        inner = at
        for s in sentences[p_index * 3 : p_index * 3 + 3]:
            spans.append(Sentence(aid, len(spans), inner, inner + len(s), p_index))
            inner += len(s) + 1
        at += len(block) + 2
    records.articles.append(article)
    records.segmentations.append(Segmentation(aid, tuple(paragraphs), tuple(spans), GENERATOR))
    return article


def _story(plan: StoryPlan, rng: random.Random, records: _Records) -> None:
    from newscheck.model import (
        Claim,
        ClaimGroup,
        ClaimStatus,
        Conflict,
        Family,
        Figure,
        Link,
        SentencePair,
        Span,
        Story,
        SummarySentence,
        group_id,
    )

    start = datetime(2025, 1, 1, tzinfo=UTC) + timedelta(minutes=37 * plan.number)
    base = [sentence(rng, plan.place, rng.randint(2, 400)) for _ in range(8)]
    members, families, links = [], [], []
    origin = _article(records, f"{plan.place} report {plan.number}", base, start, "Wire")
    members.append(origin)
    family = [origin.id]
    for k in range(1, plan.size):
        when = start + timedelta(minutes=11 * k)
        if k % 3 == 0:  # an independent report
            own = [sentence(rng, plan.place, rng.randint(2, 400)) for _ in range(6)]
            other = _article(
                records, f"{plan.place} own report {plan.number}-{k}", own, when, f"Outlet {k}"
            )
            members.append(other)
            families.append(Family(group_id("family-", [other.id]), None, (other.id,), other.id))
            continue
        rewritten = base[:6] + [f"Locals in {plan.place} said more was coming ({k})."]
        rewritten[0] = rewritten[0].replace("The ", "A ", 1)
        derived = _article(
            records, f"{plan.place} rewrite {plan.number}-{k}", rewritten, when, f"Outlet {k}"
        )
        members.append(derived)
        family.append(derived.id)
        added_start = len("\n\n".join([" ".join(rewritten[0:3]), " ".join(rewritten[3:6])])) + 2
        pairs = tuple(
            SentencePair(i, i, 1.0 if i else 0.8, "same" if i else "paraphrase") for i in range(6)
        )
        links.append(
            Link(
                derived.id,
                origin.id,
                "rewrite",
                6 / 7,
                (Span(derived.id, added_start, added_start + len(rewritten[6])),),
                pairs,
                "published",
                0.9,
                GENERATOR,
            )
        )
    families.insert(0, Family(group_id("family-", family), None, tuple(family), origin.id))
    story = Story(
        group_id("story-", [m.id for m in members]),
        f"{plan.place}: events of report {plan.number}",
        tuple(m.id for m in members),
        start,
        start + timedelta(minutes=11 * (plan.size - 1)),
        GENERATOR,
    )
    records.stories.append(story)
    records.families += [Family(f.id, story.id, f.article_ids, f.origin) for f in families]
    records.links += links
    # Claims: the origin's second sentence, echoed by every member (one per article).
    claim_ids = []
    for member in members:
        text = member.text
        first_end = text.index(".") + 1
        cid = f"claim-{member.id}"
        number = int(re.findall(r"counted (\d+)", text[:first_end])[0])
        at = text.index(str(number))
        figure = Figure(member.id, at, at + len(str(number)), float(number), "things")
        records.claims.append(
            Claim(
                cid,
                member.id,
                0,
                first_end,
                text[:first_end],
                rng.choice(SPEAKERS),
                "said",
                figures=(figure,),
            )
        )
        claim_ids.append(cid)
    independent = len(families)
    status: ClaimStatus = "corroborated" if independent > 1 else "single_source"
    if plan.number < 200 and len(claim_ids) > 1:
        status = "contested"
        records.conflicts[story.id] = [
            Conflict("numeric", (claim_ids[0], claim_ids[-1]), "the counts differ")
        ]
        records.summaries[story.id] = [
            SummarySentence(sentence_text, (members[0].id, members[-1].id))
            for sentence_text in (base[0], base[1], f"Reports from {plan.place} disagree.")
        ]
    records.groups.append(
        ClaimGroup(group_id("group-", claim_ids), story.id, tuple(claim_ids), independent, status)
    )


def ensure_store(articles: int, fresh: bool) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"web_load-{GENERATOR}-{articles}.db"
    if fresh or not path.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        began = time.perf_counter()
        partial = path.with_suffix(".partial.db")
        for suffix in ("", "-wal", "-shm"):
            Path(str(partial) + suffix).unlink(missing_ok=True)
        write_store(partial, articles)
        partial.replace(path)
        for suffix in ("-wal", "-shm"):
            Path(str(partial) + suffix).unlink(missing_ok=True)
        print(f"generated {articles:,} articles in {time.perf_counter() - began:.1f} s -> {path}")
    else:
        from newscheck.store import open_store

        open_store(path).close()  # brings a store made by an older schema up to date
        print(f"reusing the generated store {path}")
    return path
