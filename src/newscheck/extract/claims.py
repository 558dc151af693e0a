"""Claims: each checkable statement of an article, with who makes it (speaker), how (cue), the
stance (asserts, denies, hedges), its figures and the entities it names.

An attribution whose content is a clause is a claim in its speaker's voice. A sentence that is
mostly not reported speech is a claim in the outlet's own voice when the check-worthiness model
rates it a factual claim, or an opinion when it reads as commentary; other sentences (site
furniture, greetings) are not claims.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newscheck.extract import checkworthy
from newscheck.extract.context import ClaimContext
from newscheck.extract.speakers import Speaker, speaker_of
from newscheck.extract.stance import kind_of, stance_of
from newscheck.model import Attribution, Claim, Entity, Figure, Stance, digest

if TYPE_CHECKING:
    pass

SCHEME = "claims.attributed+checkworthy.v1"

MIN_CONTENT_WORDS = 3
"""An attributed content shorter than this, or without a verb ("endorsed Trump", "dismissed
these assertions"), is not a claim on its own; its sentence may still be one in the outlet's
voice."""

OUTLET_SHARE = 0.5
"""A sentence is (also) a claim in the outlet's voice when at least this share of its words lie
outside the attributed claims found in it."""


def claims_in(context: ClaimContext) -> list[Claim]:
    """The claims of one article, in text order."""
    sentences = _sentences(context)
    starts = [s for s, _ in sentences]
    claims: list[Claim] = []
    attributed_words: dict[int, int] = {}
    previous: Speaker | None = None
    for attribution in sorted(context.attributions, key=lambda a: a.cue.start):
        index = max(bisect.bisect_right(starts, attribution.cue.start) - 1, 0)
        speaker = speaker_of(context, attribution, previous)
        if speaker.name is not None:
            previous = speaker
        claim = _attributed_claim(
            context, attribution, speaker, sentences[index] if sentences else None
        )
        if claim is None:
            continue
        claims.append(claim)
        covered = _words(context.text, attribution.content.start, attribution.content.end)
        covered += _words(context.text, attribution.cue.start, attribution.cue.end)
        if attribution.source is not None:
            covered += _words(context.text, attribution.source.start, attribution.source.end)
        attributed_words[index] = attributed_words.get(index, 0) + covered
    for index, (start, end) in enumerate(sentences):
        words = _words(context.text, start, end)
        if words < 4 or attributed_words.get(index, 0) > words * (1 - OUTLET_SHARE):
            continue
        claim = _outlet_claim(context, start, end)
        if claim is not None:
            claims.append(claim)
    claims.sort(key=lambda c: (c.start, c.end))
    return claims


def _sentences(context: ClaimContext) -> list[tuple[int, int]]:
    if context.segmentation is not None and context.segmentation.sentences:
        return [(s.start, s.end) for s in context.segmentation.sentences]
    out = []
    for offset, _, doc in context.docs:
        for sentence in doc.sents:
            out.append((offset + sentence.start_char, offset + sentence.end_char))
    return out


def _words(text: str, start: int, end: int) -> int:
    return len(text[start:end].split())


# --------------------------------------------------------------------------- attributed claims


def _attributed_claim(
    context: ClaimContext,
    attribution: Attribution,
    speaker: Speaker,
    sentence: tuple[int, int] | None,
) -> Claim | None:
    text = context.text
    cue_text = text[attribution.cue.start : attribution.cue.end]
    if _negated(cue_text):
        # "officials did not confirm ..." is the outlet's statement, not the officials' claim
        return None
    start, end = attribution.content.start, attribution.content.end
    if _words(text, start, end) < MIN_CONTENT_WORDS:
        return None
    content = context.span(start, end)
    if content is None or not any(t.pos_ in ("VERB", "AUX") for t in content):
        return None
    whole = context.span(*sentence) if sentence else None
    cue = context.span(attribution.cue.start, attribution.cue.end)
    cue_lemma = context.lemmas(cue.root) if cue is not None and len(cue) else cue_text.lower()
    stance: Stance = stance_of(cue_lemma, content, whole)
    score = checkworthy.score(whole) if whole is not None else 0.0
    return Claim(
        id=claim_id(context.article.id, start, end),
        article_id=context.article.id,
        start=start,
        end=end,
        text=text[start:end],
        speaker=speaker.name,
        cue=cue_text,
        stance=stance,
        kind=kind_of(cue_lemma, content),
        figures=_figures_within(context.figures, start, end),
        entities=_entities_within(context.entities, start, end),
        via=speaker.via,
        checkworthy=round(score, 3),
        scheme=SCHEME,
    )


def _negated(cue_text: str) -> bool:
    words = cue_text.lower().replace("n't", " not").split()
    return any(w in ("not", "never", "no") for w in words)


# --------------------------------------------------------------------------- outlet claims


def _outlet_claim(context: ClaimContext, start: int, end: int) -> Claim | None:
    sentence = context.span(start, end)
    if sentence is None or not any(t.pos_ in ("VERB", "AUX") for t in sentence):
        return None
    score = checkworthy.score(sentence)
    kind = kind_of(None, sentence)
    if kind == "fact" and score < checkworthy.threshold():
        return None
    text = context.text
    while end > start and text[end - 1].isspace():
        end -= 1
    return Claim(
        id=claim_id(context.article.id, start, end),
        article_id=context.article.id,
        start=start,
        end=end,
        text=text[start:end],
        speaker=None,
        cue=None,
        stance=stance_of(None, sentence, sentence),
        kind=kind,
        figures=_figures_within(context.figures, start, end),
        entities=_entities_within(context.entities, start, end),
        checkworthy=round(score, 3),
        scheme=SCHEME,
    )


# --------------------------------------------------------------------------- shared


def claim_id(article_id: str, start: int, end: int) -> str:
    """Deterministic: the same article and span give the same id in any run or store."""
    return "c" + digest("claim", article_id, str(start), str(end))


def _figures_within(figures: Sequence[Figure], start: int, end: int) -> tuple[Figure, ...]:
    return tuple(f for f in figures if f.start >= start and f.end <= end)


def _entities_within(entities: Sequence[Entity], start: int, end: int) -> tuple[str, ...]:
    return tuple(dict.fromkeys(e.canonical for e in entities if e.start >= start and e.end <= end))
