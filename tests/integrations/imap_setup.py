"""The one way tests and benchmarks point the app at a Dovecot mailbox and poll it once."""

from __future__ import annotations

import asyncio
from datetime import datetime

from careops_desktop.core.db import Database
from careops_desktop.core.permissions import Actor
from careops_desktop.integrations import integration_settings as cfg
from careops_desktop.integrations import secrets
from careops_desktop.jobs.imap_poll import ImapPoller, PollReport
from tests.integrations.dovecot_server import ImapServer
from tests.integrations.factories import make_business


def imap_settings(
    server: ImapServer, *, poll_seconds: int = 300, timeout_seconds: int = 30
) -> cfg.ImapSettings:
    """Enabled, plain-text settings for ``server``'s user (the password is in the keyring)."""
    return cfg.ImapSettings(
        enabled=True,
        host=server.host,
        port=server.port,
        security="none",
        username=server.user,
        poll_seconds=poll_seconds,
        timeout_seconds=timeout_seconds,
    )


def setup_mailbox(
    db: Database,
    server: ImapServer,
    *,
    actor: Actor = Actor.system("Desk"),
    from_address: str = "desk@harbour.example.org",
    poll_seconds: int = 60,
    timeout_seconds: int = 30,
) -> None:
    """Save SMTP (``from_address``) and IMAP settings for ``server`` and its password."""
    db.call(
        cfg.save_smtp,
        actor,
        cfg.SmtpSettings(host="127.0.0.1", port=25, from_address=from_address),
    )
    db.call(
        cfg.save_imap,
        actor,
        imap_settings(server, poll_seconds=poll_seconds, timeout_seconds=timeout_seconds),
    )
    secrets.set_secret("imap", "password", server.password)


def poll_once(poller: ImapPoller) -> PollReport:
    """One forced poll, run to its end."""
    return asyncio.run(poller.run_once(force=True))


def clocked_poller(
    db: Database, server: ImapServer, now: datetime
) -> tuple[ImapPoller, list[datetime]]:
    """A business with its mailbox on ``server``, and a poller whose clock reads ``clock[0]``
    (``now`` at first; the test moves it by assigning ``clock[0]``)."""
    with db.write_session() as s:
        make_business(s)
    setup_mailbox(db, server)
    clock = [now]
    return ImapPoller(db, clock=lambda: clock[0]), clock
