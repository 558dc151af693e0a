from newscheck.crosscheck import crosscheck
from newscheck.model import Claim, Conflict

from .fictional import Flood, claim, flood, make_article


def conflicts_of(story: Flood, claims: tuple[Claim, ...] | None = None) -> tuple[Conflict, ...]:
    check = crosscheck(
        story.story, story.articles, claims or story.claims, story.families, story.links
    )
    return check.conflicts


def texts(story: Flood, conflict: Conflict) -> set[str]:
    by_id = {c.id: c.text for c in story.claims}
    return {by_id[c] for c in conflict.claim_ids}


def test_the_planted_conflicts_and_nothing_else() -> None:
    story = flood()
    found = conflicts_of(story)
    assert sorted(c.kind for c in found) == ["denial", "numeric"]


def test_numeric_conflict_holds_both_values_and_reads_well() -> None:
    story = flood()
    numeric = next(c for c in conflicts_of(story) if c.kind == "numeric")
    involved = texts(story, numeric)
    assert "Eleven people were injured" in involved
    assert "Nine people were injured" in involved and "nine people were hurt" in involved
    assert numeric.detail == "people injured: 9 (2 families) vs 11 (1 family)"


def test_denial_conflict_names_both_parties() -> None:
    story = flood()
    denial = next(c for c in conflicts_of(story) if c.kind == "denial")
    involved = texts(story, denial)
    assert "it had opened the sluices at the Kell dam" in involved
    assert any("without warning" in t for t in involved)
    assert "denied by Aldrin Hydro" in denial.detail
    assert "Four bridges were closed on Sunday" not in involved


def test_a_total_and_a_daily_count_do_not_conflict() -> None:
    story = flood()
    text = "Police said 20 roads were closed on Sunday."
    extra = make_article("Roads", text, 9)
    roads = claim(
        extra, "20 roads were closed on Sunday", "Police", figures=(("20 roads", 20, "roads"),)
    )
    # 30 roads "in total" (the courier) is a running total: no numeric conflict with 20 today
    story_with = Flood(
        story.gazette,
        story.beacon,
        story.courier,
        story.radio,
        extra,
        story.story.__class__(
            story.story.id, story.story.title, (*story.story.article_ids[:4], extra.id)
        ),
        story.families[:3],
        story.links,
        (*story.claims[:-2], roads),
    )
    kinds = [c.kind for c in conflicts_of(story_with)]
    assert kinds.count("numeric") == 1  # still only 9 vs 11 injured


def test_a_refusal_to_comment_denies_nothing() -> None:
    story = flood()
    text = "Aldrin Hydro could not be reached for comment on the sluices at the Kell dam."
    extra = make_article("No comment", text, 9)
    silent = claim(extra, text, "Aldrin Hydro")
    story_with = Flood(
        story.gazette,
        story.beacon,
        story.courier,
        story.radio,
        extra,
        story.story.__class__(
            story.story.id, story.story.title, (*story.story.article_ids[:4], extra.id)
        ),
        story.families[:3],
        story.links,
        tuple(c for c in story.claims if "denied" not in (c.cue or "")) + (silent,),
    )
    assert [c.kind for c in conflicts_of(story_with)] == ["numeric"]
