import numpy as np
import pytest

from newscheck.link.align import Alignment, align
from newscheck.link.attribution import MARGIN, Explainers, explainers
from newscheck.link.corpus import build_corpus
from newscheck.link.decide import DecisionRules, classify
from newscheck.link.scoring import Scored, SentenceScorer

from .fictional import INDEPENDENT_TEXT, ORIGIN_TEXT, REWRITE_TEXT, UNRELATED_TEXT, make_article


def _table(closeness: list[list[float]], others: tuple[int, ...] = (7, 8, 9)) -> Explainers:
    rows = tuple(range(100, 100 + len(closeness)))
    return Explainers(
        0,
        rows,
        others,
        np.array(closeness, dtype=np.float64),
        np.full((len(closeness), len(others)), -1, dtype=np.int64),
        {r: i for i, r in enumerate(rows)},
        {o: k for k, o in enumerate(others)},
    )


def test_the_closest_article_explains_a_sentence_and_those_within_the_margin_too() -> None:
    table = _table([[0.8, 0.8 - MARGIN / 2, 0.5], [0.2, 0.9, 0.3]])
    assert table.best(100) == pytest.approx(0.8)
    assert table.explains(100, 7) and table.explains(100, 8) and not table.explains(100, 9)
    assert table.explains(101, 8) and not table.explains(101, 7)
    assert table.runner_up(101, 8) == pytest.approx(0.3)
    assert not table.explains(100, 42)  # an article that was not compared explains nothing


def test_ignored_articles_do_not_compete() -> None:
    table = _table([[0.6, 0.9, 0.5]])
    assert not table.explains(100, 7)
    assert table.explains(100, 7, ignore={8})
    assert table.runner_up(100, 7, ignore={8}) == pytest.approx(0.5)
    assert table.best(100, ignore={7, 8, 9}) == 0.0


def _scorer() -> SentenceScorer:
    texts = [ORIGIN_TEXT, REWRITE_TEXT, INDEPENDENT_TEXT, UNRELATED_TEXT]
    pairs = [make_article(f"Article {i}", t, seq=i) for i, t in enumerate(texts)]
    corpus = build_corpus([a for a, _ in pairs], {a.id: s for a, s in pairs}, None)
    return SentenceScorer(corpus)


def test_a_rewrites_sentences_are_explained_by_its_origin() -> None:
    scorer = _scorer()
    rewrite = explainers(scorer, 1, [0, 2, 3])
    assert rewrite.others == (0, 2, 3)
    explained = [r for r in rewrite.rows if rewrite.explains(r, 0) and rewrite.of(r, 0) > 0]
    assert len(explained) >= len(rewrite.rows) / 2
    assert not any(rewrite.explains(r, 3) and rewrite.of(r, 3) > 0 for r in rewrite.rows)


def test_the_nearest_sentence_is_the_most_probable_related_one_of_that_article() -> None:
    scorer = _scorer()
    rewrite = explainers(scorer, 1, [0, 2, 3])
    corpus = scorer.corpus
    found = 0
    for row in rewrite.rows:
        for other in rewrite.others:
            nearest, closeness = rewrite.nearest_to(row, other)
            assert closeness == rewrite.of(row, other)
            targets = corpus.claim_rows(other) or list(corpus.rows(other))
            scored = scorer.score_many([(row, o) for o in scorer.candidates([row], targets)[0]])
            if not scored:
                assert (nearest, closeness) == (-1, 0.0)
                continue
            best = max(s.probability for s in scored)
            first = next(s.other for s in scored if s.probability == best)
            assert (nearest, closeness) == (first, best)
            found += 1
    assert found >= len(rewrite.rows)


def test_own_counts_only_sentences_the_target_explains_best() -> None:
    scorer = _scorer()
    alignment = align(scorer, 1, 0, explainers(scorer, 1, [0, 2, 3]))
    assert 0 < alignment.own <= len(alignment.matches)
    assert alignment.own_share >= 0.45
    plain = align(scorer, 1, 0)
    assert plain.own == -1 and plain.own_share == plain.shared


def _alignment(matched: int, considered: int, own: int) -> Alignment:
    matches = tuple(Scored(r, 50 + r, 0.3, "partial") for r in range(matched))
    return Alignment(1, 0, matches, considered, own)


def test_a_report_sharing_facts_explained_as_well_elsewhere_is_not_a_rewrite() -> None:
    rules = DecisionRules()
    # 6 of 10 sentences aligned, but other articles explain most of them as well
    assert classify(_alignment(6, 10, 3), None, rules, _alignment(4, 10, 2)) is None
    assert classify(_alignment(6, 10, 5), None, rules, _alignment(4, 10, 2)) == "rewrite"
    # a condensed rewrite: the origin's sentences are explained best by the rewrite
    assert classify(_alignment(6, 10, 3), None, rules, _alignment(6, 10, 6)) == "rewrite"
    # too little aligned, however well explained
    assert classify(_alignment(3, 10, 3), None, rules, _alignment(9, 10, 9)) is None
