"""Acceptance on the shared example corpus: the claims a fact-checker must find, with speakers."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from newscheck.model import Article, Claim, article_id
from newscheck.segment import segment

if TYPE_CHECKING:
    from newscheck.extract import Extractor

pytestmark = [pytest.mark.shared, pytest.mark.slow]


def read_article(path: Path, seq: int) -> Article:
    lines = path.read_text(encoding="utf-8").split("\n")
    first = next(i for i, line in enumerate(lines) if line.strip())
    title = lines[first].strip()
    text = "\n".join(lines[first + 1 :]).strip()
    return Article(
        id=article_id(title, text),
        title=title,
        text=text,
        location=str(path),
        location_kind="path",
        format="txt",
        seq=seq,
    )


@pytest.fixture(scope="module", params=["cue model", "cue model and tagger"])
def claims(kursk_dir: Path, extractor: Extractor, request: pytest.FixtureRequest) -> list[Claim]:
    if request.param == "cue model and tagger":
        extractor = request.getfixturevalue("tagged_extractor")
    articles = [read_article(p, i) for i, p in enumerate(sorted(kursk_dir.glob("*.txt")))]
    segmentations = {a.id: segment(a.id, a.text) for a in articles}
    return [c for x in extractor.extract(articles, segmentations) for c in x.claims]


def having(
    claims: Iterable[Claim],
    *,
    speaker: str,
    words: tuple[str, ...] = (),
    figures: tuple[tuple[float, str], ...] = (),
) -> list[Claim]:
    """Claims whose speaker contains ``speaker`` and whose text has all ``words`` and whose
    figures include each (value, unit word)."""
    out = []
    for claim in claims:
        if speaker.lower() not in (claim.speaker or "").lower():
            continue
        if not all(w.lower() in claim.text.lower() for w in words):
            continue
        if all(any(f.value == v and u in f.unit for f in claim.figures) for v, u in figures):
            out.append(claim)
    return out


def test_defense_ministry_two_villages_near_sudzha(claims: list[Claim]) -> None:
    found = having(
        claims, speaker="Defense Ministry", words=("Sudzha",), figures=((2, "villages"),)
    )
    assert len(found) >= 2


def test_putin_calls_on_ukrainian_troops_to_surrender(claims: list[Claim]) -> None:
    assert having(claims, speaker="Putin", words=("surrender",)) or having(
        claims, speaker="Putin", words=("lay down their arms",)
    )


def test_ukraines_military_denies_encirclement(claims: list[Claim]) -> None:
    found = having(claims, speaker="Ukrainian military", words=("encirclement",))
    assert found and all(c.stance == "denies" for c in found)
    zelensky = having(claims, speaker="Zelensky", words=("encircled",))
    assert any(c.stance == "denies" for c in zelensky)


def test_peskov_says_the_offer_is_still_valid(claims: list[Claim]) -> None:
    assert having(claims, speaker="Peskov", words=("still valid",))


def test_drones_and_missiles_on_the_word_of_ukrainian_authorities(claims: list[Claim]) -> None:
    found = having(
        claims, speaker="Ukrainian authorities", figures=((178, "drones"), (2, "missiles"))
    )
    assert found


def test_fourteen_injured_in_kryvyi_rih(claims: list[Claim]) -> None:
    found = [c for c in claims if "Kryvyi Rih" in c.text and any(f.value == 14 for f in c.figures)]
    assert found
    assert any(c.speaker == "local authorities" for c in found)


def test_161_explosions_in_sumy_on_the_word_of_officials(claims: list[Claim]) -> None:
    assert having(
        claims, speaker="officials", words=("Sumy",), figures=((161, "explosions"),)
    ) or having(claims, speaker="officials", figures=((161, "explosions"),))


def test_gerasimov_via_tass(claims: list[Claim]) -> None:
    [settlements] = having(
        claims,
        speaker="Gerasimov",
        figures=((24, "settlements"), (259, "square kilometers")),
    )
    assert (settlements.via or "").lower() == "tass"
    [captured] = having(claims, speaker="Gerasimov", figures=((430, "soldiers"),))
    assert next(f for f in captured.figures if f.value == 430).approx == "about"
    assert (captured.via or "").lower() == "tass"
