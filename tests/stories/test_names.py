from newscheck.stories.names import figures, is_title_case


def test_title_case_headlines_are_recognised():
    assert is_title_case("Russia Presses Offensive in Kursk Amid Cease-Fire Talks")
    assert not is_title_case("Russia presses offensive in Kursk amid talks")
    assert not is_title_case("Short Title")


def test_figures_drop_separators_and_lone_digits():
    assert figures("It cost 1,300 euros, 5.125% more, in 2 days and 24 hours") == [
        "1300",
        "5.125",
        "24",
    ]
