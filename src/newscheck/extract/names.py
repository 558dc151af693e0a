"""Forms and keys of names: a person's name without titles and middle initials, an
organisation's name with the article, British spellings and a country's possessive normalised,
and the key under which two mentions name the same entity."""

from __future__ import annotations

import re

from newscheck.extract.gazetteer import place_key
from newscheck.extract.lexicon import words

HONORIFICS = words(
    """
    mr mr. mrs mrs. ms ms. miss dr dr. sir gen gen. lt col sen sen. rep rep. gov gov.
    """
)
TITLE_WORDS = words(
    """
    president prime minister chancellor spokesman spokeswoman spokesperson secretary general
    commander chief governor mayor senator representative foreign defense defence king queen
    leader premier former acting deputy vice state army head director ambassador
    """
)
LEADER_ROLES = frozenset({"leader", "president", "premier", "chancellor"})
"""Nouns of "the Russian leader": resolved to the one person introduced with that country and a
head-of-state title in the same article."""

DEMONYMS = {
    "russia": "Russian",
    "ukraine": "Ukrainian",
    "britain": "British",
    "america": "American",
    "china": "Chinese",
    "israel": "Israeli",
    "iran": "Iranian",
    "france": "French",
    "germany": "German",
    "japan": "Japanese",
    "india": "Indian",
    "turkey": "Turkish",
    "poland": "Polish",
    "syria": "Syrian",
    "belarus": "Belarusian",
    "italy": "Italian",
    "spain": "Spanish",
    "canada": "Canadian",
    "mexico": "Mexican",
    "europe": "European",
    "korea": "Korean",
    "north korea": "North Korean",
    "south korea": "South Korean",
}
"""Country -> adjective, so that "Russia's Defense Ministry" = "Russian Defense Ministry"."""

SPELLINGS = {
    "defence": "defense",
    "organisation": "organization",
    "programme": "program",
    "centre": "center",
    "labour": "labor",
    "council's": "council",
}

_POSSESSIVE = re.compile(r"^(?:the\s+)?([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)[’']s\s+", re.IGNORECASE)
_INITIAL = re.compile(r"^[A-Z]\.?$")
_TOKEN = re.compile(r"[\w.’'-]+")


def name_tokens(name: str) -> list[str]:
    """A person's name without honorifics and titles: "Mr. Putin" -> ["Putin"]."""
    tokens = _TOKEN.findall(name.replace("’s", "").replace("'s", ""))
    while tokens and (tokens[0].lower() in HONORIFICS or tokens[0].lower() in TITLE_WORDS):
        tokens.pop(0)
    return tokens


def person_form(name: str) -> str:
    """ "Vladimir V. Putin" -> "Vladimir Putin": the name as shown, without middle initials."""
    tokens = name_tokens(name)
    if len(tokens) > 2:
        tokens = [tokens[0]] + [t for t in tokens[1:-1] if not _INITIAL.match(t)] + [tokens[-1]]
    return " ".join(tokens)


def surname_key(name: str) -> str:
    tokens = name_tokens(name)
    return tokens[-1].lower().strip(".") if tokens else name.lower()


def org_form(name: str) -> str:
    """ "the Russian Defence Ministry" and "Russia's Defense Ministry" -> "Russian Defense
    Ministry"; also used for speakers that are not named entities ("Ukraine's military")."""
    text = " ".join(name.split())
    match = _POSSESSIVE.match(text)
    if match and match.group(1).lower() in DEMONYMS:
        text = DEMONYMS[match.group(1).lower()] + " " + text[match.end() :]
    words = text.split(" ")
    while words and words[0].lower() in ("the", "a", "an"):
        words.pop(0)
    return " ".join(_respell(w) for w in words)


def _respell(word: str) -> str:
    low = word.lower()
    if low in SPELLINGS:
        replacement = SPELLINGS[low]
        return replacement.capitalize() if word[:1].isupper() else replacement
    return word


def org_key(name: str) -> str:
    return org_form(name).lower()


def display_key(label: str, name: str) -> str:
    """The key under which two mentions name the same entity (before first-name checks)."""
    if label == "PERSON":
        return surname_key(name)
    if label == "PLACE":
        return place_key(name)
    return org_key(name)


def same_first_name(a: str, b: str) -> bool:
    """ "Dmitri" = "Dmitry", "Vladimir" = "Vladimir", "V." = "Vladimir"; "Eric" != "Donald"."""
    a, b = a.lower().strip("."), b.lower().strip(".")
    if not a or not b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    prefix = min(len(a), len(b), 4)
    return a[:prefix] == b[:prefix]
