"""Links made between independent reports (BASIL) and found from machine syntheses (MMDS).

    python bench/link_independence.py [--quick] [--lexical] [--no-cross]

BASIL (``../shared/eval/basil/``): each event is covered by Fox, the New York Times and the
Huffington Post, each writing its own article. Every link the linking stage makes between them is
printed with its verbatim overlap (share of the derived text's 5-word shingles found in the
origin), so a reader can see whether the two really share text (a wire story both ran) or whether
the link is a false one.

MMDS (``../shared/eval/mmds2025/mds_clusters_gpt_event_dev.json``): per event, the news articles
and a synthesis a language model wrote from them. The synthesis should be linked as derived from
its sources, in that direction; the sources should not be linked to each other unless they share
text. All events are linked in one run, so links across events count as false too.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from newscheck.clean import clean_text
from newscheck.link import LinkSettings, link_articles
from newscheck.link.decide import DecisionRules
from newscheck.link.shingles import shingles
from newscheck.link.verify import intersection_size
from newscheck.model import Article, Link, Segmentation, article_id
from newscheck.segment import segment

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
BASIL = SHARED / "eval" / "basil" / "articles"
MMDS = SHARED / "eval" / "mmds2025" / "mds_clusters_gpt_event_dev.json"
SHARES_TEXT = 0.15
"""Verbatim overlap from which two reports are taken to share text (a wire story both ran):
independently written reports share well under a tenth of their 5-word shingles (quotes)."""


def make(
    title: str, text: str, seq: int, location: str, published: datetime | None
) -> tuple[Article, Segmentation]:
    cleaned = clean_text(title, text)
    aid = article_id(cleaned.title, cleaned.text)
    article = Article(
        id=aid,
        title=cleaned.title,
        text=cleaned.text,
        location=location,
        location_kind="path",
        format="json",
        removed=cleaned.removed,
        published=published,
        seq=seq,
    )
    return article, segment(aid, cleaned.text)


def verbatim(derived: Article, origin: Article) -> float:
    """Share of the derived text's shingles found in the origin."""
    sets = shingles([derived.text, origin.text]).sets()
    return intersection_size(sets[0], sets[1]) / max(1, len(sets[0]))


def run(
    articles: list[tuple[Article, Segmentation]], lexical: bool, settings: LinkSettings
) -> tuple[list[Link], float]:
    embedder = None
    if not lexical:
        from newscheck.embed import Embedder

        embedder = Embedder()
    start = time.perf_counter()
    segs = {a.id: s for a, s in articles}
    result = link_articles([a for a, _ in articles], segs, embedder=embedder, settings=settings)
    return list(result.links), time.perf_counter() - start


# --------------------------------------------------------------------------- BASIL


def basil(limit: int | None, lexical: bool, settings: LinkSettings) -> None:
    files = sorted(BASIL.glob("*/*.json"))
    events: dict[str, list[Path]] = {}
    for f in files:
        events.setdefault(f.name.rsplit("_", 1)[0], []).append(f)
    chosen = sorted(events)[:limit] if limit else sorted(events)
    articles, event_of, outlet = [], {}, {}
    for event in chosen:
        for f in sorted(events[event]):
            data = json.loads(f.read_text(encoding="utf-8"))
            text = "\n\n".join(" ".join(p) for p in data["body-paragraphs"])
            day = datetime.strptime(data["date"], "%Y-%m-%d").replace(tzinfo=UTC)
            article, seg = make(data["title"], text, len(articles), f.name, day)
            articles.append((article, seg))
            event_of[article.id], outlet[article.id] = event, data["source"].lower()
    links, seconds = run(articles, lexical, settings)
    by_id = {a.id: a for a, _ in articles}
    print(
        f"BASIL: {len(chosen)} events, {len(articles)} articles by Fox/NYT/HuffPost, {seconds:.0f}s"
    )
    print(
        f"  links made: {len(links)} (each outlet wrote its own article: all are false unless "
        "they share text)"
    )
    kinds: Counter[str] = Counter()
    for link in links:
        d, o = by_id[link.derived], by_id[link.origin]
        share = verbatim(d, o)
        same_event = event_of[d.id] == event_of[o.id]
        kinds["shares text" if share >= SHARES_TEXT else "no shared text"] += 1
        print(
            f"    {outlet[d.id]:>3} -> {outlet[o.id]:<3} {link.relation:9s} "
            f"shared {link.shared:.2f} verbatim {share:.2f} "
            f"{'same event' if same_event else 'OTHER EVENT'} "
            f"({d.location} -> {o.location})"
        )
    print(f"  of which (verbatim >= {SHARES_TEXT}): {dict(kinds)}")


# --------------------------------------------------------------------------- MMDS


def _mmds_events() -> list[dict[str, object]]:
    raw = MMDS.read_text(encoding="utf-8")
    return json.loads(re.sub(r",\s*([\]}])", r"\1", raw))  # the file has trailing commas


def mmds(limit: int | None, lexical: bool, settings: LinkSettings) -> None:
    events = _mmds_events()[:limit] if limit else _mmds_events()
    articles: list[tuple[Article, Segmentation]] = []
    sources: dict[str, set[str]] = {}
    synthesis_ids: set[str] = set()
    for k, event in enumerate(events):
        ids = set()
        for doc in event["documents"]:  # type: ignore[attr-defined]
            text = " ".join(s["content"] for s in doc["sentences"])
            article, seg = make(doc["title"], text, len(articles), f"event{k}/doc{doc['ID']}", None)
            articles.append((article, seg))
            ids.add(article.id)
        title = f"Event {k} synthesis"
        article, seg = make(
            title, str(event["silver_truth"]), len(articles), f"event{k}/synthesis", None
        )
        articles.append((article, seg))
        sources[article.id] = ids
        synthesis_ids.add(article.id)
    links, seconds = run(articles, lexical, settings)
    report_mmds(articles, links, sources, seconds, len(events))


def report_mmds(
    articles: list[tuple[Article, Segmentation]],
    links: list[Link],
    sources: dict[str, set[str]],
    seconds: float,
    events: int,
) -> None:
    expected = sum(len(v) for v in sources.values())
    right_way = [x for x in links if x.derived in sources and x.origin in sources[x.derived]]
    wrong_way = [x for x in links if x.origin in sources and x.derived in sources[x.origin]]
    linked = {x.derived for x in right_way} | {x.origin for x in wrong_way}
    among_docs = [x for x in links if x.derived not in sources and x.origin not in sources]
    other = [x for x in links if x.derived in sources and x.origin not in sources[x.derived]]
    print(
        f"MMDS: {events} events, {len(articles)} articles incl. {len(sources)} syntheses; "
        f"{seconds:.0f}s"
    )
    print(
        f"  synthesis -> source links: {len(right_way)} of {expected} source documents "
        f"({len(right_way) / max(1, expected):.3f}); in the reversed direction: {len(wrong_way)}"
    )
    print(f"  syntheses linked to at least one of their sources: {len(linked)} of {len(sources)}")
    relations = Counter(x.relation for x in right_way)
    print(f"  relations of synthesis links: {dict(relations)}")
    print(f"  synthesis links to documents of other events: {len(other)}")
    by_id = {a.id: a for a, _ in articles}
    print(f"  links among news documents: {len(among_docs)}")
    for link in among_docs:
        d, o = by_id[link.derived], by_id[link.origin]
        print(
            f"    {d.location} -> {o.location} {link.relation} shared {link.shared:.2f} "
            f"verbatim {verbatim(d, o):.2f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="8 BASIL events, 4 MMDS events")
    parser.add_argument("--lexical", action="store_true", help="no embeddings")
    parser.add_argument("--only", choices=("basil", "mmds"))
    parser.add_argument(
        "--no-cross", action="store_true", help="no cross-encoder (the logistic model decides)"
    )
    defaults = DecisionRules()
    parser.add_argument("--rewrite-shared", type=float, default=defaults.rewrite_shared)
    parser.add_argument("--min-aligned", type=int, default=defaults.min_aligned)
    parser.add_argument("--min-strong", type=int, default=defaults.min_strong)
    args = parser.parse_args()
    rules = DecisionRules(
        rewrite_shared=args.rewrite_shared, min_aligned=args.min_aligned, min_strong=args.min_strong
    )
    settings = LinkSettings(rules=rules, cross_encoder=not args.no_cross)
    print(f"rules: {rules}; cross-encoder: {settings.cross_encoder and not args.lexical}")
    if args.only == "mmds":
        pass
    elif BASIL.is_dir():
        basil(8 if args.quick else None, args.lexical, settings)
    else:
        print(f"skipped BASIL: not found at {BASIL}")
    if args.only == "basil":
        pass
    elif MMDS.exists():
        mmds(4 if args.quick else None, args.lexical, settings)
    else:
        print(f"skipped MMDS: not found at {MMDS}")


if __name__ == "__main__":
    main()
