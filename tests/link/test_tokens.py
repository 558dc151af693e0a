import subprocess
import sys

import numpy as np

from newscheck.link.tokens import token_hashes


def test_words_are_case_and_punctuation_insensitive() -> None:
    batch = token_hashes(
        ["Hello, World! \u201cQuoted\u201d text\u2014dash", "hello world quoted text dash"]
    )
    assert len(batch) == 2
    assert len(batch.of(0)) == 5
    assert np.array_equal(batch.of(0), batch.of(1))


def test_offsets_follow_each_text_including_empty_ones() -> None:
    batch = token_hashes(["one two", "", "three", "x\x00y z"])
    assert batch.offsets.tolist() == [0, 2, 2, 3, 6]


def test_a_word_hashes_the_same_alone_or_in_a_batch() -> None:
    alone = token_hashes(["river"]).hashes[0]
    batch = token_hashes(["the Idle river", "a river"])
    assert batch.of(0)[2] == alone
    assert batch.of(1)[1] == alone


def test_long_words_that_differ_anywhere_hash_differently() -> None:
    base = "abcdefghijklmnopqrstuvwxyz0123456789"
    variants = [base, base + "x", "x" + base, base[:20] + "Q" + base[21:], base[:16], base[:17]]
    hashes = token_hashes([" ".join(variants)]).hashes
    assert len(set(hashes.tolist())) == len(variants)


def test_non_ascii_letters_are_word_characters() -> None:
    batch = token_hashes(["na\u00efve caf\u00e9 \u041c\u043e\u0441\u043a\u0432\u0430", "cafe"])
    assert len(batch.of(0)) == 3
    assert batch.of(0)[1] != batch.of(1)[0]


def test_hashes_are_the_same_in_another_process() -> None:
    code = (
        "from newscheck.link.tokens import token_hashes;"
        "print(token_hashes(['The barrier failed on Tuesday']).hashes.tolist())"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    here = token_hashes(["The barrier failed on Tuesday"]).hashes.tolist()
    assert out.stdout.strip() == str(here)


def test_no_texts() -> None:
    batch = token_hashes([])
    assert len(batch) == 0
    assert len(batch.hashes) == 0
