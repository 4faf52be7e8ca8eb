"""The dashboard says when incoming email has not been read for over an hour; an incoming
email's original can be saved to a file."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from careops_desktop.core.db import Database
from careops_desktop.core.errors import NotFound, PermissionDenied, ValidationError
from careops_desktop.core.models import Integration
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services.dashboard import dashboard
from careops_desktop.core.services.inbox import (
    IncomingMessage,
    record_incoming,
    save_original_email,
)
from tests.actors import OWNER
from tests.core.seed_rows import add_business, add_staff_actor

NOW = datetime(2026, 6, 1, 12, tzinfo=UTC)
ERROR = "The mail server did not accept the user name and password."


def _poll_state(db: Database, *, enabled: bool = True, **state: str) -> None:
    with db.write_session() as s:
        s.add(
            Integration(kind="email", config={"imap": {"enabled": enabled}}, state={"imap": state})
        )


def _mail_alerts(db: Database, actor: Actor = OWNER) -> list[str]:
    alerts = db.call(dashboard, actor, NOW).alerts
    return [a.text for a in alerts if a.kind == "email_not_read"]


@pytest.mark.parametrize(
    ("minutes_failing", "shown"), [(61, True), (59, False)], ids=["over", "under"]
)
def test_alert_after_an_hour_of_failed_polls(
    db: Database, minutes_failing: int, shown: bool
) -> None:
    with db.write_session() as s:
        add_business(s)
    since = NOW - timedelta(minutes=minutes_failing)
    _poll_state(db, last_error=ERROR, failing_since=since.isoformat())
    expected = [f"Incoming email has not been read for over an hour: {ERROR}"]
    assert _mail_alerts(db) == (expected if shown else [])
    if shown:
        (alert,) = [a for a in db.call(dashboard, OWNER, NOW).alerts if a.kind == "email_not_read"]
        assert alert.target == "settings"
        assert db.call(dashboard, OWNER, NOW).alerts[0] == alert  # right after failed messages


def test_no_alert_when_working_switched_off_or_hidden(db: Database) -> None:
    with db.write_session() as s:
        add_business(s)
    _poll_state(db, enabled=False, last_error=ERROR, failing_since="2020-01-01T00:00:00+00:00")
    assert _mail_alerts(db) == []
    with db.write_session() as s:
        row = s.query(Integration).one()
        row.config = {"imap": {"enabled": True}}
        row.state = {"imap": {"last_error": "", "failing_since": ""}}
    assert _mail_alerts(db) == []
    with db.write_session() as s:
        s.query(Integration).one().state = {
            "imap": {"last_error": ERROR, "failing_since": "2020-01-01T00:00:00+00:00"}
        }
    assert len(_mail_alerts(db)) == 1
    desk = db.call(lambda s: add_staff_actor(s, can_manage_bookings=True))
    assert _mail_alerts(db, desk) == []


def test_the_original_email_is_saved_as_it_came(db: Database, tmp_path: Path) -> None:
    with db.write_session() as s:
        add_business(s)
    raw = b"From: x@example.org\r\nSubject: Caf\xe9\r\n\r\n\x00\xff body"
    message = IncomingMessage("email", "x@example.org", subject="Café", content="?", raw=raw)
    stored = db.call(record_incoming, message, NOW).message_id
    target = tmp_path / "original.eml"
    assert db.call(save_original_email, OWNER, stored, target) == len(raw)
    assert target.read_bytes() == raw
    no_raw = IncomingMessage("email", "y@example.org", content="typed", message_id="<y@x>")
    typed = db.call(record_incoming, no_raw, NOW).message_id
    with pytest.raises(ValidationError, match="No original"):
        db.call(save_original_email, OWNER, typed, tmp_path / "none.eml")
    with pytest.raises(ValidationError, match="could not be written"):
        db.call(save_original_email, OWNER, stored, tmp_path / "missing" / "dir" / "x.eml")
    with pytest.raises(NotFound):
        db.call(save_original_email, OWNER, 99999, target)
    desk = db.call(lambda s: add_staff_actor(s, can_manage_bookings=True))
    with pytest.raises(PermissionDenied):
        db.call(save_original_email, desk, stored, target)
