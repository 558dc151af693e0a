from newscheck.crosscheck import crosscheck
from newscheck.model import Claim, Conflict, Stance

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


def with_article(story: Flood, text: str, *made: tuple[str, str | None, str, Stance]) -> Flood:
    """The flood story with one more independent article carrying ``made`` claims (words,
    speaker, cue, stance)."""
    extra = make_article("More on the flood", text, 9, "Orne Herald")
    extra_claims = tuple(claim(extra, w, s, cue=c, stance=st) for w, s, c, st in made)
    return Flood(
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
        tuple(c for c in story.claims if c.article_id != story.wire.id) + extra_claims,
    )


PLAN = "it would work with the police to find the cause of the flood"
SECOND_DENIAL = (
    '"There is no evidence that we opened the sluices at the Kell dam, and we will not accept '
    'speculation before the inspectors have done their work to find the cause of the flood,"'
)


def test_two_denials_of_one_claim_are_one_conflict_tied_to_that_claim_only() -> None:
    # the second denial reads more like the fire service's plan ("work", "find the cause of the
    # flood") than like the council's claim, but it denies what the first denial denies: one
    # conflict, with both denials and without the plan (once tied to it as well)
    story = with_article(
        flood(),
        f"The fire service said {PLAN}.\n\n{SECOND_DENIAL} an Aldrin Hydro spokesman said.",
        (PLAN, "The fire service", "said", "asserts"),
        (SECOND_DENIAL, "Aldrin Hydro", "said", "denies"),
    )
    denials = [c for c in conflicts_of(story) if c.kind == "denial"]
    assert len(denials) == 1
    involved = texts(story, denials[0])
    assert {"it had opened the sluices at the Kell dam", SECOND_DENIAL} <= involved
    assert PLAN not in involved
    assert "denied by Aldrin Hydro (2 families)" in denials[0].detail


def test_a_plain_negation_denies_only_what_it_nearly_repeats() -> None:
    # "does not intend to" is a negation, not a denial of "Four bridges were closed on Sunday"
    text = "The mayor said the town does not intend to reopen the closed bridges."
    story = with_article(
        flood(),
        text,
        (
            "the town does not intend to reopen the closed bridges",
            "The mayor",
            "said",
            "denies",
        ),
    )
    assert [c.kind for c in conflicts_of(story)].count("denial") == 1  # only Aldrin Hydro's


def test_a_denial_claim_ids_start_with_what_its_detail_quotes() -> None:
    story = flood()
    denial = next(c for c in conflicts_of(story) if c.kind == "denial")
    by_id = {c.id: c for c in story.claims}
    shown = [by_id[i] for i in denial.claim_ids[:2]]
    assert [c.stance for c in shown] == ["asserts", "denies"]
    assert all(c.text[:40] in denial.detail for c in shown)


def test_one_speakers_denials_of_two_claims_are_two_conflicts() -> None:
    first = "Aldrin Hydro denied that the sluices at the Kell dam were opened on Saturday night."
    second = "Aldrin Hydro denied that four bridges were closed on Sunday."
    story = with_article(
        flood(),
        f"{first}\n\n{second}",
        (first, None, "denied", "denies"),
        (second, None, "denied", "denies"),
    )
    denials = [texts(story, c) for c in conflicts_of(story) if c.kind == "denial"]
    assert len(denials) == 2
    sluices = next(d for d in denials if first in d)
    bridges = next(d for d in denials if second in d)
    assert "Four bridges were closed on Sunday" in bridges and second not in sluices
