from newscheck.crosscheck.terms import (
    content_stems,
    name_stems,
    names_compatible,
    numbers_in,
    words,
)


def test_words_fold_case_apostrophes_possessives_and_spelling() -> None:
    assert words("Russia’s Defence Ministry") == ["russia", "defense", "ministry"]


def test_content_stems_drop_function_words_reporting_verbs_and_numbers() -> None:
    stems = content_stems("The ministry said that twelve villages were encircled in 2025")
    assert stems == ["minis", "villa", "encir"]


def test_related_word_forms_share_a_stem() -> None:
    assert content_stems("encircled")[0] == content_stems("encirclement")[0]
    assert content_stems("Ukrainian")[0] == content_stems("Ukraine")[0]


def test_numbers_in_reads_digits_and_words() -> None:
    assert numbers_in("Twelve people and 1,200 sheep, a dozen boats") == {12.0, 1200.0}


def test_numbers_in_leaves_out_years_times_ages_and_ordinals() -> None:
    text = "In 2024, at 9.40pm and 4 a.m., a 15-year-old and a two-year-old saw the 3rd boat"
    assert numbers_in(text) == frozenset()


def test_generic_speakers_name_nobody() -> None:
    assert name_stems("officials") == frozenset()
    assert name_stems("she") == frozenset()
    assert name_stems("Mayor Ilse Varn") == {"mayor", "ilse", "varn"}


def test_names_compatible_by_shared_stem_or_by_context() -> None:
    putin = name_stems("Vladimir Putin")
    assert names_compatible(putin, name_stems("Mr. Putin"))
    assert not names_compatible(putin, name_stems("Volodymyr Zelensky"))
    assert names_compatible(putin, frozenset())
    authority = name_stems("the Port Authority of Kell")
    director = name_stems("Ines Marr")
    context = frozenset(content_stems("Ines Marr, director of the Port Authority of Kell, said"))
    assert names_compatible(director, authority, context, frozenset())
    assert not names_compatible(director, authority)
