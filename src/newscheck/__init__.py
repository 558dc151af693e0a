"""newscheck: make sense of many news reports of one event.

``newscheck.analyze(paths)`` runs every stage over a pile of articles and returns an
:class:`~newscheck.pipeline.Analysis` whose ``report`` is the ``newscheck.report/1`` document.
Heavy parts (embedding model, spaCy, web server, PostgreSQL, Dask) are imported only when used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Analysis", "__version__", "analyze"]

if TYPE_CHECKING:
    from newscheck.pipeline import Analysis, analyze


def __getattr__(name: str) -> Any:
    # Lazy so that `import newscheck` and `newscheck --help` stay fast.
    if name in ("analyze", "Analysis"):
        from newscheck import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'newscheck' has no attribute {name!r}")
