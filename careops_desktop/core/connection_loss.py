"""Losing the database server: one clear refusal instead of a driver's traceback.

On PostgreSQL a write (or read) while the server is away fails with the driver's
``OperationalError``; :func:`lost_connection` recognises that and
``Database.call`` raises :class:`DatabaseUnreachable` instead, a
:class:`CareOpsError`, so dialogs show it in words and keep what was typed.
SQLite errors (a locked file, a full disk) are left as they are.
"""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError, OperationalError

from careops_desktop.core.errors import CareOpsError
from careops_desktop.core.i18n import _

# SQLSTATE classes that mean the connection or the server went away
_LOST_STATES = ("08", "57P01", "57P02", "57P03")


class DatabaseUnreachable(CareOpsError):
    """The database server cannot be reached; nothing was saved."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "The database server cannot be reached, so nothing was saved. What you "
                "entered is still here; try again when the status bar no longer says "
                "the server is away."
            )
        )


def lost_connection(exc: BaseException, dialect: str) -> bool:
    """True when ``exc`` (raised by SQLAlchemy on ``dialect``) means the server is away."""
    if dialect == "sqlite" or not isinstance(exc, DBAPIError):
        return False
    if exc.connection_invalidated:
        return True
    if not isinstance(exc, OperationalError):
        return False
    state = getattr(exc.orig, "sqlstate", None) or getattr(exc.orig, "pgcode", None)
    return state is None or str(state).startswith(_LOST_STATES)
