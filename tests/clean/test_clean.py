"""clean(): the whole recipe, on fictional articles and on the shared Kursk corpus."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from newscheck.clean import CLEAN_SCHEME, Cleaned, clean, clean_text
from newscheck.clean.normalize import normalize_text
from newscheck.clean.paragraphs import split_paragraphs
from newscheck.model import RawArticle, Removed
from newscheck.segment import segment

SHARED = Path(__file__).resolve().parents[3] / "shared"
KURSK = SHARED / "corpus" / "kursk-2025-03"

BLOG_POST = "\n\n".join(
    [
        "Port Wendle Closes Its Old Ferry Slip",
        "· wendle.exampleThe harbour board of Port Wendle voted on Monday to close the old "
        "ferry slip after inspectors found cracks in three of its concrete piles.",
        "Advertisement",
        "Board chair Marit Ostvang said the closure would last at least eight months. "
        "“It’s the only safe choice,” she said.",
        "Ferry operator Nordvik Lines said about 1,200 passengers a day use the crossing.",
        "Board chair Marit Ostvang said the closure would last at least eight months. "
        "“It’s the only safe choice,” she said.",
        "Share this:",
        "Tags: ferry, harbour",
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
    ]
)


def test_clean_blog_post() -> None:
    raw = RawArticle("post.txt", "path", "txt", "Port Wendle Closes Its Old Ferry Slip", BLOG_POST)
    cleaned = clean(raw)
    assert isinstance(cleaned, Cleaned)
    assert cleaned.title == "Port Wendle Closes Its Old Ferry Slip"
    assert cleaned.text == (
        "The harbour board of Port Wendle voted on Monday to close the old ferry slip after "
        "inspectors found cracks in three of its concrete piles.\n\n"
        "Board chair Marit Ostvang said the closure would last at least eight months. "
        '"It\'s the only safe choice," she said.\n\n'
        "Ferry operator Nordvik Lines said about 1,200 passengers a day use the crossing."
    )
    assert Counter(r.kind for r in cleaned.removed) == Counter(
        {"comments": 2, "site_tag": 1, "boilerplate": 1, "share": 1, "tag": 1,
         "repeated_headline": 1, "repeated": 1}
    )  # fmt: skip


def test_clean_text_matches_clean() -> None:
    raw = RawArticle("post.txt", "path", "txt", "Title", "One line.\nTwo line.")
    assert clean(raw) == clean_text("Title", "One line.\nTwo line.")


def test_scheme_is_versioned() -> None:
    assert CLEAN_SCHEME == "clean.v1"


def test_empty_text() -> None:
    assert clean_text("", "") == Cleaned("", "", ())


# --------------------------------------------------------------------------- Kursk corpus


def kursk_articles() -> dict[str, RawArticle]:
    if not KURSK.is_dir():
        pytest.skip(f"shared corpus not found at {KURSK}")
    from newscheck.ingest.txt import read_txt
    from newscheck.settings import Settings

    return {
        path.name[:3]: read_txt(path.read_bytes(), str(path), "path", Settings())
        for path in sorted(KURSK.glob("*.txt"))
    }


@pytest.fixture(scope="module")
def kursk() -> dict[str, tuple[RawArticle, Cleaned]]:
    return {key: (raw, clean(raw)) for key, raw in kursk_articles().items()}


def kinds(cleaned: Cleaned) -> Counter[str]:
    return Counter(r.kind for r in cleaned.removed)


def test_kursk_has_five_articles(kursk: dict[str, tuple[RawArticle, Cleaned]]) -> None:
    assert sorted(kursk) == ["000", "001", "002", "003", "004"]


def test_kursk_000_tags_line(kursk: dict[str, tuple[RawArticle, Cleaned]]) -> None:
    _, cleaned = kursk["000"]
    assert Removed("tag", "Tags:") in cleaned.removed
    assert kinds(cleaned) == Counter({"tag": 1})
    assert not cleaned.text.endswith("Tags:")


def test_kursk_001_repeated_headline_and_paragraphs(
    kursk: dict[str, tuple[RawArticle, Cleaned]],
) -> None:
    raw, cleaned = kursk["001"]
    assert kinds(cleaned) == Counter({"repeated_headline": 1, "repeated": 2})
    (headline,) = [r.text for r in cleaned.removed if r.kind == "repeated_headline"]
    assert cleaned.text.count(headline) == 1
    assert cleaned.title == normalize_text(raw.title)  # the standfirst stays the title
    for repeated in (r.text for r in cleaned.removed if r.kind == "repeated"):
        assert cleaned.text.count(repeated) == 1
        assert normalize_text(raw.text).count(repeated) == 2


def test_kursk_002_nothing_removed(kursk: dict[str, tuple[RawArticle, Cleaned]]) -> None:
    assert kursk["002"][1].removed == ()


def test_kursk_003_comment_form(kursk: dict[str, tuple[RawArticle, Cleaned]]) -> None:
    raw, cleaned = kursk["003"]
    comments = [r.text for r in cleaned.removed if r.kind == "comments"]
    assert comments[0] == "Leave a Reply"
    assert comments[1].startswith("Your email address will not be published.")
    assert kinds(cleaned) == Counter({"comments": 2, "repeated_headline": 1})
    assert Removed("repeated_headline", raw.title) in cleaned.removed
    assert "Leave a Reply" not in cleaned.text and "Required fields" not in cleaned.text


def test_kursk_004_site_tag(kursk: dict[str, tuple[RawArticle, Cleaned]]) -> None:
    _, cleaned = kursk["004"]
    assert cleaned.removed == (Removed("site_tag", "· novinite.com"),)
    assert cleaned.text.startswith("Russian President Vladimir Putin visited")
    assert "novinite.com" not in cleaned.text


def test_kursk_no_reporting_sentence_is_removed(
    kursk: dict[str, tuple[RawArticle, Cleaned]],
) -> None:
    for key, (raw, cleaned) in kursk.items():
        original = "\n\n".join(split_paragraphs(normalize_text(raw.text)))
        junk = [r.text for r in cleaned.removed if r.kind not in ("repeated", "repeated_headline")]
        for tag in (r.text for r in cleaned.removed if r.kind == "site_tag"):
            original = original.replace(tag, "", 1)
        sentences = segment(key, original).sentences
        assert len(sentences) > 5
        for sentence in sentences:
            text = original[sentence.start : sentence.end]
            if any(text in piece for piece in junk):
                continue
            assert text in cleaned.text or text == cleaned.title, (key, text)
