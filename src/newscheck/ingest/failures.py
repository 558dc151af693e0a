"""Turning failures into Rejections at the edges where one input (or record) ends."""

from __future__ import annotations

from newscheck.errors import InputRejected
from newscheck.model import LocationKind, Rejection

UNEXPECTED = "unexpected error while reading"
"""Start of the detail of a Rejection made from an exception no reader anticipated."""


def rejection_for(error: Exception, location: str, location_kind: LocationKind) -> Rejection:
    """The Rejection for any exception: its own reason when it is an InputRejected, else
    ``malformed`` with the error named (a library choking on hostile bytes must not end a batch)."""
    if isinstance(error, InputRejected):
        return Rejection(location, location_kind, error.reason, error.detail)
    detail = f"{UNEXPECTED} ({type(error).__name__}: {str(error)[:200]})"
    return Rejection(location, location_kind, "malformed", detail)
