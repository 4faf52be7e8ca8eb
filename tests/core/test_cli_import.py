"""``careops import contacts|bookings FILE`` on a real database file: dry run, real run,
mapping overrides, re-import, undo, and refusals in words."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from careops_desktop.cli import main
from careops_desktop.core.db import Database
from careops_desktop.core.models import Booking, Contact, ImportBatch, OutboxMessage
from careops_desktop.core.schema import upgrade_to_head
from tests.core.booking_world import build_in
from tests.core.import_helpers import FIXTURES


@pytest.fixture
def db_file(db_url: str) -> str:
    database = Database(db_url)
    upgrade_to_head(database.engine)
    build_in(database)
    database.close()
    return db_url


def _count(db_url: str, model: object) -> int:
    database = Database(db_url)
    try:
        with database.session() as s:
            return int(s.scalar(select(func.count()).select_from(model)) or 0)  # type: ignore[arg-type]
    finally:
        database.close()


def test_dry_run_lists_refusals_and_imports_nothing(
    db_file: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        ["--db", db_file, "import", "contacts", str(FIXTURES / "square_customers.csv"), "--dry-run"]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "Square Appointments customers export" in out
    assert "Email Address → Email" in out
    assert "would add 2 contacts" in out
    assert "row 3: “cai@”" in out
    assert _count(db_file, ImportBatch) == 0 and _count(db_file, Contact) == 1


def test_a_real_run_then_a_reimport_then_undo(
    db_file: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(FIXTURES / "plain.csv")
    assert main(["--db", db_file, "import", "contacts", path, "--yes"]) == 0
    out = capsys.readouterr().out
    assert "added 3 contacts" in out and "Import 1:" in out
    assert _count(db_file, Contact) == 4
    assert main(["--db", db_file, "import", "contacts", path, "--yes"]) == 0
    out = capsys.readouterr().out
    assert "This file was imported before (import 1)." in out and "added 0 contacts" in out
    assert _count(db_file, Contact) == 4
    assert main(["--db", db_file, "import", "undo", "1"]) == 0
    assert "3 contacts and 0 bookings removed" in capsys.readouterr().out
    assert _count(db_file, Contact) == 1


def test_without_yes_and_without_a_terminal_nothing_is_imported(
    db_file: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    code = main(["--db", db_file, "import", "contacts", str(FIXTURES / "plain.csv")])
    assert code == 1
    assert "add --yes" in capsys.readouterr().err
    assert _count(db_file, Contact) == 1


def test_map_overrides_a_guess(
    db_file: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "odd.csv"
    sheet.write_text("Who,Reach me at,Extra\nJo Kent,jo@example.com,secret\n", encoding="utf-8")
    argv = [
        "--db",
        db_file,
        "import",
        "contacts",
        str(sheet),
        "--map",
        "Who=name",
        "--map",
        "Reach me at=email",
        "--yes",
    ]
    assert main(argv) == 0
    assert "Extra → not imported" in capsys.readouterr().out
    assert _count(db_file, Contact) == 2
    assert main(["--db", db_file, "import", "contacts", str(sheet), "--map", "Nope=name"]) == 2
    assert "no column called 'Nope'" in capsys.readouterr().err
    assert main(["--db", db_file, "import", "contacts", str(sheet), "--map", "Who=shoe_size"]) == 2
    assert "'shoe_size' is not a field" in capsys.readouterr().err


def test_bookings_with_confirmations_only_when_asked(
    db_file: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    london = ZoneInfo("Europe/London")
    day = datetime.now(london).date() + timedelta(days=7)
    while day.weekday() != 2:  # a Wednesday: both providers work 09–17
        day += timedelta(days=1)
    past = day - timedelta(days=60)
    sheet = tmp_path / "visits.csv"
    sheet.write_text(
        "Date,Time,Service,Staff,Client,Email\n"
        f"{day.isoformat()},10:00,Consultation,Alice Practitioner,Ann Bee,ann@example.com\n"
        f"{day.isoformat()},11:00,Consultation,Bob Practitioner,Cy Dee,cy@example.com\n"
        f"{past.isoformat()},10:00,Consultation,Alice Practitioner,Ann Bee,ann@example.com\n",
        encoding="utf-8",
    )
    assert main(["--db", db_file, "import", "bookings", str(sheet), "--yes"]) == 0
    out = capsys.readouterr().out
    assert "added 3 bookings (1 of them past visits)" in out
    assert (
        "To send confirmations to the 2 imported future bookings: careops import confirm 1" in out
    )
    assert _count(db_file, Booking) == 3 and _count(db_file, OutboxMessage) == 0
    database = Database(db_file)
    try:
        with database.session() as s:
            statuses = sorted(s.scalars(select(Booking.status)))
    finally:
        database.close()
    assert statuses == ["completed", "confirmed", "confirmed"]
    assert main(["--db", db_file, "import", "confirm", "1"]) == 0
    assert "2 confirmations are queued" in capsys.readouterr().out
    assert main(["--db", db_file, "import", "confirm", "1"]) == 0
    assert "0 confirmations are queued" in capsys.readouterr().out
    assert _count(db_file, OutboxMessage) == 2
    # a second file, with confirmations asked for
    again = tmp_path / "more.csv"
    again.write_text(
        "Date,Time,Service,Staff,Client,Email\n"
        f"{day.isoformat()},14:00,Consultation,Alice Practitioner,Eve Fay,eve@example.com\n",
        encoding="utf-8",
    )
    assert (
        main(["--db", db_file, "import", "bookings", str(again), "--yes", "--send-confirmations"])
        == 0
    )
    assert "1 confirmations are queued" in capsys.readouterr().out
    assert _count(db_file, OutboxMessage) == 3
    assert datetime.now(UTC) < datetime.combine(day, datetime.min.time(), UTC)


def test_an_unreadable_file_is_refused_in_words(
    db_file: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_text("name,email,phone\n", encoding="utf-8")
    assert main(["--db", db_file, "import", "contacts", str(empty), "--yes"]) == 2
    assert "a header row but no rows" in capsys.readouterr().err
    assert _count(db_file, ImportBatch) == 0


def test_type_and_provider_names_mapped(
    db_file: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    london = ZoneInfo("Europe/London")
    day = datetime.now(london).date() + timedelta(days=7)
    while day.weekday() != 2:
        day += timedelta(days=1)
    sheet = tmp_path / "old-names.csv"
    sheet.write_text(
        "Date,Time,Service,Staff,Client,Email\n"
        f"{day.isoformat()},10:00,Consult 60,Dr A,Ann Bee,ann@example.com\n",
        encoding="utf-8",
    )
    base = ["--db", db_file, "import", "bookings", str(sheet)]
    assert main([*base, "--dry-run"]) == 0
    assert "There is no booking type called “Consult 60”" in capsys.readouterr().out
    mapped = [
        *base,
        "--type",
        "Consult 60=consultation",
        "--provider",
        "Dr A=Alice Practitioner",
        "--yes",
    ]
    assert main(mapped) == 0
    assert "added 1 bookings" in capsys.readouterr().out
    assert main([*base, "--type", "Consult 60=Nope", "--yes"]) == 2
    assert "no booking type called 'Nope'" in capsys.readouterr().err
