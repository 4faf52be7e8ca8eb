"""A real SMTP server on loopback (aiosmtpd) that records what it receives, and can misbehave.

``fail_first=k`` answers ``421`` to the first k DATA commands; ``drop_first=k``
drops the connection in the middle of the first k DATA commands; ``refuse``
answers ``550`` to those recipients. With ``password`` set, the server wants
AUTH (LOGIN/PLAIN) over the plain connection (tests only). ``smtputf8=True`` offers
SMTPUTF8 (RFC 6531: non-ASCII addresses and headers); without it the server does not.
"""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage, Message
from email.parser import BytesHeaderParser
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    data: bytes

    @property
    def headers(self) -> Message:
        """Only the headers, parsed quickly."""
        return BytesHeaderParser(policy=policy.default).parsebytes(self.data)

    @property
    def message(self) -> EmailMessage:
        parsed = message_from_bytes(self.data, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        return parsed


@dataclass
class RecordingHandler:
    fail_first: int = 0
    fail_reply: str = "421 4.3.2 Service not available, try again later"
    drop_first: int = 0
    refuse: set[str] = field(default_factory=set)
    delay: float = 0.0  # seconds to wait before accepting each message
    received: list[Received] = field(default_factory=list)
    data_calls: int = 0
    logins: list[tuple[str, str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        if address in self.refuse:
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self.lock:
            n = self.data_calls
            self.data_calls += 1
        if n < self.fail_first:
            return self.fail_reply
        if n < self.fail_first + self.drop_first:
            server.transport.abort()
            return "421 4.4.2 Connection dropped"
        if self.delay:
            await asyncio.sleep(self.delay)
        data = envelope.original_content or envelope.content
        with self.lock:
            self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), data))
        return "250 2.0.0 Message accepted"


@dataclass
class SmtpServer:
    host: str
    port: int
    handler: RecordingHandler

    @property
    def received(self) -> list[Received]:
        with self.handler.lock:
            return list(self.handler.received)


class _Authenticator:
    def __init__(self, handler: RecordingHandler, user: str, password: str) -> None:
        self.handler = handler
        self.user = user
        self.password = password

    def __call__(
        self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
    ) -> AuthResult:
        if not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        login, password = auth_data.login.decode(), auth_data.password.decode()
        self.handler.logins.append((login, password))
        ok = login == self.user and password == self.password
        return AuthResult(success=ok, handled=False)


def start_smtp_server(
    handler: RecordingHandler, *, user: str = "", password: str = "", smtputf8: bool = False
) -> tuple[SmtpServer, Controller]:
    port = free_port()
    kwargs: dict[str, Any] = {"enable_SMTPUTF8": smtputf8}
    if password:
        kwargs |= {
            "authenticator": _Authenticator(handler, user, password),
            "auth_require_tls": False,
            "auth_required": True,
        }
    controller = Controller(handler, hostname="127.0.0.1", port=port, **kwargs)
    controller.start()
    return SmtpServer("127.0.0.1", port, handler), controller


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    """A well-behaved SMTP server without login."""
    server, controller = start_smtp_server(RecordingHandler())
    try:
        yield server
    finally:
        controller.stop()
