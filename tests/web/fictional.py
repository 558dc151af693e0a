"""A fictional story written straight into a store through the store API: an origin, a rewrite
that adds an unsupported sentence, an independent report that disagrees on a figure and on a
fact, and a planted hostile article. Every place, person and number is invented."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from newscheck.model import (
    Article,
    Claim,
    ClaimGroup,
    Conflict,
    Family,
    Figure,
    Link,
    Paragraph,
    Removed,
    Segmentation,
    Sentence,
    SentencePair,
    Span,
    Story,
    SummarySentence,
    article_id,
    group_id,
)
from newscheck.store import Store

SCHEME = "test.web-segmenter.v1"
_SENTENCE = re.compile(r"[^.!?]+[.!?]+[\"”]?")

ORIGIN_TEXT = (
    "The old rope bridge over the Kessel river in Velmora collapsed on Tuesday evening. "
    "Twelve people were injured, the regional health office said. "
    "Firefighters pulled four people from the water.\n\n"
    "Mayor Ilse Varn said the bridge had been inspected in May. "
    "“We will find out what went wrong,” she told reporters.\n\n"
    "The river authority denied that the bridge was closed for repairs."
)
REWRITE_TEXT = (
    "The ancient rope bridge across Velmora's Kessel river gave way on Tuesday evening. "
    "Twelve people were injured, the regional health office said. "
    "Firefighters pulled four people from the water.\n\n"
    "Mayor Ilse Varn said the bridge had been inspected in May. "
    "Locals say the council ignored years of warnings about the bridge."
)
RADIO_TEXT = (
    "Fifteen people were hurt when a footbridge fell into the Kessel river in Velmora on "
    "Tuesday, the fire brigade said. "
    "The bridge had been closed for repairs since Monday, a fire brigade spokesman said.\n\n"
    "Rescue boats searched the river until midnight."
)
HOSTILE_TITLE = "<script>window.__pwned='title'</script>Bridge rumours"
HOSTILE_TEXT = (
    "Rumours spread after the bridge fell <script>window.__pwned='text'</script>. "
    "See <img src=x onerror=\"window.__pwned='img'\"> and "
    "<a href=\"javascript:window.__pwned='link'\">this link</a>. "
    "<svg onload=\"window.__pwned='svg'\"><script>window.__pwned='svg2'</script></svg> "
    'Quote: " onmouseover="window.__pwned=\'attr\'" x=".\n\n'
    "The lanterns of Velmora stayed lit all night."
)


@dataclass(frozen=True, slots=True)
class FictionalStory:
    story_id: str
    origin: Article
    rewrite: Article
    radio: Article
    hostile: Article


def segment(aid: str, text: str) -> Segmentation:
    """Paragraphs on blank lines, sentences on end punctuation (enough for fixtures)."""
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    for block in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text):
        number = len(paragraphs)
        paragraphs.append(Paragraph(aid, number, block.start(), block.end()))
        for found in _SENTENCE.finditer(block.group()):
            lead = len(found.group()) - len(found.group().lstrip())
            start = block.start() + found.start() + lead
            sentences.append(
                Sentence(aid, len(sentences), start, block.start() + found.end(), number)
            )
    return Segmentation(aid, tuple(paragraphs), tuple(sentences), SCHEME)


def make_article(title: str, text: str, name: str, seq: int, **extra: object) -> Article:
    return Article(
        id=article_id(title, text),
        title=title,
        text=text,
        location=f"fictional/{name}",
        location_kind="path",
        format="txt",
        seq=seq,
        **extra,  # type: ignore[arg-type]
    )


def span_of(article: Article, needle: str) -> tuple[int, int]:
    start = article.text.index(needle)
    return start, start + len(needle)


def claim(cid: str, article: Article, needle: str, speaker: str | None, **extra: object) -> Claim:
    start, end = span_of(article, needle)
    return Claim(
        id=cid,
        article_id=article.id,
        start=start,
        end=end,
        text=needle,
        speaker=speaker,
        cue="said" if speaker else None,
        **extra,  # type: ignore[arg-type]
    )


def figure(article: Article, needle: str, value: float, unit: str) -> Figure:
    start, end = span_of(article, needle)
    return Figure(article.id, start, end, value, unit)


def write_fictional_story(store: Store, *, with_claims: bool = True) -> FictionalStory:
    """Write the story and its results; ``with_claims=False`` leaves out claims, claim groups,
    conflicts and the summary (as before extraction and cross-checking have run)."""
    when = datetime(2025, 4, 1, 18, 30, tzinfo=UTC)
    origin = make_article(
        "Rope bridge collapses in Velmora",
        ORIGIN_TEXT,
        "gazette.txt",
        1,
        source="Velmora Gazette",
        published=when,
        removed=(Removed("comments", "Leave a reply <script>window.__pwned='removed'</script>"),),
    )
    rewrite = make_article(
        "SHOCK: Velmora bridge gives way",
        REWRITE_TEXT,
        "lantern.txt",
        2,
        source="Daily Lantern",
        published=when.replace(hour=19, minute=45),
    )
    radio = make_article(
        "Footbridge falls into the Kessel",
        RADIO_TEXT,
        "radio.txt",
        3,
        source="Kessel Valley Radio",
        published=when.replace(minute=50),
    )
    hostile = Article(
        id=article_id(HOSTILE_TITLE, HOSTILE_TEXT),
        title=HOSTILE_TITLE,
        text=HOSTILE_TEXT,
        location="javascript:window.__pwned='location'",
        location_kind="url",
        format="html",
        source="<b onmouseover=\"window.__pwned='source'\">Evil</b>",
        seq=4,
    )
    articles = [origin, rewrite, radio, hostile]
    segmentations = [segment(a.id, a.text) for a in articles]
    run = store.begin_run(["fictional"], {})
    store.add_articles(run, articles, segmentations)
    story = Story(
        id=group_id("story-", [a.id for a in articles]),
        title="Rope bridge collapses in Velmora",
        article_ids=tuple(a.id for a in articles),
        first_seen=when,
        last_seen=when.replace(hour=19, minute=45),
        scheme="test.v1",
    )
    rewrite_seg = segmentations[1]
    added = rewrite_seg.sentences[4]
    store.replace_links(
        [
            Link(
                derived=rewrite.id,
                origin=origin.id,
                relation="rewrite",
                shared=0.8,
                added=(Span(rewrite.id, added.start, added.end),),
                pairs=(
                    SentencePair(0, 0, 0.71, "paraphrase"),
                    SentencePair(1, 1, 1.0, "same"),
                    SentencePair(2, 2, 1.0, "same"),
                    SentencePair(3, 3, 1.0, "same"),
                ),
                direction_method="published",
                direction_confidence=0.9,
                scheme="test.v1",
            )
        ]
    )
    families = [
        Family(
            group_id("family-", [origin.id, rewrite.id]),
            story.id,
            (origin.id, rewrite.id),
            origin.id,
        ),
        Family(group_id("family-", [radio.id]), story.id, (radio.id,), radio.id),
        Family(group_id("family-", [hostile.id]), story.id, (hostile.id,), hostile.id),
    ]
    store.replace_families(families)
    store.replace_stories([story])
    if with_claims:
        _write_claims(store, story.id, origin, rewrite, radio, hostile)
    store.finish_run(run, "done", {"articles": len(articles)})
    return FictionalStory(story.id, origin, rewrite, radio, hostile)


def _write_claims(
    store: Store, story_id: str, origin: Article, rewrite: Article, radio: Article, hostile: Article
) -> None:
    injured = "Twelve people were injured, the regional health office said."
    claims = [
        claim(
            "c1",
            origin,
            injured,
            "the regional health office",
            figures=(figure(origin, "Twelve", 12, "people"),),
        ),
        claim(
            "c2",
            rewrite,
            injured,
            "the regional health office",
            figures=(figure(rewrite, "Twelve", 12, "people"),),
        ),
        claim(
            "c3",
            radio,
            "Fifteen people were hurt",
            "the fire brigade",
            figures=(figure(radio, "Fifteen", 15, "people"),),
        ),
        claim(
            "c4",
            origin,
            "The river authority denied that the bridge was closed for repairs.",
            "The river authority",
            stance="denies",
        ),
        claim(
            "c5",
            radio,
            "The bridge had been closed for repairs since Monday",
            "a fire brigade spokesman",
        ),
        claim(
            "c6",
            origin,
            "Mayor Ilse Varn said the bridge had been inspected in May.",
            "Mayor Ilse Varn",
        ),
        claim(
            "c7",
            rewrite,
            "Mayor Ilse Varn said the bridge had been inspected in May.",
            "Mayor Ilse Varn",
        ),
        claim(
            "c8",
            rewrite,
            "Locals say the council ignored years of warnings about the bridge.",
            "Locals",
        ),
        claim("c9", hostile, "Rumours spread after the bridge fell", None),
    ]
    store.replace_claims(claims)
    store.replace_claim_groups(
        [
            ClaimGroup("g-injured-12", story_id, ("c1", "c2"), 1, "contested"),
            ClaimGroup("g-injured-15", story_id, ("c3",), 1, "contested"),
            ClaimGroup("g-denied", story_id, ("c4",), 1, "contested"),
            ClaimGroup("g-closed", story_id, ("c5",), 1, "contested"),
            ClaimGroup("g-inspected", story_id, ("c6", "c7"), 1, "single_source"),
            ClaimGroup("g-warnings", story_id, ("c8",), 0, "unattested"),
            ClaimGroup("g-rumours", story_id, ("c9",), 1, "single_source"),
        ]
    )
    store.replace_conflicts(
        story_id,
        [
            Conflict("numeric", ("c1", "c3"), "12 people injured against 15 people hurt"),
            Conflict("denial", ("c5", "c4"), "the river authority denies the bridge was closed"),
        ],
    )
    store.replace_summary(
        story_id,
        [
            SummarySentence(
                "The rope bridge over the Kessel river in Velmora collapsed on Tuesday evening.",
                (origin.id, radio.id),
            ),
            SummarySentence(
                "Reports disagree on how many people were injured: twelve according to the "
                "health office, fifteen according to the fire brigade.",
                (origin.id, radio.id),
            ),
            SummarySentence(
                "Whether the bridge was closed for repairs is contested.", (radio.id, origin.id)
            ),
        ],
    )
