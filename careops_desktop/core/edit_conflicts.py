"""Two desks editing the same record: the second save is told, not silently applied.

A record with a ``version`` column (+1 on every update) is shown with its
version; a save passes the version it was shown, and the service, holding the
row's lock, calls :func:`check_version` before changing anything.
"""

from __future__ import annotations

from careops_desktop.core.errors import CareOpsError
from careops_desktop.core.i18n import N_, _

CONFLICT_WORDS = {
    "booking": N_(
        "Another desk changed this booking while you had it open, so your change was not "
        "saved. Close this window and open the booking again to see what it holds now."
    ),
    "contact": N_(
        "Another desk changed this contact while you had it open, so your change was not "
        "saved. Close this window and open the contact again to see what it holds now."
    ),
}
OTHER_CONFLICT = N_(
    "Another desk changed this record while you had it open, so your change was not "
    "saved. Close this window and open it again to see what it holds now."
)


class EditConflict(CareOpsError):
    """Someone else changed the record since it was opened here; nothing was saved."""

    def __init__(self, what: str) -> None:
        self.what = what
        super().__init__(_(CONFLICT_WORDS.get(what, OTHER_CONFLICT)))


def check_version(current: int, expected: int | None, what: str) -> None:
    """Raise :class:`EditConflict` when ``expected`` (the version shown) is not ``current``.

    ``expected`` None means the caller did not open the record first (a customer's manage
    link, a job): nothing to compare.
    """
    if expected is not None and current != expected:
        raise EditConflict(what)
