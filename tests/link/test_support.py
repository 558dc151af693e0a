from collections import Counter

from newscheck.link.corpus import build_corpus
from newscheck.link.scoring import SentenceScorer
from newscheck.link.support import (
    LEXICAL_CANDIDATES,
    PAIR_SHARED_KEYS,
    QUERY_KEYS,
    SupportIndex,
    find_support,
)

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


def _generated_corpus(count: int):  # type: ignore[no-untyped-def]
    from newscheck.distributed.synthetic import records

    built = {}
    for i, record in enumerate(records(count, seed=5)):
        if record["text"].strip():
            article, seg = make_article(record["title"], record["text"], seq=i)
            built.setdefault(article.id, (article, seg))
    return build_corpus([a for a, _ in built.values()], {a.id: s for a, s in built.values()}, None)


def _plain_counts(corpus, limit: int):  # type: ignore[no-untyped-def]
    """The index as a dict of lists and a Counter per sentence: what the arrays must equal."""
    postings: dict[str, list[int]] = {}
    for row, prof in enumerate(corpus.profiles):
        if corpus.claim_like[row]:
            for key in prof.keys:
                postings.setdefault(key, []).append(row)
    postings = {k: v for k, v in postings.items() if len(v) <= limit}

    def counts(row: int) -> Counter[int]:
        keys = sorted((k for k in corpus.profiles[row].keys if k in postings),
                      key=lambda k: (len(postings[k]), k))  # fmt: skip
        found: Counter[int] = Counter()
        for key in keys[:QUERY_KEYS]:
            found.update(postings[key])
        return found

    return counts


def test_article_pairs_and_candidates_equal_a_plain_count() -> None:
    corpus = _generated_corpus(150)
    index = SupportIndex(corpus)
    counts = _plain_counts(corpus, index.limit)
    owner = [corpus.article_of(r) for r in range(len(corpus.texts))]
    expected: Counter[tuple[int, int]] = Counter()
    for row in (r for r in range(len(corpus.texts)) if corpus.claim_like[r]):
        found = counts(row)
        partners = {owner[r] for r, n in found.items() if n >= PAIR_SHARED_KEYS and r > row}
        for other in partners - {owner[row]}:
            expected[(min(owner[row], other), max(owner[row], other))] += 1
        ranked = sorted((r for r, n in found.items() if n >= 2 and owner[r] != owner[row]),
                        key=lambda r: (-found[r], r))  # fmt: skip
        assert index.lexical_candidates(row) == ranked[:LEXICAL_CANDIDATES]
    expected = Counter({pair: n for pair, n in expected.items() if n >= 2})
    assert len(expected) > 50  # events of several reports share sentences
    assert index.article_pairs() == expected
    assert index.article_pairs(block=16) == expected  # counted in many small blocks
    three = Counter({pair: n for pair, n in expected.items() if n >= 3})
    assert 0 < len(three) < len(expected)
    assert index.article_pairs(3) == three
