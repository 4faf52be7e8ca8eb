"""Whatever a customer texts, recording it as a reply never fails and changes a booking only
for the listed words (hypothesis, on a real database)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from careops_desktop.core.db import Database
from careops_desktop.core.models import Booking, ReminderSend
from careops_desktop.core.services import answers
from careops_desktop.core.services.answers import booking_answer, carrier_keyword
from careops_desktop.core.services.inbox import IncomingMessage
from tests.integrations.factories import make_booking, make_business, make_contact

NOW = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)
PHONE = "+447700900555"


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=st.text(max_size=300))
def test_any_text_is_recorded_and_only_answers_act(db: Database, text: str) -> None:
    with db.write_session() as s:
        if s.scalar(select(Booking.id)) is None:
            make_business(s)
            ada = make_contact(s, phone=PHONE)
            booking = make_booking(s, start=NOW + timedelta(days=30), contact=ada)
            s.add(ReminderSend(booking_id=booking.id, rule_key=0, channel="sms",
                               recipient=PHONE, outbox_id=1, sent_at=NOW))  # fmt: skip
        booking_id = s.scalar(select(Booking.id))
    n = getattr(test_any_text_is_recorded_and_only_answers_act, "n", 0) + 1
    test_any_text_is_recorded_and_only_answers_act.n = n  # type: ignore[attr-defined]
    message = IncomingMessage(
        channel="sms", sender_address=PHONE, content=text, message_id=f"<SM{n}x@twilio.com>"
    )
    with db.write_session() as s:
        result = answers.record_reply(s, message, NOW + timedelta(minutes=n))
        status = s.get(Booking, booking_id).status  # type: ignore[union-attr]
    answer = booking_answer(text)
    if answer is None and carrier_keyword(text) is None:
        assert result.outcome == "inbox"
    if answer != "no":
        assert status == "confirmed"
    if status == "cancelled":  # put it back for the next example
        with db.write_session() as s:
            row = s.get(Booking, booking_id)
            assert row is not None
            row.status = "confirmed"
