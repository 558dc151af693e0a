"""Loaders for the story-clustering benchmarks: evaluation sets in ``../shared/eval`` as Articles
with their gold event labels. Nothing here is copied into the project; it is read at run time."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from newscheck.model import Article, article_id

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
BASIL = SHARED / "eval" / "basil" / "articles"
MMDS_DIR = SHARED / "eval" / "mmds2025"
MMDS = MMDS_DIR / "mds_ac_dev_final.json"
MMDS_CATCH_ALL = 166
"""The MMDS label of its bucket of unrelated articles (dev and test alike): scored as singletons."""


@dataclass(frozen=True, slots=True)
class LabelledSet:
    name: str
    articles: tuple[Article, ...]
    labels: tuple[str, ...]
    """Gold event of each article; a catch-all article gets a label of its own."""
    languages: tuple[str, ...] = ()


def require(path: Path) -> None:
    if not path.exists():
        sys.exit(f"skipped: {path} is absent (the shared evaluation data sits beside the repo)")


def _article(title: str, text: str, seq: int, **fields: object) -> Article:
    return Article(
        id=article_id(title, text),
        title=title,
        text=text,
        location=f"eval#{seq}",
        location_kind="path",
        format="jsonl",
        seq=seq,
        **fields,  # type: ignore[arg-type]
    )


def load_basil() -> LabelledSet:
    """BASIL: each event (triplet uuid) reported by Fox, NYT and HuffPost, with dates."""
    require(BASIL)
    articles, labels = [], []
    for seq, path in enumerate(sorted(BASIL.glob("*/*.json"))):
        record = json.loads(path.read_text(encoding="utf-8"))
        paragraphs = [" ".join(p) for p in record.get("body-paragraphs", [])]
        day = datetime.strptime(record["date"], "%Y-%m-%d").replace(tzinfo=UTC)
        text = "\n\n".join(p for p in paragraphs if p.strip())
        title = (record.get("title") or "").strip()
        articles.append(_article(title, text, seq, published=day, source=record["source"].lower()))
        labels.append(record["triplet-uuid"])
    return LabelledSet("basil", tuple(articles), tuple(labels))


def mmds_files() -> list[Path]:
    """The MMDS article-clustering files present (dev here; a test split where it is given)."""
    require(MMDS_DIR)
    return sorted(MMDS_DIR.glob("mds_ac_*_final.json"))


def load_mmds(
    languages: frozenset[str] | None = frozenset({"en"}), path: Path = MMDS
) -> LabelledSet:
    """MMDS 2025 article clustering: en, ms/id and zh articles, no dates.

    ``languages`` keeps only articles whose guessed language is in it (None keeps all)."""
    from newscheck.stories.language import guess_language

    require(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    articles: list[Article] = []
    labels: list[str] = []
    langs: list[str] = []
    for record, label in zip(data["articles"], data["clusters"], strict=True):
        title = record["title"].strip()
        text = " ".join(s["content"].strip() for s in record["sentences"])
        lang = guess_language(title + " " + text)
        if languages is not None and lang not in languages:
            continue
        seq = len(articles)
        articles.append(_article(title, text, seq))
        labels.append(f"noise-{record['ID']}" if label == MMDS_CATCH_ALL else str(label))
        langs.append(lang)
    split = path.stem.removeprefix("mds_ac_").removesuffix("_final")
    name = "mmds" if languages is None else "mmds-" + "+".join(sorted(languages))
    if split != "dev":
        name += f"[{split}]"
    return LabelledSet(name, tuple(articles), tuple(labels), tuple(langs))
