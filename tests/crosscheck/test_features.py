from newscheck.crosscheck.features import claim_extent, claim_features
from newscheck.model import Claim, Figure

from .fictional import make_article

TEXT = (
    '"Nobody listened."\n\nOf the 15 people injured, most were treated for cuts.\n\n'
    "In Kell the number of wounded has risen to 14, including a two-year-old child."
)
ARTICLE = make_article("Kell", TEXT, 0)


def claim_over(words: str, *figures: Figure) -> Claim:
    start = TEXT.index(words)
    return Claim("c", ARTICLE.id, start, start + len(words), words, None, None, figures=figures)


def test_a_claim_running_over_a_paragraph_break_keeps_its_longest_piece() -> None:
    start = 0
    end = TEXT.index("cuts.") + 5
    claim = Claim("c", ARTICLE.id, start, end, TEXT[start:end], None, None)
    lo, hi = claim_extent(claim, ARTICLE)
    assert TEXT[lo:hi] == "Of the 15 people injured, most were treated for cuts."
    assert claim_features(claim, ARTICLE, "f").text == TEXT[lo:hi]


def test_an_age_is_not_a_count_and_a_bare_number_keeps_its_event() -> None:
    words = "the number of wounded has risen to 14, including a two-year-old child"
    age_at = TEXT.index("two-year")
    age = Figure(ARTICLE.id, age_at, age_at + len("two-year"), 2, "years")
    features = claim_features(claim_over(words, age), ARTICLE, "f")
    assert [(q.unit, q.event, q.value) for q in features.quantities] == [("", "injured", 14)]
    assert features.numbers == {14}


def test_entities_compare_by_word_stems() -> None:
    one = Claim("a", ARTICLE.id, 0, 5, "x", None, None, entities=("Brightwater",))
    two = Claim("b", ARTICLE.id, 0, 5, "x", None, None, entities=("Brightwater Freight Terminals",))
    assert claim_features(one, ARTICLE, "f").entities <= claim_features(two, ARTICLE, "f").entities
