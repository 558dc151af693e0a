"""One article as its page shows it: the text with every sentence marked by where it came from.

Sentence marks, from the links in which the article is the derived one:

- ``copied``: the sentence is the same as one of the origin's;
- ``reworded``: it re-words (or partly takes) one of the origin's sentences;
- ``added``: found in no other article;

and, inside sentences, ``quoted``: words between quotation marks (scheme ``quoted.marks.v1``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from newscheck.report.citations import sentence_at
from newscheck.report.fragments import ParagraphView, paragraphs

QUOTE_SCHEME = "quoted.marks.v1"

MARK_KINDS = ("copied", "reworded", "added", "quoted")

_QUOTED = re.compile(r"“[^”\n]{2,}”|\"[^\"\n]{2,}\"|«[^»\n]{2,}»|„[^“”\n]{2,}[“”]")


@dataclass(frozen=True, slots=True)
class Related:
    """A link seen from one of its ends."""

    article_id: str
    relation: str
    shared: float
    derived: str
    origin: str


@dataclass(frozen=True, slots=True)
class ArticlePage:
    article: dict[str, Any]
    paragraphs: tuple[ParagraphView, ...]
    origins: tuple[Related, ...]
    """Articles this one copies or re-words."""
    derived: tuple[Related, ...]
    """Articles that copy or re-word this one."""
    claims: tuple[tuple[dict[str, Any], int | None], ...]
    """Claims made in the article, each with the sentence holding it."""
    marks: tuple[tuple[int, int, str], ...]
    """Every marked span (start, end, kind), for the ``.json`` twin."""
    story_id: str | None


def quoted_spans(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), "quoted") for m in _QUOTED.finditer(text)]


def sentence_marks(article: dict[str, Any], links: list[dict[str, Any]]) -> dict[int, str]:
    """Whole-sentence marks from the links in which ``article`` is the derived one."""
    marks: dict[int, str] = {}
    sentences = article.get("sentences") or []
    for link in links:
        if link["derived"] != article["id"]:
            continue
        for pair in link.get("pairs", ()):
            kind = "copied" if pair["relation"] == "same" else "reworded"
            # A sentence that one origin copies verbatim stays "copied" whatever another link says.
            if marks.get(pair["derived_sentence"]) != "copied":
                marks[pair["derived_sentence"]] = kind
        for span in link["added"]:
            index = sentence_at(sentences, span["start"])
            if index is not None:
                marks[index] = "added"
    return marks


def article_page(report: dict[str, Any], article_id: str, story_id: str | None) -> ArticlePage:
    """The page of ``article_id``; ``report`` holds it, its linked articles and the links."""
    article = next(a for a in report["articles"] if a["id"] == article_id)
    sentences = article.get("sentences") or [[0, len(article["text"]), 0]]
    links = [link for link in report["links"] if article_id in (link["derived"], link["origin"])]
    whole = sentence_marks(article, links)
    quoted = quoted_spans(article["text"])
    marks = [(sentences[i][0], sentences[i][1], kind) for i, kind in sorted(whole.items())]
    claims = tuple(
        (claim, sentence_at(sentences, mention["start"]))
        for claim in report["claims"]
        for mention in claim["mentions"]
        if mention["article_id"] == article_id
    )
    return ArticlePage(
        article=article,
        paragraphs=paragraphs(article["text"], sentences, quoted, whole),
        origins=tuple(
            _related(link, link["origin"]) for link in links if link["derived"] == article_id
        ),
        derived=tuple(
            _related(link, link["derived"]) for link in links if link["origin"] == article_id
        ),
        claims=claims,
        marks=tuple(sorted(marks + quoted)),
        story_id=story_id,
    )


def _related(link: dict[str, Any], other: str) -> Related:
    return Related(other, link["relation"], link["shared"], link["derived"], link["origin"])


def article_page_json(page: ArticlePage) -> dict[str, Any]:
    return {
        "schema": "newscheck.article-page/1",
        "article_id": page.article["id"],
        "story_id": page.story_id,
        "quote_scheme": QUOTE_SCHEME,
        "marks": [{"start": s, "end": e, "kind": k} for s, e, k in page.marks],
        "origins": [{"article_id": r.article_id, "relation": r.relation} for r in page.origins],
        "derived": [{"article_id": r.article_id, "relation": r.relation} for r in page.derived],
    }
