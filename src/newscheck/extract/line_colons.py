"""Attributions that a line opens with: "Trump: We will win.", "TAPPER: Do you think...",
"CNN President On Trump: ...", "... - HuffPollster: “Pollsters are...”".

Headlines and transcripts name the speaker, a colon, and the words, with no verb to find. The
cue model scores colons too, but in a Title Case headline the parser often tags the name as a
common noun and runs the headline into the next paragraph; this rule reads the line itself: a
short run of capitalised words at its start (after a dash, if there is one), a colon, and the
rest of the line.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newscheck.extract.lexicon import words
from newscheck.extract.spans import trim

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

CONNECTORS = words("to on at in about for from with")
"""Words after the speaker in "Clinton to Planned Parenthood:", "Gillibrand on Hillary...:"."""
NOT_SPEAKERS = words(
    """
    note update updated editor editors photo photos video videos watch read related see
    correction corrections disclosure advertisement caption image credit credits also more
    subscribe sign listen follow click share tags topics filed here warning spoiler q a
    question answer bottom line summary key takeaways clarification exclusive breaking
    """
)
"""Labels that open a line with a colon and name no one ("Update:", "Read more:")."""
SOURCE_NOUNS = words(
    """
    poll polls report reports survey study newspaper paper sources source official officials
    aide aides spokesman spokeswoman spokesperson campaign camp analysis analyst documents
    memo letter statement filing lawsuit court judge police witness witnesses
    """
)
"""Nouns that name a source without a name ("Poll: ...", "Clinton camp: ...")."""
MAX_SPEAKER_WORDS = 5
MAX_HEADLINE_WORDS = 30
"""Past this many words after the colon, only an upper-case speaker (a transcript) counts."""
MAX_LABEL_WORDS = 9
_WORD = re.compile(r"\w+")
DASHES = frozenset({"-", "–", "—", "--"})
QUOTES = frozenset({'"', "“", "'", "‘"})


def lowercase_words(text: str) -> frozenset[str]:
    """The words written in lower case somewhere in ``text`` (a capitalised word among them is
    a common word, not a name). Give it the whole article: a chunk may not show the word."""
    return frozenset(w for w in _WORD.findall(text) if w.islower())


def line_colon(
    doc: Doc, colon: Token, lowercase: frozenset[str]
) -> tuple[list[Token], list[Token]] | None:
    """The speaker's tokens and the words' tokens when ``colon`` follows a speaker label at
    the start of its line (None otherwise); ``lowercase``: :func:`lowercase_words` of the text."""
    text = doc.text
    line_start = text.rfind("\n", 0, colon.idx) + 1
    line_end = text.find("\n", colon.idx)
    if line_end < 0:
        line_end = len(text)
    before = _tokens_back(doc, colon, line_start)
    cut = [i for i, t in enumerate(before) if t.text in DASHES]
    if cut:
        before = before[cut[-1] + 1 :]
    while before and before[0].text in QUOTES:  # a transcript in quotes: "WALLACE: ...
        before = before[1:]
    before = _without_lead_in(before)
    if not before or len(before) > MAX_LABEL_WORDS:
        return None
    speaker = _speaker(before, lowercase)
    if speaker is None:
        return None
    after = trim(_tokens_on(doc, colon, line_end))
    said = len([t for t in after if not t.is_punct])
    if said < 2:
        return None
    if said > MAX_HEADLINE_WORDS and not all(t.is_upper for t in speaker if t.is_alpha):
        return None  # a paragraph under a Title Case heading, not a headline's words
    return speaker, after


def _without_lead_in(label: list[Token]) -> list[Token]:
    """The label without "According to" or "(More) from" before the speaker."""
    lower = [t.lower_ for t in label[:2]]
    if lower == ["according", "to"] or lower == ["more", "from"]:
        return label[2:]
    if lower[:1] == ["from"]:
        return label[1:]
    return label


def _tokens_back(doc: Doc, colon: Token, line_start: int) -> list[Token]:
    out: list[Token] = []
    i = colon.i - 1
    while i >= 0 and doc[i].idx >= line_start:
        if not doc[i].is_space:
            out.append(doc[i])
        i -= 1
    out.reverse()
    return out


def _tokens_on(doc: Doc, colon: Token, line_end: int) -> list[Token]:
    out: list[Token] = []
    i = colon.i + 1
    while i < len(doc) and doc[i].idx < line_end:
        out.append(doc[i])
        i += 1
    return out


def _speaker(label: list[Token], lowercase: frozenset[str]) -> list[Token] | None:
    """The leading run of capitalised words of a label ("Former AG Mukasey at RNC" -> "Former
    AG Mukasey"), if the label is one."""
    run: list[Token] = []
    for token in label:
        if run and token.lower_ in CONNECTORS:
            break
        if not _name_word(token):
            return None
        run.append(token)
    if not run or len(run) > MAX_SPEAKER_WORDS or run[0].lower_.rstrip(".") in NOT_SPEAKERS:
        return None
    return run if _names_someone(run, lowercase) else None


def _names_someone(run: list[Token], lowercase: frozenset[str]) -> bool:
    """A source noun ("Poll", "Clinton camp"), a transcript's upper-case name ("TAPPER"), or a
    name: a word never written in lower case in the text ("Mayor Ana Lopez"); not a Title Case
    section heading ("The Latest", "Little Relief for Refugees": "little", "relief" appear in
    lower case elsewhere)."""
    if run[0].lower_ in ("the", "a", "an"):
        return False
    if any(t.lower_ in SOURCE_NOUNS for t in run):
        return True
    letters = [t for t in run if t.is_alpha]
    if not letters:
        return False
    if all(t.is_upper and len(t.text) > 1 for t in letters):
        return True
    return any(t.lower_ not in lowercase for t in letters)


def _name_word(token: Token) -> bool:
    """A capitalised word, an abbreviation ("Dr.", "U.S."), or a possessive or joining mark."""
    word = token.text
    if token.text in ("'s", "’s", "&", "."):
        return True
    return word[:1].isupper() and (word.isalpha() or word.rstrip(".").replace(".", "").isalpha())
