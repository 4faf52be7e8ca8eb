"""Domain errors: refusals a person can read.

Every service raises one of these instead of a bare exception, so the window,
the booking page, the CLI and the jobs can all show the same plain words.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from careops_desktop.core.i18n import N_, _
from careops_desktop.core.i18n.formats import time_text

# what NotFound names, marked for translation (the services pass these English words)
ENTITY_NAMES = (
    N_("account"),
    N_("blocked time"),
    N_("booking"),
    N_("booking type"),
    N_("business"),
    N_("class session"),
    N_("closure"),
    N_("contact"),
    N_("conversation"),
    N_("form"),
    N_("form link"),
    N_("form submission"),
    N_("import"),
    N_("inventory item"),
    N_("message"),
    N_("offer"),
    N_("outbox message"),
    N_("provider"),
    N_("provider for this booking type"),
    N_("saved reply"),
    N_("staff member"),
    N_("template"),
    N_("user"),
    N_("waitlist entry"),
)


class CareOpsError(Exception):
    """Base of every refusal the core makes; ``str()`` is the message for a person."""


class ValidationError(CareOpsError):
    """Input that breaks a rule; ``fields`` maps each field key to its problem."""

    def __init__(self, fields: Mapping[str, str] | str, message: str | None = None) -> None:
        if isinstance(fields, str):
            fields = {"__all__": fields}
        self.fields: dict[str, str] = dict(fields)
        text = message or "; ".join(
            msg if key == "__all__" else f"{key}: {msg}" for key, msg in self.fields.items()
        )
        super().__init__(text)


class PermissionDenied(CareOpsError):
    """The acting person lacks a permission; ``permission`` names it (English, as marked
    with ``N_`` where it is defined; the message shows it translated)."""

    def __init__(self, permission: str, message: str | None = None) -> None:
        self.permission = permission
        super().__init__(
            message
            or _("You do not have the “{permission}” permission.").format(
                permission=_(permission)
            )
        )


class NotFound(CareOpsError):
    """A record that was asked for does not exist (or is not visible)."""

    def __init__(self, entity: str, key: object) -> None:
        self.entity = entity
        self.key = key
        super().__init__(_("No {entity} with id {key}.").format(entity=_(entity), key=repr(key)))


class SlotTaken(CareOpsError):
    """The time asked for is no longer free; ``alternatives`` are the nearest free starts."""

    def __init__(self, start: datetime, alternatives: Sequence[datetime] = ()) -> None:
        self.start = start
        self.alternatives: tuple[datetime, ...] = tuple(alternatives)
        super().__init__(_("That time has just been taken. Please choose another time."))


class SessionFull(SlotTaken):
    """Every seat of the class session asked for is taken; ``alternatives`` are the next
    sessions with a seat left."""

    def __init__(self, start: datetime, alternatives: Sequence[datetime] = ()) -> None:
        super().__init__(start, alternatives)
        self.args = (_("This class is full. Please choose another session."),)


class AuthenticationFailed(CareOpsError):
    """Email and password do not match an active account."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or _("The email or password is not right."))


class AccountLocked(CareOpsError):
    """Too many failed sign-ins; ``until`` says when the account opens again."""

    def __init__(self, until: datetime) -> None:
        self.until = until
        super().__init__(
            _(
                "This account is locked after too many failed sign-ins. "
                "Try again after {time} UTC, or ask an owner to reset the password."
            ).format(time=time_text(until))
        )


class NotActive(CareOpsError):
    """The business is not active, so it does not take online bookings."""

    def __init__(self, missing: Sequence[str] = ()) -> None:
        self.missing = tuple(missing)
        text = _("The business is not active yet.")
        if self.missing:
            text += " " + _("Still missing: {items}.").format(items="; ".join(self.missing))
        super().__init__(text)


class PolicyRefused(CareOpsError):
    """A booking policy forbids the change (cancellation cutoff, notice, horizon)."""


class TimeBlocked(ValidationError):
    """The time is blocked (lunch, a meeting); the desk may book over it only when it says so.

    A :class:`ValidationError` on ``start``; ``reasons`` are the blocks' reasons.
    """

    def __init__(self, reasons: Sequence[str]) -> None:
        self.reasons: tuple[str, ...] = tuple(dict.fromkeys(reasons))
        words = ", ".join(self.reasons) or _("blocked time")
        super().__init__(
            {
                "start": _(
                    "This time is blocked ({reasons}). Choose another time or book anyway."
                ).format(reasons=words)
            }
        )
