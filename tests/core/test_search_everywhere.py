"""Search everywhere (Ctrl+K): each kind is found, phones in any format, permissions,
hostile text, and any text at all never raises and keeps to the limit."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select
from sqlalchemy import text as sql

from careops_desktop.core.db import Database, is_read_only
from careops_desktop.core.models import (
    Contact,
    Message,
)
from careops_desktop.core.permissions import Actor, Role, permissions_for
from careops_desktop.core.services.search_everywhere import (
    KINDS,
    search_everything,
    searchable_kinds,
)
from careops_desktop.core.services.search_text import read_day, read_search_text
from tests.core.booking_world import DESK, INBOX_ONLY, NOW, World
from tests.core.search_world import add_customer

OWNER = Actor(user_id=None, name="Owner", role=Role.OWNER, permissions=permissions_for(Role.OWNER))
NOTHING = Actor(user_id=None, name="Stock only", role=Role.STAFF, permissions=frozenset())


@pytest.fixture
def found(db: Database, world: World) -> dict[str, int]:
    """A customer with a booking next week and one last year, a conversation, a form."""
    return add_customer(db, world)


def ids(results, kind: str) -> list[int]:  # type: ignore[no-untyped-def]
    return [hit.id for hit in results.hits[kind]]


def test_it_is_a_read(db: Database) -> None:
    assert is_read_only(search_everything)


def test_each_kind_is_found_by_the_name(db: Database, found: dict[str, int]) -> None:
    results = db.call(search_everything, OWNER, "okafor", 5, NOW)
    assert ids(results, "contact") == [found["mia"]]
    # the coming booking first, then the past one (bookings of any date)
    assert ids(results, "booking") == [found["soon"], found["old"]]
    assert ids(results, "conversation") == [found["talk"]]
    assert ids(results, "submission") == [found["form"]]
    assert results.hits["contact"][0].title == "Mia Okafor"
    assert "Massage" in results.hits["booking"][0].title


def test_email_case_and_words_in_any_order(db: Database, found: dict[str, int]) -> None:
    assert ids(db.call(search_everything, OWNER, "MIA.OKAFOR@EX", 5, NOW), "contact") == [
        found["mia"]
    ]
    assert ids(db.call(search_everything, OWNER, "okafor mia", 5, NOW), "contact") == [found["mia"]]


@pytest.mark.parametrize(
    "typed",
    [
        "07700 900123",
        "07700900123",
        "+44 7700 900123",
        "+44 (0)7700 900-123",
        "0044 7700 900123",
        "900 123",
        "7700900123",
    ],
)
def test_a_phone_in_any_format(db: Database, found: dict[str, int], typed: str) -> None:
    results = db.call(search_everything, OWNER, typed, 5, NOW)
    assert ids(results, "contact") == [found["mia"]]


def test_bookings_by_type_provider_and_day(db: Database, found: dict[str, int]) -> None:
    assert found["soon"] in ids(db.call(search_everything, OWNER, "massage", 5, NOW), "booking")
    assert found["old"] in ids(db.call(search_everything, OWNER, "bob pract", 5, NOW), "booking")
    for day_text in ("2025-03-04", "4 Mar 2025", "04/03/2025", "March 4, 2025"):
        day = db.call(search_everything, OWNER, day_text, 5, NOW)
        assert ids(day, "booking") == [found["old"]], day_text


def test_conversations_by_subject_message_text_and_sender(
    db: Database, found: dict[str, int]
) -> None:
    for text in ("parking", "BICYCLE rack", "mia oka"):
        assert ids(db.call(search_everything, OWNER, text, 5, NOW), "conversation") == [
            found["talk"]
        ], text
    hit = db.call(search_everything, OWNER, "bicycle", 5, NOW).hits["conversation"][0]
    assert "bicycle rack" in hit.detail


def test_form_submissions_by_form_name(db: Database, found: dict[str, int]) -> None:
    assert ids(db.call(search_everything, OWNER, "intake", 5, NOW), "submission") == [found["form"]]


def test_a_role_sees_only_its_kinds(db: Database, found: dict[str, int]) -> None:
    desk = db.call(search_everything, DESK, "okafor", 5, NOW)
    assert "conversation" not in desk.hits  # bookings staff without the inbox
    assert desk.kinds == ("contact", "booking", "submission")
    assert ids(desk, "booking")
    inbox = db.call(search_everything, INBOX_ONLY, "okafor", 5, NOW)
    assert "booking" not in inbox.hits
    assert ids(inbox, "conversation") == [found["talk"]]
    none = db.call(search_everything, NOTHING, "okafor", 5, NOW)
    assert none.hits == {} and none.kinds == ()
    assert searchable_kinds(OWNER) == KINDS


def test_the_limit_per_kind(db: Database, world: World) -> None:
    with db.write_session() as session:
        session.add_all(Contact(name=f"Limit Person {n}", email=None) for n in range(30))
    results = db.call(search_everything, OWNER, "limit person", 4, NOW)
    assert len(results.hits["contact"]) == 4
    assert len(db.call(search_everything, OWNER, "limit person", 10_000, NOW).hits["contact"]) == 30
    assert len(db.call(search_everything, OWNER, "limit person", -3, NOW).hits["contact"]) == 1


@pytest.mark.parametrize(
    "text",
    [
        "%",
        "_",
        "%%",
        "a_b",
        "\\",
        "'; DROP TABLE contacts; --",
        '"',
        "\x00",
        "x" * 100_000,
        "   ",
        "",
        "\u200f\u200e",
        "🙂🙂",
        "%okafor",
        "oka_or",
    ],
)
def test_hostile_text_is_plain_text(db: Database, found: dict[str, int], text: str) -> None:
    results = db.call(search_everything, OWNER, text, 5, NOW)
    # % and _ are not wildcards, quotes are not SQL: none of these is in any record
    assert results.count == 0, text
    assert len(results.text) <= 100


@pytest.mark.parametrize("text", ["\u202eokafor", "ok\x00afor", "OKAFOR\u200b", "ｏｋａｆｏｒ"])
def test_marks_and_controls_do_not_hide_a_name(
    db: Database, found: dict[str, int], text: str
) -> None:
    assert ids(db.call(search_everything, OWNER, text, 5, NOW), "contact") == [found["mia"]]


def test_invisible_marks_are_ignored(db: Database, found: dict[str, int]) -> None:
    results = db.call(search_everything, OWNER, "\u202bOka\u200bfor\u202c", 5, NOW)
    assert ids(results, "contact") == [found["mia"]]


def test_one_letter_asks_for_another(db: Database, found: dict[str, int]) -> None:
    results = db.call(search_everything, OWNER, "m", 5, NOW)
    assert results.too_short and results.count == 0


def test_reading_days_and_phones() -> None:
    today = date(2026, 12, 7)
    assert read_day("today", today) == today
    assert read_day("tomorrow", today) == today + timedelta(days=1)
    assert read_day("12/03", today, "US") == date(2026, 12, 3)
    assert read_day("12/03", today, "GB") == date(2026, 3, 12)
    assert read_day("31/02/2026", today) is None
    assert read_day("7 bogus", today) is None
    query = read_search_text("(020) 7946 0018", today, "GB")
    assert query is not None and query.phone == "+442079460018" and query.digits == "2079460018"
    assert read_search_text("\x00\u200f", today) is None


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=300), limit=st.integers(min_value=-5, max_value=80))
def test_any_text_never_raises_and_keeps_the_limit(
    db: Database, found: dict[str, int], text: str, limit: int
) -> None:
    results = db.call(search_everything, OWNER, text, limit, datetime(2026, 6, 8, tzinfo=UTC))
    assert set(results.hits) == set(KINDS)
    for hits in results.hits.values():
        assert len(hits) <= max(1, min(limit, 50))


def _conversations(db: Database, text: str) -> list[int]:
    return ids(db.call(search_everything, OWNER, text, 5, NOW), "conversation")


def test_the_message_text_index_follows_the_messages(
    db: Database, db_backend: str, found: dict[str, int]
) -> None:
    """New, changed and deleted messages are found (or not) at once, with the SQLite index
    and without it (PostgreSQL; an SQLite too old for trigrams)."""
    talk = found["talk"]
    assert _conversations(db, "bicycle rack") == [talk]
    with db.write_session() as session:
        message = session.scalars(select(Message).where(Message.conversation_id == talk)).one()
        message.content = "Do you sell gift vouchers? 100% wool socks_too"
    assert _conversations(db, "bicycle") == []
    assert _conversations(db, "GIFT VOUCHERS") == [talk]
    assert _conversations(db, "100% wool") == [talk]  # % is a plain character
    assert _conversations(db, "socks_too") == [talk]
    assert _conversations(db, "100%_wool") == []
    with db.write_session() as session:
        session.add(
            Message(
                conversation_id=talk,
                direction="out",
                sender_type="staff",
                sender_name="Desk Person",
                content="Yes, at the front desk.",
                channel="email",
            )
        )
    assert _conversations(db, "front desk") == [talk]
    with db.write_session() as session:
        session.execute(delete(Message).where(Message.conversation_id == talk))
    assert _conversations(db, "front desk") == []
    if db_backend == "sqlite":
        with db.session() as session:
            assert session.scalar(sql("SELECT count(*) FROM messages_text")) is not None


def test_without_the_index_the_newest_messages_are_read(
    db: Database, db_backend: str, found: dict[str, int]
) -> None:
    if db_backend == "sqlite":
        with db.write_session() as session:
            for trigger in ("insert", "delete", "update"):
                session.execute(sql(f"DROP TRIGGER messages_text_{trigger}"))
            session.execute(sql("DROP TABLE messages_text"))
    assert _conversations(db, "BICYCLE rack") == [found["talk"]]
