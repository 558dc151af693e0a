"""Sentence pairs score the same one at a time or many at once, in any order."""

import pickle

import numpy as np

from newscheck.link.corpus import build_corpus
from newscheck.link.paraphrase import feature_rows, pair_features
from newscheck.link.scoring import SentenceScorer

from .fictional import INDEPENDENT_TEXT, ORIGIN_TEXT, REWRITE_TEXT, make_article


def _scorer() -> SentenceScorer:
    texts = [ORIGIN_TEXT, REWRITE_TEXT, INDEPENDENT_TEXT]
    pairs = [make_article(f"Article {i}", t, seq=i) for i, t in enumerate(texts)]
    corpus = build_corpus([a for a, _ in pairs], {a.id: s for a, s in pairs}, None)
    return SentenceScorer(corpus)


def _pairs(scorer: SentenceScorer) -> list[tuple[int, int]]:
    corpus = scorer.corpus
    return [(r, o) for r in corpus.rows(1) for o in [*corpus.rows(0), *corpus.rows(2)]]


def test_feature_rows_are_the_features_of_each_pair() -> None:
    scorer = _scorer()
    pairs = _pairs(scorer)
    profiles = scorer.corpus.profiles
    rows = feature_rows(pairs, profiles, [0.1] * len(pairs))
    alone = np.stack([pair_features(profiles[a], profiles[b], 0.1) for a, b in pairs])
    assert rows.shape == alone.shape and np.array_equal(rows, alone)


def test_a_pair_scores_the_same_alone_or_in_a_batch_either_way_round() -> None:
    pairs = _pairs(_scorer())
    one_by_one = _scorer()
    alone = [one_by_one.score(a, b) for a, b in pairs]
    together = _scorer().score_many(pairs)
    backwards = _scorer().score_many([(b, a) for a, b in reversed(pairs)])
    assert together == alone
    assert [(s.other, s.row, s.probability, s.relation) for s in reversed(backwards)] == [
        (s.row, s.other, s.probability, s.relation) for s in alone
    ]
    related = [s for s in together if s.relation is not None]
    assert related and len(related) < len(together)  # the rewrite relates to some sentences
    assert one_by_one.score_many(pairs) == alone  # remembered


def test_a_scorer_survives_pickling_with_what_it_remembers() -> None:
    scorer = _scorer()
    pairs = _pairs(scorer)
    scored = scorer.score_many(pairs)
    copy = pickle.loads(pickle.dumps(scorer))
    assert copy.score_many(pairs) == scored
    assert copy.corpus.profiles[0].keys == scorer.corpus.profiles[0].keys
