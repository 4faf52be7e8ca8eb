"""iCalendar files (``.ics``) as a table of bookings, read with ``icalendar``.

Each VEVENT becomes one row of :data:`HEADERS`: its start and end as ISO text
(a floating time stays without a zone: it is read in the business's zone later),
its summary (usually the service), the first attendee's name and address, the
organizer's name (usually the provider), its description and its UID.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from careops_desktop.core.i18n import _
from careops_desktop.core.services.imports.reading import ImportRefused

HEADERS = (
    "Start",
    "End",
    "Summary",
    "Name",
    "Email",
    "Phone",
    "Provider",
    "Notes",
    "UID",
    "Status",
)


def _when(value: Any) -> str:
    moment = getattr(value, "dt", None)
    if isinstance(moment, datetime):
        return moment.isoformat()
    if isinstance(moment, date):
        return moment.isoformat()
    return ""


def _person(value: Any) -> tuple[str, str]:
    """(name, email) of an ATTENDEE or ORGANIZER property."""
    if value is None:
        return "", ""
    if isinstance(value, list):
        value = value[0] if value else None
        if value is None:
            return "", ""
    address = str(value)
    email = address[7:] if address.lower().startswith("mailto:") else ""
    name = str(getattr(value, "params", {}).get("CN", ""))
    return name, email


def read_calendar(text: str, file_name: str) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """The events of ``text`` as rows under :data:`HEADERS`; :class:`ImportRefused` if not read."""
    from icalendar import Calendar

    try:
        calendar = Calendar.from_ical(text)
    except Exception as exc:  # icalendar raises ValueError and others on a broken file
        raise ImportRefused(
            _("The calendar file {file} cannot be read: {reason}").format(
                file=file_name, reason=exc
            )
        ) from None
    rows: list[tuple[str, ...]] = []
    for event in calendar.walk("VEVENT"):
        name, email = _person(event.get("ATTENDEE"))
        provider, _email = _person(event.get("ORGANIZER"))
        rows.append(
            (
                _when(event.get("DTSTART")),
                _when(event.get("DTEND")),
                str(event.get("SUMMARY", "")),
                name,
                email,
                "",
                provider,
                str(event.get("DESCRIPTION", "")),
                str(event.get("UID", "")),
                str(event.get("STATUS", "")),
            )
        )
    if not rows:
        raise ImportRefused(_("The calendar file {file} holds no events.").format(file=file_name))
    return HEADERS, tuple(rows)
