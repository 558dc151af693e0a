from __future__ import annotations

from typing import TYPE_CHECKING

from newscheck.model import Attribution

if TYPE_CHECKING:
    from newscheck.extract import Extractor


def triples(text: str, found: list[Attribution]) -> list[tuple[str | None, str, str]]:
    return [
        (
            text[a.source.start : a.source.end] if a.source else None,
            text[a.cue.start : a.cue.end],
            text[a.content.start : a.content.end],
        )
        for a in found
    ]


def one_text(extractor: Extractor, text: str) -> list[tuple[str | None, str, str]]:
    return triples(text, extractor.attributions_in_text([text])[0])


def test_reported_speech_with_that(extractor: Extractor) -> None:
    text = "The city council said on Monday that the bridge would reopen in May."
    assert one_text(extractor, text) == [
        ("The city council", "said", "that the bridge would reopen in May")
    ]


def test_a_direct_quote_before_its_speaker(extractor: Extractor) -> None:
    text = "“We are not leaving,” Mayor Ana Lopez said."
    [(source, cue, content)] = one_text(extractor, text)
    assert (source, cue) == ("Mayor Ana Lopez", "said")
    assert content.startswith("“We are not leaving")


def test_according_to_at_the_end_of_a_sentence(extractor: Extractor) -> None:
    text = "The storm flooded 300 homes in the valley, according to the fire brigade."
    assert one_text(extractor, text) == [
        ("the fire brigade", "according to", "The storm flooded 300 homes in the valley")
    ]


def test_a_chain_of_speakers_keeps_the_relay(extractor: Extractor) -> None:
    text = "According to the state agency Norpress, the general reported that 12 towns had fallen."
    [attribution] = extractor.attributions_in_text([text])[0]
    assert text[attribution.source.start : attribution.source.end] == "the general"  # type: ignore[union-attr]
    assert text[attribution.cue.start : attribution.cue.end] == "reported"
    assert attribution.via is not None
    assert text[attribution.via.start : attribution.via.end] == "the state agency Norpress"


def test_a_denial_and_a_passive_without_source(extractor: Extractor) -> None:
    text = "The ministry denied that its troops were surrounded."
    assert one_text(extractor, text) == [
        ("The ministry", "denied", "that its troops were surrounded")
    ]


def test_a_cue_inside_another_content_is_not_reported_twice(extractor: Extractor) -> None:
    text = "The coach said that the players believe they can win the final."
    found = one_text(extractor, text)
    assert [cue for _, cue, _ in found] == ["said"]


def test_text_without_reported_speech_has_no_attribution(extractor: Extractor) -> None:
    assert extractor.attributions_in_text(["The river rose two metres overnight.", ""]) == [[], []]


def test_offsets_are_into_the_text_as_given_across_lines(extractor: Extractor) -> None:
    text = "Heading line\r\n\r\nIntro.\r\nThe coach said the team was tired.\r\n"
    [(source, cue, content)] = one_text(extractor, text)
    assert (source, cue) == ("The coach", "said")
    assert content == "the team was tired"


def test_a_cue_set_off_by_commas_reports_the_clause_around_it(extractor: Extractor) -> None:
    text = "The new bridge, the engineer said, will carry trams by spring."
    [(source, cue, content)] = one_text(extractor, text)
    assert (source, cue) == ("the engineer", "said")
    assert content.startswith("The new bridge") and content.endswith("trams by spring")


def test_a_bare_speaker_sentence_reports_the_quote_before_it(extractor: Extractor) -> None:
    text = "“Who will pay for the new harbour?” Councillor Dana Moss asked. The vote is on Friday."
    [(source, cue, content)] = one_text(extractor, text)
    assert (source, cue) == ("Councillor Dana Moss", "asked")
    assert content == "“Who will pay for the new harbour?”"


def test_an_attitude_stated_with_to_be(extractor: Extractor) -> None:
    text = "Local fishermen are afraid that the new quay will close the bay."
    assert one_text(extractor, text) == [
        ("Local fishermen", "are afraid", "that the new quay will close the bay")
    ]


def test_a_closing_colon_introduces_the_next_paragraph(extractor: Extractor) -> None:
    text = "The mayor spoke at the quay. She said:\n\n“We will rebuild it before winter.”\n"
    [(source, cue, content)] = one_text(extractor, text)
    assert (source, cue) == ("She", "said")
    assert content == "“We will rebuild it before winter.”"
