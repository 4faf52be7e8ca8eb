"""What the outside world's failures say, in the reader's language (issue 22)."""

from __future__ import annotations

import smtplib
import socket

import pytest

from careops_desktop.core.errors import ValidationError
from careops_desktop.core.i18n import use_language
from careops_desktop.integrations import email_out, sms, update_check
from careops_desktop.integrations.error_words import hide_secrets
from careops_desktop.integrations.integration_settings import SmtpSettings, validate_smtp
from careops_desktop.integrations.secrets import SecretsUnavailable


def test_mail_and_sms_failures_in_german_and_spanish() -> None:
    with use_language("de"):
        assert str(email_out._classify(socket.gaierror())) == (
            "Der Name des Mailservers wurde nicht gefunden (kein Internet oder ein Tippfehler?)."
        )
        refused = smtplib.SMTPRecipientsRefused({"a@b.example": (550, b"no such user")})
        assert str(email_out._classify(refused)).startswith(
            "Der Mailserver hat den Empfänger abgelehnt (550 no such user)"
        )
        assert str(sms._error(401, {})).startswith(
            "Twilio hat Konto-SID und Auth-Token nicht akzeptiert (401)."
        )
        assert str(SecretsUnavailable("x")) == "Zugangsdaten nicht verfügbar: x"
        assert hide_secrets("pw=[hidd", ["[hidd]"]) == "pw=[hidd"  # nothing to hide
        assert hide_secrets("x den]", ["den]"]).startswith("Die Antwort des Servers")
    with use_language("es"):
        assert str(sms._error(400, {"code": 21211, "message": "bad"})) == (
            "Twilio rechazó el mensaje (400, error 21211): bad"
        )
        assert update_check.feed_url_problem("ftp://x") == (
            "La dirección del canal de versiones debe empezar por https:// e indicar un servidor."
        )
    # English stays as it was
    assert (
        str(sms._error(404, {}))
        == "Twilio does not know this account (404): check the account SID."
    )


def test_settings_refusals_follow_the_language() -> None:
    bad = SmtpSettings("", 0, "none", "", "not an address", "", 1)
    with use_language("de"), pytest.raises(ValidationError) as refused:
        validate_smtp(bad)
    fields = refused.value.fields
    assert fields["host"] == "Geben Sie den Servernamen ein, z. B. smtp.example.com."
    assert fields["timeout_seconds"] == "Wählen Sie einen Wert von 5 bis 300."
