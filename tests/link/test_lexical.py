from newscheck.link.lexical import profile, stem


def test_stem_folds_plurals_and_possessives() -> None:
    assert stem("Drones") == "drone"
    assert stem("Russia's") == "russia"
    assert stem("cities") == "city"
    assert stem("class") == "class"


def test_profile_separates_content_numbers_and_names() -> None:
    p = profile("Mayor Tobias Wren opened the school for 540 residents and two wardens.")
    assert {"mayor", stem("Tobias"), "wren", "opened", "school", "resident", "warden"} <= p.content
    assert "the" not in p.content and "for" not in p.content
    assert p.numbers == {"540", "2"}
    assert {stem("Tobias"), "wren"} <= p.names
    assert "#540" in p.keys


def test_first_word_is_a_name_only_when_followed_by_one() -> None:
    assert "flooding" not in profile("Flooding hit the town.").names
    assert "harriet" in profile("Harriet Olsson blamed the gate.").names


def test_numbers_keep_their_digits() -> None:
    assert profile("It cost 14,000,000 pounds, or 3.5 per cent.").numbers == {"14000000", "3.5"}
