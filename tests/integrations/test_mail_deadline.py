"""Every SMTP and IMAP conversation has an overall deadline, also against a tarpit.

The tarpit sends one line every 3 s, so the 5 s timeout per read never fires; only
the overall deadline ends the conversation. The silent server accepts and never
answers.
"""

from __future__ import annotations

import socket
import threading
import time
from datetime import UTC, datetime
from email.utils import make_msgid

import pytest

from careops_desktop.integrations import email_in
from careops_desktop.integrations.deadline import Deadline
from careops_desktop.integrations.email_in import ImapMailbox, MailboxError
from careops_desktop.integrations.email_out import (
    OutgoingEmail,
    SendError,
    SmtpMailer,
    build_message,
    send_test_email,
)
from careops_desktop.integrations.integration_settings import ImapSettings, SmtpSettings
from tests.integrations.slow_servers import Tarpit, imap_tarpit, silent_server, smtp_tarpit

TIMEOUT = 5  # the smallest timeout Settings allow; the tarpit's 3 s beat is below it
SLACK = 2.5  # the deadline is exact; this is for a busy test machine


def _settings(port: int) -> SmtpSettings:
    return SmtpSettings(
        host="127.0.0.1",
        port=port,
        security="none",
        from_address="desk@harbour-physio.example.org",
        timeout_seconds=TIMEOUT,
    )


def _message(to: str = "ann@example.com") -> object:
    email = OutgoingEmail(make_msgid(domain="t.example"), to, "Hello", "Body")
    return build_message(email, from_address="desk@harbour-physio.example.org")


def _threads() -> set[str]:
    return {t.name for t in threading.enumerate() if t.name == "mail-deadline"}


@pytest.mark.parametrize("server_kind", ["tarpit", "silent"])
@pytest.mark.slow
def test_a_server_that_stalls_is_dropped_at_the_deadline(server_kind: str) -> None:
    server_cm = smtp_tarpit() if server_kind == "tarpit" else silent_server()
    with server_cm as server:
        mailer = SmtpMailer(_settings(server.port), None)
        started = time.monotonic()
        with pytest.raises(SendError) as raised:
            mailer.send(_message())  # type: ignore[arg-type]
        elapsed = time.monotonic() - started
        # the rest of the batch fails at once, without another connection
        again = time.monotonic()
        with pytest.raises(SendError):
            mailer.send(_message("bob@example.com"))  # type: ignore[arg-type]
        assert time.monotonic() - again < 0.5
        mailer.close()
        assert server.connections == 1
    assert TIMEOUT - 0.5 <= elapsed <= TIMEOUT + SLACK
    assert str(raised.value) == f"The mail server did not answer within {TIMEOUT} s."
    assert not raised.value.permanent
    assert mailer.unreachable is raised.value
    assert not _threads()  # the watchdog is gone with the conversation


@pytest.mark.slow
def test_the_test_email_button_is_held_to_the_deadline_too() -> None:
    with smtp_tarpit() as server:
        started = time.monotonic()
        with pytest.raises(SendError, match=f"did not answer within {TIMEOUT} s"):
            send_test_email(_settings(server.port), None, "owner@example.com")
        assert time.monotonic() - started <= TIMEOUT + SLACK


def test_the_deadline_covers_the_whole_conversation_not_each_read() -> None:
    """A tarpit slower than the deadline allows per line still ends on time (one line
    every 1 s against a 30 s read timeout: only the overall deadline can stop it)."""
    with smtp_tarpit(every=1.0) as server:
        settings = _settings(server.port)
        mailer = SmtpMailer(settings, None, deadline_seconds=3)
        started = time.monotonic()
        with pytest.raises(SendError, match="did not answer within 3 s"):
            mailer.send(_message())  # type: ignore[arg-type]
        mailer.close()
    assert time.monotonic() - started <= 3 + SLACK


def test_a_healthy_server_is_unaffected(smtp_server) -> None:  # type: ignore[no-untyped-def]
    with SmtpMailer(_settings(smtp_server.port), None, deadline_seconds=5) as mailer:
        for i in range(3):
            mailer.send(_message(f"c{i}@example.com"))  # type: ignore[arg-type]
    assert len(smtp_server.received) == 3
    assert not _threads()


def test_deadline_shuts_a_watched_socket_and_says_so() -> None:
    server = Tarpit(b"", None)
    try:
        sock = socket.create_connection(("127.0.0.1", server.port), timeout=30)
        with Deadline(0.5) as deadline:
            deadline.watch(sock)
            started = time.monotonic()
            assert sock.recv(10) == b""  # woken by the shutdown, not by the 30 s timeout
            assert time.monotonic() - started < 2
            assert deadline.expired
        sock.close()
        assert deadline.words() == "The mail server did not answer within 0.5 s."
        late = socket.create_connection(("127.0.0.1", server.port), timeout=30)
        deadline.watch(late)  # already expired: shut at once
        assert late.recv(10) == b""
        late.close()
    finally:
        server.stop()


# -- IMAP -----------------------------------------------------------------------------------


def _imap(port: int) -> ImapSettings:
    return ImapSettings(
        enabled=True,
        host="127.0.0.1",
        port=port,
        security="none",
        username="desk",
        timeout_seconds=TIMEOUT,
    )


@pytest.mark.parametrize("server_kind", ["tarpit", "silent"])
@pytest.mark.slow
def test_an_imap_server_that_stalls_is_dropped_at_the_deadline(
    server_kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(email_in, "DEADLINE_TIMEOUTS", 1)  # 5 s instead of 20 s: a quick test
    server_cm = imap_tarpit() if server_kind == "tarpit" else silent_server()
    with server_cm as server:
        started = time.monotonic()
        with pytest.raises(MailboxError) as raised:
            ImapMailbox(_imap(server.port), "secret").fetch_new(None, 0, now=datetime.now(UTC))
        elapsed = time.monotonic() - started
    assert TIMEOUT - 0.5 <= elapsed <= TIMEOUT + SLACK
    assert str(raised.value) == f"The mail server did not answer within {TIMEOUT} s."
    assert not _threads()


def test_the_imap_deadline_is_four_read_timeouts_by_default() -> None:
    assert email_in.DEADLINE_TIMEOUTS * ImapSettings().timeout_seconds == 120
