"""The outside world's errors are CareOps errors: whole sentences, and never a secret.

Real servers (aiosmtpd, the Twilio stand-in) echo a password or token back in their
replies; the words the window would show must not carry it.
"""

from __future__ import annotations

import base64
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careops_desktop.core.errors import CareOpsError
from careops_desktop.integrations.email_in import MailboxError
from careops_desktop.integrations.email_out import (
    OutgoingEmail,
    SendError,
    SmtpMailer,
    build_message,
)
from careops_desktop.integrations.error_words import (
    ALL_HIDDEN,
    HIDDEN,
    hide_secrets,
    reply_words,
)
from careops_desktop.integrations.integration_settings import SmtpSettings
from careops_desktop.integrations.sms import SmsError, TwilioClient
from tests.integrations.smtp_server import RecordingHandler, start_smtp_server
from tests.integrations.test_sms import OURS, run_with_standin
from tests.integrations.twilio_standin import TwilioStandIn

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
PASSWORD = "pa55-word-Kestrel"


def test_the_outside_errors_are_careops_errors() -> None:
    for error in (SendError("x."), SmsError("x."), MailboxError("x.")):
        assert isinstance(error, CareOpsError)


class EchoingHandler(RecordingHandler):
    """Refuses every sender with a reply that repeats the password (as a buggy server may)."""

    async def handle_MAIL(
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        return f"553 5.7.1 Sender refused for login desk / {PASSWORD}"


def test_a_smtp_reply_that_echoes_the_password_is_shown_without_it() -> None:
    server, controller = start_smtp_server(
        EchoingHandler(), user="desk@harbour.example.org", password=PASSWORD
    )
    try:
        settings = SmtpSettings(
            host=server.host,
            port=server.port,
            security="none",
            username="desk@harbour.example.org",
            from_address="desk@harbour.example.org",
            timeout_seconds=5,
        )
        with SmtpMailer(settings, PASSWORD) as mailer, pytest.raises(SendError) as caught:
            email = OutgoingEmail("<1@harbour.example.org>", "ada@example.com", "Hi", "Hello.")
            mailer.send(build_message(email, from_address=settings.from_address))
    finally:
        controller.stop()
    words = str(caught.value)
    assert words.startswith("The mail server refused the sender address (553")
    assert PASSWORD not in words and HIDDEN in words
    assert words.endswith("Check the From address in Settings.")


def test_a_twilio_message_that_echoes_the_token_is_shown_without_it() -> None:
    async def scenario(standin: TwilioStandIn) -> SmsError:
        standin.fail_next(400, 21604, f"Token {standin.auth_token} is not allowed here.")
        async with TwilioClient(standin.base_url, standin.account_sid, standin.auth_token) as c:
            with pytest.raises(SmsError) as caught:
                await c.send("+447700900123", OURS, "hi")
        return caught.value

    error, standin = run_with_standin(scenario)
    assert standin.auth_token not in str(error) and HIDDEN in str(error)
    assert (error.status, error.code, error.permanent) == (400, 21604, True)


def test_an_unusable_twilio_address_is_named_without_its_credentials() -> None:
    with pytest.raises(SmsError) as caught:
        TwilioClient("ftp://AC1:s3cret-token@api.example.test/x", "AC1", "t")
    assert "s3cret-token" not in str(caught.value)
    assert str(caught.value).startswith("The Twilio API address “ftp://api.example.test/x”")


def test_server_replies_become_words() -> None:
    assert reply_words("SELECT command error: BAD [b'Invalid mailbox name.']") == (
        "SELECT command error: BAD [Invalid mailbox name.]"
    )
    assert reply_words(b"[b'Folder is gone']") == "b'Folder is gone'"  # bytes: decoded, kept
    assert reply_words("[b'Folder is gone']") == "Folder is gone"
    assert reply_words("line one\r\nline\ttwo\x00") == "line one line two"


@given(
    before=st.text(max_size=40),
    after=st.text(max_size=40),
    secret=st.text(min_size=3, max_size=30),
)
def test_a_secret_never_survives_hiding(before: str, after: str, secret: str) -> None:
    encoded = base64.b64encode(secret.encode("utf-8", "replace")).decode("ascii")
    text = f"{before}{secret}{after} {encoded}"
    hidden = hide_secrets(text, [secret, None, ""])
    assert secret not in hidden and encoded not in hidden
    assert hidden == ALL_HIDDEN or HIDDEN in hidden


def test_short_or_missing_secrets_leave_words_alone() -> None:
    assert hide_secrets("The mail server did not answer.", [None, "", "ab"]) == (
        "The mail server did not answer."
    )
