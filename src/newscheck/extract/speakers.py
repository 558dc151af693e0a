"""Who speaks: a source's named entity, a pronoun's antecedent, or its own words; and the
outlet that relayed the words."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newscheck.extract.context import ClaimContext
from newscheck.extract.lexicon import words
from newscheck.extract.names import org_form, surname_key
from newscheck.model import Attribution, Entity

if TYPE_CHECKING:
    from spacy.tokens import Token

PRONOUNS = words("he she him her they them i we it")
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
PERSONAL = words("he she him her i")
RELATIVES = frozenset({"who", "which", "that"})
GROUP_WORDS = words(
    """
    ministry military government army forces command service agency council office party
    committee department authorities officials kremlin house police court administration
    spokesman spokeswoman spokesperson
    """
)
"""Words that make a speaker a body, not a person (not the antecedent of "he" or "she")."""


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str | None
    label: str | None
    via: str | None = None
    at: int = -1
    """Where the speaker is named in the text (for the nearest antecedent of a pronoun)."""


def speaker_of(
    context: ClaimContext, attribution: Attribution, previous: Speaker | None
) -> Speaker:
    """Who speaks: the named entity in the source, a pronoun's antecedent, or the source's own
    words ("Ukraine's military" -> "Ukrainian military")."""
    text = context.text
    via = _via_name(context, attribution)
    source = attribution.source
    if source is None:
        return Speaker(None, None, via)
    written = text[source.start : source.end]
    low = written.lower()
    if low in PRONOUNS:
        return _antecedent(context, source.start, low, previous, via) or Speaker(written, None, via)
    if low in RELATIVES:
        before = _entity_ending_before(context.entities, text, source.start)
        if before is not None:
            return Speaker(before.canonical, before.label, via, source.start)
        return Speaker(None, None, via)
    entity = _naming_entity(context.entities, text, source.start, source.end)
    if entity is not None:
        return Speaker(entity.canonical, entity.label, via, source.start)
    name = org_form(_head_phrase(written))
    person = _person_by_surname(context.entities, name)
    if person is not None:
        return Speaker(person, "PERSON", via, source.start)
    return Speaker(name, None, via, source.start)


def _person_by_surname(entities: Sequence[Entity], name: str) -> str | None:
    """ "Okafor said ..." where the model did not tag "Okafor": the person of that surname."""
    words = name.split()
    if not 1 <= len(words) <= 2 or not all(w[:1].isupper() for w in words):
        return None
    key = surname_key(name)
    found = {
        e.canonical for e in entities if e.label == "PERSON" and surname_key(e.canonical) == key
    }
    return found.pop() if len(found) == 1 else None


def _antecedent(
    context: ClaimContext, offset: int, pronoun: str, previous: Speaker | None, via: str | None
) -> Speaker | None:
    """The nearer of the last speaker and the last person who was the subject of a sentence
    before the pronoun ("he" needs someone who can be a person; "they" takes the last speaker).
    A name used as a modifier ("the Trump administration") is no antecedent."""
    usable = previous is not None and (pronoun not in PERSONAL or _person_like(previous))
    person = _last_subject_person(context, offset) if pronoun in PERSONAL else None
    if usable and previous is not None and (person is None or previous.at >= person.start):
        return Speaker(previous.name, previous.label, via or previous.via, previous.at)
    if person is not None:
        return Speaker(person.canonical, "PERSON", via, person.start)
    return None


def _last_subject_person(context: ClaimContext, offset: int) -> Entity | None:
    for entity in reversed(context.entities):
        if entity.label != "PERSON" or entity.end > offset:
            continue
        span = context.span(entity.start, entity.end)
        if span is not None and len(span) and _subject_dep(span.root) in _SUBJECT_DEPS:
            return entity
    return None


def _subject_dep(token: Token) -> str:
    """The dependency of a name, through an apposition ("Mr. Demchenko, the spokesman, said")."""
    return token.head.dep_ if token.dep_ == "appos" else token.dep_


def _person_like(speaker: Speaker) -> bool:
    """A person, or a short capitalised name the entity model mislabelled ("Syrskyi" as ORG)."""
    if speaker.label == "PERSON":
        return True
    name = speaker.name or ""
    words = name.split()
    return (
        speaker.label != "PLACE"
        and 1 <= len(words) <= 3
        and all(w[:1].isupper() for w in words)
        and not any(w.lower() in GROUP_WORDS for w in words)
    )


def _via_name(context: ClaimContext, attribution: Attribution) -> str | None:
    if attribution.via is None:
        return None
    via = attribution.via
    entity = _naming_entity(context.entities, context.text, via.start, via.end)
    if entity is not None:
        return entity.canonical
    return org_form(_head_phrase(context.text[via.start : via.end]))


def _head_phrase(written: str) -> str:
    """The speaker's name before an apposition or a qualifier: "Andriy Demchenko, the spokesman
    for ..." -> "Andriy Demchenko"."""
    return written.split(",")[0].split(" — ")[0].strip()


def _naming_entity(entities: Sequence[Entity], text: str, start: int, end: int) -> Entity | None:
    """The entity a source names: a person anywhere in it ("The Kremlin spokesman, Dmitri S.
    Peskov"), else an organisation or place that ends its first phrase ("Russia's Defense
    Ministry", not "Russia")."""
    inside = [e for e in entities if e.start >= start and e.end <= end]
    people = [e for e in inside if e.label == "PERSON"]
    if people:
        return people[0]
    tail = _head_phrase(text[start:end]).rstrip()
    for entity in inside:
        if start + len(tail) - 1 <= entity.end <= start + len(tail):
            return entity
    return None


def _entity_ending_before(entities: Sequence[Entity], text: str, offset: int) -> Entity | None:
    for entity in reversed(entities):
        if entity.end <= offset:
            gap = text[entity.end : offset]
            return entity if len(gap) <= 3 and gap.strip(" ,") == "" else None
    return None
