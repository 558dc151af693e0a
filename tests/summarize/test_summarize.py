import re
from dataclasses import replace
from typing import Any

from newscheck.crosscheck import crosscheck
from newscheck.summarize import Summary, SummaryConfig, summarize


def summary_of(story: Any, config: SummaryConfig | None = None) -> Summary:
    check = crosscheck(story.story, story.articles, story.claims, story.families, story.links)
    return summarize(story.story, check, story.articles, story.claims, config=config)


def test_every_sentence_cites_the_articles_carrying_it_and_where(flood: Any) -> None:
    story = flood
    check = crosscheck(story.story, story.articles, story.claims, story.families, story.links)
    groups = {g.id: set(g.claim_ids) for g in check.groups}
    summary = summarize(story.story, check, story.articles, story.claims)
    assert summary.sentences
    for index, sentence in enumerate(summary.sentences):
        assert sentence.cites
        citations = summary.citations_of(index)
        assert {c.article_id for c in citations} == set(sentence.cites)
        for citation in citations:
            # the cited sentence is where that article makes a claim of the cited group
            assert any(
                c.article_id == citation.article_id
                and citation.start <= c.start < c.end <= citation.end
                and c.id in groups[citation.group_id]
                for c in story.claims
            )


def test_the_summary_invents_no_wording(flood: Any) -> None:
    story = flood
    texts = " ".join(" ".join(a.text.split()) for a in story.articles.values())
    for sentence in summary_of(story).sentences:
        for part in sentence.text.split("; "):
            part = part[0].upper() + part[1:]
            assert part.rstrip(".") in texts or part.rstrip(".") in texts.replace("; ", " ")


def test_best_supported_first_and_contested_points_stated_as_contested(flood: Any) -> None:
    summary = summary_of(flood)
    first = summary.sentences[0]
    assert first.text.startswith("Floodwater from the river Orne forced 300 residents")
    assert len(first.cites) == 4  # gazette, its rewrite, the courier and the wire
    injured = next(s for s in summary.sentences if "Eleven people" in s.text)
    assert re.search(r"Nine people were injured.*; Eleven people were injured", injured.text)
    denial = next(s for s in summary.sentences if "denied" in s.text)
    assert "without warning" in denial.text.split(";")[0]


def test_unattested_and_opinion_claims_stay_out(flood: Any) -> None:
    text = " ".join(s.text for s in summary_of(flood).sentences)
    assert "25 safety warnings" not in text and "deserve answers" not in text


def test_length_is_capped(flood: Any) -> None:
    assert len(summary_of(flood, SummaryConfig(max_sentences=2)).sentences) == 2


def test_timeline_is_in_time_order_with_cites(flood: Any) -> None:
    summary = summary_of(flood)
    moments = [e.when for e in summary.timeline]
    assert all(m is not None for m in moments)
    assert moments == sorted(moments)  # type: ignore[type-var]
    first = summary.timeline[0]
    assert first.when_text == "on Saturday night"
    assert "sluices" in first.text and first.cites
    assert not any(e.when_text == "May 4" for e in summary.timeline)  # a dateline is no event


def test_a_claim_told_only_in_loaded_words_stays_out(flood: Any) -> None:
    # without the link, the rewrite's slanted sentence is a source's claim like any other: still
    # not quoted, for "reckless" judges
    story = replace(flood, links=())
    check = crosscheck(story.story, story.articles, story.claims, story.families, ())
    slanted = story.claim_with(story.beacon, "The reckless firm")
    assert check.group_of(slanted.id) is not None
    assert check.group_of(slanted.id).status == "single_source"  # type: ignore[union-attr]
    text = " ".join(
        s.text for s in summarize(story.story, check, story.articles, story.claims).sentences
    )
    assert "reckless" not in text.lower() and "shocking" not in text.lower()
