"""The contacts table over ids (search and sort in SQL) and the detail panel's small tables."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import contacts
from careops_desktop.core.services.contacts import ContactView
from careops_desktop.ui.i18n import QT_TRANSLATE_NOOP, translate
from careops_desktop.ui.table_model import Column, RowStyle
from careops_desktop.ui.widgets.local_time import fmt_date, fmt_datetime, fmt_short

STATUS_WORDS = {
    "confirmed": QT_TRANSLATE_NOOP("ContactTables", "Confirmed"),
    "arrived": QT_TRANSLATE_NOOP("ContactTables", "Arrived"),
    "completed": QT_TRANSLATE_NOOP("ContactTables", "Completed"),
    "no_show": QT_TRANSLATE_NOOP("ContactTables", "No-show"),
    "cancelled": QT_TRANSLATE_NOOP("ContactTables", "Cancelled"),
    "pending": QT_TRANSLATE_NOOP("ContactTables", "Pending"),
    "overdue": QT_TRANSLATE_NOOP("ContactTables", "Overdue"),
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
        Column("name", translate("ContactTables", "Name"), sort_key="name"),
        Column("email", translate("ContactTables", "Email")),
        Column("phone", translate("ContactTables", "Phone")),
        Column(
            "last_contacted_at",
            translate("ContactTables", "Last contacted"),
            sort_key="last_contacted",
            format=lambda value: fmt_short(value, zone_of()),
        ),
        Column(
            "created_at",
            translate("ContactTables", "Added"),
            sort_key="created",
            format=lambda v: fmt_date(v, zone_of()),
        ),
        Column(
            "duplicate_of_id",
            translate("ContactTables", DUPLICATE_HEADER),
            format=lambda _id: translate("ContactTables", DUPLICATE_BADGE),
        ),
    ]


# the column of the badge below
DUPLICATE_HEADER = QT_TRANSLATE_NOOP("ContactTables", "Duplicate check")
DUPLICATE_BADGE = QT_TRANSLATE_NOOP("ContactTables", "Possible duplicate")


def contact_style(row: object) -> RowStyle:
    """A contact the booking page marked "possible duplicate" stands out until the desk checks."""
    if getattr(row, "duplicate_of_id", None) is not None:
        return RowStyle(background="#fef3c7")
    return RowStyle()


def status_text(value: str) -> str:
    words = STATUS_WORDS.get(value)
    return translate("ContactTables", words) if words else value


def booking_columns(zone_of: ZoneOf) -> list[Column]:
    return [
        Column(
            "start_at",
            translate("ContactTables", "When"),
            format=lambda value: fmt_datetime(value, zone_of()),
        ),
        Column("booking_type", translate("ContactTables", "Booking type")),
        Column("provider", translate("ContactTables", "With")),
        Column("status", translate("ContactTables", "Status"), format=status_text),
    ]


def conversation_columns(zone_of: ZoneOf) -> list[Column]:
    return [
        Column(
            "subject",
            translate("ContactTables", "Subject"),
            format=lambda value: value or translate("ContactTables", "(no subject)"),
        ),
        Column(
            "is_open",
            translate("ContactTables", "State"),
            format=lambda value: (
                translate("ContactTables", "Open")
                if value
                else translate("ContactTables", "Closed")
            ),
        ),
        Column("unread_count", translate("ContactTables", "Unread")),
        Column(
            "updated_at",
            translate("ContactTables", "Last activity"),
            format=lambda value: fmt_short(value, zone_of()),
        ),
    ]


def submission_columns(zone_of: ZoneOf) -> list[Column]:
    return [
        Column("form", translate("ContactTables", "Form")),
        Column("status", translate("ContactTables", "Status"), format=status_text),
        Column(
            "due_at",
            translate("ContactTables", "Due"),
            format=lambda value: fmt_datetime(value, zone_of()),
        ),
        Column(
            "submitted_at",
            translate("ContactTables", "Answered"),
            format=lambda value: fmt_datetime(value, zone_of()),
        ),
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
