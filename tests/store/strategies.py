"""Hypothesis strategies for every stored record kind.

Text leaves out NUL (PostgreSQL text cannot hold it) and lone surrogates (not valid UTF-8);
datetimes carry assorted offsets, since the store keeps instants and reads them back in UTC.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from hypothesis import strategies as st

from newscheck.model import (
    Article,
    Claim,
    ClaimGroup,
    ClaimSupport,
    Conflict,
    Family,
    Figure,
    FigureCheck,
    Framing,
    Link,
    Paragraph,
    Rejection,
    Removed,
    Segmentation,
    Sentence,
    SentencePair,
    Span,
    Story,
    SummaryCitation,
    SummarySentence,
    TimelineEntry,
)

texts = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=40)
ids = st.text("0123456789abcdef", min_size=1, max_size=16)
optional_texts = st.none() | texts
counts = st.integers(min_value=0, max_value=2**31 - 1)
floats = st.floats(allow_nan=False, allow_infinity=False)
offsets = st.sampled_from(
    [UTC, timezone(timedelta(hours=3)), timezone(timedelta(hours=-5, minutes=-30))]
)
moments = st.datetimes(
    min_value=datetime(1900, 1, 2), max_value=datetime(2100, 12, 30), timezones=offsets
)
optional_moments = st.none() | moments
id_tuples = st.lists(ids, max_size=5).map(tuple)

spans = st.builds(Span, ids, counts, counts)
articles = st.builds(
    Article,
    id=ids,
    title=texts,
    text=texts,
    location=texts,
    location_kind=st.sampled_from(["path", "url"]),
    format=texts,
    removed=st.lists(st.builds(Removed, texts, texts), max_size=3).map(tuple),
    url=optional_texts,
    source=optional_texts,
    published=optional_moments,
    author=optional_texts,
    given_id=optional_texts,
    language=optional_texts,
    summary_only=st.booleans(),
    seq=counts,
)
rejections = st.builds(Rejection, texts, st.sampled_from(["path", "url"]), texts, texts)
links = st.builds(
    Link,
    derived=ids,
    origin=ids,
    relation=st.sampled_from(["copy", "near_copy", "rewrite", "partial"]),
    shared=floats,
    added=st.lists(spans, max_size=3).map(tuple),
    pairs=st.lists(
        st.builds(
            SentencePair, counts, counts, floats, st.sampled_from(["same", "paraphrase", "partial"])
        ),
        max_size=3,
    ).map(tuple),
    direction_method=st.sampled_from(["published", "text", "unknown"]),
    direction_confidence=floats,
    scheme=texts,
)
families = st.builds(Family, ids, st.none() | ids, id_tuples, ids)
stories = st.builds(Story, ids, texts, id_tuples, optional_moments, optional_moments, texts)
figures = st.builds(Figure, ids, counts, counts, floats, texts, optional_texts)
claims = st.builds(
    Claim,
    id=ids,
    article_id=ids,
    start=counts,
    end=counts,
    text=texts,
    speaker=optional_texts,
    cue=optional_texts,
    stance=st.sampled_from(["asserts", "denies", "hedges"]),
    kind=st.sampled_from(["fact", "opinion"]),
    figures=st.lists(figures, max_size=3).map(tuple),
    entities=st.lists(texts, max_size=3).map(tuple),
    via=optional_texts,
    checkworthy=floats,
    scheme=texts,
)
statuses = st.sampled_from(["corroborated", "single_source", "contested", "unattested"])
claim_groups = st.builds(
    ClaimGroup,
    ids,
    ids,
    id_tuples,
    counts,
    statuses,
)
conflicts = st.builds(Conflict, st.sampled_from(["denial", "numeric"]), id_tuples, texts)
summary_sentences = st.builds(SummarySentence, texts, id_tuples)
claim_support = st.builds(
    ClaimSupport,
    group_id=ids,
    witnesses=id_tuples,
    rests_on=optional_texts,
    rests_on_kind=st.none() | st.sampled_from(["speaker", "agency"]),
    added_claim_ids=id_tuples,
)


def figure_checks(story_id: str) -> st.SearchStrategy[FigureCheck]:
    return st.builds(
        FigureCheck,
        story_id=st.just(story_id),
        unit=texts,
        event=optional_texts,
        value=floats,
        approx=st.booleans(),
        claim_ids=id_tuples,
        witnesses=id_tuples,
        status=statuses,
    )


framing = st.builds(
    Framing,
    derived=ids,
    origin=ids,
    kind=st.sampled_from(["loaded_word", "added_evaluation"]),
    where=st.sampled_from(["title", "text"]),
    start=counts,
    end=counts,
    text=texts,
    words=st.lists(texts, max_size=3).map(tuple),
)


def timeline_entries(story_id: str) -> st.SearchStrategy[TimelineEntry]:
    return st.builds(
        TimelineEntry,
        story_id=st.just(story_id),
        when=optional_moments,
        when_text=texts,
        precision=st.sampled_from(["year", "month", "day", "time", "unknown"]),
        text=texts,
        cites=id_tuples,
        mentions=st.lists(spans, max_size=3).map(tuple),
        group_id=st.none() | ids,
    )


def citations(story_id: str) -> st.SearchStrategy[SummaryCitation]:
    return st.builds(
        SummaryCitation,
        story_id=st.just(story_id),
        sentence=counts,
        article_id=ids,
        start=counts,
        end=counts,
        group_id=st.none() | ids,
    )


@st.composite
def segmentations(draw: st.DrawFn, article_id: str) -> Segmentation:
    paragraphs = tuple(
        Paragraph(article_id, index, draw(counts), draw(counts))
        for index in range(draw(st.integers(0, 4)))
    )
    sentences = tuple(
        Sentence(article_id, index, draw(counts), draw(counts), draw(counts))
        for index in range(draw(st.integers(0, 6)))
    )
    return Segmentation(article_id, paragraphs, sentences, draw(texts))
