"""Fixtures for the integration tests: the in-memory keyring, a loopback SMTP server and a
Dovecot mailbox (``imap_server``)."""

from __future__ import annotations

from tests.integrations.dovecot_server import _dovecot, imap_server
from tests.integrations.memory_keyring import memory_keyring
from tests.integrations.smtp_server import smtp_server

__all__ = ["_dovecot", "imap_server", "memory_keyring", "smtp_server"]
