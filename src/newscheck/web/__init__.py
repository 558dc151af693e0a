"""The read-only web app behind ``newscheck serve``: every page has a ``.json`` twin.

Importing this package imports no web framework; :func:`newscheck.web.app.create_app` does, and
needs the ``web`` extra (FastAPI, uvicorn).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newscheck.web.security import Guard

__all__ = ["create_app"]


def create_app(*args: Any, **kwargs: Any) -> Guard:
    """See :func:`newscheck.web.app.create_app`."""
    try:
        from newscheck.web.app import create_app as create
    except ImportError as exc:
        from newscheck.errors import MissingExtra

        raise MissingExtra("web", exc.name or "fastapi") from exc

    return create(*args, **kwargs)
