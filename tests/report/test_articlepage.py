from typing import Any

from newscheck.report.articlepage import article_page, quoted_spans, sentence_marks

from .views import article, claim, report

TEXT = 'Same here. Changed words. "New quote," she said.'
S = [[0, 10, 0], [11, 25, 0], [26, 48, 1]]


def link(**extra: object) -> dict[str, Any]:
    return {
        "derived": "d",
        "origin": "o",
        "relation": "rewrite",
        "shared": 0.66,
        "added": [{"start": 26, "end": 48, "text": TEXT[26:48]}],
        "pairs": [
            {"derived_sentence": 0, "origin_sentence": 0, "score": 1.0, "relation": "same"},
            {"derived_sentence": 1, "origin_sentence": 1, "score": 0.7, "relation": "paraphrase"},
        ],
        **extra,
    }


def test_sentences_marked_by_where_they_came_from() -> None:
    assert sentence_marks(article("d", TEXT, S), [link()]) == {
        0: "copied",
        1: "reworded",
        2: "added",
    }
    # Links where the article is the origin do not mark it.
    assert sentence_marks(article("o", TEXT, S), [link()]) == {}


def test_quotes_found_in_straight_and_curly_marks() -> None:
    assert [(s, e) for s, e, _ in quoted_spans(TEXT)] == [(26, 38)]
    assert quoted_spans("“Curly words” and «guillemets»") == [(0, 13, "quoted"), (18, 30, "quoted")]


def test_page_has_marked_paragraphs_links_and_claims() -> None:
    doc = report(
        articles=[
            article("d", TEXT, S),
            article("o", "Same here. Other.", [[0, 10, 0], [11, 17, 0]]),
        ],
        links=[link()],
        claims=[claim("c1", "d", 28, 37)],
    )
    page = article_page(doc, "d", "story-1")
    first = page.paragraphs[0].sentences[0]
    assert [p.marks for p in first.pieces] == [("copied",)]
    quote = page.paragraphs[1].sentences[0].pieces[0]
    assert quote.text == '"New quote,"' and set(quote.marks) == {"added", "quoted"}
    assert [r.article_id for r in page.origins] == ["o"] and page.derived == ()
    assert page.claims == ((doc["claims"][0], 2),)
    origin_page = article_page(doc, "o", None)
    assert [r.article_id for r in origin_page.derived] == ["d"]
