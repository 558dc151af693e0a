"""Entities: people, places and organisations, from spaCy's entity model corrected by a gazetteer.

The small English model is known to tag some towns as people ("Kryvyi Rih", "Sumy") and to miss
small towns ("Sudzha"). A PERSON or ORG that the gazetteer knows as a place, in a place's context
("in Sumy", "the Sumy region", "near Sudzha"), becomes a PLACE; a capitalised word the model left
out, in such a context, becomes one too. A surname like "Clinton" or "Bush" (also towns) stays a
person unless the context says place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from newscheck.extract.gazetteer import Gazetteer
from newscheck.extract.lexicon import words
from newscheck.model import Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SCHEME = "entities.spacy-sm+gazetteer.v1"

EntityLabel = Literal["PERSON", "PLACE", "ORG"]

LABELS: dict[str, EntityLabel] = {
    "PERSON": "PERSON",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
    "ORG": "ORG",
}

PLACE_PREPOSITIONS = words(
    """
    in near outside around from to into toward towards across inside at through within
    """
)
"""Words before a name that make it a place ("in Sumy")."""

PLACE_NOUNS = words(
    """
    region oblast province district city town village area border front airport governor
    regional countryside direction sector
    """
)
"""Words after a name that make it a place ("the Sumy region", "Kursk governor")."""

ADMINISTRATIVE_UNITS = frozenset(
    ["oblast", "region", "province", "district", "county", "krai", "governorate"]
)
"""A name ending in one of these is a place ("Zaporizhzhia Oblast")."""

NAME_PARTICLES = words(
    """
    von van der den de da di del della la le bin ibn al el
    """
)

MULTIWORD_PLACE_POPULATION = 100_000
CITY_POPULATION = 500_000

HONORIFICS = frozenset(
    ["mr", "mrs", "ms", "miss", "dr", "sir", "president", "gen", "general", "minister"]
)

_WORDISH = frozenset({"PROPN"})
NOT_PLACES = words(
    """
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    """
)


def entities_in(doc: Doc, article_id: str, gazetteer: Gazetteer, offset: int = 0) -> list[Entity]:
    """People, places and organisations in a parsed text, labels corrected by the gazetteer.
    ``canonical`` is the name as written here; :func:`canonical.name_entities` sets it."""
    found: list[Entity] = []
    covered = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    surnames = {ent[-1].lower_ for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1}
    for ent in _joined(doc):
        label = LABELS.get(ent.label_)
        if label is None:
            continue
        ent = _without_determiner(ent)
        if not _name_like(ent):
            continue
        label = _corrected(ent, label, gazetteer, surnames)
        found.append(_entity(ent, label, article_id, offset))
    found.extend(_missed_places(doc, covered, article_id, gazetteer, offset))
    found.sort(key=lambda e: (e.start, e.end))
    return found


def _joined(doc: Doc) -> list[Span]:
    """The model's entities, with a name the model cut at a particle joined up again ("Ursula
    von der" + "Leyen")."""
    ents = list(doc.ents)
    out: list[Span] = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        if (
            ent.label_ == "PERSON"
            and ent[-1].lower_ in NAME_PARTICLES
            and i + 1 < len(ents)
            and ents[i + 1].start == ent.end
        ):
            out.append(doc.char_span(ent.start_char, ents[i + 1].end_char, label="PERSON") or ent)
            i += 2
            continue
        out.append(ent)
        i += 1
    return out


def _name_like(ent: Span) -> bool:
    """Drops what the model sometimes tags that is no name at all ("n’t", "the")."""
    return len(ent) > 0 and ent.text[:1].isupper() and any(c.isalpha() for c in ent.text[:3])


def _without_determiner(ent: Span) -> Span:
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and doc[end - 1].text in ("'s", "’s", "'", "’"):
        end -= 1
    return doc[start:end]


def _corrected(
    ent: Span, label: EntityLabel, gazetteer: Gazetteer, surnames: set[str]
) -> EntityLabel:
    if label == "PLACE":
        return label
    if len(ent) > 1 and ent[-1].lower_ in ADMINISTRATIVE_UNITS:
        return "PLACE"
    if ent.text not in gazetteer:
        return label
    if _place_context(ent):
        return "PLACE"
    if label == "PERSON" and not _person_like(ent):
        population = gazetteer.population(ent.text) or 0
        if len(ent) > 1 and population >= MULTIWORD_PLACE_POPULATION:
            # multi-word "names" that are towns: "Kryvyi Rih"
            return "PLACE"
        if len(ent) == 1 and population >= CITY_POPULATION and ent[0].lower_ not in surnames:
            # a big city's name alone, not the surname of anyone named here: "pressure on Kyiv"
            return "PLACE"
    return label


def _place_context(ent: Span) -> bool:
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    after = doc[ent.end] if ent.end < len(doc) else None
    if before is not None and before.lower_ in PLACE_PREPOSITIONS:
        return True
    if after is not None and (after.lower_ in PLACE_NOUNS or after.lower_[:-1] in PLACE_NOUNS):
        return True
    return (
        ent.start >= 3
        and doc[ent.start - 1].lower_ == "of"
        and doc[ent.start - 2].lower_ in ("city", "town", "village", "region")
    )


def _person_like(ent: Span) -> bool:
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    return before is not None and before.lower_.rstrip(".") in HONORIFICS


def _missed_places(
    doc: Doc, covered: set[int], article_id: str, gazetteer: Gazetteer, offset: int
) -> list[Entity]:
    """Capitalised words the model did not tag, known to the gazetteer, after "in", "near"..."""
    out: list[Entity] = []
    for token in doc:
        if token.i in covered or token.pos_ not in _WORDISH or not token.is_title:
            continue
        if token.lower_ in NOT_PLACES:
            continue
        if token.i == 0 or doc[token.i - 1].lower_ not in PLACE_PREPOSITIONS:
            continue
        end = token.i + 1
        while (
            end < len(doc) and end not in covered and doc[end].is_title and doc[end].pos_ == "PROPN"
        ):
            end += 1
        span = doc[token.i : end]
        if span.text in gazetteer:
            covered.update(range(token.i, end))
            out.append(_entity(span, "PLACE", article_id, offset))
    return out


def _entity(span: Span, label: EntityLabel, article_id: str, offset: int) -> Entity:
    start = offset + span.start_char
    return Entity(
        article_id=article_id,
        start=start,
        end=offset + span.end_char,
        label=label,
        canonical=span.text,
    )


def token_label(token: Token) -> EntityLabel | None:
    """The entity label of one token by spaCy's model, in our three labels."""
    return LABELS.get(token.ent_type_)
