"""Shared test helpers: where the bundled example and the shared evaluation data live."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "harbour-fire"
SHARED = ROOT.parent / "shared"
KURSK = SHARED / "corpus" / "kursk-2025-03"


@pytest.fixture(scope="session")
def example_dir() -> Path:
    return EXAMPLE


@pytest.fixture(scope="session")
def kursk_dir() -> Path:
    if not KURSK.is_dir():
        pytest.skip(f"the shared example corpus is absent ({KURSK}); it lives beside the checkout")
    return KURSK
