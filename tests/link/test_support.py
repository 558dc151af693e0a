from newscheck.link.corpus import build_corpus
from newscheck.link.scoring import SentenceScorer
from newscheck.link.support import SupportIndex, find_support

from .fictional import INDEPENDENT_TEXT, ORIGIN_TEXT, REWRITE_TEXT, make_article


def _corpus():  # type: ignore[no-untyped-def]
    built = [
        make_article("Origin", ORIGIN_TEXT, seq=0),
        make_article("Rewrite", REWRITE_TEXT, seq=1),
        make_article("Independent", INDEPENDENT_TEXT, seq=2),
    ]
    articles = [a for a, _ in built]
    return build_corpus(articles, {a.id: s for a, s in built}, None)


def _row(corpus, start: str) -> int:  # type: ignore[no-untyped-def]
    return next(i for i, t in enumerate(corpus.texts) if t.startswith(start))


def test_lexical_candidates_come_from_other_articles_sharing_rare_keys() -> None:
    corpus = _corpus()
    index = SupportIndex(corpus)
    row = _row(corpus, "Mayor Wren ordered an evacuation")
    found = index.lexical_candidates(row)
    assert found and all(corpus.article_of(r) != 1 for r in found)
    assert _row(corpus, "Mayor Tobias R. Wren ordered") in found


def test_support_is_verified_not_just_proposed() -> None:
    corpus = _corpus()
    scorer, index = SentenceScorer(corpus), SupportIndex(corpus)
    supported = find_support(scorer, index, _row(corpus, "Mayor Wren ordered"), [0, 2])
    assert supported is not None and corpus.article_of(supported.other) == 0
    assert find_support(scorer, index, _row(corpus, "Critics say"), [0, 2]) is None


def test_articles_sharing_several_sentences_are_candidate_pairs() -> None:
    pairs = SupportIndex(_corpus()).article_pairs()
    assert (0, 1) in pairs
    assert (1, 2) not in pairs
