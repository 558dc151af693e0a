from newscheck.report.fragments import cut, paragraphs


def test_cut_splits_at_mark_boundaries_and_keeps_all_text() -> None:
    text = "Alpha beta gamma delta."
    pieces = cut(text, 0, len(text), [(6, 10, "quoted"), (8, 16, "added")])
    assert "".join(p.text for p in pieces) == text
    assert [(p.text, p.marks) for p in pieces] == [
        ("Alpha ", ()),
        ("be", ("quoted",)),
        ("ta", ("added", "quoted")),
        (" gamma", ("added",)),
        (" delta.", ()),
    ]


def test_marks_outside_the_range_are_ignored() -> None:
    pieces = cut("one two three", 4, 7, [(0, 3, "x"), (8, 13, "y")])
    assert [(p.text, p.marks) for p in pieces] == [("two", ())]


def test_paragraphs_group_sentences_and_mark_whole_sentences() -> None:
    text = "First one. Second one.\n\nThird one."
    sentences = [[0, 10, 0], [11, 22, 0], [24, 34, 1]]
    views = paragraphs(text, sentences, (), {1: "added"})
    assert [[s.index for s in p.sentences] for p in views] == [[0, 1], [2]]
    second = views[0].sentences[1]
    assert second.pieces[0].text == "Second one." and second.pieces[0].marks == ("added",)
