from newscheck.stories.text import STOPWORDS, fold, terms


def test_terms_drop_function_words_and_fold_inflections():
    out = terms("The ministers were striking deals on the villages' roads")
    assert "the" not in out and "were" not in out
    assert fold("villages") == fold("village") == "village"
    assert fold("ministers") == "minister"
    assert "strik" in out  # "striking" folded


def test_fold_leaves_short_and_non_ascii_words():
    assert fold("bus") == "bus"
    assert fold("häuser") == "häuser"
    assert fold("class") == "class"
    assert fold("russia's") == "russia"


def test_chinese_runs_become_character_bigrams():
    assert terms("洪水淹没") == ["洪水", "水淹", "淹没"]


def test_numbers_keep_their_digits():
    assert "1300" in terms("more than 1,300 arrests")


def test_stopwords_cover_english_and_malay():
    assert {"the", "and", "yang", "dan"} <= STOPWORDS
