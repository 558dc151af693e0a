"""Rules for fast names and figures in story matching (no model: spaCy is far too slow here).

A *name* key is a capitalised word inside running text that is never written in lower case in the
same article ("Putin", "Kursk", "Hong", "Kong"), so that "Putin" in one article meets "Vladimir
Putin" in another; :mod:`newscheck.stories.features` applies the rule while it counts words.
Headlines in Title Case give no names, since there every word is capitalised. A *figure* is a
number of two or more digits ("178", "1,300" -> "1300", "5.125"), the kind that pins one event
down. Both are matching keys, not entity records: the extraction stage builds those.
"""

from __future__ import annotations

import re

from newscheck.stories.text import word_set

NAMES_SCHEME = "names.capitalised.v1"

_DIGIT_RUN = re.compile(r"\d[\d.,]*")
_FIGURE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_WORD = re.compile(r"[A-Za-z][a-z]+")

NOT_NAMES = word_set(
    """the a an and or but in on at of for to from by with as after before over under into it its
    this that these those there he she they we i you his her their our my if when while where what
    who which why how however also though although yet so then thus meanwhile still even
    mr mrs ms dr sir president prime minister minister chairman chief secretary senator rep
    governor mayor king queen prince general gen sen gov lt col capt
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    jan feb mar apr jun jul aug sep sept oct nov dec
    said says according read more photo video update updated breaking"""
)
"""Capitalised words that say nothing about which event it is (titles, months, weekdays)."""


def is_title_case(line: str) -> bool:
    """True for a headline with most words capitalised ("Russia Presses Offensive in Kursk")."""
    words: list[str] = _WORD.findall(line)
    if len(words) < 4:
        return False
    capitalised = sum(w[0].isupper() for w in words)
    return capitalised >= 0.6 * len(words)


def figures(text: str) -> list[str]:
    """Numbers of two or more digits in ``text``, thousands separators dropped, in order."""
    # A figure starts a run of digits, dots and commas that follows no word character, dot or
    # comma; scanning for runs (a fast, prefix-driven search) and checking the character before
    # each finds the same figures as a look-behind at every position would, several times
    # faster. A run holds at most one figure: every later start in it follows a run character.
    out: list[str] = []
    for run in _DIGIT_RUN.finditer(text):
        start = run.start()
        if start:
            before = text[start - 1]
            if before.isalnum() or before in "_.,":  # \w, "." or ","
                continue
        figure = _FIGURE.match(run.group())
        assert figure is not None  # a run starts with a digit
        value = figure.group().replace(",", "")
        if len(value.replace(".", "")) >= 2:
            out.append(value)
    return out
