"""Lemmas on demand, from the English model's own lemma tables.

The spaCy lemmatizer is left out of the pipeline: we read lemmas of a few tokens only (cue
candidates), and its rule lookup tests membership in lists of thousands of words. Here the same
tables (index, exceptions, suffix rules) are turned into sets once and applied the same way,
with a cache by word form and part of speech.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Token

BASE_TAGS = frozenset({"VB", "VBP", "NN", "NNP", "JJ", "RB"})
"""Penn tags of uninflected forms: the lemma is the lower-cased word."""

LEMMATIZED_POS = ("verb", "noun", "adj")


@dataclass(frozen=True, slots=True)
class LemmaTables:
    """spaCy's English rule tables for some parts of speech, as sets and tuples."""

    index: Mapping[str, frozenset[str]]
    exceptions: Mapping[str, Mapping[str, Sequence[str]]]
    rules: Mapping[str, tuple[tuple[str, str], ...]]

    @classmethod
    def from_lookups(cls, lookups: Any) -> LemmaTables:
        index_table = lookups.get_table("lemma_index", {})
        exc_table = lookups.get_table("lemma_exc", {})
        rules_table = lookups.get_table("lemma_rules", {})
        return cls(
            index={pos: frozenset(index_table.get(pos, ())) for pos in LEMMATIZED_POS},
            exceptions={pos: dict(exc_table.get(pos, {})) for pos in LEMMATIZED_POS},
            rules={
                pos: tuple((old, new) for old, new in rules_table.get(pos, ()))
                for pos in LEMMATIZED_POS
            },
        )

    def lemmatize(self, word: str, pos: str) -> str:
        """The lemma of a lower-cased ``word`` of universal part of speech ``pos`` (lower case),
        chosen as spaCy's rule lemmatizer chooses it."""
        exceptions = self.exceptions.get(pos, {}).get(word)
        if exceptions:
            return exceptions[0]
        index = self.index.get(pos, frozenset())
        fallback = None
        for old, new in self.rules.get(pos, ()):
            if word.endswith(old):
                form = word[: len(word) - len(old)] + new
                if not form:
                    continue
                if form in index:
                    return form
                if fallback is None:
                    fallback = form
        return fallback or word


@dataclass(slots=True)
class Lemmas:
    """``lemmas(token)`` -> lower-case lemma, cached by word form and part of speech."""

    tables: LemmaTables | None = None
    _cache: dict[tuple[int, int], str] = field(default_factory=dict, repr=False)

    @classmethod
    def for_pipeline(cls, nlp: Language) -> Lemmas:
        """Use the tables of the pipeline's (disabled) lemmatizer when it has one."""
        if "lemmatizer" in nlp.component_names:
            lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
            if lookups is not None and lookups.has_table("lemma_rules"):
                return cls(LemmaTables.from_lookups(lookups))
        return cls()

    def __call__(self, token: Token) -> str:
        key = (token.orth, token.pos)
        lemma = self._cache.get(key)
        if lemma is None:
            lemma = self._compute(token)
            self._cache[key] = lemma
        return lemma

    def _compute(self, token: Token) -> str:
        # token.lemma_ is not read: whether a pipeline component set it must not change a
        # feature (the cue model was fitted with these lemmas)
        word = token.lower_
        pos = token.pos_.lower()
        if self.tables is None or pos not in LEMMATIZED_POS or token.tag_ in BASE_TAGS:
            return word
        return self.tables.lemmatize(word, pos)
