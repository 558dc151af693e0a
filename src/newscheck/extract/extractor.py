"""The extraction stage: one spaCy pass per article, then entities, figures, attributions and
claims."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newscheck.extract.attribution import attributions_in
from newscheck.extract.canonical import canonicalize, name_entities
from newscheck.extract.claims import claims_in
from newscheck.extract.context import ClaimContext
from newscheck.extract.entities import entities_in
from newscheck.extract.figures import figures_in
from newscheck.extract.line_colons import lowercase_words
from newscheck.extract.nlp import chunk_text, load_pipeline
from newscheck.model import Article, Attribution, Claim, Entity, Figure, Segmentation

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from newscheck.extract.cue_tagger import CueTagger
    from newscheck.extract.cues import CueModel
    from newscheck.extract.gazetteer import Gazetteer
    from newscheck.extract.lemmas import Lemmas

__all__ = ["Extraction", "Extractor", "canonicalize", "default_cue_tagger"]


def default_cue_tagger(wanted: bool = True) -> CueTagger | None:
    """A cue tagger when ``wanted`` and installed (the ``embed`` extra); the model loads lazily."""
    from newscheck.extract.cue_tagger import CueTagger, tagger_available

    return CueTagger() if wanted and tagger_available() else None


@dataclass(frozen=True, slots=True)
class Extraction:
    """What extraction found in one article (every record a span into its text)."""

    article_id: str
    entities: tuple[Entity, ...]
    figures: tuple[Figure, ...]
    attributions: tuple[Attribution, ...]
    claims: tuple[Claim, ...]


@dataclass(frozen=True, slots=True)
class _Parsed:
    """One chunk of one text, parsed."""

    text_index: int
    offset: int
    doc: Doc
    following: tuple[int, int] | None = None
    """The next chunk of the same text (what a closing "He said:" introduces)."""


class Extractor:
    """Loads the spaCy model once (lazily) and extracts from many articles, batch by batch.

    ``n_process`` > 1 runs spaCy in that many worker processes (each loads its own model);
    ``batch_size`` is the number of text chunks handed to spaCy at a time; ``cue_tagger`` reads
    again the cue candidates the cue model doubts (:func:`default_cue_tagger` gives one where
    the ``embed`` extra is installed).
    """

    def __init__(
        self,
        *,
        model: str | None = None,
        batch_size: int = 32,
        n_process: int = 1,
        gazetteer: Gazetteer | None = None,
        cue_tagger: CueTagger | None = None,
    ) -> None:
        self.model_name = model
        self.batch_size = batch_size
        self.n_process = n_process
        self._nlp: Language | None = None
        self._lemmas: Lemmas | None = None
        self._cues: CueModel | None = None
        self._gazetteer = gazetteer
        self.cue_tagger = cue_tagger

    # ------------------------------------------------------------------ lazily loaded parts

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = load_pipeline(self.model_name)
        return self._nlp

    @property
    def lemmas(self) -> Lemmas:
        if self._lemmas is None:
            from newscheck.extract.lemmas import Lemmas

            self._lemmas = Lemmas.for_pipeline(self.nlp)
        return self._lemmas

    @property
    def cues(self) -> CueModel:
        if self._cues is None:
            from newscheck.extract.cues import load_cue_model

            self._cues = load_cue_model()
        return self._cues

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            from newscheck.extract.gazetteer import load_gazetteer

            self._gazetteer = load_gazetteer()
        return self._gazetteer

    # ------------------------------------------------------------------ public API

    def attributions_in_text(self, texts: Sequence[str]) -> list[list[Attribution]]:
        """Attributions in raw texts, with offsets into those texts exactly as given. The
        ``article_id`` of each is the text's index as a string."""
        out: list[list[Attribution]] = [[] for _ in texts]
        words_of: tuple[int, frozenset[str]] = (-1, frozenset())
        for parsed in self._parse(texts, with_ner=False):
            if words_of[0] != parsed.text_index:  # the parts of one text come together
                words_of = (parsed.text_index, lowercase_words(texts[parsed.text_index]))
            found = attributions_in(
                parsed.doc,
                str(parsed.text_index),
                self.cues,
                self.lemmas,
                offset=parsed.offset,
                following=parsed.following,
                lowercase=words_of[1],
                tagger=self.cue_tagger,
            )
            out[parsed.text_index].extend(found)
        return out

    def extract(
        self,
        articles: Sequence[Article],
        segmentations: Mapping[str, Segmentation],
        *,
        across_articles: bool = True,
    ) -> Iterator[Extraction]:
        """Extract from every article. With ``across_articles`` (the default) entity names are
        made consistent over all the given articles before anything is yielded; without it each
        article is yielded as soon as its batch is parsed, named on its own."""
        extractions = self._extract_each(articles, segmentations)
        if across_articles:
            yield from canonicalize(list(extractions))
        else:
            yield from extractions

    # ------------------------------------------------------------------ internals

    def _extract_each(
        self, articles: Sequence[Article], segmentations: Mapping[str, Segmentation]
    ) -> Iterator[Extraction]:
        pending: list[_Parsed] = []
        current = 0
        for parsed in self._parse([a.text for a in articles], with_ner=True):
            while parsed.text_index > current:
                yield self._one(articles[current], segmentations.get(articles[current].id), pending)
                pending = []
                current += 1
            pending.append(parsed)
        while current < len(articles):
            yield self._one(articles[current], segmentations.get(articles[current].id), pending)
            pending = []
            current += 1

    def _one(
        self, article: Article, segmentation: Segmentation | None, parts: list[_Parsed]
    ) -> Extraction:
        aid = article.id
        entities: list[Entity] = []
        figures: list[Figure] = []
        attributions: list[Attribution] = []
        lowercase = lowercase_words(article.text)
        for part in parts:
            entities.extend(entities_in(part.doc, aid, self.gazetteer, part.offset))
            figures.extend(figures_in(part.doc, aid, part.offset))
            attributions.extend(
                attributions_in(
                    part.doc,
                    aid,
                    self.cues,
                    self.lemmas,
                    offset=part.offset,
                    following=part.following,
                    lowercase=lowercase,
                    tagger=self.cue_tagger,
                )
            )
        named = name_entities(article.text, entities)
        context = ClaimContext(
            article=article,
            segmentation=segmentation,
            docs=tuple((p.offset, p.offset + _length(p.doc), p.doc) for p in parts),
            entities=tuple(named),
            figures=tuple(figures),
            attributions=tuple(attributions),
            lemmas=self.lemmas,
        )
        return Extraction(
            article_id=aid,
            entities=tuple(named),
            figures=tuple(figures),
            attributions=tuple(attributions),
            claims=tuple(claims_in(context)),
        )

    def _parse(self, texts: Sequence[str], *, with_ner: bool) -> Iterator[_Parsed]:
        """Parse every text in chunks, in order; yields chunks of text 0 first."""
        chunks = [
            (index, start, end)
            for index, text in enumerate(texts)
            for start, end in chunk_text(text)
        ]
        nlp = self.nlp
        disable = [] if with_ner else ["ner"]
        following = [
            (chunks[k + 1][1], chunks[k + 1][2])
            if k + 1 < len(chunks) and chunks[k + 1][0] == index
            else None
            for k, (index, _, _) in enumerate(chunks)
        ]
        stream = ((texts[i][s:e], k) for k, (i, s, e) in enumerate(chunks))
        with nlp.select_pipes(disable=[d for d in disable if d in nlp.pipe_names]):
            for doc, k in nlp.pipe(
                stream, as_tuples=True, batch_size=self.batch_size, n_process=self.n_process
            ):
                yield _Parsed(chunks[k][0], chunks[k][1], doc, following[k])


def _length(doc: Doc) -> int:
    """Characters in a parsed chunk, without building its text."""
    if not len(doc):
        return 0
    last = doc[-1]
    return last.idx + len(last.text_with_ws)
