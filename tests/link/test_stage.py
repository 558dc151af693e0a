from datetime import UTC, datetime

from newscheck.link import LinkResult, link_articles
from newscheck.model import Article, Segmentation

from .fictional import INDEPENDENT_TEXT, ORIGIN_TEXT, REWRITE_TEXT, UNRELATED_TEXT, make_article

WORDS = ORIGIN_TEXT.split()


def _corpus(extra: list[tuple[str, str]] = ()) -> tuple[list[Article], dict[str, Segmentation]]:  # type: ignore[assignment]
    texts = [
        ("Marrowby flood barrier fails", ORIGIN_TEXT),
        ("Marrowby floods after barrier gives way", REWRITE_TEXT),
        ("A night in the school gym", INDEPENDENT_TEXT),
        ("Chess club wins league", UNRELATED_TEXT),
        *extra,
    ]
    pairs = [make_article(t, x, seq=i) for i, (t, x) in enumerate(texts)]
    return [a for a, _ in pairs], {a.id: s for a, s in pairs}


def _run(extra: list[tuple[str, str]] = ()) -> tuple[list[Article], LinkResult]:  # type: ignore[assignment]
    articles, segs = _corpus(extra)
    return articles, link_articles(articles, segs)


def test_a_rewrite_is_linked_to_its_origin_and_independent_reports_are_not() -> None:
    arts, result = _run()
    assert [(link.derived, link.origin) for link in result.links] == [(arts[1].id, arts[0].id)]
    link = result.links[0]
    assert link.relation == "rewrite"
    assert link.direction_method == "text"
    assert 0.5 <= link.shared <= 1.0
    assert all(p.relation in ("same", "paraphrase", "partial") for p in link.pairs)
    assert link.scheme


def test_added_lists_what_no_other_article_supports() -> None:
    arts, result = _run()
    (link,) = result.links
    added = [arts[1].text[s.start : s.end] for s in link.added]
    assert any(text.startswith("Critics say the council ignored") for text in added)
    assert not any("Lower Quay" in text for text in added)
    assert all(s.article_id == arts[1].id for s in link.added)


def test_families_count_independent_witnesses() -> None:
    arts, result = _run()
    assert len(result.families) == 3
    by_size = sorted(result.families, key=lambda f: -len(f.article_ids))
    assert set(by_size[0].article_ids) == {arts[0].id, arts[1].id}
    assert by_size[0].origin == arts[0].id


def test_a_verbatim_copy_with_a_credit_line_is_a_near_copy_or_copy() -> None:
    copy = ORIGIN_TEXT.replace("Wednesday morning", "Wednesday") + "\n\nReporting by staff."
    arts, result = _run([("Marrowby barrier fails (wire)", copy)])
    links = {(link.derived, link.origin): link for link in result.links}
    copy_link = links.get((arts[4].id, arts[0].id)) or links.get((arts[0].id, arts[4].id))
    assert copy_link is not None
    assert copy_link.relation in ("copy", "near_copy")
    assert copy_link.shared > 0.8


def test_the_later_publication_is_the_derived_one() -> None:
    articles, segs = _corpus()
    from dataclasses import replace

    dated = [
        replace(articles[0], published=datetime(2025, 3, 15, 12, tzinfo=UTC)),
        replace(articles[1], published=datetime(2025, 3, 15, 9, tzinfo=UTC)),
        *articles[2:],
    ]
    (link,) = link_articles(dated, segs).links
    assert (link.derived, link.origin, link.direction_method) == (
        dated[0].id,
        dated[1].id,
        "published",
    )


def test_no_articles() -> None:
    result = link_articles([], {})
    assert result.links == () and result.families == ()


def _paragraphs(text: str) -> list[str]:
    return text.split("\n\n")


def test_an_article_drawing_on_two_origins_links_to_each() -> None:
    # Taking most of one article into another reads the same as cutting an excerpt out of it:
    # here the publication times say which came first.
    from dataclasses import replace

    merged = "\n\n".join(_paragraphs(ORIGIN_TEXT)[:4] + _paragraphs(INDEPENDENT_TEXT)[:4])
    articles, segs = _corpus([("Marrowby: what we know", merged)])
    hour = [datetime(2025, 3, 15, h, tzinfo=UTC) for h in (8, 9, 8, 7, 12)]
    arts = [replace(a, published=t) for a, t in zip(articles, hour, strict=True)]
    result = link_articles(arts, segs)
    origins = {link.origin: link for link in result.links if link.derived == arts[4].id}
    assert set(origins) == {arts[0].id, arts[2].id}
    assert all(link.relation == "partial" for link in origins.values())
    assert len(result.families) == 2  # the chess club alone; everything else is one witness


def test_two_copies_of_one_origin_are_not_linked_to_each_other() -> None:
    first = ORIGIN_TEXT.replace("Tuesday night", "late Tuesday").replace("312 homes", "300 homes")
    second = ORIGIN_TEXT.replace("chief engineer", "lead engineer").replace("540", "about 500")
    arts, result = _run([("Copy one", first), ("Copy two", second)])
    pairs = {(link.derived, link.origin) for link in result.links}
    assert (arts[4].id, arts[0].id) in pairs and (arts[5].id, arts[0].id) in pairs
    assert (arts[5].id, arts[4].id) not in pairs and (arts[4].id, arts[5].id) not in pairs


def test_results_do_not_depend_on_the_process_hash_seed() -> None:
    import os
    import subprocess
    import sys
    from pathlib import Path

    code = "from tests.link.test_stage import _run\narts, result = _run()\nprint(repr(result))\n"
    root = Path(__file__).resolve().parents[2]
    outputs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=root
        )
        assert done.returncode == 0, done.stderr
        outputs.add(done.stdout)
    assert len(outputs) == 1
