from newscheck.crosscheck.framing import framing, link_framing
from newscheck.model import Link, Span

from .fictional import flood, make_article


def test_loaded_words_the_origin_never_uses_are_reported_per_link() -> None:
    story = flood()
    found = framing(story.links, story.articles)
    title = next(f for f in found if f.where == "title")
    assert title.derived == story.beacon.id and title.origin == story.gazette.id
    assert title.words == ("shocking", "chaos", "reckless")
    assert story.beacon.title[title.start : title.end] == story.beacon.title


def test_an_added_sentence_that_judges_is_an_added_evaluation() -> None:
    story = flood()
    found = [f for f in framing(story.links, story.articles) if f.where == "text"]
    assert [f.kind for f in found] == ["added_evaluation"]
    assert found[0].text.startswith("The reckless firm")
    assert story.beacon.text[found[0].start : found[0].end] == found[0].text


def test_loaded_words_the_origin_already_uses_are_not_a_change() -> None:
    origin = make_article("A shocking flood", "The shocking flood hit Kell.", 0)
    copy = make_article("A shocking flood hits Kell", "The shocking flood hit the town of Kell.", 1)
    link = Link(copy.id, origin.id, "near_copy", 0.9)
    assert list(link_framing(link, copy, origin)) == []


def test_a_judging_sentence_that_is_not_added_is_not_reported_without_loaded_words() -> None:
    origin = make_article("Flood", "The council met. People deserve answers.", 0)
    rewrite = make_article("Flood", "The council met today. People deserve answers.", 1)
    added = Link(rewrite.id, origin.id, "rewrite", 0.5, added=(Span(rewrite.id, 0, 21),))
    assert list(link_framing(added, rewrite, origin)) == []
