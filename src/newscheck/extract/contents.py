"""The content of an attribution (what was said), read off the parse around the cue."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newscheck.extract.lexicon import words
from newscheck.extract.quotes import QUOTE_MARKS, QuoteIndex
from newscheck.extract.sources import PASSIVE_SUBJECTS, PHRASAL_PREPOSITIONS
from newscheck.extract.spans import char_range, trim

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MAX_QUOTE_DISTANCE = 40
"""Characters between a cue and a quotation it introduces or closes ("…,” Mr. Peskov said")."""

_CLAUSES_AND_OBJECTS = frozenset({"ccomp", "xcomp", "csubj", "dobj", "attr", "oprd", "dative"})
ADDRESSEE_VERBS = words(
    """
    tell inform assure remind warn notify convince persuade promise show ask advise
    """
)
"""Verbs whose object is the person spoken to ("told reporters that ...")."""


def content_of(
    doc: Doc, cue: Token, lemma: str, cue_tokens: list[Token], quotes: QuoteIndex
) -> tuple[int, int] | None:
    """The reported content as a character range, or None when the cue governs none."""
    cue_ids = {t.i for t in cue_tokens}
    children = list(cue.children)
    found = _complement(cue, lemma, children, cue_ids) or _nearby_quote(doc, cue, quotes)
    if found is None:
        return None
    complement, after = found
    side = [
        t for t in complement if t.i not in cue_ids and (after is None or (t.i > cue.i) == after)
    ]
    trimmed = trim(side)
    if not trimmed:
        return None
    start, end = char_range(doc, trimmed)
    return extend_to_quote(start, end, quotes)


def _complement(
    cue: Token, lemma: str, children: list[Token], cue_ids: set[int]
) -> tuple[list[Token], bool | None] | None:
    """The tokens of what the cue reports, by the first rule that applies, and whether they
    follow the cue (content lies on one side of it; None: on both, around a cue set off by
    commas)."""
    clauses = [c for c in children if c.dep_ in _CLAUSES_AND_OBJECTS]
    if clauses:
        if lemma in ADDRESSEE_VERBS and any(c.dep_ in ("ccomp", "xcomp") for c in clauses):
            # "told reporters that ...": the addressee is not what was said
            clauses = [c for c in clauses if c.dep_ not in ("dobj", "dative")]
        after = clauses[0].i > cue.i
        if after:
            clauses = [c for c in clauses if c.i > cue.i]
        return sorted((t for c in clauses for t in c.subtree), key=lambda t: t.i), after
    phrasal = PHRASAL_PREPOSITIONS.get(lemma, frozenset())
    prep = next(
        (c for c in children if c.dep_ == "prep" and c.i > cue.i and c.lower_ in phrasal),
        None,
    )
    if prep is not None:
        # "called for ...", also when words come between: "spoke on Tuesday about ..."
        return [t for t in prep.subtree if t.i != prep.i], True
    passive_subject = next((c for c in children if c.dep_ in PASSIVE_SUBJECTS), None)
    if passive_subject is not None:
        # "Trump has been criticized by his rivals": what the attitude is about
        return list(passive_subject.subtree), passive_subject.i > cue.i
    if cue.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in children):
        # "As The Post previously reported, C": the clause the as-clause hangs on
        left_out = {t.i for t in cue.subtree}
        rest = [t for t in cue.head.subtree if t.i not in left_out]
        following = [t for t in rest if t.i > cue.i]
        return (following, True) if following else (rest, False)
    if cue.dep_ in ("parataxis", "ccomp", "advcl") and cue.head.i < cue.i:
        # "“C,” he said" parsed with the quote as the root and the cue hanging from it
        left_out = {t.i for t in cue.subtree}
        return [t for t in cue.head.subtree if t.i not in left_out and t.i < cue.i], False
    if cue.dep_ == "parataxis" and _sandwiched(cue):
        # "Climate change, Mr. Obama says, is the greatest threat": the clause around the cue
        return list(cue.head.subtree), None
    if cue.pos_ in ("NOUN", "PROPN"):
        clause = next((c for c in children if c.dep_ in ("acl", "relcl") and _has_mark(c)), None)
        if clause is not None:
            return list(clause.subtree), True
    return None


def _sandwiched(cue: Token) -> bool:
    """A cue set off by commas inside the clause it reports ("C1, he said, C2")."""
    subtree = list(cue.subtree)
    first, last = subtree[0], subtree[-1]
    sentence = cue.sent
    before = first if first.is_punct else (first.nbor(-1) if first.i > sentence.start else None)
    after = last if last.is_punct else (last.nbor(1) if last.i + 1 < sentence.end else None)
    return (
        before is not None
        and after is not None
        and before.text in ",—–"
        and after.text in ",—–"
        and before.i > sentence.start
        and after.i + 1 < sentence.end
    )


def _nearby_quote(
    doc: Doc, cue: Token, quotes: QuoteIndex
) -> tuple[list[Token], bool | None] | None:
    """ "“Okay,” I said, attempting to regroup." / "he said: “…”": the nearest quotation in the
    cue's sentence (within a few words) that the parse did not hang on the cue."""
    regions = set()
    for token in cue.sent:
        if token.text in QUOTE_MARKS:
            region = quotes.region_at(token.idx)
            if region is not None and not region[0] <= cue.idx < region[1]:
                regions.add(region)
    if not regions:
        before = _quote_just_before(doc, cue, quotes)
        if before is None:
            return None
        regions.add(before)
    best = min(regions, key=lambda r: (_distance(r, cue), r[0]))
    if _distance(best, cue) > MAX_QUOTE_DISTANCE:
        return None
    span = doc.char_span(best[0], best[1], alignment_mode="expand")
    if span is None:
        return None
    return list(span), best[0] > cue.idx


_CUE_WORDS = frozenset({"aux", "auxpass", "neg", "advmod"})
"""Dependencies of words before a cue that belong to it ("has not said")."""


def _quote_just_before(doc: Doc, cue: Token, quotes: QuoteIndex) -> tuple[int, int] | None:
    """ "“How many times …?” Clinton said.": a sentence of only the speaker and the cue reports
    the quotation that ends just before it."""
    sentence = cue.sent
    if sentence.start == 0:
        return None
    subject = {t.i for c in cue.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    lead = [t for t in doc[sentence.start : cue.i] if not (t.is_punct or t.is_space)]
    if not subject or any(t.i not in subject and t.dep_ not in _CUE_WORDS for t in lead):
        return None
    rest = [t for t in doc[cue.i + 1 : sentence.end] if not (t.is_punct or t.is_space)]
    if any(t.dep_ not in ("advmod", "npadvmod", "prep", "pobj", "det", "compound") for t in rest):
        return None
    previous = doc[sentence.start - 1]
    while previous.i > 0 and (previous.is_space or previous.text in ".?!"):
        previous = previous.nbor(-1)
    return quotes.region_at(previous.idx)


def _distance(region: tuple[int, int], cue: Token) -> int:
    return cue.idx - region[1] if region[1] <= cue.idx else region[0] - cue.idx


def _has_mark(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def extend_to_quote(start: int, end: int, quotes: QuoteIndex) -> tuple[int, int]:
    """Widen a content that starts or ends inside a quotation to the whole quotation."""
    first = quotes.region_at(start)
    if first is not None and first[0] < start and first[1] > start:
        start = first[0]
    last = quotes.region_at(max(end - 1, start))
    if last is not None and last[1] > end:
        end = last[1]
    return start, end
