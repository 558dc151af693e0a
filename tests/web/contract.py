"""A checker for the ``newscheck.report/1`` contract (DESIGN.md, docs/report.md).

Returns the list of violations (empty when the document is valid): required members and their
types, enumerated values, every span inside its article's text, and every id a record names
present in the document. Extra members are allowed (the contract is extended, never broken).
"""

from __future__ import annotations

from typing import Any

RELATIONS = {"copy", "near_copy", "rewrite", "partial"}
STANCES = {"asserts", "denies", "hedges"}
STATUSES = {"corroborated", "single_source", "contested", "unattested"}
TOP = (
    "schema",
    "articles",
    "stories",
    "links",
    "families",
    "claims",
    "conflicts",
    "summary",
    "rejections",
)


def violations(report: Any) -> list[str]:
    if not isinstance(report, dict):
        return ["the report is not an object"]
    problems = [f"missing {key}" for key in TOP if key not in report]
    if problems:
        return problems
    if report["schema"] != "newscheck.report/1":
        problems.append(f"schema is {report['schema']!r}")
    for key in TOP[1:]:
        if not isinstance(report[key], list):
            problems.append(f"{key} is not a list")
    if problems:
        return problems
    texts: dict[str, str] = {}
    for i, article in enumerate(report["articles"]):
        problems += _article(i, article, texts)
    ids = set(texts)
    for story in report["stories"]:
        problems += _has(story, "story", {"id": str, "title": str, "article_ids": list})
        problems += _known(story.get("article_ids", []), ids, f"story {story.get('id')}")
    for link in report["links"]:
        problems += _link(link, texts)
    for family in report["families"]:
        problems += _has(family, "family", {"id": str, "article_ids": list, "origin": str})
        problems += _known([*family.get("article_ids", []), family.get("origin")], ids, "family")
    claim_ids = set()
    for claim in report["claims"]:
        problems += _claim(claim, texts)
        claim_ids.add(claim.get("id"))
        claim_ids.update(claim.get("claim_ids", []))
    for conflict in report["conflicts"]:
        problems += _has(conflict, "conflict", {"kind": str, "claim_ids": list, "detail": str})
        problems += _known(conflict.get("claim_ids", []), claim_ids, "conflict")
    for sentence in report["summary"]:
        problems += _has(sentence, "summary", {"text": str, "cites": list})
        problems += _known(sentence.get("cites", []), ids, "summary")
    for rejection in report["rejections"]:
        problems += _has(rejection, "rejection", {"reason": str, "detail": str})
        if not ("path" in rejection or "url" in rejection):
            problems.append("rejection without path or url")
    return problems


def _article(index: int, article: Any, texts: dict[str, str]) -> list[str]:
    problems = _has(
        article,
        f"article {index}",
        {"id": str, "title": str, "words": int, "text": str, "removed": list},
    )
    if problems:
        return problems
    if not ("path" in article or "url" in article):
        problems.append(f"article {article['id']} has neither path nor url")
    for key in ("source", "published"):
        if key not in article or not isinstance(article[key], str | None):
            problems.append(f"article {article['id']}: {key} missing or not text/null")
    for removed in article["removed"]:
        problems += _has(removed, "removed", {"kind": str, "text": str})
    text = article["text"]
    for span in article.get("sentences", []):
        start, end, _ = span
        if not 0 <= start <= end <= len(text):
            problems.append(f"article {article['id']}: sentence {span} outside its text")
    texts[article["id"]] = text
    return problems


def _link(link: Any, texts: dict[str, str]) -> list[str]:
    problems = _has(
        link, "link", {"derived": str, "origin": str, "relation": str, "shared": float | int}
    )
    if problems:
        return problems
    if link["relation"] not in RELATIONS:
        problems.append(f"link relation {link['relation']!r}")
    if not 0 <= link["shared"] <= 1:
        problems.append(f"link shared {link['shared']}")
    problems += _known([link["derived"], link["origin"]], set(texts), "link")
    text = texts.get(link["derived"], "")
    for span in link.get("added", []):
        problems += _span(span, text, "added")
    return problems


def _claim(claim: Any, texts: dict[str, str]) -> list[str]:
    problems = _has(
        claim,
        "claim",
        {"id": str, "text": str, "stance": str, "figures": list, "mentions": list},
    )
    if problems:
        return problems
    if claim["stance"] not in STANCES:
        problems.append(f"claim stance {claim['stance']!r}")
    if "status" in claim and claim["status"] not in STATUSES:
        problems.append(f"claim status {claim['status']!r}")
    for mention in claim["mentions"]:
        if mention.get("article_id") not in texts:
            problems.append(f"claim {claim['id']} mentions an unknown article")
            continue
        problems += _span(mention, texts[mention["article_id"]], "mention")
    return problems


def _span(span: Any, text: str, what: str) -> list[str]:
    start, end = span.get("start"), span.get("end")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
        return [f"{what} span {start}..{end} outside its article's text"]
    if "text" in span and span["text"] != text[start:end]:
        return [f"{what} span text differs from the article's text at {start}..{end}"]
    return []


def _has(record: Any, what: str, fields: dict[str, Any]) -> list[str]:
    if not isinstance(record, dict):
        return [f"{what} is not an object"]
    return [
        f"{what}: {name} missing or not {kind}"
        for name, kind in fields.items()
        if name not in record or not isinstance(record[name], kind)
    ]


def _known(ids: list[Any], known: set[Any], what: str) -> list[str]:
    return [f"{what} names unknown id {i!r}" for i in ids if i not in known]
