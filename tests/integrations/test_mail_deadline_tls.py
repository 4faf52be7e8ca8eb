"""The deadline also holds over TLS: implicit TLS and STARTTLS (the TLS socket that replaces
the plain one is watched too). aiosmtpd with a throw-away certificate made by ``openssl``."""

from __future__ import annotations

import ssl
import subprocess
import time
from collections.abc import Iterator
from email.utils import make_msgid
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from careops_desktop.integrations import email_out
from careops_desktop.integrations.email_out import OutgoingEmail, SendError, SmtpMailer
from careops_desktop.integrations.integration_settings import SmtpSettings
from tests.integrations.smtp_server import RecordingHandler, free_port


@pytest.fixture
def certificate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-keyout", str(key), "-out", str(cert), "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1",
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    monkeypatch.setattr(email_out, "_tls_context", lambda: ssl.create_default_context(cafile=cert))
    return cert, key


def _server_context(certificate: tuple[Path, Path]) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*certificate)
    return context


def _serve(handler: RecordingHandler, **kwargs: object) -> Iterator[int]:
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port, **kwargs)  # type: ignore[arg-type]
    controller.start()
    try:
        yield port
    finally:
        controller.stop()


def _message() -> object:
    email = OutgoingEmail(make_msgid(domain="t.example"), "ann@example.com", "Hello", "Body")
    return email_out.build_message(email, from_address="desk@t.example")


@pytest.mark.parametrize("security", ["ssl", "starttls"])
def test_tls_conversations_send_and_are_held_to_the_deadline(
    certificate: tuple[Path, Path], security: str
) -> None:
    handler = RecordingHandler()
    context = _server_context(certificate)
    kwargs: dict[str, object] = (
        {"ssl_context": context}
        if security == "ssl"
        else {"tls_context": context, "require_starttls": True}
    )
    for port in _serve(handler, **kwargs):
        settings = SmtpSettings(
            host="127.0.0.1",
            port=port,
            security=security,
            from_address="desk@t.example",
            timeout_seconds=5,
        )
        with SmtpMailer(settings, None) as mailer:
            mailer.send(_message())  # type: ignore[arg-type]
        assert len(handler.received) == 1

        # Each DATA now takes the server 1.5 s: the first message fits in a 2.5 s deadline,
        # the second would end at 3 s, inside its own 2.5 s read timeout; only the watched
        # TLS socket being shut at the deadline stops it.
        handler.delay = 1.5
        mailer = SmtpMailer(settings, None, deadline_seconds=2.5)
        started = time.monotonic()
        mailer.send(_message())  # type: ignore[arg-type]
        with pytest.raises(SendError, match=r"did not answer within 2\.5 s"):
            mailer.send(_message())  # type: ignore[arg-type]
        elapsed = time.monotonic() - started
        mailer.close()
        assert 2.4 <= elapsed < 2.95
        assert len(handler.received) == 2  # the first one of this mailer arrived
