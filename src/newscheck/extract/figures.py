"""Figures: a value, its unit and what is counted ("178 drones", "about 430 Ukrainian soldiers",
"259 square kilometers of territory", "a 30-day truce", "two villages", "14 people").

Numbers are found on spaCy tokens (digits and number words); what is counted is the noun the number
modifies in the parse, or the next noun; approximations come from the words before the number.
Dates, times, ordinals and years are not figures.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from newscheck.extract.lexicon import words
from newscheck.extract.numbers import is_number_word, parse_number
from newscheck.model import Figure

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SCHEME = "figures.spacy-nummod.v1"

APPROXIMATORS: dict[tuple[str, ...], str] = {
    ("about",): "about",
    ("around",): "about",
    ("approximately",): "about",
    ("roughly",): "about",
    ("some",): "about",
    ("an", "estimated"): "about",
    ("estimated",): "about",
    ("nearly",): "nearly",
    ("almost",): "nearly",
    ("close", "to"): "nearly",
    ("over",): "more than",
    ("more", "than"): "more than",
    ("upwards", "of"): "more than",
    ("at", "least"): "at least",
    ("less", "than"): "less than",
    ("fewer", "than"): "less than",
    ("under",): "less than",
    ("up", "to"): "up to",
    ("as", "many", "as"): "up to",
    ("at", "most"): "up to",
}
"""Words before a number that make it approximate, and the normalised approximation."""

_LONGEST_APPROX = max(len(words) for words in APPROXIMATORS)

MEASURES = words(
    """
    percent per cent % km kilometers kilometres km2 miles mile meters metres meter metre
    feet foot hectares hectare acres acre tons tonnes ton tonne kg kilograms pounds barrels
    liters litres gallons dollars dollar euros euro pounds rubles roubles hryvnias yuan yen
    points degrees square cubic seconds minutes hours days weeks months years decades
    """
)
"""Units of measure: for "259 square kilometers of territory" the unit is "square kilometers"
and what is counted is "territory"."""

CURRENCY_SYMBOLS = {"$": "dollars", "€": "euros", "£": "pounds", "₽": "rubles", "₴": "hryvnias"}

_NOT_FIGURE_ENTS = frozenset({"DATE", "TIME", "ORDINAL"})
_NOUNS = frozenset({"NOUN", "PROPN"})
_NP_INSIDE = frozenset({"ADJ", "NOUN", "PROPN", "PUNCT", "ADV", "VERB"})
_APPROX_DEPS = frozenset({"quantmod", "advmod", "amod", "nmod", "prep", "det"})
_NOT_COUNTED = frozenset({"more", "other", "additional", "further", "extra", "-"})
_CHANGE_VERBS = words(
    """
    rise rose risen climb climbed reach reached increase increased grow grew grown jump
    jumped soar soared stand stood
    """
)
_VAGUE = {"dozens": 24.0, "hundreds": 200.0, "thousands": 2000.0, "millions": 2_000_000.0}


def figures_in(doc: Doc, article_id: str, offset: int = 0) -> list[Figure]:
    """Every figure in a parsed text; spans are character offsets into the text plus ``offset``."""
    return list(_figures(doc, article_id, offset))


def _figures(doc: Doc, article_id: str, offset: int) -> Iterator[Figure]:
    i, n = 0, len(doc)
    while i < n:
        token = doc[i]
        if not _starts_number(token):
            i += 1
            continue
        end = i + 1
        while end < n and _continues_number(doc[end]):
            end += 1
        figure = _figure_at(doc, i, end, article_id, offset)
        if figure is not None:
            yield figure
        i = end


def _starts_number(token: Token) -> bool:
    if token.ent_type_ in _NOT_FIGURE_ENTS and not _is_hyphen_measure(token):
        return False
    if token.lower_ in _VAGUE:
        return token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "of"
    return bool(token.like_num or is_number_word(token.text)) and token.lower_ != "one"


def _continues_number(token: Token) -> bool:
    return is_number_word(token.text) and token.lower_ not in _VAGUE


def _is_hyphen_measure(token: Token) -> bool:
    """ "30-day truce": a number joined by a hyphen to a unit that modifies a noun."""
    doc = token.doc
    i = token.i
    return (
        i + 2 < len(doc)
        and doc[i + 1].text == "-"
        and doc[i + 2].lower_.rstrip("s") + "s" in MEASURES
        and not doc[i].whitespace_
    )


def _figure_at(doc: Doc, start: int, end: int, article_id: str, offset: int) -> Figure | None:
    first = doc[start]
    if first.lower_ in _VAGUE:
        value: float | None = _VAGUE[first.lower_]
        approx: str | None = first.lower_ + " of"
        span_start = start
    else:
        value = parse_number([t.text for t in doc[start:end]])
        span_start = _approximation_start(doc, start)
        approx = APPROXIMATORS[_words(doc, span_start, start)] if span_start < start else None
    if value is None or _looks_like_year(doc, start, end, value) or _is_age(doc, end):
        return None
    unit, counted, stop = _what_is_counted(doc, start, end)
    if not unit:
        return None
    if span_start > 0 and doc[span_start - 1].text in CURRENCY_SYMBOLS:
        span_start -= 1
    last = doc[stop - 1]
    return Figure(
        article_id=article_id,
        start=offset + doc[span_start].idx,
        end=offset + last.idx + len(last.text),
        value=value,
        unit=unit,
        approx=approx,
        counted=counted,
    )


def _looks_like_year(doc: Doc, start: int, end: int, value: float) -> bool:
    token = doc[start]
    return (
        end - start == 1 and token.text.isdigit() and len(token.text) == 4 and 1800 <= value <= 2100
    )


def _is_age(doc: Doc, end: int) -> bool:
    """ "a two-year-old child", "15-year-old": an age describes, it does not count."""
    following = "".join(t.text for t in doc[end : end + 4]).lower()
    return following.startswith(("-year-old", "-years-old", "-month-old", "-day-old"))


def _approximation_start(doc: Doc, start: int) -> int:
    for size in range(_LONGEST_APPROX, 0, -1):
        begin = start - size
        if begin >= 0 and _words(doc, begin, start) in APPROXIMATORS:
            if size == 1 and not _modifies_number(doc[begin], doc[start]):
                continue
            return begin
    return start


def _modifies_number(word: Token, number: Token) -> bool:
    """ "about 430": "about" hangs on the number; in "control over two villages" it does not."""
    return word.head.i in (number.i, number.head.i) and word.dep_ in _APPROX_DEPS


def _words(doc: Doc, start: int, end: int) -> tuple[str, ...]:
    return tuple(t.lower_ for t in doc[start:end])


def _what_is_counted(doc: Doc, start: int, end: int) -> tuple[str, str | None, int]:
    """``(unit, counted, end token)`` for the number ``doc[start:end]``; unit "" when nothing is
    counted (a bare number)."""
    before = doc[start - 1] if start > 0 else None
    if before is not None and before.text in CURRENCY_SYMBOLS:
        return CURRENCY_SYMBOLS[before.text], None, end
    if end < len(doc) and doc[end].text == "%":
        return "percent", None, end + 1
    if _is_hyphen_measure(doc[end - 1]):
        unit = doc[end + 1].lower_.rstrip("s") + "s"
        head = _noun_after(doc, end + 2)
        if head is None:
            return unit, None, end + 2
        return unit, _phrase(doc, end + 2, head.i + 1), head.i + 1
    head = _counted_head(doc, start, end)
    if head is None:
        return _number_of(doc[end - 1])
    if head.lower_ in MEASURES:
        return doc[end : head.i + 1].text.lower(), _of_object(head), head.i + 1
    return head.lower_, _phrase(doc, end, head.i + 1), head.i + 1


def _phrase(doc: Doc, start: int, end: int) -> str | None:
    """The words from ``start`` to ``end`` as written, without a leading "more" or "other"."""
    while start < end and doc[start].lower_ in _NOT_COUNTED:
        start += 1
    return doc[start:end].text if start < end else None


def _counted_head(doc: Doc, start: int, end: int) -> Token | None:
    """The noun the number counts: its syntactic head when that follows closely (over
    adjectives and compounds), else the first noun right after it."""
    head = doc[end - 1].head
    if (
        head.pos_ in _NOUNS
        and end <= head.i <= end + 5
        and all(t.pos_ in _NP_INSIDE and t.text != "," for t in doc[end : head.i])
    ):
        return head
    if end < len(doc) and doc[end].lower_ == "of":
        return None
    return _noun_after(doc, end)


def _noun_after(doc: Doc, i: int) -> Token | None:
    """The last noun of the noun run that starts within a few words of ``i``."""
    for token in doc[i : i + 4]:
        if token.pos_ in _NOUNS:
            last = token
            while (
                last.i + 1 < len(doc)
                and doc[last.i + 1].pos_ in _NOUNS
                and last.head.i == last.i + 1
            ):
                last = doc[last.i + 1]
            return last
        if token.pos_ != "ADJ" and token.text != "-":
            return None
    return None


def _number_of(number: Token) -> tuple[str, str | None, int]:
    """ "the number of wounded civilians ... has risen to 14": what the number counts is named
    by the subject of the verb it completes."""
    preposition = number.head
    verb = preposition.head if preposition.dep_ == "prep" else None
    if verb is None or verb.lemma_ not in _CHANGE_VERBS and verb.lower_ not in _CHANGE_VERBS:
        return "", None, number.i + 1
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.lower_ not in ("number", "toll", "tally", "count", "total"):
        return "", None, number.i + 1
    counted = _of_object(subject)
    if counted is None:
        return "", None, number.i + 1
    return counted, counted, number.i + 1


def _of_object(head: Token) -> str | None:
    """ "kilometers of territory" -> "territory"."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj.lower_
    return None
