"""The fictional flood story of tests/crosscheck, shared with the summary tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

FICTIONAL = Path(__file__).parents[1] / "crosscheck" / "fictional.py"


def _fictional() -> ModuleType:
    name = "newscheck_tests_crosscheck_fictional"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, FICTIONAL)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up while being built
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture
def flood() -> Any:
    """A fresh fictional flood story (see tests/crosscheck/fictional.py)."""
    return _fictional().flood()
