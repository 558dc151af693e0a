"""Check-worthy claim detection on ClaimBuster (two classes): F1 of the positive class.

    python bench/extract_claimbuster.py [--quick] [--write]

Reads ``../shared/eval/claimbuster/data/two_class/{train,test}.json`` at run time (skips with a
message when absent). Prints the F1 of the coefficients shipped in ``checkworthy_weights.py`` on
the test file, then fits the same features on the training file (5-fold cross-validated F1,
scikit-learn needed) and scores the fit on the test file. ``--write`` ships the fitted
coefficients (a few dozen numbers) in ``checkworthy_weights.py``.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "eval" / "claimbuster" / "data" / "two_class"
OUTPUT = REPO / "src" / "newscheck" / "extract" / "checkworthy_weights.py"
THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="300 training and 100 test sentences")
    parser.add_argument("--write", action="store_true", help="rewrite checkworthy_weights.py")
    args = parser.parse_args(argv)
    if not (DATA / "train.json").is_file():
        print(f"skipped: ClaimBuster data not found at {DATA}")
        return 0

    from newscheck.extract import checkworthy
    from newscheck.extract import checkworthy_weights as shipped
    from newscheck.extract.nlp import load_pipeline

    train = json.loads((DATA / "train.json").read_text(encoding="utf-8"))
    test = json.loads((DATA / "test.json").read_text(encoding="utf-8"))
    if args.quick:
        train, test = train[:: len(train) // 300 or 1][:300], test[:50] + test[-50:]
    nlp = load_pipeline()
    started = time.perf_counter()
    train_features = [checkworthy.features(d[:]) for d in nlp.pipe(r["text"] for r in train)]
    test_features = [checkworthy.features(d[:]) for d in nlp.pipe(r["text"] for r in test)]
    elapsed = time.perf_counter() - started
    y_train = [int(r["label"]) for r in train]
    y_test = [int(r["label"]) for r in test]
    print(
        f"ClaimBuster two-class: {len(train)} training, {len(test)} test sentences "
        f"({sum(y_test)} positive); parsed in {elapsed:.0f} s"
    )
    shipped_scores = [_probability(f, shipped.WEIGHTS, shipped.BIAS) for f in test_features]
    p, r, f1 = prf([s >= shipped.THRESHOLD for s in shipped_scores], y_test)
    print(f"shipped coefficients ({shipped.SCHEME}), test: P={p:.3f} R={r:.3f} F1={f1:.3f}")
    try:
        fitted = fit(train_features, y_train)
    except ImportError:
        print("fit skipped: scikit-learn is not installed")
        return 0
    weights, bias, threshold, cv_f1 = fitted
    scores = [_probability(f, weights, bias) for f in test_features]
    p, r, f1 = prf([s >= threshold for s in scores], y_test)
    print(f"refit on train: 5-fold CV F1={cv_f1:.3f} (threshold {threshold})")
    print(f"refit, test: P={p:.3f} R={r:.3f} F1={f1:.3f}")
    if args.write and not args.quick:
        write_module(weights, bias, threshold, cv_f1, f1, len(train))
        print(f"wrote {OUTPUT}")
    return 0


def fit(
    rows: list[dict[str, float]], labels: list[int]
) -> tuple[dict[str, float], float, float, float]:
    """Logistic regression on the named features; threshold by 5-fold cross-validated F1."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(rows)
    y = np.array(labels)
    folds = np.arange(len(y)) % 5
    probabilities = np.zeros(len(y))
    for fold in range(5):
        model = LogisticRegression(C=1.0, max_iter=2000)
        model.fit(matrix[folds != fold], y[folds != fold])
        probabilities[folds == fold] = model.predict_proba(matrix[folds == fold])[:, 1]
    best = max(THRESHOLDS, key=lambda t: prf(list(probabilities >= t), labels)[2])
    cv_f1 = prf(list(probabilities >= best), labels)[2]
    model = LogisticRegression(C=1.0, max_iter=2000)
    model.fit(matrix, y)
    names = vectorizer.get_feature_names_out()
    weights = {str(n): round(float(w), 3) for n, w in zip(names, model.coef_[0], strict=True)}
    return weights, round(float(model.intercept_[0]), 3), best, cv_f1


def _probability(features: dict[str, float], weights: Any, bias: float) -> float:
    import math

    z = bias + sum(weights.get(name, 0.0) * value for name, value in features.items())
    return 1.0 / (1.0 + math.exp(-max(min(z, 35.0), -35.0)))


def prf(predicted: Sequence[bool], gold: Sequence[int]) -> tuple[float, float, float]:
    tp = sum(1 for p, g in zip(predicted, gold, strict=True) if p and g)
    n_pred = sum(1 for p in predicted if p)
    n_gold = sum(gold)
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def write_module(
    weights: dict[str, float], bias: float, threshold: float, cv_f1: float, test_f1: float, n: int
) -> None:
    lines = [
        '"""Coefficients of the check-worthiness model (see ``checkworthy.py``). Generated by',
        "``bench/extract_claimbuster.py --write``: logistic regression over the named features,",
        f"fitted on the {n} sentences of ClaimBuster's two-class training file; 5-fold",
        f"cross-validated F1 {cv_f1:.3f}, F1 on the test file {test_f1:.3f}. Do not edit by hand.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        'SCHEME = "checkworthy-lr.claimbuster-train.v1"',
        f"BIAS = {bias}",
        f"THRESHOLD = {threshold}",
        "WEIGHTS: dict[str, float] = {",
        *(f"    {python_string(name)}: {weights[name]}," for name in sorted(weights)),
        "}",
    ]
    OUTPUT.write_text("\n".join(lines) + "\n", encoding="utf-8")


def python_string(text: str) -> str:
    """A string literal as ruff would format it (double quotes unless the text has one)."""
    return repr(text) if '"' in text or "\\" in text else '"' + text + '"'


if __name__ == "__main__":
    raise SystemExit(main())
