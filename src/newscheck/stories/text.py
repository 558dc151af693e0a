"""Content terms of an article for story matching: lower-cased words without function words,
English plurals and verb endings folded, Chinese and Japanese cut into character bigrams."""

from __future__ import annotations

import re
from functools import lru_cache

TERMS_SCHEME = "terms.fold1.v1"

_TOKEN = re.compile(r"[^\W\d_][^\W_]*(?:['’][st]\b)?|\d[\d.,]*\d|\d")


def word_set(words: str) -> frozenset[str]:
    """The whitespace-separated words of ``words`` (word lists stay readable in the source)."""
    return frozenset(words.split())


_CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")

ENGLISH_STOPWORDS = word_set(
    """a about above after again against ago all almost also although always am among an and
    another any are around as at back be because been before being below between both but by can
    could did do does doing done down during each either else even ever every few for from further
    get gets got had has have having he her here hers herself him himself his how however i if in
    including into is it its itself just last least less like made make many may me might more most
    much must my myself near neither never new next no nor not now of off often on once one only
    or other others our ours ourselves out over own per rather really s said same say says saying
    see seen several shall she should since so some still such t than that the their theirs them
    themselves then there these they this those though through thus to too toward towards under
    until up upon us very via was we well were what whatever when where whether which while who
    whom whose why will with within without would yet you your yours yourself also told according
    added asked called two three four five six seven eight nine ten first second third year years
    day days week weeks month months time times people including monday tuesday wednesday thursday
    friday saturday sunday today yesterday tomorrow mr mrs ms dr
    """
)
MALAY_STOPWORDS = word_set(
    """yang dan di ke dari untuk dengan ini itu pada akan tidak dalam oleh telah juga bagi kepada
    mereka atau bahawa bahwa sebagai lebih seorang selepas setelah adalah ialah ada sudah masih
    bagaimanapun namun tetapi kerana karena jika kata katanya berkata menurut para serta antara
    hingga sehingga manakala bukan boleh dapat perlu harus lagi satu dua tiga hari tahun kali
    """
)
"""Malay and Indonesian function words (one list: they share nearly all of them)."""
STOPWORDS = ENGLISH_STOPWORDS | MALAY_STOPWORDS


@lru_cache(maxsize=1 << 17)
def fold(word: str) -> str:
    """Fold an English inflection so "strikes", "striking" and "struck"'s siblings meet cheaply.

    Deliberately crude (no dictionary): it only has to map forms of one word to one key more
    often than it maps two words to one key."""
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    if len(word) <= 3 or not word.isascii():
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith("ing") and len(word) > 5:
        return word[:-3]
    if word.endswith("ed") and len(word) > 4:
        return word[:-2]
    if word.endswith("es") and len(word) > 4 and word[-3] in "sxz":
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def terms(text: str) -> list[str]:
    """Folded content terms of ``text`` in order (function words and lone digits left out)."""
    out: list[str] = []
    append = out.append
    for token in _TOKEN.findall(text.lower()):
        if token in STOPWORDS or len(token) < 2:
            continue
        if _CJK_RUN.match(token):
            out.extend(_bigrams(token))
            continue
        append(fold(token) if token[0].isalpha() else token.replace(",", ""))
    return out


def _bigrams(run: str) -> list[str]:
    # A CJK run is one "word" to the tokenizer; its character bigrams stand in for words.
    chars = "".join(_CJK_RUN.findall(run))
    if len(chars) == 1:
        return [chars]
    return [chars[i : i + 2] for i in range(len(chars) - 1)]
