"""Each known layout is recognised from its header row and imported as its product means it.

The sample files in tests/fixtures/imports/ were written by hand from each product's
documented export columns (no real export was available offline); each test names
the document its file follows.
"""

from __future__ import annotations

from sqlalchemy import select

from careops_desktop.core.db import Database
from careops_desktop.core.models import Contact
from careops_desktop.core.services import imports
from tests.core.booking_world import World
from tests.core.import_helpers import run, source


def _contacts(db: Database) -> dict[str, tuple[str | None, str | None, str]]:
    with db.session() as s:
        rows = s.execute(select(Contact.name, Contact.email, Contact.phone, Contact.notes)).all()
    return {name: (email, phone, notes) for name, email, phone, notes in rows}


def test_square_customers_export(db: Database, world: World) -> None:
    """Follows Square Support, "Export your customer list": Reference ID, First Name, Last Name,
    Email Address, Phone Number, …, Memo, Square Customer ID, … columns."""
    table = source("square_customers.csv")
    assert imports.recognise(table.headers).key == "square"
    result = run(db, table)
    assert result.count(imports.ADD) == 2
    (refused,) = result.refused()
    assert refused.number == 3 and "cai@" in refused.reason
    stored = _contacts(db)
    assert stored["Ada Brook"][:2] == ("ada.brook@example.com", "+447400111222")
    notes = stored["Ada Brook"][2]
    assert "Prefers mornings" in notes and "Date of birth: 1984-02-11" in notes
    assert "Address: 1 High Street, Leeds, LS1 1AA" in notes
    assert stored["Ben Carter"][:2] == (None, "+441614960123")


def test_fresha_clients_export(db: Database, world: World) -> None:
    """Follows Fresha help, "Export your client list": Client ID, First Name, Last Name,
    Full Name, …, Mobile Number, Telephone, Email, …, Date of Birth, Added, Note columns."""
    table = source("fresha_clients.csv")
    assert imports.recognise(table.headers).key == "fresha"
    result = run(db, table)
    assert result.count(imports.ADD) == 2
    assert result.refused()[0].reason == "The row has no name."
    email, phone, notes = _contacts(db)["Dee Evans"]
    assert (email, phone) == ("dee@example.com", "+447400333444")
    assert "Allergic to latex;\nprefers Alice" in notes  # a quoted newline and a ';' kept


def test_google_contacts_csv(db: Database, world: World) -> None:
    """Follows Google Contacts help, "Export contacts" (Google CSV): First Name, …, Birthday,
    Notes, Labels, E-mail 1 - Label, E-mail 1 - Value, Phone 1 - Label, Phone 1 - Value,
    Address 1 - Formatted columns."""
    table = source("google_contacts.csv")
    assert imports.recognise(table.headers).key == "google"
    result = run(db, table)
    assert result.count(imports.ADD) == 2, result.rows
    stored = _contacts(db)
    assert stored["Fay Green"][:2] == ("fay.green@example.com", "+447400123457")
    assert stored["Gus Hale"][:2] == (None, "+12125550134")


def test_outlook_contacts_csv(db: Database, world: World) -> None:
    """Follows Microsoft support, "Export contacts from Outlook": the Outlook CSV columns
    (First Name, …, E-mail Address, …, Home Phone, …, Mobile Phone, …, Birthday, Notes)."""
    table = source("outlook_contacts.csv")
    assert imports.recognise(table.headers).key == "outlook"
    result = run(db, table)
    assert result.count(imports.ADD) == 2
    stored = _contacts(db)
    assert stored["Hana Ito"][:2] == ("hana.ito@example.com", "+447400777888")
    assert stored["Ian Jones"][:2] == (None, "+441134960000")


def test_plain_name_email_phone_sheet(db: Database, world: World) -> None:
    """A spreadsheet of its own: name, email, phone (no product's document)."""
    table = source("plain.csv")
    assert imports.recognise(table.headers) is None
    assert imports.guess_mapping(table.headers, "contacts") == ("name", "email", "phone")
    assert run(db, table).count(imports.ADD) == 3


def test_vcard_versions_3_and_4(db: Database, world: World) -> None:
    """Follows RFC 2426 (vCard 3.0) for the first card and RFC 6350 (vCard 4.0) for the second."""
    table = source("contacts.vcf")
    assert table.file_format == "vcard"
    assert run(db, table).count(imports.ADD) == 2
    stored = _contacts(db)
    email, phone, notes = stored["Mia Nash"]
    assert (email, phone) == ("mia.nash@example.com", "+447400999000")  # the mobile first
    assert "Address: 4 Canal Street, Manchester, M1 3HE, UK" in notes
    assert stored["Noor Olsen"][:2] == ("noor@example.com", "+447911222333")


def test_acuity_appointments_export_is_bookings(db: Database, world: World) -> None:
    """Follows Acuity Scheduling help, "Exporting appointments": Start Time, End Time, First
    Name, Last Name, Phone, Email, Type, Calendar, …, Notes, Date Scheduled, …, Appointment ID."""
    table = source("acuity_appointments.csv")
    layout = imports.recognise(table.headers)
    assert layout is not None and layout.key == "acuity" and layout.kind == "bookings"
    mapping = imports.guess_mapping(table.headers, "bookings")
    assert mapping[table.headers.index("Calendar")] == "provider"
    assert mapping[table.headers.index("Type")] == "booking_type"


def test_ics_events_are_bookings(db: Database, world: World) -> None:
    """Follows RFC 5545: VEVENT with DTSTART/DTEND (with TZID and in UTC), SUMMARY, ORGANIZER,
    ATTENDEE, UID."""
    table = source("bookings.ics")
    assert table.file_format == "ics"
    assert imports.guess_kind(table.headers) == "bookings"
    result = run(db, table)
    assert [row.action for row in result.rows] == [imports.ADD, imports.HISTORY]


def test_guessing_reads_header_words() -> None:
    headers = ("Client", "E-mail address", "Mobile", "Comments", "DOB", "Whatever")
    assert imports.guess_mapping(headers, "contacts") == (
        "name",
        "email",
        "phone",
        "notes",
        "birthday",
        "",
    )
    assert imports.guess_kind(("Date", "Time", "Service", "Client", "Phone")) == "bookings"
