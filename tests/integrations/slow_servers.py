"""Mail servers that hold a client as long as they can, on loopback, for deadline tests.

- :class:`Tarpit` accepts and then sends one line every ``every`` seconds, forever
  (``220-`` continuation lines for SMTP: the greeting never ends; untagged ``* OK``
  lines for IMAP: no command ever completes). A per-read timeout never fires.
- ``Tarpit(lines=())`` accepts and never answers at all.

Each connection is served on its own thread; :meth:`Tarpit.stop` closes everything.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager


class Tarpit:
    """A listener on ``127.0.0.1:port``; ``first`` is sent once, then ``line`` every ``every`` s."""

    def __init__(self, first: bytes, line: bytes | None, every: float = 3.0) -> None:
        self.first = first
        self.line = line
        self.every = every
        self.connections = 0
        self._stop = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._listener.getsockname()[1])
        self._clients: list[socket.socket] = []
        self._threads: list[threading.Thread] = []
        self._accepter = threading.Thread(target=self._accept, name="tarpit", daemon=True)
        self._accepter.start()

    def _accept(self) -> None:
        self._listener.settimeout(0.1)
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            self._clients.append(client)
            thread = threading.Thread(target=self._serve, args=(client,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, client: socket.socket) -> None:
        try:
            if self.first:
                client.sendall(self.first)
            while self.line is not None and not self._stop.wait(self.every):
                client.sendall(self.line)
            self._stop.wait()
        except OSError:
            pass  # the client hung up: good

    def stop(self) -> None:
        self._stop.set()
        self._listener.close()
        for client in self._clients:
            client.close()
        for thread in [self._accepter, *self._threads]:
            thread.join(timeout=5)


@contextmanager
def _serving(first: bytes, line: bytes | None, every: float = 3.0) -> Iterator[Tarpit]:
    """A :class:`Tarpit` started on entry and stopped on exit."""
    server = Tarpit(first, line, every)
    try:
        yield server
    finally:
        server.stop()


def smtp_tarpit(every: float = 3.0) -> AbstractContextManager[Tarpit]:
    """An SMTP greeting that never ends: ``220-`` every ``every`` seconds."""
    return _serving(b"220-tarpit.example ESMTP please wait\r\n", b"220-still here\r\n", every)


def imap_tarpit(every: float = 3.0) -> AbstractContextManager[Tarpit]:
    """An IMAP server that greets, then only ever sends untagged lines."""
    return _serving(b"* OK tarpit.example IMAP4rev1 ready\r\n", b"* OK still here\r\n", every)


def silent_server() -> AbstractContextManager[Tarpit]:
    """Accepts the connection and never says a word."""
    return _serving(b"", None)
