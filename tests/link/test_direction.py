from dataclasses import replace
from datetime import UTC, datetime, timedelta

from newscheck.link.align import align
from newscheck.link.corpus import build_corpus
from newscheck.link.direction import decide, text_cues
from newscheck.link.scoring import SentenceScorer

from .fictional import ORIGIN_TEXT, REWRITE_TEXT, make_article


def _scorer(
    origin_first: bool = True, times: tuple[datetime | None, datetime | None] = (None, None)
):  # type: ignore[no-untyped-def]
    origin, seg_o = make_article("Barrier fails", ORIGIN_TEXT, seq=0 if origin_first else 1)
    rewrite, seg_r = make_article("Floods", REWRITE_TEXT, seq=1 if origin_first else 0)
    origin = replace(origin, published=times[0])
    rewrite = replace(rewrite, published=times[1])
    corpus = build_corpus([origin, rewrite], {origin.id: seg_o, rewrite.id: seg_r}, None)
    return SentenceScorer(corpus)


def test_text_cues_point_from_the_rewrite_to_the_origin() -> None:
    scorer = _scorer()
    forward = align(scorer, 1, 0)
    cues = text_cues(scorer.corpus, forward)
    assert cues["full_names"] > 0  # "Harriet K. Olsson", "Ms. Olsson" only in the origin
    assert cues["figures"] > 0  # 312 homes, 540 residents became "hundreds"
    direction = decide(scorer.corpus, forward)
    assert (direction.derived, direction.origin, direction.method) == (1, 0, "text")
    assert 0.5 < direction.confidence <= 0.95


def test_text_decides_even_when_the_rewrite_was_read_first() -> None:
    scorer = _scorer(origin_first=False)
    direction = decide(scorer.corpus, align(scorer, 0, 1))
    assert (direction.derived, direction.origin) == (1, 0)


def test_publication_time_wins_over_the_text() -> None:
    start = datetime(2025, 3, 15, 8, tzinfo=UTC)
    scorer = _scorer(times=(start + timedelta(hours=3), start))  # the "rewrite" came first
    direction = decide(scorer.corpus, align(scorer, 1, 0))
    assert (direction.derived, direction.origin, direction.method) == (0, 1, "published")
    assert direction.confidence == 0.95
