from typing import Any

from newscheck.crosscheck import crosscheck
from newscheck.summarize.mentions import Mention, best_mention, cited_articles, judges, mentions_of


def test_mentions_are_whole_sentences_and_added_text_is_never_quoted(flood: Any) -> None:
    story = flood
    check = crosscheck(story.story, story.articles, story.claims, story.families, story.links)
    claims = {c.id: c for c in story.claims}
    for group, support in zip(check.groups, check.support, strict=True):
        mentions = mentions_of(group, support, claims, story.articles)
        for mention in mentions:
            text = story.articles[mention.article_id].text
            assert " ".join(text[mention.start : mention.end].split()) == mention.text
            assert mention.start <= mention.claim.start and mention.claim.end <= mention.end
        quoted = best_mention(mentions)
        if group.status == "unattested":
            assert quoted is None
        else:
            assert quoted is not None and not quoted.added
        order = {a: i for i, a in enumerate(story.story.article_ids)}
        assert set(cited_articles(mentions, order)) == {
            claims[c].article_id for c in group.claim_ids
        }


def test_a_neutral_telling_is_quoted_before_a_loaded_one(flood: Any) -> None:
    story = flood
    beacon = story.claim_with(story.beacon, "Aldrin Hydro opened the Kell dam sluices")
    gazette = story.claim_with(story.gazette, "the dam operator Aldrin Hydro")
    loaded = Mention(
        beacon, 0, 10, "The reckless firm brazenly opened the sluices at night.", False, 0.0
    )
    neutral = Mention(
        gazette, 0, 10, "The council said the sluices were opened at night.", False, 0.5
    )
    assert judges(loaded.text) and not judges(neutral.text)
    assert best_mention([loaded, neutral]) is neutral
    assert judges("The people of Brennholt deserve answers.")
