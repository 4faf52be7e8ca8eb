"""Inbox: save an incoming email's original to a file. Settings → Email: how mail is read."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from careops_desktop.core.models import Integration
from careops_desktop.core.services import business
from careops_desktop.core.services.inbox import IncomingMessage, record_incoming
from careops_desktop.ui.settings.integrations_email import poll_state_text
from tests.ui.tab_helpers import open_tab, owner_actor

RAW = b"From: Mystery <m@example.org>\r\nSubject: Odd\r\n\r\n\x00\xff unreadable body"


def test_save_the_original_of_an_unreadable_message(db, ops, bridge, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with db.write_session() as session:
        business.ensure_business(session, "Calm Clinic", "Europe/London")
        result = record_incoming(
            session,
            IncomingMessage(
                channel="email",
                sender_address="m@example.org",
                subject="Odd",
                content="This email could not be read.",
                raw=RAW,
            ),
        )
    window = open_tab(qtbot, ops, bridge, owner_actor(), ("inbox",))
    page: Any = window.page("inbox")
    page.open_conversation(result.conversation_id)
    qtbot.waitUntil(lambda: page.messages.rowCount() == 1, timeout=5000)
    page.choose_original_file(result.message_id)
    assert page.original_dialog is not None and page.original_dialog.isVisible()
    page.original_dialog.reject()
    target = tmp_path / "odd.eml"
    page.save_original_to(result.message_id, str(target))
    qtbot.waitUntil(lambda: target.exists(), timeout=5000)
    assert Path(target).read_bytes() == RAW


def test_poll_state_in_sentences() -> None:
    ok = datetime(2026, 6, 1, 9, tzinfo=UTC).isoformat()
    bad = datetime(2026, 6, 1, 11, tzinfo=UTC).isoformat()
    assert poll_state_text({}) == ""
    assert poll_state_text({"last_success_at": ok, "last_error": ""}).startswith(
        "Email was last read successfully at "
    )
    text = poll_state_text(
        {"last_success_at": ok, "last_error": "Boom.", "failing_since": bad, "last_poll_at": bad}
    )
    assert "has failed since" in text and text.endswith("said: Boom.")
    never = poll_state_text({"last_error": "Boom.", "last_poll_at": bad, "failing_since": bad})
    assert never.startswith("Email has not been read successfully yet.")


def test_the_dashboard_alert_opens_settings_email_with_the_problem(db, ops, bridge, qtbot) -> None:  # type: ignore[no-untyped-def]
    with db.write_session() as session:
        business.ensure_business(session, "Calm Clinic", "Europe/London")
        session.add(
            Integration(
                kind="email",
                config={"imap": {"enabled": True, "host": "imap.example.org"}},
                state={
                    "imap": {
                        "last_error": "The mail server did not answer in time.",
                        "failing_since": "2020-01-01T00:00:00+00:00",
                        "last_poll_at": "2020-01-01T02:00:00+00:00",
                    }
                },
            )
        )
    window = open_tab(qtbot, ops, bridge, owner_actor(), ("dashboard", "settings"))
    page: Any = window.page("dashboard")
    qtbot.waitUntil(
        lambda: any(b.objectName() == "alert_email_not_read" for b in page.alert_buttons),
        timeout=5000,
    )
    (button,) = [b for b in page.alert_buttons if b.objectName() == "alert_email_not_read"]
    assert "has not been read for over an hour" in button.text()
    button.click()
    assert window.current_key() == "settings"
    settings: Any = window.page("settings")
    integrations = settings.pages["integrations"]
    assert settings.tabs.currentIndex() == settings.page_keys().index("integrations")
    qtbot.waitUntil(
        lambda: "did not answer in time" in integrations.imap.state.text(), timeout=5000
    )
    assert integrations.imap.state.text().startswith("Email has not been read successfully yet.")
