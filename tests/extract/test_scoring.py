from __future__ import annotations

import pytest

from newscheck.extract.scoring import AttributionScore, GoldAttribution, read_brat, words_in
from newscheck.model import Attribution, Span

TEXT = "“We will rebuild the bridge,” the mayor said. Officials said costs would rise."
ANN = (
    "T1\tSource 30 39\tthe mayor\n"
    "T2\tCue 40 44\tsaid\n"
    "T3\tContent 0 28\t“We will rebuild the bridge,”\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tSource 46 55\tOfficials\n"
    "T6\tCue 56 60\tsaid\n"
    "T7\tContent 61 77;77 78\tcosts would rise.\n"
    "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5\n"
)


def span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span("d", start, start + len(part))


def test_read_brat_links_roles_through_events() -> None:
    gold = read_brat(ANN)
    assert len(gold) == 2
    assert [TEXT[s:e] for s, e in gold[0].source] == ["the mayor"]
    assert gold[1].content == ((61, 77), (77, 78))


def test_words_ignore_punctuation_at_the_edges() -> None:
    assert words_in(TEXT, [(0, 28)]) == words_in(TEXT, [(1, 27)])


def test_exact_and_overlap_scores() -> None:
    gold = read_brat(ANN)
    predicted = [
        Attribution(
            "d", span(TEXT, "the mayor"), span(TEXT, "said"), span(TEXT, "We will rebuild")
        ),
        Attribution("d", None, span(TEXT, "Officials said"), span(TEXT, "costs would rise")),
    ]
    score = AttributionScore()
    score.add_document(TEXT, gold, predicted)
    figures = score.figures()
    assert figures["source"]["exact"]["precision"] == 1.0
    assert figures["source"]["exact"]["recall"] == 0.5
    assert figures["content"]["exact"]["f1"] == pytest.approx(0.5)
    assert figures["content"]["overlap"]["f1"] == 1.0
    assert figures["cue"]["exact"]["f1"] == pytest.approx(0.5)
    assert figures["cue"]["overlap"]["f1"] == 1.0


def test_a_quote_broken_by_its_cue_matches_two_fragments() -> None:
    text = "“First part,” she said, “second part.”"
    gold = [
        GoldAttribution(
            source=((text.index("she"), text.index("she") + 3),),
            cue=((text.index("said"), text.index("said") + 4),),
            content=((0, 13), (text.index("“second"), len(text))),
        )
    ]
    predicted = [Attribution("d", span(text, "she"), span(text, "said"), Span("d", 0, len(text)))]
    score = AttributionScore()
    score.add_document(text, gold, predicted)
    assert score.figures()["content"]["exact"]["f1"] == 1.0


def test_a_source_shared_by_two_attributions_is_one_span_on_both_sides() -> None:
    text = "The mayor said taxes would fall and added that the bridge would reopen."
    mayor, said, added = (text.index(w) for w in ("The mayor", "said", "added"))
    source = ((mayor, mayor + 9),)
    gold = [
        GoldAttribution(source, ((said, said + 4),), ((said + 5, text.index(" and")),)),
        GoldAttribution(source, ((added, added + 5),), ((added + 6, len(text) - 1),)),
    ]
    predicted = [
        Attribution("d", span(text, "The mayor"), span(text, "said"), span(text, "taxes would")),
        Attribution("d", span(text, "The mayor"), span(text, "added"), span(text, "the bridge")),
    ]
    score = AttributionScore()
    score.add_document(text, gold, predicted)
    figures = score.figures()["source"]["exact"]
    assert (figures["precision"], figures["recall"]) == (1.0, 1.0)
    assert score.roles["source"].gold == 1 and score.roles["cue"].gold == 2
