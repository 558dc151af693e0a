"""Pinned quality floors on a slice of PolNeAR dev (held out from the cue model's fitting).

The floors sit a few points under what the full benchmark measures (bench/extract_polnear.py), so
that a change that breaks attribution fails here, while noise on 15 texts does not.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from newscheck.extract.scoring import AttributionScore, read_polnear

if TYPE_CHECKING:
    from newscheck.extract import Extractor

pytestmark = [pytest.mark.shared, pytest.mark.slow]

POLNEAR_DEV = Path(__file__).resolve().parents[3] / "shared" / "eval" / "polnear" / "data" / "dev"
TEXTS = 15
FLOORS = {"source": 0.74, "cue": 0.78, "content": 0.76}
"""Overlap F1 floors per role."""


def test_attribution_quality_floors(extractor: Extractor) -> None:
    if not POLNEAR_DEV.is_dir():
        pytest.skip(f"PolNeAR is absent ({POLNEAR_DEV}); it lives in ../shared beside the checkout")
    texts = read_polnear(POLNEAR_DEV)[:TEXTS]
    predicted = extractor.attributions_in_text([t.text for t in texts])
    score = AttributionScore()
    for text, found in zip(texts, predicted, strict=True):
        score.add_document(text.text, text.gold, found)
    figures = score.figures()
    for role, floor in FLOORS.items():
        assert figures[role]["overlap"]["f1"] >= floor, (role, figures[role])
