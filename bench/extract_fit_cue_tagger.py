"""Fit the cue tagger (``src/newscheck/extract/data/cue_tagger.npz``) and its decision on the
PolNeAR training split.

    python bench/extract_fit_cue_tagger.py [--held 0] [--epochs 2] [--limit N] [--write]
    python bench/extract_fit_cue_tagger.py --decision-only     # refit the decision from the cache

Reads ``../shared/eval/polnear/data/train`` at run time (skips when absent; nothing from it is
copied: the output is an adapter of the bundled encoder). The texts are parsed as the extractor
parses them (``extract_fit_cues.parse``) and cut into the parser's sentences. The training texts
are those whose index is not ``--held`` modulo 5; the held-out fifth scores the tagger and fits
:class:`~newscheck.extract.cue_tagger.CueDecision`.

Trained: rank-16 low-rank updates (scale 2) of the six linear layers of each of the six layers of
the bundled all-MiniLM-L6-v2 (``newscheck.adapters``) and a linear head giving each word piece a
logit of "part of an annotated cue"; binary cross-entropy over the pieces, AdamW (learning rate
5e-4, weight decay 0.01), batches of 32 sentences of similar length, warm-up over the first 6% of
steps then linear decay, seeds fixed. About 20 minutes an epoch on 2 cores.

After each epoch, on the held-out texts: the cue candidates' F1 (a candidate is right when it is
the head word of an annotated cue, as ``extract_fit_cues.py`` scores it) of the cue model alone
(refitted on the training texts), of the tagger alone, and of the two combined in a band of the
cue model's probability. Last, the decision's bias is moved to where whole attributions of the
held-out texts (source, cue and content, overlap F1) score best. The held-out candidates' scores
are kept in ``--cache`` so that the decision can be refitted (``--decision-only``). ``--write``
writes the adapter; the decision's numbers are printed, to be put in ``CUE_DECISION``. Needs
scikit-learn (a development tool).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

import extract_fit_cues as cues_fit
from adapter_training import adapted_encoder, adapter_factors, optimiser
from newscheck.extract.cue_tagger import ADAPTER, MAX_TOKENS, CueDecision

CACHE = Path.home() / ".cache" / "newscheck-bench"
EPOCHS = 2
BATCH = 32
LEARNING_RATE = 5e-4
WARMUP = 0.06
BANDS = ((0.02, 0.95), (0.05, 0.9), (0.1, 0.8), (0.15, 0.7))
"""Bands of the cue model's probability tried for the tagger's reading."""
TOLERANCE = 0.002
"""F1 given up, at most, for a band that reads fewer candidates (the tagger is the slow part)."""


class Sentence:
    """One parsed sentence: its text's index, where it starts in that text, its text and the
    annotated cue ranges of that text."""

    __slots__ = ("cues", "start", "text", "text_index")

    def __init__(self, text_index: int, start: int, text: str, cues: Sequence[tuple[int, int]]):
        self.text_index, self.start, self.text, self.cues = text_index, start, text, cues


def sentences_and_candidates(
    texts: Sequence[Any], chunks: Sequence[Any], lemmas: Any, held: int
) -> tuple[list[Sentence], list[tuple[int, int, int]], list[list[str]], list[int], list[int]]:
    """Every sentence; and, for every cue candidate (in ``extract_fit_cues.examples`` order), its
    sentence and character range, features, label and text index."""
    from newscheck.extract.cues import candidates, cue_features
    from newscheck.extract.quotes import QuoteIndex

    sentences: list[Sentence] = []
    where: list[tuple[int, int, int]] = []
    rows: list[list[str]] = []
    labels: list[int] = []
    groups: list[int] = []
    for index, offset, doc in chunks:
        cues = [r for g in texts[index].gold for r in g.cue]
        starts = {}
        for sentence in doc.sents:
            if sentence.text.strip():
                starts[sentence.start] = len(sentences)
                sentences.append(Sentence(index, offset + sentence.start_char, sentence.text, cues))
        heads = cues_fit.gold_cue_heads(doc, texts[index].gold, offset)
        quotes = QuoteIndex.of(doc.text)
        for token, lemma in candidates(list(doc), lemmas):
            rows.append(cue_features(token, lemma, quotes))
            labels.append(int(token.i in heads))
            groups.append(index)
            start = offset + token.idx
            where.append((starts.get(token.sent.start, -1), start, start + len(token.text)))
    return sentences, where, rows, labels, groups


class Tagger:
    """The encoder with its adapter and head, in training."""

    def __init__(self) -> None:
        self.torch, self.tokenizer, self.encoder, self.head = adapted_encoder(outputs=1)

    def encode(self, items: Sequence[Sentence]) -> tuple[Any, np.ndarray]:
        encoded = self.tokenizer(
            [s.text for s in items],
            padding=True,
            truncation=True,
            max_length=MAX_TOKENS,
            return_offsets_mapping=True,
            return_tensors="pt",
        )
        return encoded, encoded.pop("offset_mapping").numpy()

    def forward(self, encoded: Any) -> Any:
        return self.head(self.encoder(**encoded).last_hidden_state).squeeze(-1)

    def fit(
        self,
        sentences: Sequence[Sentence],
        train: Sequence[int],
        epochs: int,
        after_epoch: Any,
    ) -> None:
        torch = self.torch
        steps = epochs * ((len(train) + BATCH - 1) // BATCH)
        optimizer, schedule = optimiser(
            torch, (self.encoder, self.head), LEARNING_RATE, steps, WARMUP
        )
        rng = np.random.default_rng(2)
        started, pieces = time.perf_counter(), 0
        for epoch in range(epochs):
            self.encoder.train()
            self.head.train()
            for number, batch in enumerate(_batches(sentences, train, rng)):
                items = [sentences[i] for i in batch]
                encoded, offsets = self.encode(items)
                target = torch.from_numpy(_labels(items, offsets))
                mask = encoded["attention_mask"].float()
                loss = torch.nn.functional.binary_cross_entropy_with_logits(
                    self.forward(encoded), target, reduction="none"
                )
                loss = (loss * mask).sum() / mask.sum()
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
                schedule.step()
                pieces += int(mask.sum())
                if number % 200 == 0:
                    rate_now = pieces / (time.perf_counter() - started)
                    print(
                        f"  epoch {epoch + 1} batch {number}: loss {loss.item():.4f}, "
                        f"{rate_now:.0f} pieces/s",
                        file=sys.stderr,
                    )
            after_epoch(epoch + 1)

    def read(self, sentences: Sequence[Sentence], ids: Sequence[int]) -> dict[int, Any]:
        """Each sentence's piece offsets and logits (sentences read in padded batches here; the
        shipped reader reads each alone: the same up to float rounding)."""
        torch = self.torch
        self.encoder.eval()
        self.head.eval()
        out = {}
        ordered = sorted(ids, key=lambda i: len(sentences[i].text))
        with torch.no_grad():
            for s in range(0, len(ordered), 64):
                part = ordered[s : s + 64]
                encoded, offsets = self.encode([sentences[i] for i in part])
                logits = self.forward(encoded).numpy()
                for row, i in enumerate(part):
                    out[i] = (offsets[row], logits[row])
        return out

    def adapter(self) -> dict[str, np.ndarray]:
        stored = adapter_factors(self.encoder)
        linear = self.head[1]
        stored["head.weight"] = linear.weight.detach().numpy()[0].astype(np.float32)
        stored["head.bias"] = np.array(linear.bias.detach().numpy()[0], dtype=np.float32)
        return stored


def _batches(sentences: Sequence[Sentence], ids: Sequence[int], rng: Any) -> list[list[int]]:
    """Batches of sentences of similar length (less padding), in random order."""
    order = [int(i) for i in rng.permutation(np.asarray(ids))]
    out: list[list[int]] = []
    for g in range(0, len(order), BATCH * 50):
        group = sorted(order[g : g + BATCH * 50], key=lambda i: len(sentences[i].text))
        out.extend(group[b : b + BATCH] for b in range(0, len(group), BATCH))
    rng.shuffle(out)
    return out


def _labels(items: Sequence[Sentence], offsets: np.ndarray) -> np.ndarray:
    """1 for a word piece inside an annotated cue."""
    labels = np.zeros(offsets.shape[:2], dtype=np.float32)
    for row, sentence in enumerate(items):
        for col, (s, e) in enumerate(offsets[row]):
            if e > s:
                a, b = sentence.start + s, sentence.start + e
                labels[row, col] = any(cs < b and a < ce for cs, ce in sentence.cues)
    return labels


def candidate_logits(
    read: dict[int, Any], sentences: Sequence[Sentence], where: Sequence[tuple[int, int, int]]
) -> np.ndarray:
    """The highest logit among each candidate's pieces (NaN where the sentence was cut)."""
    out = np.full(len(where), np.nan)
    for k, (sid, a, b) in enumerate(where):
        if sid < 0:
            continue
        offsets, logits = read[sid]
        base = sentences[sid].start
        inside = (
            (offsets[:, 1] > offsets[:, 0])
            & (base + offsets[:, 0] < b)
            & (base + offsets[:, 1] > a)
        )
        if inside.any():
            out[k] = logits[inside].max()
    return out


def model_probabilities(
    rows: Sequence[list[str]], labels: np.ndarray, train: np.ndarray, held: np.ndarray
) -> np.ndarray:
    """The cue model refitted on the training candidates, its probabilities on the held ones."""
    from collections import Counter

    from sklearn.feature_extraction import DictVectorizer

    counts = Counter(f for i in np.flatnonzero(train) for f in set(rows[i]))
    kept = {f for f, n in counts.items() if n >= cues_fit.MIN_COUNT}
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([{f: 1 for f in row if f in kept} for row in rows]).tocsr()
    matrix.indices = matrix.indices.astype(np.int32)
    matrix.indptr = matrix.indptr.astype(np.int32)
    model = cues_fit.new_model(cues_fit.C_VALUES[0])
    model.fit(matrix[train], labels[train])  # type: ignore[attr-defined]
    return model.predict_proba(matrix[held])[:, 1]  # type: ignore[attr-defined, no-any-return]


SHIFTS = np.arange(-1.5, 1.51, 0.25)
"""Moves of the fitted bias tried (log-odds): logistic regression fits the log-loss, the cue is
chosen for F1."""


def _fit_band(
    features: np.ndarray, y: np.ndarray, fit: np.ndarray, band: np.ndarray, chosen: np.ndarray
) -> tuple[np.ndarray, float]:
    """Weights and bias fitted on the band's candidates of ``fit``; the bias moved to the value
    with the best F1 on ``fit`` (``chosen``: the cue model's own decisions outside the band)."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=1.0).fit(features[band & fit], y[band & fit])
    weights, bias = model.coef_[0], float(model.intercept_[0])
    z = features @ weights + bias

    def f1(shift: float) -> float:
        decided = np.where(band, z + shift >= 0, chosen)
        return cues_fit.prf(decided[fit], y[fit])[2]

    return weights, bias + max(SHIFTS, key=f1)


def fit_decision(
    p: np.ndarray, logits: np.ndarray, y: np.ndarray, groups: np.ndarray, threshold: float
) -> CueDecision:
    """The band and the combination with the best F1 on the held-out candidates: each band's
    weights are fitted on one half of the texts and scored on the other (both ways round); of the
    bands within ``TOLERANCE`` of the best F1 the one that reads fewest candidates is kept,
    refitted on all."""
    odds = np.log(np.clip(p, 1e-6, 1 - 1e-6) / np.clip(1 - p, 1e-6, 1))
    features = np.c_[odds, np.nan_to_num(logits)]
    alone = p >= threshold
    half = (groups // 5) % 2 == 0
    everything = np.ones(len(y), dtype=bool)
    tried: list[tuple[float, float, CueDecision]] = []
    for low, high in BANDS:
        band = (p >= low) & (p < high) & ~np.isnan(logits)
        f1s = []
        for part in (half, ~half):
            weights, bias = _fit_band(features, y, ~part, band, alone)
            decided = np.where(band, features @ weights + bias >= 0, alone)
            f1s.append(cues_fit.prf(decided[part], y[part])[2])
        weights, bias = _fit_band(features, y, everything, band, alone)
        decision = CueDecision(
            low=low,
            high=high,
            model_weight=round(float(weights[0]), 4),
            tagger_weight=round(float(weights[1]), 4),
            bias=round(float(bias), 4),
        )
        f1 = float(np.mean(f1s))
        print(
            f"  band {low}-{high}: {band.mean():.0%} of candidates read, F1 {f1:.3f} "
            "(fitted on the other half of the texts)"
        )
        tried.append((f1, float(band.mean()), decision))
    best = max(f1 for f1, _, _ in tried)
    return min((t for t in tried if t[0] >= best - TOLERANCE), key=lambda t: t[1])[2]


SHIFTS_END_TO_END = (0.0, 0.25, 0.5, 0.75)
"""Moves of the decision's bias tried on whole attributions of the held-out texts."""


def end_to_end(texts: Sequence[Any], held: int, decision: CueDecision) -> CueDecision:
    """The decision's bias moved to the best mean overlap F1 of source, cue and content on the
    held-out texts, attributions extracted whole (a cue found is worth its source and content
    too, so the best cue-head threshold is not quite the best for attributions)."""
    import dataclasses

    from newscheck.extract import Extractor
    from newscheck.extract.cue_tagger import CueTagger
    from newscheck.extract.scoring import ROLES, AttributionScore

    held_texts = [t for i, t in enumerate(texts) if i % 5 == held]
    read: dict[tuple[str, tuple[tuple[int, int], ...]], list[float | None]] = {}

    class Remembering(CueTagger):  # the band does not move with the bias: read each once
        def word_logits(self, sentence: str, words: Sequence[tuple[int, int]]) -> Any:
            key = (sentence, tuple(words))
            if key not in read:
                read[key] = super().word_logits(sentence, words)
            return read[key]

    base = Extractor()
    best: tuple[float, CueDecision] | None = None
    for shift in SHIFTS_END_TO_END:
        moved = dataclasses.replace(decision, bias=round(decision.bias + shift, 4))
        extractor = Extractor(cue_tagger=Remembering(decision=moved))
        extractor._nlp, extractor._lemmas = base.nlp, base.lemmas
        score = AttributionScore()
        found = extractor.attributions_in_text([t.text for t in held_texts])
        for text, attributions in zip(held_texts, found, strict=True):
            score.add_document(text.text, text.gold, attributions)
        figures = score.figures()
        f1s = [figures[role]["overlap"]["f1"] for role in ROLES]
        print(
            f"  bias {shift:+.2f}: overlap F1 "
            + ", ".join(f"{role} {f1:.3f}" for role, f1 in zip(ROLES, f1s, strict=True))
        )
        if best is None or float(np.mean(f1s)) > best[0]:
            best = (float(np.mean(f1s)), moved)
    assert best is not None
    return best[1]


def report(
    p: np.ndarray, logits: np.ndarray, y: np.ndarray, decision: CueDecision, threshold: float
) -> None:
    alone = cues_fit.prf(p >= threshold, y)
    tagger = cues_fit.prf(np.nan_to_num(logits, nan=-10) >= 0, y)
    chosen = [
        decision.takes(decision.probability(pi, li))
        if decision.doubts(pi) and not np.isnan(li)
        else pi >= threshold
        for pi, li in zip(p, logits, strict=True)
    ]
    combined = cues_fit.prf(np.array(chosen), y)
    for name, (pr, rc, f1) in (
        ("cue model", alone),
        ("tagger alone", tagger),
        ("cue model + tagger", combined),
    ):
        print(f"  {name:<20} P {pr:.3f}  R {rc:.3f}  F1 {f1:.3f}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--held", type=int, default=0, help="the fifth of the texts held out")
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--limit", type=int, default=0, help="train on the first N sentences")
    parser.add_argument("--write", action="store_true", help="write the adapter")
    parser.add_argument(
        "--decision-only",
        action="store_true",
        help="refit the decision from the cached held-out scores",
    )
    parser.add_argument("--cache", type=Path, default=CACHE)
    parser.add_argument("--out", type=Path, default=ADAPTER)
    args = parser.parse_args(argv)
    if not cues_fit.TRAIN.is_dir():
        print(f"skipped: PolNeAR training split not found at {cues_fit.TRAIN}")
        return 0
    try:
        import sklearn  # noqa: F401
    except ImportError:
        print("skipped: scikit-learn is not installed")
        return 0
    from newscheck.extract.cue_weights import THRESHOLD
    from newscheck.extract.scoring import read_polnear

    texts = read_polnear(cues_fit.TRAIN)
    chunks, lemmas = cues_fit.parse(texts, args.cache)
    sentences, where, rows, label_list, group_list = sentences_and_candidates(
        texts, chunks, lemmas, args.held
    )
    labels, groups = np.array(label_list), np.array(group_list)
    held = groups % 5 == args.held
    print(
        f"{len(texts)} texts, {len(sentences)} sentences; held out: texts {args.held} mod 5, "
        f"{int(held.sum())} candidates, {int(labels[held].sum())} cue heads"
    )
    p = model_probabilities(rows, labels, ~held, held)
    scores = args.cache / f"cue_tagger_held{args.held}.npz"
    if args.decision_only:
        logits = np.load(scores)["logits"]
    else:
        train = [i for i, s in enumerate(sentences) if s.text_index % 5 != args.held]
        if args.limit:
            train = train[: args.limit]
        held_sentences = sorted({where[k][0] for k in np.flatnonzero(held)} - {-1})
        held_where = [where[k] for k in np.flatnonzero(held)]
        tagger = Tagger()
        found: dict[str, np.ndarray] = {}

        def after_epoch(epoch: int) -> None:
            read = tagger.read(sentences, held_sentences)
            found["logits"] = candidate_logits(read, sentences, held_where)
            print(f"epoch {epoch}:")
            report(p, found["logits"], labels[held], CueDecision(), THRESHOLD)

        tagger.fit(sentences, train, args.epochs, after_epoch)
        logits = found["logits"]
        args.cache.mkdir(parents=True, exist_ok=True)
        np.savez(scores, logits=logits)
        if args.write:
            args.out.parent.mkdir(parents=True, exist_ok=True)
            np.savez(args.out, **tagger.adapter())
            print(f"wrote {args.out} ({args.out.stat().st_size / 1024:.0f} KiB)")
    print("decision (bands of the cue model's probability):")
    decision = fit_decision(p, logits, labels[held], groups[held], THRESHOLD)
    print(f"chosen: {decision}")
    report(p, logits, labels[held], decision, THRESHOLD)
    print(
        f"whole attributions of the {int(sum(i % 5 == args.held for i in range(len(texts))))} "
        "held-out texts:"
    )
    decision = end_to_end(texts, args.held, decision)
    print(f"shipped (CUE_DECISION): {decision}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
