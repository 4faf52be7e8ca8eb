"""yagmail's SMTP connection, held to a :class:`~careops_desktop.integrations.deadline.Deadline`.

yagmail opens the connection with ``smtplib.SMTP``/``SMTP_SSL`` (its ``connection``
property); :class:`WatchedClient` hands it subclasses that give each socket they
open (and the new one after STARTTLS) to the deadline, so the whole conversation,
greeting through QUIT, ends when the deadline passes.
"""

from __future__ import annotations

import smtplib
import socket
from functools import partial
from typing import Any

import yagmail

from careops_desktop.integrations.deadline import Deadline


class _Watched(smtplib.SMTP):
    """An ``smtplib`` connection whose sockets the deadline may shut down."""

    def __init__(self, *args: Any, deadline: Deadline, **kwargs: Any) -> None:
        self._deadline = deadline
        super().__init__(*args, **kwargs)

    def _get_socket(self, host: str, port: int, timeout: float) -> socket.socket:
        sock: socket.socket = super()._get_socket(  # type: ignore[misc]
            host, port, self._deadline.step(timeout)
        )
        self._deadline.watch(sock)
        return sock

    def starttls(self, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        reply = super().starttls(*args, **kwargs)
        if self.sock is not None:
            self._deadline.watch(self.sock)  # the TLS socket replaced the plain one
        return reply


class WatchedSMTP(_Watched):
    """Plain SMTP (optionally upgraded by STARTTLS) under a deadline."""


class WatchedSMTPSSL(_Watched, smtplib.SMTP_SSL):
    """SMTP over implicit TLS under a deadline."""


class WatchedClient(yagmail.SMTP):  # type: ignore[misc]  # yagmail has no types
    """A yagmail client whose connections obey ``deadline`` (set before ``login``)."""

    deadline: Deadline

    @property
    def connection(self) -> Any:
        kind = WatchedSMTPSSL if self.ssl else WatchedSMTP
        return partial(kind, deadline=self.deadline)
