"""Fixtures for the job tests: the in-memory keyring, a loopback SMTP server, a Dovecot
mailbox (``imap_server``), and ``world``."""

from __future__ import annotations

import pytest

from careops_desktop.core.db import Database
from tests.integrations.dovecot_server import _dovecot, imap_server
from tests.integrations.factories import make_business
from tests.integrations.memory_keyring import memory_keyring
from tests.integrations.smtp_server import smtp_server

__all__ = ["_dovecot", "imap_server", "memory_keyring", "smtp_server", "world"]


@pytest.fixture
def world(db: Database) -> Database:
    """The test's database holding one business (tests/integrations/factories.py)."""
    with db.write_session() as s:
        make_business(s)
    return db
