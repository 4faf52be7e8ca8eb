"""The contacts table over ids (search and sort in SQL) and the detail panel's small tables."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import contacts
from careops_desktop.core.services.contacts import ContactView
from careops_desktop.ui.table_model import Column, RowStyle
from careops_desktop.ui.widgets.local_time import fmt_date, fmt_datetime, fmt_short

STATUS_WORDS = {
    "confirmed": "Confirmed",
    "arrived": "Arrived",
    "completed": "Completed",
    "no_show": "No-show",
    "cancelled": "Cancelled",
    "pending": "Pending",
    "overdue": "Overdue",
}

ZoneOf = Callable[[], ZoneInfo]


class ContactSource:
    """``fetch_ids``/``fetch_rows`` for the contacts :class:`IdTableModel` (database worker)."""

    def __init__(self, actor: Actor) -> None:
        self._actor = actor

    def fetch_ids(
        self,
        session: Session,
        flt: str | tuple[str, bool] | None,
        sort_key: str | None,
        descending: bool,
    ) -> Sequence[int]:
        """``flt`` is the search text, or ``(text, possible duplicates only)``."""
        text, duplicates_only = flt if isinstance(flt, tuple) else (flt or "", False)
        order = sort_key or "name"
        if descending:
            order = f"-{order}"
        return contacts.ids(
            session, self._actor, contacts.ContactFilter(text, duplicates_only), order
        )

    def fetch_rows(self, session: Session, ids: Sequence[int]) -> Mapping[int, ContactView]:
        return contacts.rows_by_id(session, self._actor, ids)


def contact_columns(zone_of: ZoneOf) -> list[Column]:
    return [
        Column("name", "Name", sort_key="name"),
        Column("email", "Email"),
        Column("phone", "Phone"),
        Column(
            "last_contacted_at",
            "Last contacted",
            sort_key="last_contacted",
            format=lambda value: fmt_short(value, zone_of()),
        ),
        Column("created_at", "Added", sort_key="created", format=lambda v: fmt_date(v, zone_of())),
        Column("duplicate_of_id", DUPLICATE_HEADER, format=lambda _id: DUPLICATE_BADGE),
    ]


DUPLICATE_HEADER = "Duplicate check"  # the column of the badge below
DUPLICATE_BADGE = "Possible duplicate"


def contact_style(row: object) -> RowStyle:
    """A contact the booking page marked "possible duplicate" stands out until the desk checks."""
    if getattr(row, "duplicate_of_id", None) is not None:
        return RowStyle(background="#fef3c7")
    return RowStyle()


def status_text(value: str) -> str:
    return STATUS_WORDS.get(value, value)


def booking_columns(zone_of: ZoneOf) -> list[Column]:
    return [
        Column("start_at", "When", format=lambda value: fmt_datetime(value, zone_of())),
        Column("booking_type", "Booking type"),
        Column("provider", "With"),
        Column("status", "Status", format=status_text),
    ]


def conversation_columns(zone_of: ZoneOf) -> list[Column]:
    return [
        Column("subject", "Subject", format=lambda value: value or "(no subject)"),
        Column("is_open", "State", format=lambda value: "Open" if value else "Closed"),
        Column("unread_count", "Unread"),
        Column("updated_at", "Last activity", format=lambda value: fmt_short(value, zone_of())),
    ]


def submission_columns(zone_of: ZoneOf) -> list[Column]:
    return [
        Column("form", "Form"),
        Column("status", "Status", format=status_text),
        Column("due_at", "Due", format=lambda value: fmt_datetime(value, zone_of())),
        Column("submitted_at", "Answered", format=lambda value: fmt_datetime(value, zone_of())),
    ]


def booking_style(row: object) -> RowStyle:
    status = getattr(row, "status", "")
    if status == "cancelled":
        return RowStyle(foreground="#6b7280")
    if status == "no_show":
        return RowStyle(foreground="#b45309")
    return RowStyle()


def submission_style(row: object) -> RowStyle:
    return RowStyle(foreground="#b91c1c") if getattr(row, "status", "") == "overdue" else RowStyle()
