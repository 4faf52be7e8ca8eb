"""Incoming email: fetching new mail over IMAP by UID, and reading it with the ``email`` package.

:class:`ImapMailbox` logs in (SSL/TLS, STARTTLS or plain), opens the folder
read-only unless messages are to be marked read, checks UIDVALIDITY and
fetches every message above the last UID seen with ``BODY.PEEK[]`` (which
leaves the ``\\Seen`` flag alone). The first time, and after the server
renumbered the folder (UIDVALIDITY changed), it takes the last
``first_days`` days instead; the inbox skips Message-IDs it already has.

:func:`parse_email` turns raw bytes into an :class:`IncomingMessage` for
``inbox.record_incoming``: the sender, the threading headers, the text with
quotes and signature stripped (``reply_text``), the raw bytes kept as they
came, and the attachments listed by name and size — never opened.

IMAP calls block: run :meth:`ImapMailbox.fetch_new` in a worker thread
(``asyncio.to_thread``), never on the UI thread or the database worker.
"""

from __future__ import annotations

import imaplib
import logging
import re
import socket
import ssl
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from email.message import Message
from email.utils import collapse_rfc2231_value, getaddresses, parsedate_to_datetime
from typing import Any

from careops_desktop.core.errors import CareOpsError
from careops_desktop.core.i18n import N_, _
from careops_desktop.core.services.inbox import UNREADABLE_NOTE, IncomingMessage
from careops_desktop.integrations.deadline import Deadline
from careops_desktop.integrations.error_words import hide_secrets, reply_words, tls_reason
from careops_desktop.integrations.imap_connection import WatchedIMAP4, WatchedIMAP4SSL
from careops_desktop.integrations.integration_settings import ImapSettings
from careops_desktop.integrations.mail_text import (
    decode_body,
    decode_words,
    header_text,
    raw_header,
    raw_header_text,
    unflow,
    utf8_or_windows_1252,
)
from careops_desktop.integrations.reply_text import html_to_text, strip_reply

log = logging.getLogger(__name__)

MAX_MESSAGE_BYTES = 25 * 1024 * 1024
MAX_PER_POLL = 200
DEADLINE_TIMEOUTS = 4  # a whole poll (connect through LOGOUT) may take 4 × the read timeout
_MSGID = re.compile(r"<[^<>\s]+>")
_SIZE = re.compile(rb"RFC822\.SIZE (\d+)")
UNKNOWN_SENDER = "unknown-sender@invalid"
SEARCH_REFUSED = N_("The mail server refused to search the folder ({reply}).")


class MailboxError(CareOpsError):
    """The mailbox could not be read; ``str()`` says why in whole sentences (never the
    password)."""


@dataclass(frozen=True)
class FetchedMail:
    uid: int
    raw: bytes
    too_large: bool = False  # only the headers were fetched


@dataclass(frozen=True)
class FetchResult:
    uidvalidity: int
    last_uid: int  # the highest UID handled (including those skipped as too large)
    mails: tuple[FetchedMail, ...]
    more: bool  # more new mail is waiting than one poll takes


# -- parsing ------------------------------------------------------------------------------


def _header(message: Message, name: str) -> str:
    return header_text(message, name)


def _first_address(message: Message, name: str) -> tuple[str, str]:
    """(display name, address) of the first address in header ``name``; blanks if none."""
    try:
        value = raw_header(message, name)
        found = [(n, a) for n, a in getaddresses([value]) if a]
    except Exception:  # a header no address parser can follow
        return "", ""
    if not found:
        return "", ""
    display, address = found[0]
    return decode_words(display), " ".join(decode_words(address).split())


def _message_ids(value: str) -> tuple[str, ...]:
    return tuple(_MSGID.findall(value))


def _param(part: Message, name: str, header: str = "content-type") -> str:
    """A parameter of ``header`` as plain text (RFC 2231 values collapsed), ``""`` if unreadable."""
    try:
        value = part.get_param(name, header=header)
        if isinstance(value, tuple):
            value = collapse_rfc2231_value(value)
        return raw_header_text(value)
    except Exception:
        return ""


def _text_of(part: Message) -> str:
    """The text of a ``text/*`` leaf part, whatever its charset label and encoding say."""
    try:
        payload = part.get_payload(decode=True)
    except Exception:  # broken base64 / quoted-printable
        payload = None
    if not isinstance(payload, bytes):
        raw_payload = part.get_payload()
        if not isinstance(raw_payload, str):
            return ""
        payload = raw_payload.encode("utf-8", "surrogateescape")
    text = decode_body(payload, _param(part, "charset"))
    if _param(part, "format").lower() == "flowed":
        text = unflow(text, delsp=_param(part, "delsp").lower() == "yes")
    return text


@dataclass(frozen=True)
class _Part:
    """One leaf part, its headers read once (the ``email`` package parses them on every get)."""

    part: Message
    content_type: str
    is_attachment: bool
    filename: str


def _content_type(part: Message) -> str:
    try:
        return raw_header_text(part.get_content_type()).lower()
    except Exception:
        return "application/octet-stream"


def _disposition(part: Message) -> str:
    try:
        value = raw_header(part, "content-disposition")
    except Exception:
        return ""
    return value.split(";", 1)[0].strip().lower()


def _filename(part: Message) -> str:
    name = _param(part, "filename", "content-disposition") or _param(part, "name")
    return decode_words(name)


def _leaf_parts(message: Message) -> list[_Part]:
    parts = []
    for part in message.walk():
        if part.is_multipart():
            continue
        content_type = _content_type(part)
        disposition = _disposition(part)
        filename = _filename(part)
        if not filename and disposition == "attachment":
            filename = "(unnamed)"
        attachment = (
            disposition == "attachment"
            or bool(filename)
            or (disposition != "inline" and not content_type.startswith("text/"))
        )
        parts.append(_Part(part, content_type, attachment, filename))
    return parts


def _attachments(parts: list[_Part]) -> list[dict[str, Any]]:
    found = []
    for item in parts:
        if not item.is_attachment:
            continue
        try:
            payload = item.part.get_payload(decode=True)
        except Exception:
            payload = None
        found.append(
            {
                "name": " ".join(str(item.filename).split())[:200] or "(unnamed)",
                "size": len(payload) if isinstance(payload, bytes) else 0,
                "content_type": item.content_type[:100],
            }
        )
    return found


def _body_text(parts: list[_Part]) -> str:
    """The plain-text body, else the HTML body as text (quote blocks left out)."""
    texts = [p for p in parts if not p.is_attachment]
    plain = next((p.part for p in texts if p.content_type == "text/plain"), None)
    if plain is not None:
        return _text_of(plain)
    rich = next((p.part for p in texts if p.content_type == "text/html"), None)
    if rich is not None:
        return html_to_text(_text_of(rich))
    return ""


def body_text(raw: bytes) -> str:
    """The text of ``raw``'s body as :func:`read_email` reads it, before quotes are stripped."""
    return _body_text(_leaf_parts(message_from_bytes(raw, policy=policy.compat32)))


def read_email(raw: bytes, *, too_large: bool = False) -> IncomingMessage:
    """Read ``raw`` into an :class:`IncomingMessage` (content stripped; raw kept as is).

    Forgiving like a mail program (see ``mail_text``); may still raise on input
    nothing has been seen to produce yet — :func:`parse_email` guards that.
    """
    message: Message = message_from_bytes(raw, policy=policy.compat32)
    sender_name, sender_address = _first_address(message, "From")
    if not sender_address:
        sender_address = _first_address(message, "Reply-To")[1] or UNKNOWN_SENDER
    own_ids = _message_ids(_header(message, "Message-ID"))
    in_reply_to = _message_ids(_header(message, "In-Reply-To"))
    references = _message_ids(_header(message, "References"))
    parts = [] if too_large else _leaf_parts(message)
    if too_large:
        content = _("[This email is too large to fetch in full; open it in your mail program.]")
    else:
        content = strip_reply(_body_text(parts))
    return IncomingMessage(
        channel="email",
        sender_address=sender_address[:320],
        sender_name=" ".join(sender_name.split())[:200],
        subject=_header(message, "Subject")[:300],
        content=content,
        message_id=own_ids[0] if own_ids else None,
        in_reply_to=in_reply_to[0] if in_reply_to else None,
        references=references[-20:],
        raw=raw,
        attachments=_attachments(parts),
        sent_at=_date(_header(message, "Date")),
    )


def unreadable_email(raw: bytes) -> IncomingMessage:
    """An "unreadable message" for ``raw``: sender, subject and Message-ID where they can be
    read from the header lines, the raw source kept for saving to a file. Never raises."""
    head = raw.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0][: 64 * 1024]
    fields: dict[str, str] = {}
    for line in re.split(rb"\r?\n(?![ \t])", head):
        name, colon, value = line.partition(b":")
        key = name.strip().lower().decode("ascii", "replace")
        if colon and key in ("from", "subject", "message-id", "date") and key not in fields:
            fields[key] = " ".join(decode_words(utf8_or_windows_1252(value)).split())
    try:
        found = [(n, a) for n, a in getaddresses([fields.get("from", "")]) if a]
    except Exception:
        found = []
    name, address = found[0] if found else ("", UNKNOWN_SENDER)
    own_ids = _message_ids(fields.get("message-id", ""))
    return IncomingMessage(
        channel="email",
        sender_address=address[:320],
        sender_name=" ".join(name.split())[:200],
        subject=fields.get("subject", "")[:300],
        content=UNREADABLE_NOTE,
        message_id=own_ids[0] if own_ids else None,
        raw=raw,
        sent_at=_date(fields.get("date", "")),
    )


def parse_email(raw: bytes, *, too_large: bool = False) -> IncomingMessage:
    """:func:`read_email`, or :func:`unreadable_email` when reading fails. Never raises."""
    try:
        return read_email(raw, too_large=too_large)
    except Exception:  # RecursionError included: a message nested past all reason
        log.warning("an incoming email could not be read; it is kept as an unreadable message")
        return unreadable_email(raw)


def _date(value: str) -> datetime | None:
    """A Date header's value as aware UTC, or ``None`` when it cannot be read."""
    try:
        when = parsedate_to_datetime(value)
        return (when if when.tzinfo else when.replace(tzinfo=UTC)).astimezone(UTC)
    except Exception:  # TypeError, ValueError, IndexError, OverflowError...
        return None


def sent_at(raw: bytes) -> datetime | None:
    """The message's Date header as aware UTC, if it has a readable one."""
    message = message_from_bytes(raw, policy=policy.compat32)
    return _date(header_text(message, "Date"))


# -- IMAP ---------------------------------------------------------------------------------


def _words(exc: BaseException) -> str:
    if isinstance(exc, MailboxError):
        return str(exc)
    if isinstance(exc, imaplib.IMAP4.error):
        text = str(exc)
        if "AUTHENTICATIONFAILED" in text.upper() or "LOGIN" in text.upper():
            return _("The mail server did not accept the user name and password.")
        if isinstance(exc, imaplib.IMAP4.abort):
            return _("The connection to the mail server broke off; it will be tried again.")
        return _("The mail server refused a request ({words}).").format(
            words=reply_words(text).rstrip(".")
        )
    if isinstance(exc, ssl.SSLError):
        return _("A secure connection to the mail server failed ({reason}).").format(
            reason=tls_reason(exc)
        )
    if isinstance(exc, socket.gaierror):
        return _("The mail server's name could not be found (no internet, or a typo?).")
    if isinstance(exc, TimeoutError):
        return _("The mail server did not answer in time.")
    if isinstance(exc, ConnectionRefusedError):
        return _("The mail server refused the connection (wrong port, or it is down?).")
    if isinstance(exc, OSError):
        return _("The mail server could not be reached ({reason}).").format(
            reason=exc.strerror or type(exc).__name__
        )
    return _("The mailbox could not be read: something unexpected happened ({name}).").format(
        name=type(exc).__name__
    )


def _deadline_words(deadline: Deadline, exc: BaseException) -> str:
    return deadline.words() if deadline.expired else _words(exc)


class ImapMailbox:
    """One IMAP account and folder; :meth:`fetch_new` does a whole poll."""

    def __init__(self, settings: ImapSettings, password: str) -> None:
        if not settings.configured:
            raise MailboxError(_("Reading email is not set up (Settings → Integrations)."))
        self.settings = settings
        self._password = password

    def _connect(self, deadline: Deadline) -> imaplib.IMAP4:
        s = self.settings
        context = ssl.create_default_context()
        client: imaplib.IMAP4
        if s.security == "ssl":
            client = WatchedIMAP4SSL(
                s.host, s.port, ssl_context=context, timeout=s.timeout_seconds, deadline=deadline
            )
        else:
            client = WatchedIMAP4(s.host, s.port, timeout=s.timeout_seconds, deadline=deadline)
            if s.security == "starttls":
                client.starttls(ssl_context=context)
        client.login(s.username, self._password)
        return client

    def _hidden(self, words: str) -> str:
        """``words`` without the password, even when the server echoed it back."""
        return hide_secrets(words, [self._password])

    @staticmethod
    def _ok(result: tuple[str, Any], what: str) -> Any:
        """The data of an OK reply; else :class:`MailboxError` with ``what`` (a sentence with
        a ``{reply}`` placeholder for the server's words)."""
        status, data = result
        if status != "OK":
            detail = b" ".join(d for d in data if isinstance(d, bytes)).decode("utf-8", "replace")
            reply = reply_words(detail).rstrip(".") or _("no reason given")
            raise MailboxError(_(what).format(reply=reply))
        return data

    def fetch_new(
        self, uidvalidity: int | None, last_uid: int, *, first_days: int = 7, now: datetime
    ) -> FetchResult:
        """Fetch mail above ``last_uid`` (or of the last ``first_days`` days when starting over).

        Raises :class:`MailboxError` with words on any failure; nothing is
        marked read unless ``settings.mark_seen``. The whole conversation, connect
        through LOGOUT, ends after :data:`DEADLINE_TIMEOUTS` × the timeout; a poll that
        has used half of that fetches no further message (``more`` is then set).
        """
        deadline = Deadline(self.settings.timeout_seconds * DEADLINE_TIMEOUTS).__enter__()
        try:
            client = self._connect(deadline)
        except Exception as exc:
            deadline.close()
            raise MailboxError(self._hidden(_deadline_words(deadline, exc))) from None
        try:
            return self._fetch(client, uidvalidity, last_uid, first_days, now, deadline)
        except Exception as exc:
            raise MailboxError(self._hidden(_deadline_words(deadline, exc))) from None
        finally:
            try:
                client.shutdown() if deadline.expired else client.logout()
            except Exception:
                pass
            deadline.close()

    def _fetch(
        self,
        client: imaplib.IMAP4,
        uidvalidity: int | None,
        last_uid: int,
        first_days: int,
        now: datetime,
        deadline: Deadline | None = None,
    ) -> FetchResult:
        folder = '"' + self.settings.folder + '"'
        self._ok(
            client.select(folder, readonly=not self.settings.mark_seen),
            N_("The mail server refused to open the folder ({reply})."),
        )
        _, raw_validity = client.response("UIDVALIDITY")
        _, raw_next = client.response("UIDNEXT")
        current = int(raw_validity[0]) if raw_validity and raw_validity[0] else 0
        starting_over = uidvalidity is None or current != uidvalidity
        if starting_over:
            since = (now - timedelta(days=first_days)).strftime("%d-%b-%Y")
            data = self._ok(client.uid("SEARCH", "SINCE", since), SEARCH_REFUSED)
            floor = 0
            if raw_next and raw_next[0]:
                high_water = int(raw_next[0]) - 1
            else:
                everything = self._ok(client.uid("SEARCH", "ALL"), SEARCH_REFUSED)
                high_water = max((int(u) for u in (everything[0] or b"").split()), default=0)
        else:
            data = self._ok(client.uid("SEARCH", "UID", f"{last_uid + 1}:*"), SEARCH_REFUSED)
            floor = high_water = last_uid
        uids = sorted(int(u) for u in (data[0] or b"").split() if int(u) > floor)
        batch, more = uids[:MAX_PER_POLL], len(uids) > MAX_PER_POLL
        mails: list[FetchedMail] = []
        for uid in batch:
            if mails and deadline is not None and deadline.remaining() < deadline.seconds / 2:
                batch, more = batch[: len(mails)], True  # the rest on the next round
                break
            mails.append(self._fetch_one(client, uid))
        if mails and self.settings.mark_seen:
            uid_set = ",".join(str(m.uid) for m in mails)
            self._ok(
                client.uid("STORE", uid_set, "+FLAGS.SILENT", r"(\Seen)"),
                N_("The mail server refused to mark mail as read ({reply})."),
            )
        top = max(batch) if more else max([high_water, *batch])
        return FetchResult(current, top, tuple(mails), more)

    def _fetch_one(self, client: imaplib.IMAP4, uid: int) -> FetchedMail:
        data = self._ok(
            client.uid("FETCH", str(uid), "(RFC822.SIZE)"),
            N_("The mail server refused to tell a message's size ({reply})."),
        )
        head = b" ".join(d if isinstance(d, bytes) else d[0] for d in data if d)
        size_match = _SIZE.search(head)
        size = int(size_match.group(1)) if size_match else 0
        too_large = size > MAX_MESSAGE_BYTES
        section = "(BODY.PEEK[HEADER])" if too_large else "(BODY.PEEK[])"
        data = self._ok(
            client.uid("FETCH", str(uid), section),
            N_("The mail server refused to send a message ({reply})."),
        )
        for item in data:
            if isinstance(item, tuple) and len(item) == 2:
                return FetchedMail(uid, bytes(item[1]), too_large)
        raise MailboxError(_("The mail server sent no content for message {uid}.").format(uid=uid))
