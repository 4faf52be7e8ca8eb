"""``imaplib`` connections held to a :class:`~careops_desktop.integrations.deadline.Deadline`.

Each socket the client opens (and the TLS one after STARTTLS) is handed to the
deadline, which shuts it down when the poll's time is up; see ``deadline.py``.
"""

from __future__ import annotations

import imaplib
import socket
import ssl
from typing import Any

from careops_desktop.integrations.deadline import Deadline


class _Watched(imaplib.IMAP4):
    """An ``imaplib`` client whose sockets the deadline may shut down."""

    def __init__(self, *args: Any, deadline: Deadline, **kwargs: Any) -> None:
        self._deadline = deadline
        super().__init__(*args, **kwargs)

    def _create_socket(self, timeout: float | None) -> socket.socket:
        step = self._deadline.step(timeout if timeout is not None else self._deadline.seconds)
        sock: socket.socket = super()._create_socket(step)  # type: ignore[misc]
        self._deadline.watch(sock)
        return sock

    def starttls(  # type: ignore[override]
        self, ssl_context: ssl.SSLContext | None = None
    ) -> tuple[str, list[Any]]:
        reply = super().starttls(ssl_context)
        self._deadline.watch(self.sock)  # the TLS socket replaced the plain one
        return reply


class WatchedIMAP4(_Watched):
    """Plain IMAP (optionally upgraded by STARTTLS) under a deadline."""


class WatchedIMAP4SSL(_Watched, imaplib.IMAP4_SSL):
    """IMAP over implicit TLS under a deadline."""
