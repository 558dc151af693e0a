from newscheck.crosscheck.context import sentence_bounds, sentences

TEXT = (
    "Mayor Ilse V. Varn spoke first. Mr. Holt said the U.S. team arrived at 9 a.m. Monday.\n\n"
    "“It is over,” she said. A second paragraph ends here"
)


def test_sentences_skip_abbreviations_and_initials() -> None:
    found = [TEXT[s:e] for s, e in sentences(TEXT)]
    assert found == [
        "Mayor Ilse V. Varn spoke first.",
        "Mr. Holt said the U.S. team arrived at 9 a.m. Monday.",
        "“It is over,” she said.",
        "A second paragraph ends here",
    ]


def test_sentence_bounds_of_a_span_inside_a_sentence() -> None:
    start = TEXT.index("team arrived")
    s, e = sentence_bounds(TEXT, start, start + 12)
    assert TEXT[s:e] == "Mr. Holt said the U.S. team arrived at 9 a.m. Monday."


def test_sentence_bounds_stop_at_paragraph_breaks() -> None:
    start = TEXT.index("second")
    s, e = sentence_bounds(TEXT, start, start + 6)
    assert TEXT[s:e] == "A second paragraph ends here"


def test_sentence_bounds_cover_a_span_across_two_sentences() -> None:
    start = TEXT.index("first")
    end = TEXT.index("Holt") + 4
    s, e = sentence_bounds(TEXT, start, end)
    assert TEXT[s:e].startswith("Mayor") and TEXT[s:e].endswith("Monday.")
