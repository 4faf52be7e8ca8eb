"""How Settings → Backups asks the app to restore a backup: one app-wide signal.

A backup can only be copied over the database once nothing in this process has it
open, so the page does not restore by itself. It checks the file, asks the person,
then emits ``restore_requests().requested(path)``; ``ui/app.py`` (the controller)
closes the window, the booking page, the jobs and the database, restores the file
(keeping a copy of the current database), and opens everything again.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class RestoreRequests(QObject):
    """``requested(str)``: the path of a checked backup the person chose to restore."""

    requested = Signal(str)


_instance: RestoreRequests | None = None


def restore_requests() -> RestoreRequests:
    """The one :class:`RestoreRequests` of this process (created on first use)."""
    global _instance
    if _instance is None:
        _instance = RestoreRequests()
    return _instance
