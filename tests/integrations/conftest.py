"""Fixtures for the integration tests: the in-memory keyring and a loopback SMTP server."""

from __future__ import annotations

from tests.integrations.memory_keyring import memory_keyring
from tests.integrations.smtp_server import smtp_server

__all__ = ["memory_keyring", "smtp_server"]
