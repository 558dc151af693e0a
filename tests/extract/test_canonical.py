from __future__ import annotations

from newscheck.extract.canonical import (
    canonicalize,
    name_entities,
    org_form,
    person_form,
    surname_key,
)
from newscheck.extract.extractor import Extraction
from newscheck.model import Claim, Entity


def mentions(article_id: str, text: str, names: list[tuple[str, str]]) -> list[Entity]:
    """Entities for each (label, name) at the name's first place in the text."""
    out = []
    for label, name in names:
        start = text.index(name)
        out.append(Entity(article_id, start, start + len(name), label, name))  # type: ignore[arg-type]
    return out


def test_name_forms() -> None:
    assert person_form("Vladimir V. Putin") == "Vladimir Putin"
    assert person_form("Mr. Putin") == "Putin"
    assert surname_key("Mr. Putin’s") == "putin"
    assert org_form("the Russian Defence Ministry") == "Russian Defense Ministry"
    assert org_form("Russia's Defense Ministry") == "Russian Defense Ministry"
    assert org_form("Ukraine’s military") == "Ukrainian military"


def test_an_article_names_a_person_by_the_full_name_it_uses() -> None:
    text = (
        "President Vladimir V. Putin of Russia spoke. Mr. Putin said more. The Russian leader left."
    )
    entities = mentions("a", text, [("PERSON", "Vladimir V. Putin"), ("PERSON", "Putin said")])
    entities[1] = Entity("a", entities[1].start, entities[1].start + 5, "PERSON", "Putin")
    named = name_entities(text, entities)
    assert {e.canonical for e in named} == {"Vladimir Putin"}
    described = [e for e in named if text[e.start : e.end] == "The Russian leader"]
    assert len(described) == 1 and described[0].label == "PERSON"


def test_the_russian_leader_is_not_guessed_when_two_could_be_meant() -> None:
    text = (
        "Russian President Ivan Petrov met Russian Prime Minister Oleg Sidorov. "
        "The Russian leader spoke."
    )
    named = name_entities(
        text, mentions("a", text, [("PERSON", "Ivan Petrov"), ("PERSON", "Oleg Sidorov")])
    )
    assert all(text[e.start : e.end] != "The Russian leader" for e in named)


def test_a_different_first_name_stays_a_different_person() -> None:
    text = "Donald Trump and Eric Trump arrived. Trump spoke."
    named = name_entities(
        text,
        mentions("a", text, [("PERSON", "Donald Trump"), ("PERSON", "Eric Trump")])
        + [
            Entity("a", text.index("Trump spoke"), text.index("Trump spoke") + 5, "PERSON", "Trump")
        ],
    )
    assert [e.canonical for e in named] == ["Donald Trump", "Eric Trump", "Donald Trump"]


def test_an_org_the_model_took_for_a_person_after_a_title_is_a_person() -> None:
    text = "Commander-in-Chief Oleksa Hrytsenko confirmed it."
    named = name_entities(text, mentions("a", text, [("ORG", "Oleksa Hrytsenko")]))
    assert named[0].label == "PERSON"


def extraction(
    article_id: str, entities: list[Entity], claims: tuple[Claim, ...] = ()
) -> Extraction:
    return Extraction(article_id, tuple(entities), (), (), claims)


def test_names_agree_across_articles() -> None:
    first = "Kremlin spokesman Dmitri S. Peskov said so. The Russian Defence Ministry agreed."
    second = "Dmitri Peskov spoke. Dmitry Peskov spoke again. Russia's Defense Ministry agreed."
    third = "The Defense Ministry said it too."
    a = name_entities(
        first,
        mentions("a", first, [("PERSON", "Dmitri S. Peskov"), ("ORG", "Russian Defence Ministry")]),
    )
    b = name_entities(
        second,
        mentions(
            "b",
            second,
            [
                ("PERSON", "Dmitri Peskov"),
                ("PERSON", "Dmitry Peskov"),
                ("ORG", "Russia's Defense Ministry"),
            ],
        ),
    )
    c = name_entities(third, mentions("c", third, [("ORG", "Defense Ministry")]))
    claim = Claim("c1", "c", 0, 10, "x", speaker="Defense Ministry", cue="said")
    done = canonicalize([extraction("a", a), extraction("b", b), extraction("c", c, (claim,))])
    people = {e.canonical for x in done for e in x.entities if e.label == "PERSON"}
    orgs = {e.canonical for x in done for e in x.entities if e.label == "ORG"}
    assert people == {"Dmitri Peskov"}
    assert orgs == {"Russian Defense Ministry"}
    assert done[2].claims[0].speaker == "Russian Defense Ministry"


def test_canonicalize_without_anything_to_rename_returns_the_same_records() -> None:
    text = "Ana Lopez spoke."
    only = extraction("a", name_entities(text, mentions("a", text, [("PERSON", "Ana Lopez")])))
    assert canonicalize([only]) == (only,)
