"""Fetching from a real IMAP server (Dovecot on loopback): by UID, UIDVALIDITY, unread kept."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from careops_desktop.integrations.email_in import ImapMailbox, MailboxError
from careops_desktop.integrations.integration_settings import ImapSettings
from tests.integrations.dovecot_server import ImapServer
from tests.integrations.imap_setup import imap_settings
from tests.integrations.mail_samples import gmail_reply, stranger_mail
from tests.integrations.smtp_server import free_port

NOW = datetime.now(UTC)


@pytest.fixture
def settings(imap_server: ImapServer) -> Iterator[ImapSettings]:
    yield imap_settings(imap_server, timeout_seconds=10)


def test_fetch_by_uid_without_marking_read(imap_server: ImapServer, settings: ImapSettings) -> None:
    imap_server.deliver(stranger_mail())
    imap_server.deliver(gmail_reply("<x@harbour.example.org>", "Friday?"))
    mailbox = ImapMailbox(settings, imap_server.password)

    first = mailbox.fetch_new(None, 0, now=NOW)
    assert [m.uid for m in first.mails] == [1, 2]
    assert first.last_uid == 2 and first.uidvalidity > 0 and not first.more
    assert first.mails[0].raw == stranger_mail()
    assert imap_server.seen_flags() == [False, False]

    again = mailbox.fetch_new(first.uidvalidity, first.last_uid, now=NOW)
    assert again.mails == () and again.last_uid == 2

    imap_server.deliver(gmail_reply("<y@harbour.example.org>", "Later", n=2))
    third = mailbox.fetch_new(first.uidvalidity, again.last_uid, now=NOW)
    assert [m.uid for m in third.mails] == [3]
    assert third.last_uid == 3


def test_mark_seen_when_configured(imap_server: ImapServer, settings: ImapSettings) -> None:
    imap_server.deliver(stranger_mail())
    mailbox = ImapMailbox(
        ImapSettings(**{**settings.__dict__, "mark_seen": True}), imap_server.password
    )
    result = mailbox.fetch_new(None, 0, now=NOW)
    assert len(result.mails) == 1
    assert imap_server.seen_flags() == [True]


def test_changed_uidvalidity_starts_over(imap_server: ImapServer, settings: ImapSettings) -> None:
    imap_server.deliver(stranger_mail())
    mailbox = ImapMailbox(settings, imap_server.password)
    result = mailbox.fetch_new(12345, 99, now=NOW)  # state from another mailbox
    assert [m.uid for m in result.mails] == [1]
    assert result.uidvalidity != 12345


def test_first_poll_of_an_empty_folder_remembers_where_it_is(
    imap_server: ImapServer, settings: ImapSettings
) -> None:
    mailbox = ImapMailbox(settings, imap_server.password)
    empty = mailbox.fetch_new(None, 0, now=NOW)
    assert empty.mails == () and empty.last_uid == 0
    imap_server.deliver(stranger_mail())
    later = mailbox.fetch_new(empty.uidvalidity, empty.last_uid, now=NOW)
    assert [m.uid for m in later.mails] == [1]


def test_missing_folder_in_words(imap_server: ImapServer, settings: ImapSettings) -> None:
    missing = ImapSettings(**{**settings.__dict__, "folder": "No Such Folder"})
    with pytest.raises(MailboxError, match="refused to open the folder"):
        ImapMailbox(missing, imap_server.password).fetch_new(None, 0, now=NOW)


def test_nothing_listening() -> None:
    settings = ImapSettings(
        enabled=True, host="127.0.0.1", port=free_port(), security="none", username="u"
    )
    with pytest.raises(MailboxError, match="refused the connection"):
        ImapMailbox(settings, "p").fetch_new(None, 0, now=NOW)


# last in this file: Dovecot slows the next logins from this address after a failure
def test_wrong_password_in_words(imap_server: ImapServer, settings: ImapSettings) -> None:
    with pytest.raises(MailboxError, match="user name and password"):
        ImapMailbox(settings, "nope").fetch_new(None, 0, now=NOW)
