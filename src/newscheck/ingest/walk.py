"""Directory walking: sorted, recursive, hidden entries skipped, symlink loops cut."""

from __future__ import annotations

import os
from collections.abc import Iterator

from newscheck.model import Rejection


def walk_files(root: str) -> Iterator[str | Rejection]:
    """Paths under ``root`` (joined onto it as given), in sorted order, depth first.

    Names starting with "." are skipped. A directory that cannot be listed is a Rejection. A
    directory reached twice (through a symlink) is walked once.
    """
    yield from _walk(root, set())


def _walk(directory: str, visited: set[tuple[int, int]]) -> Iterator[str | Rejection]:
    try:
        info = os.stat(directory)
        key = (info.st_dev, info.st_ino)
        if key in visited:
            return
        visited.add(key)
        names = sorted(os.listdir(directory))
    except OSError as error:
        yield Rejection(
            directory, "path", "not_found", f"the directory cannot be listed ({error.strerror})"
        )
        return
    for name in names:
        if name.startswith("."):
            continue
        path = os.path.join(directory, name)
        if os.path.isdir(path):
            yield from _walk(path, visited)
        else:
            yield path
