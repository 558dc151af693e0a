from newscheck.crosscheck.features import story_features
from newscheck.crosscheck.grouping import GroupingConfig, group_claims
from newscheck.crosscheck.vectors import claim_vectors

from .fictional import Flood, flood


def groups_of(story: Flood) -> list[set[str]]:
    family_of = {a: f.id for f in story.families for a in f.article_ids}
    features = story_features(story.claims, story.articles, family_of)
    vectors = claim_vectors(features, {f.id: len(f.article_ids) for f in story.families})
    families = [list(f.article_ids) for f in story.families]
    groups = group_claims(features, vectors, families, GroupingConfig())
    return [{features[i].text for i in g} for g in groups]


def group_with(groups: list[set[str]], text: str) -> set[str]:
    return next(g for g in groups if text in g)


def test_rewordings_across_families_form_one_group() -> None:
    story = flood()
    group = group_with(
        groups_of(story),
        "About 300 residents of Brennholt were evacuated on Sunday after the Orne flooded"
        " the town centre",
    )
    assert "Floodwater forced 300 residents from their homes" in group
    assert any(text.startswith("Some 300 people in Brennholt") for text in group)


def test_a_rewrite_joins_its_origin_claim() -> None:
    group = group_with(groups_of(flood()), "Nine people were injured")
    assert "nine people were hurt" in group


def test_different_values_of_one_quantity_are_never_one_group() -> None:
    groups = groups_of(flood())
    assert "Eleven people were injured" not in group_with(groups, "Nine people were injured")


def test_a_denial_is_never_in_the_group_it_denies() -> None:
    groups = groups_of(flood())
    denial = group_with(groups, "it had opened the sluices at the Kell dam")
    assert not any("without warning" in text for text in denial)


def test_different_quantities_stay_apart() -> None:
    groups = groups_of(flood())
    assert "30 roads had been closed in total since the rain began" not in group_with(
        groups, "Four bridges were closed on Sunday"
    )


def test_an_opinion_is_not_grouped_with_a_fact() -> None:
    groups = groups_of(flood())
    assert group_with(groups, "the people of Brennholt deserve answers") == {
        "the people of Brennholt deserve answers"
    }


def test_every_claim_is_in_exactly_one_group() -> None:
    story = flood()
    groups = groups_of(story)
    assert sum(len(g) for g in groups) == len({c.text for c in story.claims})
