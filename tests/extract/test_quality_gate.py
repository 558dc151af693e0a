"""Pinned quality floors on a slice of PolNeAR dev (held out from the fitting of the cue model
and the cue tagger), with the cue model alone and with the tagger reading its doubtful cues.

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
"""Overlap F1 floors per role, the cue model alone."""
TAGGED_FLOORS = {"source": 0.82, "cue": 0.81, "content": 0.83}
"""The same with the cue tagger."""


def test_attribution_quality_floors(extractor: Extractor) -> None:
    _assert_floors(extractor, FLOORS)


def test_attribution_quality_floors_with_the_cue_tagger(tagged_extractor: Extractor) -> None:
    _assert_floors(tagged_extractor, TAGGED_FLOORS)


def _assert_floors(extractor: Extractor, floors: dict[str, float]) -> None:
    if not POLNEAR_DEV.is_dir():
        pytest.skip(f"PolNeAR is absent ({POLNEAR_DEV}); it lives in ../shared beside the checkout")
    texts = read_polnear(POLNEAR_DEV)[:TEXTS]
    predicted = extractor.attributions_in_text([t.text for t in texts])
    score = AttributionScore()
    for text, found in zip(texts, predicted, strict=True):
        score.add_document(text.text, text.gold, found)
    figures = score.figures()
    for role, floor in floors.items():
        assert figures[role]["overlap"]["f1"] >= floor, (role, figures[role])
