"""Fit the cue model (``src/newscheck/extract/cue_weights.py``) on the PolNeAR training split.

    python bench/extract_fit_cues.py [--quick] [--cache DIR] [--write]

Reads ``../shared/eval/polnear/data/train`` at run time (nothing from it is copied: the output is
a table of feature weights). Prints 5-fold cross-validated precision, recall and F1 of cue
detection (a candidate token is right when it is the head word of an annotated cue), by document
folds, then fits on the whole split. ``--write`` rewrites cue_weights.py; ``--cache`` keeps the
parsed texts (spaCy DocBin) between runs. Needs scikit-learn (a development tool, not a
dependency of newscheck).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
TRAIN = SHARED / "eval" / "polnear" / "data" / "train"
OUTPUT = REPO / "src" / "newscheck" / "extract" / "cue_weights.py"

C_VALUES = (0.3,)
"""L1 strength: 0.3 keeps about 650 weights at a cross-validated F1 within 0.01 of C=1 (1,700)."""
THRESHOLDS = (0.35, 0.4, 0.45, 0.5)
MIN_COUNT = 10
"""Features seen in fewer candidates are not used (they could only memorise the corpus)."""
MIN_WEIGHT = 0.02
"""Weights smaller than this are dropped from the shipped table."""

Chunk = tuple[int, int, object]
"""(text index, start of the chunk in the text, parsed chunk)."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="30 texts, one C, no writing")
    parser.add_argument("--cache", type=Path, help="folder to keep parsed texts in")
    parser.add_argument("--write", action="store_true", help="rewrite cue_weights.py")
    args = parser.parse_args(argv)
    if not TRAIN.is_dir():
        print(f"skipped: PolNeAR training split not found at {TRAIN}")
        return 0
    try:
        import numpy as np
        from sklearn.feature_extraction import DictVectorizer
    except ImportError:
        print("skipped: scikit-learn is not installed")
        return 0

    from newscheck.extract.scoring import read_polnear

    texts = read_polnear(TRAIN)
    if args.quick:
        texts = texts[:30]
    chunks, lemmas = parse(texts, args.cache if not args.quick else None)
    rows, labels, groups = examples(texts, chunks, lemmas)
    print(f"{len(texts)} texts, {len(labels)} candidates, {sum(labels)} annotated cue heads")
    counts = Counter(f for row in rows for f in set(row))
    kept = {f for f, n in counts.items() if n >= MIN_COUNT}
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([{f: 1 for f in row if f in kept} for row in rows]).tocsr()
    # liblinear wants 32-bit sparse indices
    matrix.indices = matrix.indices.astype(np.int32)
    matrix.indptr = matrix.indptr.astype(np.int32)
    y = np.array(labels)
    folds = np.array(groups) % 5
    best = (0.0, C_VALUES[0], THRESHOLDS[0])
    for c in C_VALUES[:1] if args.quick else C_VALUES:
        probabilities = np.zeros(len(y))
        for fold in range(5):
            train, test = folds != fold, folds == fold
            model = new_model(c)
            model.fit(matrix[train], y[train])  # type: ignore[attr-defined]
            probabilities[test] = model.predict_proba(matrix[test])[:, 1]  # type: ignore[attr-defined]
        for threshold in THRESHOLDS:
            p, r, f = prf(probabilities >= threshold, y)
            print(f"C={c:<5} threshold={threshold:<5} cv P={p:.3f} R={r:.3f} F1={f:.3f}")
            if f > best[0]:
                best = (f, c, threshold)
    f1, c, threshold = best
    print(f"best: C={c} threshold={threshold} cross-validated F1={f1:.3f}")
    model = new_model(c)
    model.fit(matrix, y)  # type: ignore[attr-defined]
    names = vectorizer.get_feature_names_out()
    weights = {
        str(name): round(float(w), 3)
        for name, w in zip(names, model.coef_[0], strict=True)  # type: ignore[attr-defined]
        if abs(w) >= MIN_WEIGHT
    }
    print(f"{len(weights)} weights kept of {len(names)}")
    if args.write and not args.quick:
        write_module(
            weights,
            float(model.intercept_[0]),  # type: ignore[attr-defined]
            threshold,
            c,
            f1,
            len(texts),
        )
        print(f"wrote {OUTPUT}")
    return 0


def new_model(c: float) -> object:
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, l1_ratio=1.0, solver="liblinear", random_state=0)


def parse(texts: Sequence[object], cache: Path | None) -> tuple[list[Chunk], object]:
    """Every text parsed line by line, as the extractor parses it (``nlp.chunk_text``), so that
    the features are fitted on the parses they are read from."""
    import json

    from spacy.tokens import DocBin

    from newscheck.extract.lemmas import Lemmas
    from newscheck.extract.nlp import chunk_text, load_pipeline

    nlp = load_pipeline(with_ner=False)
    lemmas = Lemmas.for_pipeline(nlp)
    chunks = [
        [index, start, end]
        for index, text in enumerate(texts)
        for start, end in chunk_text(text.text)  # type: ignore[attr-defined]
    ]
    if cache is not None:
        path = cache / f"polnear-train-{len(texts)}-chunks.spacy"
        index_path = path.with_suffix(".json")
        same = index_path.exists() and json.loads(index_path.read_text()) == chunks
        if same and path.exists():
            docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
            return [(i, s, d) for (i, s, _), d in zip(chunks, docs, strict=True)], lemmas
    started = time.perf_counter()
    stream = (texts[i].text[s:e] for i, s, e in chunks)  # type: ignore[attr-defined]
    docs = list(nlp.pipe(stream, batch_size=32))
    print(f"parsed {len(texts)} texts in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    if cache is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs).to_disk(path)
        index_path.write_text(json.dumps(chunks))
    return [(i, s, d) for (i, s, _), d in zip(chunks, docs, strict=True)], lemmas


def examples(
    texts: Sequence[object], chunks: Sequence[Chunk], lemmas: object
) -> tuple[list[list[str]], list[int], list[int]]:
    """Features and labels of every cue candidate; the group is the text's index (for folds)."""
    from newscheck.extract.cues import candidates, cue_features
    from newscheck.extract.quotes import QuoteIndex

    rows: list[list[str]] = []
    labels: list[int] = []
    groups: list[int] = []
    for index, offset, doc in chunks:
        heads = gold_cue_heads(doc, texts[index].gold, offset)  # type: ignore[attr-defined]
        quotes = QuoteIndex.of(doc.text)  # type: ignore[attr-defined]
        for token, lemma in candidates(list(doc), lemmas):  # type: ignore[call-overload, arg-type]
            rows.append(cue_features(token, lemma, quotes))
            labels.append(int(token.i in heads))
            groups.append(index)
    return rows, labels, groups


def gold_cue_heads(doc: object, gold: Sequence[object], offset: int = 0) -> set[int]:
    """The head token of each annotated cue that lies in this chunk (``offset``: where the
    chunk starts in its text)."""
    heads = set()
    length = len(doc.text)  # type: ignore[attr-defined]
    for attribution in gold:
        fragments = attribution.cue  # type: ignore[attr-defined]
        if not fragments:
            continue
        start = min(s for s, _ in fragments) - offset
        end = max(e for _, e in fragments) - offset
        if start < 0 or end > length:
            continue
        span = doc.char_span(start, end, alignment_mode="expand")  # type: ignore[attr-defined]
        if span is not None and len(span):
            heads.add(span.root.i)
    return heads


def prf(predicted: object, gold: object) -> tuple[float, float, float]:
    import numpy as np

    p_arr = np.asarray(predicted, dtype=bool)
    g_arr = np.asarray(gold, dtype=bool)
    tp = float((p_arr & g_arr).sum())
    precision = tp / p_arr.sum() if p_arr.sum() else 0.0
    recall = tp / g_arr.sum() if g_arr.sum() else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def write_module(
    weights: dict[str, float], bias: float, threshold: float, c: float, f1: float, n: int
) -> None:
    lines = [
        '"""Fitted weights of the cue model (see ``cues.py``). Generated by',
        "``bench/extract_fit_cues.py --write``: logistic regression over cue_features, fitted on",
        f"the {n} texts of the PolNeAR training split (C={c}); 5-fold cross-validated F1 of cue",
        f"head detection {f1:.3f}. Do not edit by hand.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        f'SCHEME = "cue-lr.polnear-train.{FEATURES_VERSION}"',
        f"BIAS = {round(bias, 4)}",
        f"THRESHOLD = {threshold}",
        "WEIGHTS: dict[str, float] = {",
    ]
    for name in sorted(weights):
        lines.append(f"    {python_string(name)}: {weights[name]},")
    lines.append("}")
    OUTPUT.write_text("\n".join(lines) + "\n", encoding="utf-8")


FEATURES_VERSION = "v4"


def python_string(text: str) -> str:
    """A string literal as ruff would format it (double quotes unless the text has one)."""
    return repr(text) if '"' in text or "\\" in text else '"' + text + '"'


if __name__ == "__main__":
    raise SystemExit(main())
