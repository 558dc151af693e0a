from newscheck.stories.language import guess_language, language_of


def test_guess_language():
    assert guess_language("The minister said that the floods were the worst in years.") == "en"
    assert (
        guess_language("Menteri berkata bahawa banjir itu adalah yang terburuk dalam tahun ini.")
        == "ms"
    )
    assert guess_language("洪水淹没了城市的东部，数百人被疏散。") == "zh"
    assert guess_language("1234 5678") == "und"


def test_language_of_counts():
    assert language_of({"en": 5, "ms": 1}) == "en"
    assert language_of({"en": 1}) == "und"
    assert language_of({}) == "und"
