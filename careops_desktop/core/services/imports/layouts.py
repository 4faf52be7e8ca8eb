"""What each column holds: the fields an import fills, known layouts, and guessing.

A *mapping* gives each column of the file a field (or ``""``: not imported).
Several columns may share a field: for email and phone the first non-empty
cell wins (Outlook's "Mobile Phone" before "Home Phone"); address and notes
cells are joined. Known layouts are recognised from their header rows; any
other file gets a mapping guessed from header words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from careops_desktop.core.i18n import N_, _

KINDS = ("contacts", "bookings")

CONTACT_FIELDS: dict[str, str] = {
    "name": N_("Full name"),
    "first_name": N_("First name"),
    "last_name": N_("Last name"),
    "email": N_("Email"),
    "phone": N_("Phone"),
    "notes": N_("Notes"),
    "birthday": N_("Date of birth"),
    "address": N_("Address"),
}
BOOKING_FIELDS: dict[str, str] = {
    "start": N_("Start (date and time)"),
    "end": N_("End (date and time)"),
    "date": N_("Date"),
    "time": N_("Start time"),
    "duration": N_("Duration (minutes)"),
    "booking_type": N_("Booking type"),
    "provider": N_("Provider"),
    "name": N_("Full name"),
    "first_name": N_("First name"),
    "last_name": N_("Last name"),
    "email": N_("Email"),
    "phone": N_("Phone"),
    "notes": N_("Notes"),
    "status": N_("Status"),
    "source_id": N_("Appointment ID"),
}


def fields_for(kind: str) -> dict[str, str]:
    """Field key → label (in the current language) for ``kind`` ("contacts" or "bookings")."""
    fields = CONTACT_FIELDS if kind == "contacts" else BOOKING_FIELDS
    return {key: _(label) for key, label in fields.items()}


@dataclass(frozen=True)
class Layout:
    """A product's export: recognised when every ``signature`` header is present."""

    key: str
    english_title: str  # marked with N_; ``title`` is in the current language
    kind: str
    signature: tuple[str, ...]
    columns: Mapping[str, str]  # header → field
    document: str  # which public description of the export this follows

    @property
    def title(self) -> str:
        """The layout's name for a person, in the current language."""
        return _(self.english_title)


LAYOUTS: tuple[Layout, ...] = (
    Layout(
        "acuity",
        N_("Acuity Scheduling appointments export"),
        "bookings",
        ("Start Time", "End Time", "Calendar", "Appointment ID"),
        {
            "Start Time": "start",
            "End Time": "end",
            "First Name": "first_name",
            "Last Name": "last_name",
            "Phone": "phone",
            "Email": "email",
            "Appointment Type": "booking_type",
            "Type": "booking_type",
            "Calendar": "provider",
            "Notes": "notes",
            "Appointment ID": "source_id",
            "Canceled": "status",
        },
        "Acuity Scheduling help: Exporting appointments (Reports → Import/Export)",
    ),
    Layout(
        "square",
        N_("Square Appointments customers export"),
        "contacts",
        ("Reference ID", "Email Address", "Phone Number", "Square Customer ID"),
        {
            "First Name": "first_name",
            "Last Name": "last_name",
            "Email Address": "email",
            "Phone Number": "phone",
            "Address Line 1": "address",
            "Address Line 2": "address",
            "City": "address",
            "State": "address",
            "Postal Code": "address",
            "Birthday": "birthday",
            "Memo": "notes",
        },
        "Square Support: Export your customer list (Customers → Import/Export → Export customers)",
    ),
    Layout(
        "fresha",
        N_("Fresha clients export"),
        "contacts",
        ("Client ID", "Mobile Number", "Accepts Marketing"),
        {
            "First Name": "first_name",
            "Last Name": "last_name",
            "Full Name": "name",
            "Mobile Number": "phone",
            "Telephone": "phone",
            "Email": "email",
            "Address": "address",
            "Apartment and Suite": "address",
            "Area": "address",
            "City": "address",
            "State": "address",
            "Post Code": "address",
            "Date of Birth": "birthday",
            "Note": "notes",
        },
        "Fresha help: Export your client list (Clients → Client list → Options → Export)",
    ),
    Layout(
        "google",
        N_("Google Contacts CSV"),
        "contacts",
        ("E-mail 1 - Value", "Phone 1 - Value"),
        {
            "Name": "name",
            "Given Name": "first_name",
            "Family Name": "last_name",
            "First Name": "first_name",
            "Last Name": "last_name",
            "E-mail 1 - Value": "email",
            "E-mail 2 - Value": "email",
            "Phone 1 - Value": "phone",
            "Phone 2 - Value": "phone",
            "Address 1 - Formatted": "address",
            "Birthday": "birthday",
            "Notes": "notes",
        },
        "Google Contacts help: Export contacts (Google CSV; both the older 'Given Name' and "
        "the newer 'First Name' headers)",
    ),
    Layout(
        "outlook",
        N_("Outlook contacts CSV"),
        "contacts",
        ("E-mail Address", "Mobile Phone", "Home Phone", "Business Phone"),
        {
            "First Name": "first_name",
            "Middle Name": "",
            "Last Name": "last_name",
            "E-mail Address": "email",
            "E-mail 2 Address": "email",
            "Mobile Phone": "phone",
            "Home Phone": "phone",
            "Business Phone": "phone",
            "Primary Phone": "phone",
            "Home Street": "address",
            "Home City": "address",
            "Home State": "address",
            "Home Postal Code": "address",
            "Home Country/Region": "address",
            "Birthday": "birthday",
            "Notes": "notes",
        },
        "Microsoft support: Export contacts from Outlook to a CSV file (the Outlook CSV columns)",
    ),
    Layout(
        "vcard",
        N_("vCard file"),
        "contacts",
        ("Full name", "First name", "Last name", "Email", "Phone", "Birthday", "Address", "Notes"),
        {
            "Full name": "name",
            "First name": "first_name",
            "Last name": "last_name",
            "Email": "email",
            "Phone": "phone",
            "Birthday": "birthday",
            "Address": "address",
            "Notes": "notes",
        },
        "RFC 6350 (vCard 4.0) and RFC 2426 (vCard 3.0)",
    ),
    Layout(
        "ics",
        N_("Calendar file (.ics)"),
        "bookings",
        ("Start", "End", "Summary", "UID"),
        {
            "Start": "start",
            "End": "end",
            "Summary": "booking_type",
            "Name": "name",
            "Email": "email",
            "Phone": "phone",
            "Provider": "provider",
            "Notes": "notes",
            "UID": "source_id",
            "Status": "status",
        },
        "RFC 5545 (iCalendar) VEVENT",
    ),
)

# header words → field, for files of no known layout (matched after lower-casing and
# removing everything but letters and digits)
_SYNONYMS: dict[str, str] = {
    "name": "name",
    "fullname": "name",
    "clientname": "name",
    "customername": "name",
    "customer": "name",
    "client": "name",
    "firstname": "first_name",
    "givenname": "first_name",
    "forename": "first_name",
    "lastname": "last_name",
    "surname": "last_name",
    "familyname": "last_name",
    "email": "email",
    "emailaddress": "email",
    "mail": "email",
    "phone": "phone",
    "phonenumber": "phone",
    "mobile": "phone",
    "mobilenumber": "phone",
    "mobilephone": "phone",
    "cell": "phone",
    "telephone": "phone",
    "tel": "phone",
    "notes": "notes",
    "note": "notes",
    "comments": "notes",
    "memo": "notes",
    "birthday": "birthday",
    "dateofbirth": "birthday",
    "dob": "birthday",
    "address": "address",
    "street": "address",
    "city": "address",
    "postcode": "address",
    "postalcode": "address",
    "zip": "address",
    "start": "start",
    "starttime": "start",
    "startdate": "start",
    "begins": "start",
    "end": "end",
    "endtime": "end",
    "date": "date",
    "time": "time",
    "duration": "duration",
    "minutes": "duration",
    "service": "booking_type",
    "type": "booking_type",
    "appointmenttype": "booking_type",
    "bookingtype": "booking_type",
    "treatment": "booking_type",
    "provider": "provider",
    "staff": "provider",
    "practitioner": "provider",
    "calendar": "provider",
    "with": "provider",
    "status": "status",
    "id": "source_id",
    "appointmentid": "source_id",
    "bookingid": "source_id",
}


def _word(header: str) -> str:
    return re.sub(r"[^0-9a-z]", "", header.casefold())


def recognise(headers: Sequence[str]) -> Layout | None:
    """The known layout whose signature headers all appear in ``headers``, if any."""
    present = {h.strip().casefold() for h in headers}
    for layout in LAYOUTS:
        if all(s.casefold() in present for s in layout.signature):
            return layout
    return None


def guess_kind(headers: Sequence[str]) -> str:
    """ "bookings" when the headers name a time (start, date), else "contacts"."""
    layout = recognise(headers)
    if layout is not None:
        return layout.kind
    words = {_word(h) for h in headers}
    return "bookings" if words & {"start", "starttime", "startdate", "date", "time"} else "contacts"


def guess_mapping(headers: Sequence[str], kind: str) -> tuple[str, ...]:
    """A field for each column (``""`` for none): the known layout's, else from header words."""
    allowed = fields_for(kind)
    layout = recognise(headers)
    if layout is not None and layout.kind == kind:
        by_header = {h.casefold(): f for h, f in layout.columns.items()}
        return tuple(by_header.get(h.strip().casefold(), "") for h in headers)
    out: list[str] = []
    for header in headers:
        field = _SYNONYMS.get(_word(header), "")
        out.append(field if field in allowed else "")
    return tuple(out)


def apply_overrides(
    headers: Sequence[str], mapping: Sequence[str], overrides: Mapping[str, str], kind: str
) -> tuple[str, ...]:
    """``mapping`` with ``overrides`` (column header → field, ``""`` to leave a column out).

    Raises ``KeyError`` naming an unknown column, ``ValueError`` an unknown field.
    """
    allowed = fields_for(kind)
    out = list(mapping)
    index = {h.strip().casefold(): i for i, h in reversed(list(enumerate(headers)))}
    for column, field in overrides.items():
        position = index.get(column.strip().casefold())
        if position is None:
            raise KeyError(column)
        if field and field not in allowed:
            raise ValueError(field)
        out[position] = field
    return tuple(out)
