from __future__ import annotations

import os
from pathlib import Path

import pytest

from newscheck.ingest.walk import walk_files
from newscheck.model import Rejection


def test_sorted_depth_first_hidden_skipped(tmp_path: Path) -> None:
    for name in ["b/z.txt", "b/a.txt", "a.txt", "c/.hidden/x.txt", ".env", "c/d.txt"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    root = str(tmp_path)
    assert list(walk_files(root)) == [
        f"{root}/a.txt",
        f"{root}/b/a.txt",
        f"{root}/b/z.txt",
        f"{root}/c/d.txt",
    ]


def test_path_is_joined_onto_the_root_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("x")
    monkeypatch.chdir(tmp_path)
    assert list(walk_files("in")) == [os.path.join("in", "a.txt")]


def test_unlistable_directory_is_a_rejection(tmp_path: Path) -> None:
    (item,) = walk_files(str(tmp_path / "gone"))
    assert isinstance(item, Rejection) and item.reason == "not_found"
