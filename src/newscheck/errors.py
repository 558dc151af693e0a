"""One exception root for everything newscheck raises on purpose.

A failure that concerns one input (a file, a record, a URL) is not raised through the batch: the
reader turns it into a :class:`newscheck.model.Rejection` with a reason code, and the run goes on.
"""

from __future__ import annotations


class NewscheckError(Exception):
    """Root of every error newscheck raises deliberately."""


class UsageError(NewscheckError):
    """The user asked for something that cannot be done (bad option, missing path)."""


class InputRejected(NewscheckError):
    """One input cannot be used. Readers raise it; the runner records it as a Rejection.

    ``reason`` is a short stable code (see :data:`newscheck.model.REJECTION_REASONS`),
    ``detail`` a sentence a person can act on.
    """

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


class StoreError(NewscheckError):
    """The store cannot be opened, migrated or written."""


class MissingExtra(NewscheckError):
    """An optional dependency (an extra such as ``embed`` or ``web``) is not installed."""

    def __init__(self, extra: str, module: str) -> None:
        super().__init__(
            f"this feature needs the '{extra}' extra ({module} is not installed): "
            f"pip install 'newscheck[{extra}]'"
        )
        self.extra = extra
        self.module = module
