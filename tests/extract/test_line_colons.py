from __future__ import annotations

from typing import TYPE_CHECKING

from .test_attribution import one_text

if TYPE_CHECKING:
    from newscheck.extract import Extractor

BODY = "\n\nThe mayor of Tarnow spoke to reporters on the quay after the flood went down.\n"


def _colons(extractor: Extractor, text: str) -> list[tuple[str | None, str]]:
    return [(s, c) for s, c, _ in _colon_triples(extractor, text)]


def _colon_triples(extractor: Extractor, text: str) -> list[tuple[str | None, str, str]]:
    return [t for t in one_text(extractor, text) if t[1] == ":"]


def test_a_headline_names_the_speaker_before_a_colon(extractor: Extractor) -> None:
    text = "Vallenko: We Will Rebuild Every Bridge Before Winter" + BODY
    assert _colon_triples(extractor, text) == [
        ("Vallenko", ":", "We Will Rebuild Every Bridge Before Winter")
    ]


def test_the_speaker_is_the_name_before_to_or_on(extractor: Extractor) -> None:
    text = "Mayor Ana Lopez to Flood Victims: ‘Nobody Will Be Left Behind.’" + BODY
    assert _colons(extractor, text) == [("Mayor Ana Lopez", ":")]


def test_transcript_lines_in_upper_case_and_after_a_dash(extractor: Extractor) -> None:
    text = (
        '"KOVAR: Good evening, and thank you for joining us on this long and difficult night '
        "for the city, where the water is still rising in the old town and the bridges are "
        "closed until further notice.\n"
        "Turnout was low - Ana Lopez: “Fewer people voted than at any election we remember.”\n"
    )
    assert _colons(extractor, text) == [("KOVAR", ":"), ("Ana Lopez", ":")]


def test_labels_and_headings_name_no_one(extractor: Extractor) -> None:
    text = (
        "Update: The bridge reopened on Tuesday morning.\n"
        "The Latest: Water levels fall across the region.\n"
        "Little Relief for Farmers: Fields stay flooded.\n"
        "A little relief came for farmers, whose fields stay flooded.\n"
    )
    assert _colons(extractor, text) == []


def test_a_paragraph_under_a_title_case_heading_is_not_a_quote(extractor: Extractor) -> None:
    long = " ".join(["The water rose again in the night and the town waited"] * 4)
    text = f"Vallenko Reports: {long}.\n"
    assert _colons(extractor, text) == []


def test_according_to_and_from_before_the_speaker(extractor: Extractor) -> None:
    text = (
        "According to Vallenko: “The Bridges Will Open Before Winter.”\n"
        "More from Ana Lopez: “Nobody will be left behind in this town.”\n"
    )
    assert _colons(extractor, text) == [("Vallenko", ":"), ("Ana Lopez", ":")]
