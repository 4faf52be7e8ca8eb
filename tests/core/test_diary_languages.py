"""The diary in German and Spanish: refusals, series clashes and every local time read in
the reader's language and formats, with the "shown twice" zone marks kept (hypothesis
over any instant in any zone)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, available_timezones

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careops_desktop.core.clock_text import (
    clock_range,
    clock_time,
    day_and_time,
    day_text,
    wall_range,
    wall_text,
)
from careops_desktop.core.db import Database
from careops_desktop.core.errors import NotFound, PermissionDenied, PolicyRefused, SlotTaken
from careops_desktop.core.i18n import use_language
from careops_desktop.core.permissions import Permission
from careops_desktop.core.services import bookings
from careops_desktop.core.services.bookings import RepeatRule, booking_time_text
from tests.core.booking_world import DESK, LONDON, NOW, WEDNESDAY, World, at

BERLIN = ZoneInfo("Europe/Berlin")
LORD_HOWE = ZoneInfo("Australia/Lord_Howe")
TUESDAY_AFTERNOON = datetime(2026, 3, 3, 13, 30, tzinfo=UTC)  # 14:30 in Berlin
FIRST = datetime(2027, 4, 3, 14, 30, tzinfo=UTC)  # 01:30 +11 on 4 April (Lord Howe)
SECOND = datetime(2027, 4, 3, 15, 0, tzinfo=UTC)  # 01:30 +10:30, half an hour later


def _public(db: Database, world: World, start: datetime, **extra: Any) -> Any:
    values: dict[str, Any] = {
        "booking_type_id": world.consult,
        "provider_id": world.alice,
        "start_utc": start,
        "name": "Nina New",
        "email": "nina@example.com",
        "phone": "",
        "notes": "",
        "now": NOW,
    }
    values.update(extra)
    return db.call(bookings.book_public, **values)


# -- the clock ------------------------------------------------------------------------------


def test_day_and_time_reads_german_spanish_and_english() -> None:
    with use_language("de"):
        assert day_and_time(TUESDAY_AFTERNOON, BERLIN) == "Dienstag, 3. März 2026 um 14:30"
        assert day_text(datetime(2026, 3, 3)) == "Dienstag, 3. März 2026"
    with use_language("es"):
        assert day_and_time(TUESDAY_AFTERNOON, BERLIN) == ("martes, 3 de marzo de 2026 a las 14:30")
    with use_language("en"):
        assert day_and_time(TUESDAY_AFTERNOON, BERLIN) == "Tuesday 3 March 2026 at 14:30"


def test_patterns_for_people_read_in_the_reader_s_words_and_numbers_stay_as_given() -> None:
    local = TUESDAY_AFTERNOON.astimezone(BERLIN)
    with use_language("de"):
        assert wall_text(local, "%a %d %b %Y %H:%M") == "Di., 3. März 2026, 14:30"
        assert wall_text(local, "%Y-%m-%d %H:%M") == "2026-03-03 14:30"
    with use_language("es"):
        assert wall_text(local, "%a %d %b %H:%M") == "mar, 3 mar, 14:30"
    with use_language("en"):
        assert wall_text(local, "%a %d %b %Y %H:%M") == "Tue 03 Mar 2026 14:30"


def test_booking_times_across_the_clock_change_read_german_with_their_marks() -> None:
    with use_language("de"):
        assert booking_time_text(FIRST, LORD_HOWE) == (
            "Sonntag, 4. April 2027 um 01:30 UTC+11 (Australia/Lord_Howe)"
        )
        assert booking_time_text(SECOND, LORD_HOWE) == (
            "Sonntag, 4. April 2027 um 01:30 UTC+10:30 (Australia/Lord_Howe)"
        )
        assert clock_range(FIRST, FIRST + timedelta(minutes=30), LORD_HOWE) == (
            "01:30 UTC+11–01:30 UTC+10:30"
        )
        bst = datetime(2027, 10, 31, 0, 30, tzinfo=UTC)
        gmt = datetime(2027, 10, 31, 1, 30, tzinfo=UTC)
        assert clock_time(bst, LONDON) == "01:30 BST"
        assert clock_time(gmt, LONDON) == "01:30 GMT"
        assert booking_time_text(gmt, LONDON) == (
            "Sonntag, 31. Oktober 2027 um 01:30 GMT (Europe/London)"
        )
        # an ordinary summer morning carries no mark
        assert booking_time_text(at(WEDNESDAY, 10), LONDON) == (
            "Mittwoch, 10. Juni 2026 um 10:00 (Europe/London)"
        )
    with use_language("es"):
        assert booking_time_text(FIRST, LORD_HOWE) == (
            "domingo, 4 de abril de 2027 a las 1:30 UTC+11 (Australia/Lord_Howe)"
        )


ZONES = sorted(available_timezones() - {"Factory", "localtime"})
PATTERNS = ["%H:%M", "%a %d %b %Y %H:%M", "%a %d %b %H:%M", "%b %Y %H:%M", "%Y-%m-%d %H:%M"]


@settings(max_examples=300, deadline=None)
@given(
    zone=st.sampled_from(ZONES),
    moment=st.datetimes(min_value=datetime(1970, 1, 2), max_value=datetime(2099, 12, 30)),
    minutes=st.integers(1, 24 * 60 - 1),  # a range of exactly a day reads "x–x" by design
    language=st.sampled_from(["en", "de", "es", "en-XA"]),
    pattern=st.sampled_from(PATTERNS),
)
def test_any_time_in_any_zone_formats_in_every_language(
    zone: str, moment: datetime, minutes: int, language: str, pattern: str
) -> None:
    tz = ZoneInfo(zone)
    start = moment.replace(tzinfo=UTC)
    end = start + timedelta(minutes=minutes)
    with use_language(language):
        said = day_and_time(start, tz)
        assert said and str(start.astimezone(tz).year) in said
        left, right = clock_range(start, end, tz).split("–")
        assert left != right
        assert wall_text(start.astimezone(tz), pattern)
        assert wall_range(start.astimezone(tz), end.astimezone(tz), pattern, pattern)
        assert booking_time_text(start, tz).endswith(f"({zone})")


# -- refusals -------------------------------------------------------------------------------


def test_a_refused_booking_says_why_in_german_and_spanish(db: Database, world: World) -> None:
    _public(db, world, at(WEDNESDAY, 12))
    with use_language("de"), pytest.raises(SlotTaken) as taken:
        _public(db, world, at(WEDNESDAY, 12), email="other@example.com")
    assert str(taken.value) == (
        "Diese Zeit wurde gerade vergeben. Bitte wählen Sie eine andere Zeit."
    )
    with use_language("de"), pytest.raises(PolicyRefused) as soon:
        _public(db, world, NOW + timedelta(minutes=90))
    assert str(soon.value) == "Buchungen brauchen mindestens 2 Stunden Vorlauf."
    with use_language("es"), pytest.raises(PolicyRefused) as far:
        _public(db, world, at(WEDNESDAY + timedelta(days=60), 10))
    assert str(far.value) == "Solo se puede reservar con 60 días de antelación como máximo."
    with use_language("es"), pytest.raises(SlotTaken) as taken_es:
        _public(db, world, at(WEDNESDAY, 12), email="other@example.com")
    assert str(taken_es.value) == "Esa hora se acaba de ocupar. Elija otra hora, por favor."
    with use_language("en"), pytest.raises(SlotTaken) as taken_en:
        _public(db, world, at(WEDNESDAY, 12), email="other@example.com")
    assert str(taken_en.value) == "That time has just been taken. Please choose another time."


def test_core_errors_name_their_thing_in_the_reader_s_language() -> None:
    with use_language("de"):
        assert str(NotFound("booking", 7)) == "Nicht gefunden: Buchung mit der ID 7."
        assert str(PermissionDenied(Permission.MANAGE_BOOKINGS.value)) == (
            "Ihnen fehlt die Berechtigung „Buchungen verwalten“."
        )
    with use_language("es"):
        assert str(NotFound("booking", 7)) == "No existe ningún registro de reserva con el id 7."
    with use_language("en"):
        assert str(NotFound("booking", 7)) == "No booking with id 7."
        assert str(PermissionDenied("manage bookings")) == (
            "You do not have the “manage bookings” permission."
        )


# -- series -----------------------------------------------------------------------------------


def test_a_series_clash_and_its_rule_read_german_and_spanish(db: Database, world: World) -> None:
    db.call(
        bookings.book_desk,
        DESK,
        contact_id=world.known_contact,
        booking_type_id=world.consult,
        provider_id=world.alice,
        start_utc=at(WEDNESDAY, 10),
        now=NOW,
    )
    rule = RepeatRule(WEDNESDAY, at(WEDNESDAY, 10).astimezone(LONDON).time(), (2,), count=3)

    def plan() -> Any:
        return db.call(
            bookings.plan_series,
            booking_type_id=world.consult,
            provider_id=world.alice,
            rule=rule,
            now=NOW,
        )

    with use_language("de"):
        german = plan()
    assert german.visits[0].kind == "taken"
    assert german.visits[0].words == "Diese Zeit ist am Mittwoch, 10. Juni 2026 bereits vergeben."
    assert german.visits[1].words == "Frei."
    assert german.rule_text == "Jede Woche am Mittwoch um 10:00, 3 Termine ab 10.06.2026."
    with use_language("es"):
        spanish = plan()
    assert spanish.visits[0].words == "Esa hora ya está ocupada el miércoles, 10 de junio de 2026."
    assert spanish.rule_text == "Cada semana: miércoles, a las 10:00, 3 citas desde el 10 jun 2026."
    with use_language("en"):
        english = plan()
    assert english.visits[0].words == "That time is already taken on Wednesday 10 June 2026."
