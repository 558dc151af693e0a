"""What examples/harbour-fire.expected.md (the answer key) says the earlier stages should give:
which file is which key, the event's story, the families and the links, with the rewrite's added
sentences (the key's "only" lines in the rewrite). Cross-checking is tested on these as well as on
what the real stages give, so a fault of an earlier stage is told apart from one of its own."""

from __future__ import annotations

import re

from newscheck.crosscheck.context import sentence_bounds
from newscheck.model import Article, Family, Link, Span, Story, group_id

from .stages import HARBOUR_KEY, Staged

FOLLOW_UP = "valley-radio-feed.jsonl#vrn-2025-10-16-0412"


def key_text() -> str:
    return HARBOUR_KEY.read_text(encoding="utf-8")


def key_articles(staged: Staged) -> dict[str, Article]:
    """Key letter (A, B, C, W, W2, R, D, U) -> article."""
    files = dict(re.findall(r"^\| (\w+) \| `([^`]+)` \|", key_text(), re.MULTILINE))
    assert files, "the answer key's articles table could not be read"
    out = {}
    for letter, name in files.items():
        if name.startswith("valley-radio-feed.jsonl#"):
            # JSONL records are located by position; the follow-up is the one about Velmouth
            about_port = name == FOLLOW_UP
            out[letter] = next(
                a
                for a in staged.articles.values()
                if "#" in a.location and ("Velmouth" in a.text) == about_port
            )
        else:
            out[letter] = staged.article(name)
    return out


def _letters(pattern: str) -> list[list[str]]:
    found = re.search(pattern, key_text(), re.MULTILINE)
    assert found, f"the answer key has no line matching {pattern!r}"
    return [
        [k.strip() for k in group.split(",")] for group in re.findall(r"\{([^}]+)\}", found.group())
    ]


def key_story(staged: Staged) -> Story:
    by_key = key_articles(staged)
    members = _letters(r"^- Stories: `\{[^}]+\}` is one story")[0]
    return Story("story-harbour-fire", "harbour fire", tuple(by_key[k].id for k in members))


def key_links_and_families(staged: Staged) -> tuple[tuple[Link, ...], tuple[Family, ...]]:
    by_key = key_articles(staged)
    links = []
    for derived, relation, origin in re.findall(
        r"^- Link: (\w+) is a `(\w+)` of (\w+)", key_text(), re.MULTILINE
    ):
        article = by_key[derived]
        links.append(
            Link(
                article.id,
                by_key[origin].id,
                relation,  # type: ignore[arg-type]
                0.8,
                added=_added(article),
            )
        )
    families = []
    for group in _letters(r"^- Families \(independent witnesses\):.*$"):
        ids = [by_key[k].id for k in group]
        origin = next((lk.origin for lk in links if lk.origin in ids), ids[0])
        families.append(Family(group_id("family-", ids), None, tuple(ids), origin))
    return tuple(links), tuple(families)


def _added(article: Article) -> tuple[Span, ...]:
    """The sentences holding what the key says only this article reports."""
    name = article.location.rsplit("/", 1)[-1]
    spans = []
    for text in re.findall(rf"^- only `{re.escape(name)}`: (.+)$", key_text(), re.MULTILINE):
        at = article.text.find(text.strip())
        if at >= 0:
            start, end = sentence_bounds(article.text, at, at + len(text.strip()))
            spans.append(Span(article.id, start, end))
    return tuple(spans)


def families_by_key(staged: Staged, families: tuple[Family, ...]) -> set[frozenset[str]]:
    """Families as sets of key letters (articles outside the key's story left out)."""
    letter = {a.id: k for k, a in key_articles(staged).items()}
    return {frozenset(letter[a] for a in f.article_ids if a in letter) for f in families} - {
        frozenset({"U"})
    }
