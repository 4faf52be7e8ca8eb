"""Email out against a real SMTP server (aiosmtpd on loopback): headers, parts, failures."""

from __future__ import annotations

from collections.abc import Iterator
from email.utils import make_msgid
from pathlib import Path

import pytest
from icalendar import Calendar

from careops_desktop.integrations.email_out import (
    OutgoingEmail,
    SendError,
    SmtpMailer,
    TextAttachment,
    build_message,
    plain_to_html,
    send_test_email,
)
from careops_desktop.integrations.integration_settings import SmtpSettings
from tests.integrations.smtp_server import (
    RecordingHandler,
    SmtpServer,
    free_port,
    start_smtp_server,
)

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")

ICS = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nMETHOD:REQUEST\r\n"
    "BEGIN:VEVENT\r\nUID:booking-1@example.org\r\nDTSTAMP:20260101T000000Z\r\n"
    "DTSTART:20260102T100000Z\r\nDTEND:20260102T110000Z\r\nSUMMARY:Visit\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n"
)


def _settings(server: SmtpServer, **kw: object) -> SmtpSettings:
    values: dict[str, object] = {
        "host": server.host,
        "port": server.port,
        "security": "none",
        "from_address": "desk@harbour.example.org",
        "from_name": "Harbour Physio",
        "timeout_seconds": 5,
    }
    values.update(kw)
    return SmtpSettings(**values)  # type: ignore[arg-type]


def _email(**kw: object) -> OutgoingEmail:
    values: dict[str, object] = {
        "message_id": make_msgid(domain="harbour.example.org"),
        "to": "ada@example.com",
        "subject": "Your booking",
        "body": "Hello Ada,\n\nSee you soon.\nhttps://desk.lan/manage/abc?x=1&y=2",
    }
    values.update(kw)
    return OutgoingEmail(**values)  # type: ignore[arg-type]


@pytest.fixture
def auth_server() -> Iterator[SmtpServer]:
    server, controller = start_smtp_server(
        RecordingHandler(), user="desk@harbour.example.org", password="pa55-word"
    )
    try:
        yield server
    finally:
        controller.stop()


def test_message_parts_and_headers() -> None:
    email = _email(
        body='<script>alert(1)</script> & Tom\'s "notes"',
        in_reply_to="<their-1@example.com>",
        references=("<ours-0@harbour.example.org>",),
        attachments=(TextAttachment("booking.ics", "text/calendar", ICS, {"method": "REQUEST"}),),
        automated=True,
    )
    message = build_message(email, from_address="desk@harbour.example.org", from_name="Harbour")
    assert message["Message-ID"] == email.message_id
    assert message["From"] == "Harbour <desk@harbour.example.org>"
    assert message["In-Reply-To"] == "<their-1@example.com>"
    assert message["References"] == "<ours-0@harbour.example.org> <their-1@example.com>"
    assert message["Auto-Submitted"] == "auto-generated"
    assert message.get_content_type() == "multipart/mixed"
    alternative, calendar = message.iter_parts()
    plain, rich = alternative.iter_parts()
    assert plain.get_content_type() == "text/plain"
    assert plain.get_content().rstrip("\n") == email.body
    assert rich.get_content_type() == "text/html"
    assert "<script>" not in rich.get_content()
    assert "&lt;script&gt;" in rich.get_content()
    assert calendar.get_content_type() == "text/calendar"
    assert calendar.get_param("method") == "REQUEST"
    assert calendar.get_filename() == "booking.ics"
    Calendar.from_ical(calendar.get_content())


def test_hostile_header_text_stays_on_one_line() -> None:
    email = _email(subject="Hi\r\nBcc: victim@example.com", body="x")
    message = build_message(email, from_address="desk@harbour.example.org", from_name="A\nB: c")
    raw = message.as_bytes()
    assert b"\r\nBcc:" not in raw
    assert b"\nB: c" not in raw
    assert message["Subject"] == "Hi Bcc: victim@example.com"


@pytest.mark.parametrize("bad", ["", "no-at-sign", "a@b\r\nBcc: x@y", "<a@b.c>", "a b@c.d"])
def test_unusable_recipient_is_a_permanent_failure(bad: str) -> None:
    with pytest.raises(SendError) as caught:
        build_message(_email(to=bad), from_address="desk@harbour.example.org")
    assert caught.value.permanent


def test_html_alternative_escapes_and_links_only_the_listed_links() -> None:
    body = 'a <b> "c"\n\nhttps://x.example/p?a=1&b=2.\nhttp://evil.test/pay www.evil.test'
    text = plain_to_html(body, ["https://x.example/p?a=1&b=2"])
    assert "&lt;b&gt;" in text
    assert '<a href="https://x.example/p?a=1&amp;b=2">https://x.example/p?a=1&amp;b=2</a>.' in text
    assert text.count("<p>") == 2
    assert text.count("<a ") == 1 and "http://evil.test/pay" in text  # shown, as text
    assert "<a " not in plain_to_html(body)  # nothing listed: nothing clickable


def test_a_listed_link_with_text_glued_on_is_not_a_link() -> None:
    text = plain_to_html("http://app.test/manage/tok.evil.test/x", ["http://app.test/manage/tok"])
    assert "<a " not in text


def test_sends_to_a_real_server_with_login(auth_server: SmtpServer) -> None:
    settings = _settings(auth_server, username="desk@harbour.example.org")
    email = _email()
    with SmtpMailer(settings, "pa55-word") as mailer:
        mailer.send(build_message(email, from_address=settings.from_address))
        mailer.send(build_message(_email(), from_address=settings.from_address))
    assert auth_server.handler.logins == [("desk@harbour.example.org", "pa55-word")]
    first = auth_server.received[0]
    assert first.mail_from == "desk@harbour.example.org"
    assert first.rcpt_tos == ["ada@example.com"]
    assert first.message["Message-ID"] == email.message_id
    assert first.message["Subject"] == "Your booking"
    assert len(auth_server.received) == 2


def test_wrong_password_is_a_retryable_failure_in_words(auth_server: SmtpServer) -> None:
    settings = _settings(auth_server, username="desk@harbour.example.org")
    with SmtpMailer(settings, "wrong") as mailer, pytest.raises(SendError) as caught:
        mailer.send(build_message(_email(), from_address=settings.from_address))
    assert not caught.value.permanent
    assert "user name and password" in str(caught.value)
    assert "wrong" not in str(caught.value)
    assert auth_server.received == []


def test_a_note_that_is_a_real_file_path_attaches_nothing(
    smtp_server: SmtpServer, tmp_path: Path
) -> None:
    secret = tmp_path / "patients.csv"
    secret.write_text("TOP-SECRET-CONTENT\n")
    email = _email(body=str(secret), subject=str(secret))
    settings = _settings(smtp_server)
    with SmtpMailer(settings, None) as mailer:
        mailer.send(build_message(email, from_address=settings.from_address))
    (received,) = smtp_server.received
    assert b"TOP-SECRET-CONTENT" not in received.data
    assert b"VE9QLVNFQ1JFVC1DT05URU5U" not in received.data  # nor base64 of it
    message = received.message
    assert [part.get_filename() for part in message.walk() if part.get_filename()] == []
    body = message.get_body(preferencelist=("plain",))
    assert body is not None and body.get_content().strip() == str(secret)


def test_refused_recipient_is_permanent(smtp_server: SmtpServer) -> None:
    smtp_server.handler.refuse.add("nobody@example.com")
    settings = _settings(smtp_server)
    with SmtpMailer(settings, None) as mailer:
        with pytest.raises(SendError) as caught:
            mailer.send(build_message(_email(to="nobody@example.com"), from_address="a@b.example"))
        assert caught.value.permanent
        assert "550" in str(caught.value)
        mailer.send(build_message(_email(), from_address=settings.from_address))
    assert len(smtp_server.received) == 1


def _fails_once_then_sends(handler: RecordingHandler) -> SendError:
    """The first send to a server with ``handler`` fails temporarily and the next one on the
    same mailer goes through (one mail received); returns the first failure."""
    server, controller = start_smtp_server(handler)
    try:
        settings = _settings(server)
        with SmtpMailer(settings, None) as mailer:
            with pytest.raises(SendError) as caught:
                mailer.send(build_message(_email(), from_address=settings.from_address))
            assert not caught.value.permanent
            mailer.send(build_message(_email(), from_address=settings.from_address))
        assert len(server.received) == 1
    finally:
        controller.stop()
    return caught.value


def test_421_is_temporary_and_the_next_send_reconnects() -> None:
    assert "421" in str(_fails_once_then_sends(RecordingHandler(fail_first=1)))


def test_dropped_connection_is_temporary() -> None:
    _fails_once_then_sends(RecordingHandler(drop_first=1))


def test_nothing_listening_is_said_plainly() -> None:
    settings = SmtpSettings(
        host="127.0.0.1", port=free_port(), security="none", from_address="a@b.example"
    )
    with SmtpMailer(settings, None) as mailer, pytest.raises(SendError) as caught:
        mailer.send(build_message(_email(), from_address=settings.from_address))
    assert "refused the connection" in str(caught.value)


def test_tls_to_a_plain_server_fails_in_words(smtp_server: SmtpServer) -> None:
    settings = _settings(smtp_server, security="ssl")
    with SmtpMailer(settings, None) as mailer, pytest.raises(SendError) as caught:
        mailer.send(build_message(_email(), from_address=settings.from_address))
    assert not caught.value.permanent
    assert smtp_server.received == []


def test_unconfigured_settings_are_refused() -> None:
    with pytest.raises(SendError, match="not set up"):
        SmtpMailer(SmtpSettings(), None)


def test_send_test_email(smtp_server: SmtpServer) -> None:
    message_id = send_test_email(_settings(smtp_server), None, "owner@example.com", "Harbour")
    (received,) = smtp_server.received
    assert received.message["Message-ID"] == message_id
    assert received.message["Subject"] == "Test email from Harbour"
    assert received.rcpt_tos == ["owner@example.com"]
