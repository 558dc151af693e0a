"""Attributions: who (source) said (cue) what (content), as three spans into the text.

Cues come from :mod:`newscheck.extract.cues`; source and content are read off the dependency
parse around the cue:

- "X said (that) C" / "“C,” X said" / "X, saying C": the subject and the clause;
- "C, according to X": the object of "to" and the rest of the clause;
- "X wants to C", "X endorsed C", "X called for C": the subject and the complement;
- "X's claim that C": the possessor and the clause;
- "C1, X said, C2": the whole clause around the cue; "“C?” X asked.": the quote before;
- "X is afraid that C", "X has been critical of C": an attitude stated with "to be";
- a quote that runs over several sentences is taken whole;
- "Gerasimov reported, according to TASS": speaker Gerasimov, via TASS;
- a line opened by a speaker and a colon ("Trump: We will win.", "TAPPER: ..."), see
  :mod:`newscheck.extract.line_colons`.

As in the annotated corpora, a cue inside another attribution's content is not reported on its
own (the outer attribution already covers it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newscheck.extract.contents import content_of, extend_to_quote
from newscheck.extract.cues import CueModel, candidates, cue_features
from newscheck.extract.lemmas import Lemmas
from newscheck.extract.lexicon import words
from newscheck.extract.line_colons import line_colon, lowercase_words
from newscheck.extract.predicates import attitude_of, predicate_content, predicate_extent
from newscheck.extract.quotes import QUOTE_MARKS, QuoteIndex
from newscheck.extract.sources import cue_extent, source_of, subject_of
from newscheck.extract.spans import char_range, trim
from newscheck.model import Attribution, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from newscheck.extract.cue_tagger import CueTagger

SCHEME = "attribution.spacy-deps+cue-lr+line-colons.v3"

REPORTING_VERBS = words(
    """
    say tell report claim announce state add confirm deny write declare insist assert allege
    warn note explain argue estimate acknowledge admit reveal predict
    """
)
"""Verbs that, with "according to" on them, make a chain of two speakers."""


@dataclass(frozen=True, slots=True)
class _Found:
    cue: tuple[int, int]
    source: tuple[int, int] | None
    content: tuple[int, int]
    via: tuple[int, int] | None
    cue_token: int
    relay: tuple[int, int] | None = None
    """The whole "according to X" phrase of a chain, so that it is not read again on its own."""


def attributions_in(
    doc: Doc,
    article_id: str,
    model: CueModel,
    lemmas: Lemmas,
    offset: int = 0,
    text: str | None = None,
    following: tuple[int, int] | None = None,
    lowercase: frozenset[str] | None = None,
    tagger: CueTagger | None = None,
) -> list[Attribution]:
    """Attributions in a parsed text. Spans are offsets into ``text`` (the doc's text by default)
    plus ``offset`` when the doc is a chunk of a longer text. ``following`` is the range of the
    next chunk (same offsets): what a closing "He said:" introduces. ``lowercase``: the words
    in lower case in the whole text (:func:`~newscheck.extract.line_colons.lowercase_words`;
    by default the doc's). ``tagger``: a second reader for the candidates the cue model
    doubts (:mod:`~newscheck.extract.cue_tagger`)."""
    quotes = QuoteIndex.of(doc.text)
    scored = _cues(doc, model, lemmas, quotes, tagger)
    found = _resolve(doc, scored, quotes, lemmas)
    lines = _line_colons(doc, found, quotes, lowercase)
    found = sorted(found + lines, key=lambda f: f.cue[0])
    out = [_to_attribution(f, article_id, offset) for f in found]
    if following is not None:
        introduced = _introducing(doc, scored, found)
        if introduced is not None:
            out.append(_to_attribution(introduced, article_id, offset, following))
    return out


def _cues(
    doc: Doc, model: CueModel, lemmas: Lemmas, quotes: QuoteIndex, tagger: CueTagger | None
) -> list[tuple[float, Token, str]]:
    """The candidates taken as cues, with their probability, in text order. With a tagger, the
    candidates the cue model doubts are decided by the tagger's reading of their sentence."""
    scored: list[tuple[float, Token, str]] = []
    doubtful: dict[int, list[tuple[float, Token, str]]] = {}
    for token, lemma in candidates(list(doc), lemmas):
        probability = model.probability(cue_features(token, lemma, quotes))
        if tagger is not None and tagger.decision.doubts(probability):
            doubtful.setdefault(token.sent.start, []).append((probability, token, lemma))
        elif probability >= model.threshold:
            scored.append((probability, token, lemma))
    if tagger is None or not doubtful:
        return scored
    for items in doubtful.values():
        sentence = items[0][1].sent
        base = sentence.start_char
        words = [(t.idx - base, t.idx - base + len(t.text)) for _, t, _ in items]
        logits = tagger.word_logits(sentence.text, words)
        for (probability, token, lemma), logit in zip(items, logits, strict=True):
            if logit is not None:
                probability = tagger.decision.probability(probability, logit)
                if tagger.decision.takes(probability):
                    scored.append((probability, token, lemma))
            elif probability >= model.threshold:
                scored.append((probability, token, lemma))
    scored.sort(key=lambda item: item[1].i)
    return scored


def _introducing(
    doc: Doc, scored: Sequence[tuple[float, Token, str]], found: Sequence[_Found]
) -> _Found | None:
    """ "The New York Times reports:" / "He added:" closing a paragraph, the words in the next:
    a cue heading the last sentence, which ends in a colon, and read no content here."""
    last = next((t for t in reversed(doc) if not t.is_space), None)
    if last is None or last.text != ":" or any(f.cue_token == last.i for f in found):
        return None
    for _, cue, lemma in scored:
        if cue.sent.end != last.i + 1 or cue.dep_ != "ROOT" or cue.pos_ != "VERB":
            continue
        if any(f.cue_token == cue.i for f in found) or any(
            c.dep_ in ("ccomp", "xcomp", "dobj") for c in cue.children
        ):
            return None
        source = source_of(cue, lemma)
        return _Found(
            cue=char_range(doc, cue_extent(cue, lemma)),
            source=char_range(doc, source) if source else None,
            content=(0, 0),
            via=None,
            cue_token=cue.i,
        )
    return None


def _resolve(
    doc: Doc, scored: Sequence[tuple[float, Token, str]], quotes: QuoteIndex, lemmas: Lemmas
) -> list[_Found]:
    """Read source and content for each cue; drop cues inside an accepted content (outer first:
    a cue nearer the root of its sentence wins) and cues whose words another attribution has."""
    ordered = sorted(scored, key=lambda item: (_depth(item[1]), -item[0], item[1].i))
    accepted: list[_Found] = []
    taken: list[tuple[int, int]] = []
    for _, token, lemma in ordered:
        if any(start <= token.idx < end for start, end in taken):
            continue
        found = _read(doc, token, lemma, quotes, lemmas)
        if found is None:
            continue
        accepted.append(found)
        taken.append(found.cue)
        taken.append(found.content)
        if found.source is not None:
            taken.append(found.source)
        if found.relay is not None:
            taken.append(found.relay)
    accepted.sort(key=lambda f: f.cue[0])
    return accepted


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token = token.head
        depth += 1
    return depth


def _read(doc: Doc, cue: Token, lemma: str, quotes: QuoteIndex, lemmas: Lemmas) -> _Found | None:
    if cue.lower_ == "according":
        inner = cue.head
        if inner.pos_ == "VERB" and lemmas(inner) in REPORTING_VERBS and subject_of(inner):
            # "According to TASS, Gerasimov reported that ...": Gerasimov's words, via TASS
            inner_found = _read(doc, inner, lemmas(inner), quotes, lemmas)
            if inner_found is not None:
                return inner_found
        return _according_to(doc, cue, quotes)
    if cue.text == ":":
        return _colon(doc, cue, quotes)
    if cue.pos_ == "AUX" and attitude_of(cue) is not None:
        return _attitude(doc, cue, quotes)
    extent = cue_extent(cue, lemma)
    content = content_of(doc, cue, lemma, extent, quotes)
    if content is None:
        return None
    source = source_of(cue, lemma)
    via = relay = None
    chained = _according_child(cue)
    if chained is not None:
        via = _via(chained)
        relay = char_range(doc, list(chained.subtree))
    return _Found(
        cue=char_range(doc, extent),
        source=char_range(doc, source) if source else None,
        content=content,
        via=char_range(doc, via) if via else None,
        cue_token=cue.i,
        relay=relay,
    )


# --------------------------------------------------------------------------- according to, colon


def _according_child(cue: Token) -> Token | None:
    for child in cue.children:
        if child.lower_ == "according" and child.dep_ == "prep":
            return child
    return None


def _via(according: Token) -> list[Token] | None:
    """Who "according to" names: everything the phrase holds but its two words (the parser
    sometimes hangs a name on "according" rather than on "to")."""
    to = next((c for c in according.children if c.lower_ == "to"), None)
    if to is None:
        return None
    named = [t for t in according.subtree if t.i not in (according.i, to.i)]
    trimmed = trim(named)
    return trimmed or None


def _according_to(doc: Doc, according: Token, quotes: QuoteIndex) -> _Found | None:
    source = _via(according)
    to = next((c for c in according.children if c.lower_ == "to"), None)
    cue_tokens = [according] + ([to] if to is not None else [])
    head = according.head
    if head.i == according.i:
        return None
    phrase = {t.i for t in according.subtree}
    rest = _sentence_rest(according, phrase)
    if rest is None:
        # in mid-sentence: the clause the phrase modifies, less the phrase itself
        clause = head
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        rest = _side_of([t for t in clause.subtree if t.i not in phrase], according)
    trimmed = trim(rest)
    if not trimmed:
        return None
    start, end = char_range(doc, trimmed)
    return _Found(
        cue=char_range(doc, cue_tokens),
        source=char_range(doc, source) if source else None,
        content=extend_to_quote(start, end, quotes),
        via=None,
        cue_token=according.i,
    )


def _sentence_rest(according: Token, phrase: set[int]) -> list[Token] | None:
    """ "C, according to X." / "According to X, C.": the rest of the sentence; None when the
    phrase stands in the middle."""
    sentence = according.sent
    first, last = min(phrase), max(phrase)
    before = [t for t in sentence if t.i < first and not _separator(t)]
    after = [t for t in sentence if t.i > last and not _separator(t)]
    if not after:
        return [t for t in sentence if t.i < first]
    if not before:
        return [t for t in sentence if t.i > last]
    return None


def _separator(token: Token) -> bool:
    return token.is_space or (token.is_punct and token.text not in QUOTE_MARKS)


def _side_of(tokens: list[Token], phrase: Token) -> list[Token]:
    """The longer unbroken run of ``tokens`` before or after ``phrase`` (content is one span)."""
    before = [t for t in tokens if t.i < phrase.i]
    after = [t for t in tokens if t.i > phrase.i]
    return before if len(before) >= len(after) else after


def _colon(doc: Doc, colon: Token, quotes: QuoteIndex) -> _Found | None:
    """ "Trump: “We will win.”", "Graham: Trump's Rhetoric Destroying GOP's Chance": a short
    name opening the sentence, a colon, and what the person said."""
    sentence = colon.sent
    before = [t for t in doc[sentence.start : colon.i] if not t.is_space]
    after = [t for t in doc[colon.i + 1 : sentence.end] if not t.is_space]
    if not before or len(after) < 2 or len(before) > 4:
        return None
    if not all(t.pos_ == "PROPN" or t.is_punct for t in before) or before[-1].pos_ != "PROPN":
        return None
    trimmed = trim(after)
    if not trimmed:
        return None
    start, end = char_range(doc, trimmed)
    return _Found(
        cue=char_range(doc, [colon]),
        source=char_range(doc, before),
        content=extend_to_quote(start, end, quotes),
        via=None,
        cue_token=colon.i,
    )


def _line_colons(
    doc: Doc, found: Sequence[_Found], quotes: QuoteIndex, lowercase: frozenset[str] | None
) -> list[_Found]:
    """Speaker labels opening a line ("Trump: ...") whose colon no attribution has read."""
    taken = [f.cue for f in found] + [f.content for f in found]
    taken += [f.source for f in found if f.source is not None]
    out: list[_Found] = []
    for token in doc:
        if token.text != ":" or any(start <= token.idx < end for start, end in taken):
            continue
        lowercase = lowercase_words(doc.text) if lowercase is None else lowercase
        label = line_colon(doc, token, lowercase)
        if label is None:
            continue
        speaker, words_ = label
        start, end = char_range(doc, words_)
        out.append(
            _Found(
                cue=char_range(doc, [token]),
                source=char_range(doc, speaker),
                content=extend_to_quote(start, end, quotes),
                via=None,
                cue_token=token.i,
            )
        )
    return out


def _attitude(doc: Doc, copula: Token, quotes: QuoteIndex) -> _Found | None:
    """ "Many Democrats are afraid that C", "Graham has been critical of C"."""
    attitude = attitude_of(copula)
    if attitude is None:
        return None
    found = predicate_content(copula, attitude)
    if found is None:
        return None
    content, preposition = found
    trimmed = trim(content)
    if not trimmed:
        return None
    source = subject_of(copula)
    start, end = char_range(doc, trimmed)
    return _Found(
        cue=char_range(doc, predicate_extent(copula, attitude, preposition)),
        source=char_range(doc, source) if source else None,
        content=extend_to_quote(start, end, quotes),
        via=None,
        cue_token=copula.i,
    )


# --------------------------------------------------------------------------- records


def _to_attribution(
    found: _Found, article_id: str, offset: int, content: tuple[int, int] | None = None
) -> Attribution:
    """The record, offsets shifted to the whole text; ``content`` (already shifted) replaces the
    found content when it lies in another chunk."""

    def span(rng: tuple[int, int]) -> Span:
        return Span(article_id, rng[0] + offset, rng[1] + offset)

    return Attribution(
        article_id=article_id,
        source=span(found.source) if found.source else None,
        cue=span(found.cue),
        content=Span(article_id, *content) if content is not None else span(found.content),
        via=span(found.via) if found.via else None,
        scheme=SCHEME,
    )
