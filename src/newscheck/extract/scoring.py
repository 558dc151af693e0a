"""Scoring attributions against annotated corpora: brat standoff files, span P/R/F1 per role.

Spans are compared as sets of words (runs of ``\\w`` characters, identified by where they start),
so punctuation and spacing at the edges do not count, and a quote broken by "he said" (two
fragments in brat) compares equal to one span from which the attribution's source and cue are
taken out.

- exact: the predicted and gold word sets are equal;
- overlap: they share at least one word (each gold span matched at most once);
- token: precision and recall over words, summed over spans.

Each role is a set of spans: a span that several attributions share (one source of two cues)
counts once, in the annotation and in the prediction alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newscheck.model import Attribution

ROLES = ("source", "cue", "content")

Fragments = tuple[tuple[int, int], ...]
"""One annotated span: one or more ``(start, end)`` character ranges."""

_TEXT_BOUND = re.compile(r"^(T\d+)\t([\w-]+) (\d+ \d+(?:;\d+ \d+)*)\t", re.MULTILINE)
_EVENT = re.compile(r"^(E\d+)\t(.*)$", re.MULTILINE)
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One annotated attribution; a role that was not annotated is an empty tuple."""

    source: Fragments
    cue: Fragments
    content: Fragments

    def role(self, name: str) -> Fragments:
        fragments: Fragments = getattr(self, name)
        return fragments


def read_brat(ann: str) -> list[GoldAttribution]:
    """Attributions from the text of a brat ``.ann`` file with Source, Cue and Content spans tied
    together by events (``E1 Attribution:T4 Content:T3 Cue:T2 Source:T1``)."""
    spans: dict[str, Fragments] = {}
    for match in _TEXT_BOUND.finditer(ann):
        ranges = tuple(
            (int(a), int(b)) for a, b in (part.split() for part in match.group(3).split(";"))
        )
        spans[match.group(1)] = ranges
    out = []
    for match in _EVENT.finditer(ann):
        args = dict(arg.split(":", 1) for arg in match.group(2).split() if ":" in arg)
        out.append(
            GoldAttribution(
                source=spans.get(args.get("Source", ""), ()),
                cue=spans.get(args.get("Cue", ""), ()),
                content=spans.get(args.get("Content", ""), ()),
            )
        )
    return out


def read_brat_file(path: Path) -> list[GoldAttribution]:
    return read_brat(path.read_text(encoding="utf-8"))


def words_in(text: str, ranges: Iterable[tuple[int, int]]) -> frozenset[int]:
    """Start offsets of the words inside the character ranges (a word counts if it starts there)."""
    starts: set[int] = set()
    for start, end in ranges:
        for match in _WORD.finditer(text, start, end):
            starts.add(match.start())
    return frozenset(starts)


def predicted_words(text: str, attribution: Attribution, role: str) -> frozenset[int]:
    """Words of one predicted role; the content leaves out its own source and cue (a quote
    interrupted by "he said")."""
    span = getattr(attribution, role)
    if span is None:
        return frozenset()
    words = words_in(text, [(span.start, span.end)])
    if role == "content":
        inner = [(s.start, s.end) for s in (attribution.source, attribution.cue) if s is not None]
        words -= words_in(text, inner)
    return words


@dataclass(slots=True)
class RoleScore:
    """Counts for one role over many documents."""

    gold: int = 0
    predicted: int = 0
    exact: int = 0
    overlap_gold: int = 0
    overlap_predicted: int = 0
    gold_words: int = 0
    predicted_words: int = 0
    shared_words: int = 0

    def add(self, gold: Sequence[frozenset[int]], predicted: Sequence[frozenset[int]]) -> None:
        # Each distinct span once, on both sides: a source shared by two annotated attributions
        # ("X said A and added B": one text-bound span in brat) is one span to find.
        gold = list(dict.fromkeys(g for g in gold if g))
        predicted = list(dict.fromkeys(p for p in predicted if p))
        self.gold += len(gold)
        self.predicted += len(predicted)
        self.exact += len(set(gold) & set(predicted))
        matched = _match_by_overlap(gold, predicted)
        self.overlap_gold += len(matched)
        self.overlap_predicted += len(matched)
        gold_union = frozenset().union(*gold) if gold else frozenset()
        pred_union = frozenset().union(*predicted) if predicted else frozenset()
        self.gold_words += len(gold_union)
        self.predicted_words += len(pred_union)
        self.shared_words += len(gold_union & pred_union)

    def figures(self) -> dict[str, dict[str, float]]:
        return {
            "exact": prf(self.exact, self.predicted, self.exact, self.gold),
            "overlap": prf(self.overlap_predicted, self.predicted, self.overlap_gold, self.gold),
            "token": prf(
                self.shared_words, self.predicted_words, self.shared_words, self.gold_words
            ),
        }


def _match_by_overlap(
    gold: Sequence[frozenset[int]], predicted: Sequence[frozenset[int]]
) -> list[tuple[int, int]]:
    """Greedy one-to-one matching of overlapping spans, largest overlap first."""
    pairs = [
        (len(g & p), gi, pi)
        for gi, g in enumerate(gold)
        for pi, p in enumerate(predicted)
        if not g.isdisjoint(p)
    ]
    pairs.sort(key=lambda item: (-item[0], item[1], item[2]))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    matched = []
    for _, gi, pi in pairs:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        matched.append((gi, pi))
    return matched


def prf(tp_pred: int, predicted: int, tp_gold: int, gold: int) -> dict[str, float]:
    precision = tp_pred / predicted if predicted else 0.0
    recall = tp_gold / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


@dataclass(slots=True)
class AttributionScore:
    """Scores per role, accumulated document by document."""

    roles: dict[str, RoleScore] = field(default_factory=lambda: {r: RoleScore() for r in ROLES})

    def add_document(
        self, text: str, gold: Sequence[GoldAttribution], predicted: Sequence[Attribution]
    ) -> None:
        for role in ROLES:
            gold_words = [words_in(text, g.role(role)) for g in gold]
            pred_words = [predicted_words(text, p, role) for p in predicted]
            self.roles[role].add(gold_words, pred_words)

    def figures(self) -> dict[str, dict[str, dict[str, float]]]:
        return {role: score.figures() for role, score in self.roles.items()}


@dataclass(frozen=True, slots=True)
class AnnotatedText:
    """One text of an annotated corpus with its gold attributions."""

    name: str
    text: str
    gold: tuple[GoldAttribution, ...]


def read_polnear(split_dir: Path) -> list[AnnotatedText]:
    """The texts of one PolNeAR split (``data/<split>``) with their attributions; where several
    annotators did a text, the first annotation (by file name) is the gold."""
    texts = []
    for text_path in sorted((split_dir / "text").glob("*.txt")):
        annotations = sorted((split_dir / "attributions").glob(text_path.stem + "_*.ann"))
        if not annotations:
            continue
        text = text_path.read_bytes().decode("utf-8")
        gold = tuple(read_brat_file(annotations[0]))
        texts.append(AnnotatedText(text_path.stem, text, gold))
    return texts
