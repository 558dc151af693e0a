"""One canonical name per entity: within an article ("Vladimir V. Putin", "Mr. Putin", "Putin",
"the Russian leader") and across the articles of a run ("Dmitri S. Peskov" / "Dmitry Peskov",
"Russia's Defence Ministry" / "the Russian Defense Ministry").

People are keyed by surname and told apart by first name; organisations by their name with the
article, British spellings and a country's possessive ("Russia's" -> "Russian") normalised;
places by their folded gazetteer key.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from newscheck.extract.names import (
    DEMONYMS,
    HONORIFICS,
    LEADER_ROLES,
    TITLE_WORDS,
    display_key,
    name_tokens,
    org_form,
    org_key,
    person_form,
    same_first_name,
    surname_key,
)
from newscheck.model import Claim, Entity

if TYPE_CHECKING:
    from newscheck.extract.extractor import Extraction

SCHEME = "canonical.surname+orgkey.v1"

# --------------------------------------------------------------------------- within one article


def name_entities(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """Set ``canonical`` on an article's entity mentions: the fullest name the article uses for
    the entity, plus mentions by description ("the Russian leader") where they are clear."""
    entities = _people_mislabelled_as_orgs(text, entities)
    people = _people_names(entities)
    orgs = _org_names(entities)
    named = []
    for entity in entities:
        written = entity.canonical
        if entity.label == "PERSON":
            canonical = people.get(surname_key(written), person_form(written)) or written
            canonical = _best_person(written, canonical)
        elif entity.label == "ORG":
            canonical = orgs.get(org_key(written), org_form(written)) or written
        else:
            canonical = written
        named.append(dataclasses.replace(entity, canonical=canonical))
    named.extend(_descriptions(text, named))
    named.sort(key=lambda e: (e.start, e.end))
    return named


def _people_mislabelled_as_orgs(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """ "Trump welcomed ...", "Commander-in-Chief Oleksandr Syrskyi confirmed ...": names the
    model took for organisations, whose surname the article also uses for a person or that
    follow a person's title."""
    surnames = {surname_key(e.canonical) for e in entities if e.label == "PERSON"}
    out = []
    for entity in entities:
        if entity.label == "ORG" and _name_shaped(entity.canonical):
            before = text[max(0, entity.start - 30) : entity.start].split()[-1:]
            titled = bool(before) and any(
                part.lower().strip(".,") in TITLE_WORDS | HONORIFICS
                for part in before[0].split("-")
            )
            if titled or surname_key(entity.canonical) in surnames:
                entity = dataclasses.replace(entity, label="PERSON")
        out.append(entity)
    return out


def _name_shaped(name: str) -> bool:
    words = name.split()
    return 1 <= len(words) <= 3 and all(w[:1].isupper() and w.isalpha() for w in words)


def _best_person(written: str, article_form: str) -> str:
    """Keep a different first name apart ("Eric Trump" in an article about "Donald Trump")."""
    tokens = name_tokens(written)
    full = name_tokens(article_form)
    if len(tokens) >= 2 and len(full) >= 2 and not same_first_name(tokens[0], full[0]):
        return person_form(written)
    return article_form


def _people_names(entities: Iterable[Entity]) -> dict[str, str]:
    """Surname -> the article's first full name with that surname."""
    names: dict[str, str] = {}
    for entity in entities:
        if entity.label != "PERSON":
            continue
        form = person_form(entity.canonical)
        if len(form.split()) >= 2:
            names.setdefault(surname_key(form), form)
    return names


def _org_names(entities: Iterable[Entity]) -> dict[str, str]:
    """Org key -> the fullest form in the article; a short form that ends a longer one ("Defense
    Ministry" in an article that has "Russian Defense Ministry") maps to it."""
    forms = {org_key(e.canonical): org_form(e.canonical) for e in entities if e.label == "ORG"}
    names: dict[str, str] = {}
    for key, form in forms.items():
        longer = [k for k in forms if k != key and k.endswith(" " + key)]
        names[key] = forms[longer[0]] if len(longer) == 1 else form
    return names


_DESCRIPTION = re.compile(r"\b[Tt]he ([A-Z][a-z]+) (leader|president|premier|chancellor)\b")


_COUNTRY_AFTER = re.compile(r"^\s+of\s+(?:the\s+)?([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)")


def _descriptions(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """ "the Russian leader" -> the one person introduced as "Russian President ..." or
    "President ... of Russia" in this article."""
    introduced: dict[str, set[str]] = defaultdict(set)
    for entity in entities:
        if entity.label != "PERSON":
            continue
        before = [
            w.strip(",").lower()
            for w in text[max(0, entity.start - 40) : entity.start].split()[-3:]
        ]
        if not any(w in LEADER_ROLES or w == "minister" for w in before):
            continue
        words = set(before)
        country = _COUNTRY_AFTER.match(text[entity.end : entity.end + 40])
        if country and country.group(1).lower() in DEMONYMS:
            words.add(DEMONYMS[country.group(1).lower()].lower())
        for word in words:
            introduced[word].add(entity.canonical)
    out = []
    covered = {(e.start, e.end) for e in entities}
    for match in _DESCRIPTION.finditer(text):
        candidates = introduced.get(match.group(1).lower(), set())
        if len(candidates) == 1 and (match.start(), match.end()) not in covered:
            article_id = entities[0].article_id
            out.append(
                Entity(article_id, match.start(), match.end(), "PERSON", next(iter(candidates)))
            )
    return out


# --------------------------------------------------------------------------- across articles


def canonicalize(extractions: Sequence[Extraction]) -> tuple[Extraction, ...]:
    """Make entity names, claim speakers and claim entities consistent over many articles."""
    renames = _renames([e for x in extractions for e in x.entities])
    if not renames:
        return tuple(extractions)
    out = []
    for extraction in extractions:
        entities = tuple(
            dataclasses.replace(e, canonical=renames.get((e.label, e.canonical), e.canonical))
            for e in extraction.entities
        )
        claims = tuple(_renamed_claim(c, renames) for c in extraction.claims)
        out.append(dataclasses.replace(extraction, entities=entities, claims=claims))
    return tuple(out)


def _renamed_claim(claim: Claim, renames: dict[tuple[str, str], str]) -> Claim:
    by_name = {old: new for (_, old), new in renames.items()}
    return dataclasses.replace(
        claim,
        speaker=by_name.get(claim.speaker, claim.speaker) if claim.speaker else None,
        via=by_name.get(claim.via, claim.via) if claim.via else None,
        entities=tuple(dict.fromkeys(by_name.get(e, e) for e in claim.entities)),
    )


def _renames(entities: Sequence[Entity]) -> dict[tuple[str, str], str]:
    """(label, name in an article) -> the run's name for that entity."""
    counts: Counter[tuple[str, str]] = Counter((e.label, e.canonical) for e in entities)
    renames: dict[tuple[str, str], str] = {}
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for label, name in counts:
        groups[(label, display_key(label, name))].append(name)
    _merge_short_orgs(groups)
    for (label, _), names in groups.items():
        for cluster in _clusters(label, names):
            best = max(cluster, key=lambda n: (counts[(label, n)], len(n.split()), len(n), n))
            for name in cluster:
                if name != best:
                    renames[(label, name)] = best
    return renames


def _merge_short_orgs(groups: dict[tuple[str, str], list[str]]) -> None:
    """An organisation named without its country in one article ("Defense Ministry") joins the
    one longer name in the run that ends with it, when there is exactly one."""
    keys = [k for k in groups if k[0] == "ORG"]
    for label, key in keys:
        longer = [k for k in keys if k[1] != key and k[1].endswith(" " + key)]
        if len(longer) == 1 and (label, key) in groups:
            groups[longer[0]].extend(groups.pop((label, key)))


def _clusters(label: str, names: list[str]) -> list[list[str]]:
    """Split people who share a surname by first name; bare surnames join the commonest."""
    if label != "PERSON":
        return [names]
    full: list[list[str]] = []
    bare: list[str] = []
    for name in sorted(names, key=lambda n: (-len(name_tokens(n)), n)):
        tokens = name_tokens(name)
        if len(tokens) < 2:
            bare.append(name)
            continue
        for cluster in full:
            if same_first_name(name_tokens(cluster[0])[0], tokens[0]):
                cluster.append(name)
                break
        else:
            full.append([name])
    if not full:
        return [bare] if bare else []
    full.sort(key=len, reverse=True)
    full[0].extend(bare)
    return full
