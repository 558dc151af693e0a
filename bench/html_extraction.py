"""Main-text quality of our HTML reader + cleaning against trafilatura alone, on the same pages.

    python bench/html_extraction.py [--quick] [--limit N] [--workers 1|2]

Data: ``../shared/eval/trafilatura_eval/`` (read at run time, never copied): ``html/*.html.gz``
pages and ``evaldata.json``, where each page lists snippets its main text must contain (``with``)
and must not contain (``without``). ``--quick`` scores the first 100 pages.

Systems, all run in this process pool on the same bytes:

- ``trafilatura default``: ``trafilatura.extract(page)`` with its defaults.
- ``trafilatura best``: ``extract(page, favor_precision=True, include_comments=False)``.
- ``newscheck``: ``read_html`` then ``clean``; the output is the cleaned title and text (what
  the article record holds). ``newscheck text only`` leaves the title out.

Scoring is the standard snippet scoring of trafilatura's own evaluation: a ``with`` snippet found
in the output is a true positive, missing a false negative; a ``without`` snippet found is a false
positive, absent a true negative; precision = TP/(TP+FP), recall = TP/(TP+FN). Matching is on
whitespace-collapsed text; both output and snippet also go through our character normalisation
(:func:`newscheck.clean.normalize.normalize_text`, curly quotes to straight ones) for every
system alike, so no system gains or loses by how it spells a quote.

Comment/boilerplate precision: a ``without`` snippet is *comment/boilerplate-like* when the page
itself puts it in page furniture, judged from the HTML and not from any of our rules: the deepest
element holding the whole snippet, or one of its ancestors, is a ``nav``, ``footer``, ``aside``,
``form``, ``menu`` or ``figcaption`` element, or has a class or id naming a furniture role
(comment, reply, share, social, tags, related, recommended, sidebar, widget, footer, nav, menu,
breadcrumb, newsletter, subscribe, cookie, consent, banner, ad/advert, promo, teaser, byline,
author, meta, date, caption, credit, copyright). Snippets not found in the page's text are left
out of that subset. *Precision on comment/boilerplate* is TP/(TP+FP) with only those snippets
counted as FP; *leak* is the share of them that the output contains. *Comment leak* is the
share of the pages' annotated reader-comment snippets (``comments`` in evaldata.json) found.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from multiprocessing import Pool
from pathlib import Path
from typing import Any

from newscheck.clean import clean
from newscheck.clean.normalize import normalize_text
from newscheck.errors import InputRejected
from newscheck.ingest.html import read_html
from newscheck.settings import Settings

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "eval" / "trafilatura_eval"
QUICK_PAGES = 100
MAX_WORKERS = 2

SYSTEMS = ("trafilatura default", "trafilatura best", "newscheck", "newscheck text only")
"""Rows of the report; the last two come from one run of our reader."""

FURNITURE_TAGS = frozenset({"nav", "footer", "aside", "form", "menu", "figcaption"})
FURNITURE_NAMES = re.compile(
    r"comment|reply|respond|disqus|discussion|share|sharing|social|\btags?\b|tagcloud|related"
    r"|recommend|sidebar|widget|footer|\bnav|menu|breadcrumb|newsletter|subscri|cookie|consent"
    r"|banner|advert|\bads?\b|promo|teaser|byline|author|\bmeta|\bdate|caption|credit|copyright",
    re.IGNORECASE,
)
_SPACES = re.compile(r"\s+")


@dataclass(slots=True)
class PageResult:
    """Which snippets each system's output holds, for one page."""

    found_with: dict[str, list[bool]]
    found_without: dict[str, list[bool]]
    found_comments: dict[str, list[bool]]
    furniture: list[bool | None]
    """Per ``without`` snippet: furniture-like (True), in the main content (False), not located."""
    seconds: dict[str, float]


@dataclass(slots=True)
class Tally:
    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0
    furniture_fp: int = 0
    furniture_total: int = 0
    comments_found: int = 0
    comments_total: int = 0
    seconds: float = 0.0

    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    def f1(self) -> float:
        p, r = self.precision(), self.recall()
        return 2 * p * r / (p + r) if p + r else 0.0

    def furniture_precision(self) -> float:
        denominator = self.tp + self.furniture_fp
        return self.tp / denominator if denominator else 0.0


@dataclass(slots=True)
class Report:
    tallies: dict[str, Tally] = field(default_factory=lambda: {s: Tally() for s in SYSTEMS})
    pages: int = 0

    def add(self, page: PageResult) -> None:
        self.pages += 1
        for system, tally in self.tallies.items():
            found_with = page.found_with[system]
            found_without = page.found_without[system]
            tally.tp += sum(found_with)
            tally.fn += len(found_with) - sum(found_with)
            tally.fp += sum(found_without)
            tally.tn += len(found_without) - sum(found_without)
            for found, furniture in zip(found_without, page.furniture, strict=True):
                if furniture:
                    tally.furniture_total += 1
                    tally.furniture_fp += found
            tally.comments_found += sum(page.found_comments[system])
            tally.comments_total += len(page.found_comments[system])
            tally.seconds += page.seconds.get(system, 0.0)


def comparable(text: str) -> str:
    """Text as compared: our character normalisation, whitespace collapsed."""
    return _SPACES.sub(" ", normalize_text(text)).strip()


def score_page(item: dict[str, Any]) -> PageResult:
    """Run every system on one page and record which snippets each output holds."""
    page = gzip.decompress((DATA / "html" / f"{item['file']}.gz").read_bytes())
    outputs, seconds = run_systems(page, item["file"])
    withs = [comparable(s) for s in item["with"]]
    withouts = [comparable(s) for s in item["without"]]
    comments = [comparable(s) for s in item.get("comments", [])]
    found_with, found_without, found_comments = {}, {}, {}
    for system, output in outputs.items():
        text = comparable(output)
        found_with[system] = [s in text for s in withs]
        found_without[system] = [s in text for s in withouts]
        found_comments[system] = [s in text for s in comments]
    furniture = furniture_flags(page, item["without"])
    return PageResult(found_with, found_without, found_comments, furniture, seconds)


def run_systems(page: bytes, name: str) -> tuple[dict[str, str], dict[str, float]]:
    from trafilatura import extract

    runs: dict[str, Callable[[], str]] = {
        "trafilatura default": lambda: extract(page) or "",
        "trafilatura best": lambda: (
            extract(page, favor_precision=True, include_comments=False) or ""
        ),
        "newscheck": lambda: newscheck_output(page, name),
    }
    outputs: dict[str, str] = {}
    seconds: dict[str, float] = {}
    for system, run in runs.items():
        start = time.perf_counter()
        try:
            outputs[system] = run()
        except Exception:  # a crash scores as an empty output, as in trafilatura's evaluation
            outputs[system] = ""
        seconds[system] = time.perf_counter() - start
    title, _, text = outputs["newscheck"].partition("\n")
    outputs["newscheck text only"] = text
    return outputs, seconds


def newscheck_output(page: bytes, name: str) -> str:
    """Our cleaned title, a line break, then our cleaned text ("" when the page is rejected)."""
    try:
        raw = read_html(page, name, "path", Settings())
    except InputRejected:
        return "\n"
    cleaned = clean(raw)
    return f"{cleaned.title}\n{cleaned.text}"


def furniture_flags(page: bytes, snippets: Sequence[str]) -> list[bool | None]:
    """For each snippet: does the page put it in furniture (see the module notes)?"""
    from trafilatura import load_html

    try:
        tree = load_html(page)
    except Exception:
        tree = None
    if tree is None:
        return [None] * len(snippets)
    for junk in tree.iterfind(".//script"):
        junk.text = None
    for junk in tree.iterfind(".//style"):
        junk.text = None
    return [_in_furniture(tree, _SPACES.sub(" ", s).strip()) for s in snippets]


def _in_furniture(tree: Any, snippet: str) -> bool | None:
    node = tree
    if snippet not in _SPACES.sub(" ", node.text_content()):
        return None
    descended = True
    while descended:
        descended = False
        for child in node:
            if isinstance(child.tag, str) and snippet in _SPACES.sub(" ", child.text_content()):
                node, descended = child, True
                break
    for element in (node, *node.iterancestors()):
        if element.tag in FURNITURE_TAGS:
            return True
        names = f"{element.get('class') or ''} {element.get('id') or ''}"
        if FURNITURE_NAMES.search(names):
            return True
    return False


def print_report(report: Report, wall: float) -> None:
    print(f"pages: {report.pages}   wall time: {wall:.1f} s")
    any_tally = next(iter(report.tallies.values()))
    print(
        f"comment/boilerplate-like 'without' snippets: {any_tally.furniture_total} "
        f"(located in page furniture by the HTML structure)"
    )
    header = (
        f"{'system':<22}{'precision':>10}{'recall':>8}{'F1':>8}"
        f"{'P(boilerpl.)':>14}{'leak':>7}{'comment leak':>14}{'ms/page':>9}"
    )
    print(header)
    print("-" * len(header))
    for system, t in report.tallies.items():
        leak = t.furniture_fp / t.furniture_total if t.furniture_total else 0.0
        comment_leak = t.comments_found / t.comments_total if t.comments_total else 0.0
        ms = 1000 * t.seconds / report.pages if report.pages and t.seconds else float("nan")
        print(
            f"{system:<22}{t.precision():>10.4f}{t.recall():>8.4f}{t.f1():>8.4f}"
            f"{t.furniture_precision():>14.4f}{leak:>7.3f}{comment_leak:>14.3f}{ms:>9.1f}"
        )
    ours, best = report.tallies["newscheck"], report.tallies["trafilatura best"]
    furniture_gain = ours.furniture_precision() - best.furniture_precision()
    print(
        f"\nnewscheck vs trafilatura best: F1 {ours.f1() - best.f1():+.4f}, "
        f"precision on comment/boilerplate {furniture_gain:+.4f}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help=f"first {QUICK_PAGES} pages only")
    parser.add_argument("--limit", type=int, help="first N pages only")
    parser.add_argument("--workers", type=int, default=MAX_WORKERS, choices=(1, 2))
    args = parser.parse_args(argv)
    if not (DATA / "evaldata.json").is_file():
        print(f"skipped: trafilatura evaluation data not found at {DATA}")
        return 0
    items = list(json.loads((DATA / "evaldata.json").read_text(encoding="utf-8")).values())
    limit = QUICK_PAGES if args.quick else args.limit
    items = [i for i in items[:limit] if (DATA / "html" / f"{i['file']}.gz").is_file()]
    report = Report()
    start = time.perf_counter()
    if args.workers == 1:
        for item in items:
            report.add(score_page(item))
    else:
        with Pool(min(args.workers, MAX_WORKERS)) as pool:
            for page in pool.imap(score_page, items, chunksize=4):
                report.add(page)
    print_report(report, time.perf_counter() - start)
    return 0


if __name__ == "__main__":
    sys.exit(main())
