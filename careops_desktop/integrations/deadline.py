"""An overall deadline for one conversation with a mail server (connect through QUIT/LOGOUT).

``smtplib`` and ``imaplib`` only know a timeout per socket operation, so a server
that sends one line every few seconds (a tarpit) keeps a conversation going for
as long as it likes. A :class:`Deadline` is armed before connecting; the socket
each client opens is handed to :meth:`Deadline.watch`; when the time is up a
timer thread shuts the socket down, which ends whatever read or write is
blocked in the worker thread at once. The caller then sees an ordinary
connection error and asks :attr:`Deadline.expired` to say what happened in
words (:meth:`Deadline.words`).

Each operation's own timeout is also cut to the time left (:meth:`Deadline.step`),
so even an unwatched step (a TLS handshake) cannot outlive the deadline by much.
"""

from __future__ import annotations

import socket
import threading
import time
from types import TracebackType

from careops_desktop.core.i18n import _


class Deadline:
    """``seconds`` from now for the whole conversation; use as a context manager.

    Thread-safe: the timer fires on its own thread; :meth:`watch` may be called
    from the worker thread that talks to the server.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._ends = time.monotonic() + seconds
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._expired = False
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.name = "mail-deadline"

    def __enter__(self) -> Deadline:
        self._timer.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Stop watching (the conversation is over); the sockets are left to their owners."""
        self._timer.cancel()
        with self._lock:
            self._sockets.clear()
        if self._timer.is_alive() and self._timer is not threading.current_thread():
            self._timer.join(1.0)  # no thread outlives the conversation

    @property
    def expired(self) -> bool:
        """Whether the deadline passed while the conversation was still going."""
        with self._lock:
            return self._expired or time.monotonic() >= self._ends

    def remaining(self) -> float:
        """Seconds left (never below zero)."""
        return max(0.0, self._ends - time.monotonic())

    def step(self, timeout: float) -> float:
        """``timeout`` cut to the time left; a small positive number once it is up."""
        return max(0.05, min(timeout, self.remaining()))

    def watch(self, sock: socket.socket) -> None:
        """Shut ``sock`` down when the deadline passes (at once if it already has)."""
        with self._lock:
            if not self._expired:
                self._sockets.append(sock)
                return
        _shut(sock)

    def words(self) -> str:
        """What happened, for the person at the desk."""
        return _("The mail server did not answer within {seconds} s.").format(
            seconds=f"{self.seconds:g}"
        )

    def _expire(self) -> None:
        with self._lock:
            self._expired = True
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            _shut(sock)


def _shut(sock: socket.socket) -> None:
    """End every blocked read and write on ``sock`` (also an SSL socket) without closing it.

    The owner still closes it; a socket already closed or detached is left alone.
    """
    try:
        if sock.fileno() >= 0:
            socket.socket.shutdown(sock, socket.SHUT_RDWR)  # below SSL: no TLS goodbye
    except OSError:
        pass
