from dataclasses import replace

from newscheck.stories.features import KeyExtractor, extract_keys, head

from .fictional import flood, make_article


def test_keys_of_an_article():
    keys = extract_keys(flood()[0])
    assert {"vessa", "tarnow", "maren", "holt"} <= set(keys.names)
    assert "340" in keys.figures and "2.4" in keys.figures
    assert "evacuat" in keys.terms or "evacuated" in keys.terms
    assert keys.language == "en"
    # Headline words count double.
    assert keys.terms["flood"] >= 2


def test_capitalised_words_give_name_keys():
    text = "On Saturday President Vladimir Putin met Hong Kong's leader John Lee in the city."
    names = extract_keys(make_article("Talks", text)).names
    assert {"vladimir", "putin", "hong", "kong", "john", "lee"} <= set(names)
    assert not {"saturday", "president", "on", "the"} & set(names)


def test_sentence_openers_are_not_names():
    article = make_article(
        "Storm", "Police said the storm hit. The police closed roads. Rescue came."
    )
    keys = extract_keys(article)
    assert "police" not in keys.names
    assert "rescue" in keys.names  # only ever capitalised: indistinguishable from a name


def test_title_case_headline_gives_no_names():
    article = make_article(
        "Storm Closes Roads Across Velmouth County", "Heavy rain fell overnight."
    )
    names = extract_keys(article).names
    assert not {"storm", "closes", "roads", "across", "velmouth", "county"} & set(names)


def test_only_the_head_of_the_text_is_read():
    tail = " Zanzibarque" * 10
    article = make_article("Rain", "Rain fell on the town. " * 60 + tail)
    assert "zanzibarque" not in extract_keys(article, lead_chars=500).terms
    assert "zanzibarque" in extract_keys(article, lead_chars=10_000).terms
    assert head("one two three", 7) == "one two"


def test_missing_title_falls_back_to_the_first_line():
    article = make_article("", "Dykes break north of Tarnow\n\nMore text follows here.")
    assert extract_keys(article).title == "Dykes break north of Tarnow"


def test_extractor_memo_is_bounded_and_gives_the_same_keys():
    extract = KeyExtractor(memo_limit=5)
    first = [extract(a) for a in flood()]
    again = [extract(a) for a in flood()]
    assert first == again
    assert extract.memo_size <= 5


def test_given_language_is_kept():
    article = replace(flood()[0], language="de")
    assert extract_keys(article).language == "de"


def test_the_fast_path_gives_the_keys_of_the_token_by_token_path():
    # A character past the start of CJK (an emoji, not a word) sends the text down the
    # token-by-token path; the keys must not change.
    for article in flood():
        slow = replace(article, text=article.text + " \U0001f30a")
        assert extract_keys(slow) == extract_keys(article)
        assert list(extract_keys(slow).terms) == list(extract_keys(article).terms)
