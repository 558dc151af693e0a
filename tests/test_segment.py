"""segment(): paragraph and sentence spans that always slice back to their text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newscheck.model import Segmentation
from newscheck.segment import MAX_SENTENCE_CHARS, SEGMENT_SCHEME, segment

TEXT = (
    "Moscow is pressing its offensive in the Kursk region. Mr. Putin said on Friday that the "
    "troops should surrender.\n\n"
    '"It\'s still valid," Mr. Peskov said. The Kremlin gave no deadline!\n\n\n'
    "  Ukraine's military denied the claim.  "
)


def texts(segmentation: Segmentation, text: str) -> tuple[list[str], list[str]]:
    return (
        [text[p.start : p.end] for p in segmentation.paragraphs],
        [text[s.start : s.end] for s in segmentation.sentences],
    )


def test_paragraphs_and_sentences() -> None:
    result = segment("a1", TEXT)
    paragraphs, sentences = texts(result, TEXT)
    assert paragraphs == [
        "Moscow is pressing its offensive in the Kursk region. Mr. Putin said on Friday that the "
        "troops should surrender.",
        '"It\'s still valid," Mr. Peskov said. The Kremlin gave no deadline!',
        "Ukraine's military denied the claim.",
    ]
    assert sentences == [
        "Moscow is pressing its offensive in the Kursk region.",
        "Mr. Putin said on Friday that the troops should surrender.",
        '"It\'s still valid," Mr. Peskov said.',
        "The Kremlin gave no deadline!",
        "Ukraine's military denied the claim.",
    ]
    assert [s.paragraph for s in result.sentences] == [0, 0, 1, 1, 2]
    assert [s.index for s in result.sentences] == [0, 1, 2, 3, 4]
    assert result.article_id == "a1" and result.scheme == SEGMENT_SCHEME
    assert all(s.article_id == "a1" for s in result.sentences)


def test_offsets_are_characters_not_bytes() -> None:
    text = (
        "Zelensky’s office said “no encirclement”. Die Fähre fährt über den Fjord."
        "\n\n日本語の文です。次の文。"
    )
    _, sentences = texts(segment("a", text), text)
    assert sentences == [
        "Zelensky’s office said “no encirclement”.",
        "Die Fähre fährt über den Fjord.",
        "日本語の文です。",
        "次の文。",
    ]


def test_empty_and_blank_text() -> None:
    assert segment("a", "").paragraphs == ()
    assert segment("a", " \n\n \t\n").sentences == ()


def test_giant_sentence_is_cut_at_whitespace() -> None:
    text = "word " * 5000 + "end"
    result = segment("a", text)
    _, sentences = texts(result, text)
    assert len(sentences) >= 10
    assert all(len(s) <= MAX_SENTENCE_CHARS for s in sentences)
    assert all(not s.startswith("ord") for s in sentences)  # cuts fall between words
    assert " ".join(sentences) == text


def test_giant_word_is_cut_hard() -> None:
    text = "x" * (3 * MAX_SENTENCE_CHARS + 5)
    _, sentences = texts(segment("a", text), text)
    assert "".join(sentences) == text
    assert max(len(s) for s in sentences) == MAX_SENTENCE_CHARS


def test_nul_and_surrogates_do_not_break_offsets() -> None:
    text = "First\x00 part. Second \ud800part here.\n\nThird."
    result = segment("a", text)
    assert texts(result, text)[0][1] == "Third."
    check_spans(result, text)


def check_spans(result: Segmentation, text: str) -> None:
    previous_end = 0
    for index, paragraph in enumerate(result.paragraphs):
        assert paragraph.index == index
        piece = text[paragraph.start : paragraph.end]
        assert piece and piece == piece.strip()
        assert previous_end <= paragraph.start < paragraph.end <= len(text)
        previous_end = paragraph.end
    previous_end = 0
    for index, sentence in enumerate(result.sentences):
        assert sentence.index == index
        piece = text[sentence.start : sentence.end]
        assert piece and piece == piece.strip()
        assert len(piece) <= MAX_SENTENCE_CHARS
        paragraph = result.paragraphs[sentence.paragraph]
        assert paragraph.start <= sentence.start < sentence.end <= paragraph.end
        assert sentence.start >= previous_end
        previous_end = sentence.end
    # Every visible character lies in a paragraph, and in a sentence of it.
    covered_by_paragraphs = sum(p.end - p.start for p in result.paragraphs)
    assert covered_by_paragraphs >= len("".join(text.split()))
    for paragraph in result.paragraphs:
        visible = len("".join(text[paragraph.start : paragraph.end].split()))
        inside = [s for s in result.sentences if s.paragraph == paragraph.index]
        assert sum(len("".join(text[s.start : s.end].split())) for s in inside) == visible


WORDS = st.sampled_from(
    ["Kursk", "Mr.", "said", "14", "drones.", "“Yes,”", "no!", "U.S.", "Fähre", "日本語。", "?"]
)
SEPARATORS = st.sampled_from([" ", "  ", "\n", "\n\n", " \n \n", "\t", "\u00a0", "\u2029"])
STRUCTURED = st.lists(st.tuples(WORDS, SEPARATORS), max_size=200).map(
    lambda pairs: "".join(w + s for w, s in pairs)
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), STRUCTURED))
def test_spans_are_well_formed(text: str) -> None:
    check_spans(segment("a", text), text)


@settings(max_examples=20, deadline=None)
@given(st.integers(min_value=MAX_SENTENCE_CHARS - 5, max_value=3 * MAX_SENTENCE_CHARS), WORDS)
def test_long_runs_are_well_formed(length: int, word: str) -> None:
    text = (word + " ") * (length // (len(word) + 1))
    check_spans(segment("a", text), text)
