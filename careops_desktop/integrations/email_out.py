"""Sending email over SMTP: messages built with the ``email`` package, sent on yagmail's connection.

yagmail opens and logs in to the server (SSL/TLS, STARTTLS or plain, presets
for Gmail and Outlook in ``settings.py``), but it never builds our messages:
``yagmail.SMTP.send`` reads any content string that names an existing file as
an attachment (a customer's note "/etc/passwd" would attach that file), picks
its own Message-ID, and swallows failures after sleeping. So
:func:`build_message` makes the MIME message itself — plain text first, an
escaped HTML alternative, text attachments such as the ``.ics`` invitation as
``text/calendar; method=REQUEST`` — with the Message-ID the outbox row got at
enqueue time, and :class:`SmtpMailer` hands the finished bytes to the
connection's ``sendmail``. Retries are the outbox's business, not ours.

Each conversation with the server, connect through QUIT, has an overall deadline
(``deadline.py``): a server that dribbles one line every few seconds cannot hold
it. Recipients go out with their domain in IDNA form; an address with a non-ASCII
local part is sent only with SMTPUTF8, when the server offers it, and is
otherwise refused for good (``SendError.permanent``) without dropping the connection.

Everything here blocks on the network: call it from a worker thread
(``asyncio.to_thread`` in the relay job, the window's background ops), never
on the UI thread and never on the database worker.
"""

from __future__ import annotations

import html
import logging
import re
import smtplib
import socket
import ssl
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, make_msgid
from typing import Any

from careops_desktop.core.errors import CareOpsError
from careops_desktop.core.i18n import N_, _
from careops_desktop.integrations.deadline import Deadline
from careops_desktop.integrations.email_address import AddressProblem, WireAddress, wire_address
from careops_desktop.integrations.error_words import hide_secrets, reply_words, tls_reason
from careops_desktop.integrations.integration_settings import SmtpSettings
from careops_desktop.integrations.smtp_connection import WatchedClient

log = logging.getLogger(__name__)

_URL = re.compile(r"https?://[^\s<>\"']+")  # the same as core.services.templates._URL
_URL_TAIL = ".,;:!?)]}"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
SUBJECT_MAX = 300
# Headers are not folded below RFC 5322's hard limit: a folded Message-ID comes back with a
# leading space from some parsers, and the IDs we thread replies by must survive intact.
_POLICY = policy.SMTP.clone(max_line_length=998)
_POLICY_UTF8 = _POLICY.clone(utf8=True)  # RFC 6532 headers, for SMTPUTF8 recipients only


class SendError(CareOpsError):
    """Sending failed; ``str()`` says why in whole sentences (never a password);
    ``permanent`` means retrying cannot help."""

    def __init__(self, message: str, *, permanent: bool = False) -> None:
        self.permanent = permanent
        super().__init__(message)

    def hiding(self, secrets: Collection[str | None]) -> SendError:
        """This error, or a copy whose words show none of ``secrets``."""
        text = hide_secrets(str(self), secrets)
        return self if text == str(self) else SendError(text, permanent=self.permanent)


UNUSABLE_ADDRESS = {
    "sender": N_(
        "The sender address “{address}” is not usable. Check the From address in Settings."
    ),
    "recipient": N_("The recipient address “{address}” is not usable."),
}


@dataclass(frozen=True)
class TextAttachment:
    """A text attachment, e.g. an ``.ics`` invitation; ``params`` go on the Content-Type."""

    filename: str
    content_type: str
    text: str
    params: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class OutgoingEmail:
    """One email as the outbox describes it; ``message_id`` is the row's, reused on every try."""

    message_id: str
    to: str
    subject: str
    body: str
    in_reply_to: str | None = None
    references: tuple[str, ...] = ()
    attachments: tuple[TextAttachment, ...] = ()
    automated: bool = False  # Auto-Submitted header: autoresponders stay quiet
    links: tuple[str, ...] = ()  # the only addresses the HTML part makes clickable


def one_line(text: str, limit: int = SUBJECT_MAX) -> str:
    """``text`` without line breaks or control characters, shortened to ``limit``."""
    return " ".join(_CONTROL.sub(" ", text).split())[:limit]


def plain_to_html(text: str, links: Collection[str] = ()) -> str:
    """A simple HTML version of plain ``text``: everything escaped, paragraphs kept.

    Only an address in ``links`` (the links the app built and the links the
    business wrote in its template, listed on the outbox row) becomes a link;
    any other text that looks like an address, such as a URL a customer typed,
    stays text. With no ``links`` nothing is clickable.
    """
    allowed = frozenset(links)
    paragraphs = re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    parts = []
    for paragraph in paragraphs:
        pieces: list[str] = []
        last = 0
        for match in _URL.finditer(paragraph):
            url = match.group(0)
            link = url.rstrip(_URL_TAIL)
            if link not in allowed:
                continue
            pieces.append(html.escape(paragraph[last : match.start()], quote=True))
            shown = html.escape(link, quote=True)
            pieces.append(f'<a href="{shown}">{shown}</a>')
            last = match.start() + len(link)
        pieces.append(html.escape(paragraph[last:], quote=True))
        parts.append("<p>" + "".join(pieces).replace("\n", "<br>\n") + "</p>")
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head>\n'
        '<body style="font-family: sans-serif; line-height: 1.4">\n'
        + "\n".join(parts)
        + "\n</body></html>\n"
    )


def _address(value: str, field_name: str) -> Address:
    """The address as it goes on the wire (domain in IDNA form); permanent SendError if unusable."""
    text = value.strip()
    shown = " ".join(_CONTROL.sub(" ", text).split())[:200]
    unusable = SendError(_(UNUSABLE_ADDRESS[field_name]).format(address=shown), permanent=True)
    if not text or _CONTROL.search(text) or "\n" in text or "\r" in text:
        raise unusable
    local, at, domain = text.rpartition("@")
    if not at or not local or not domain or " " in text or "<" in text or ">" in text:
        raise unusable
    try:
        wire: WireAddress = wire_address(text)
        if wire.needs_smtputf8:
            return Address(username=wire.local, domain=wire.ascii_domain)
        return Address(addr_spec=wire.text)
    except (AddressProblem, ValueError, IndexError):
        raise unusable from None


def build_message(
    email: OutgoingEmail,
    *,
    from_address: str,
    from_name: str = "",
    date: datetime | None = None,
) -> EmailMessage:
    """The complete MIME message for ``email``; customer text is only ever message text.

    Structure: ``multipart/alternative`` (text/plain, then text/html), wrapped
    in ``multipart/mixed`` when there are attachments.
    """
    sender = _address(from_address, "sender")
    recipient = _address(email.to, "recipient")
    utf8 = not (sender.username.isascii() and recipient.username.isascii())
    message = EmailMessage(policy=_POLICY_UTF8 if utf8 else _POLICY)
    message["From"] = formataddr((one_line(from_name, 200), sender.addr_spec))
    message["To"] = recipient.addr_spec
    message["Subject"] = one_line(email.subject) or "(no subject)"
    message["Date"] = format_datetime((date or datetime.now(UTC)).astimezone(UTC))
    message["Message-ID"] = one_line(email.message_id, 255)
    if email.in_reply_to:
        message["In-Reply-To"] = one_line(email.in_reply_to, 255)
        refs = [one_line(r, 255) for r in email.references if r]
        if email.in_reply_to not in refs:
            refs.append(one_line(email.in_reply_to, 255))
        message["References"] = " ".join(refs[-10:])
    if email.automated:
        message["Auto-Submitted"] = "auto-generated"
    message.set_content(email.body, subtype="plain", charset="utf-8", cte="quoted-printable")
    message.add_alternative(
        plain_to_html(email.body, email.links),
        subtype="html",
        charset="utf-8",
        cte="quoted-printable",
    )
    for attachment in email.attachments:
        maintype, _slash, subtype = attachment.content_type.partition("/")
        if maintype != "text" or not subtype:
            raise SendError(
                _("The attachment “{name}” cannot be sent: its type “{type}” is not text.").format(
                    name=one_line(attachment.filename, 100),
                    type=one_line(attachment.content_type, 100),
                )
            )
        message.add_attachment(
            attachment.text,
            subtype=subtype,
            charset="utf-8",
            cte="quoted-printable",
            filename=one_line(attachment.filename, 100) or "attachment.txt",
            params=dict(attachment.params),
        )
    return message


def _tls_context() -> ssl.SSLContext:
    return ssl.create_default_context()


def _classify(exc: BaseException) -> SendError:
    """Words for an SMTP failure, and whether a retry could ever help."""
    if isinstance(exc, SendError):
        return exc
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        code, text = next(iter(exc.recipients.values()), (0, b""))
        words = _reply_text(text)
        return SendError(
            _("The mail server refused the recipient ({code} {words}).").format(
                code=code, words=words
            ),
            permanent=500 <= code < 600,
        )
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return SendError(
            _(
                "The mail server did not accept the user name and password ({code}). "
                "Check them in Settings → Integrations."
            ).format(code=exc.smtp_code)
        )
    if isinstance(exc, smtplib.SMTPSenderRefused):
        return SendError(
            _(
                "The mail server refused the sender address ({code} {words}). "
                "Check the From address in Settings."
            ).format(code=exc.smtp_code, words=_reply_text(exc.smtp_error))
        )
    if isinstance(exc, smtplib.SMTPResponseException):
        code = exc.smtp_code
        return SendError(
            _("The mail server answered {code} {words}.").format(
                code=code, words=_reply_text(exc.smtp_error)
            ),
            permanent=500 <= code < 600 and code not in (530, 534, 535, 538),
        )
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return SendError(_("The mail server closed the connection."))
    if isinstance(exc, UnicodeError):  # an address the server cannot be told (no SMTPUTF8)
        return SendError(
            _("The address cannot be written for this mail server; ask for another address."),
            permanent=True,
        )
    if isinstance(exc, ssl.SSLError):
        return SendError(
            _("A secure connection to the mail server failed ({reason}).").format(
                reason=tls_reason(exc)
            )
        )
    if isinstance(exc, socket.gaierror):
        return SendError(_("The mail server's name could not be found (no internet, or a typo?)."))
    if isinstance(exc, TimeoutError | socket.timeout):
        return SendError(_("The mail server did not answer in time."))
    if isinstance(exc, ConnectionRefusedError):
        return SendError(_("The mail server refused the connection (wrong port, or it is down?)."))
    if isinstance(exc, smtplib.SMTPException):  # smtplib's own sentence, e.g. no AUTH offered
        words = _reply_text(exc).rstrip(".")
        return SendError(
            _(
                "The mail server could not be used ({words}). "
                "Check the settings in Settings → Integrations."
            ).format(words=words)
        )
    if isinstance(exc, OSError):
        reason = exc.strerror or type(exc).__name__
        return SendError(
            _("The mail server could not be reached ({reason}).").format(reason=reason)
        )
    return SendError(
        _("The email could not be sent: something unexpected happened ({name}).").format(
            name=type(exc).__name__
        )
    )


def _reply_text(value: Any) -> str:
    return reply_words(value, 300)


def _hang_up(client: Any) -> None:
    """Close a yagmail client's socket without a goodbye (the connection is broken or refused)."""
    if client.smtp is not None:
        try:
            client.smtp.close()
        except Exception:
            pass
    client.is_closed = True


class SmtpMailer:
    """One SMTP conversation for a batch of messages; reconnects after the server drops it.

    The whole conversation, connect through QUIT (reconnections included), lasts at
    most ``deadline_seconds`` (default: the settings' timeout): past it the connection
    is dropped, the message in hand fails with "did not answer within … s", and so
    does every later one (:attr:`unreachable`), so the caller's batch ends at once.

    Not thread-safe: use it from one thread at a time (it may be a different
    thread per call). ``password`` is ``None`` for servers without login.
    """

    def __init__(
        self, settings: SmtpSettings, password: str | None, *, deadline_seconds: float | None = None
    ) -> None:
        if not settings.configured:
            raise SendError(
                _("Email is not set up: add the SMTP server in Settings → Integrations.")
            )
        self.settings = settings
        self._password = password
        self._client: WatchedClient | None = None
        self._deadline_seconds = float(deadline_seconds or settings.timeout_seconds)
        self._deadline: Deadline | None = None
        self.sent = 0
        self.unreachable: SendError | None = None  # set when connecting (or logging in) failed
        self.smtputf8: bool | None = None  # whether the server offers SMTPUTF8, once connected

    def _expired(self) -> SendError | None:
        """The deadline error once the conversation's time is up (and remembers it)."""
        if self._deadline is not None and self._deadline.expired:
            if self.unreachable is None:
                self.unreachable = SendError(self._deadline.words())
            return self.unreachable
        return None

    def _error(self, exc: BaseException) -> SendError:
        """Words for a failed step: the deadline's when its time is up; never the password."""
        if self._expired() is not None:
            assert self.unreachable is not None
            return self.unreachable
        if isinstance(exc, TimeoutError | socket.timeout):
            return SendError(
                _("The mail server did not answer within {seconds} s.").format(
                    seconds=self.settings.timeout_seconds
                )
            )
        return _classify(exc).hiding([self._password])

    def _connect(self) -> WatchedClient:
        s = self.settings
        if self._deadline is None:
            self._deadline = Deadline(self._deadline_seconds).__enter__()
        kwargs: dict[str, Any] = {"timeout": s.timeout_seconds}
        starttls: bool | dict[str, Any] = False
        if s.security == "ssl":
            kwargs["context"] = _tls_context()
        elif s.security == "starttls":
            starttls = {"context": _tls_context()}
        client = WatchedClient(
            user=s.username or s.from_address,
            password=self._password or "",
            host=s.host,
            port=s.port,
            smtp_ssl=s.security == "ssl",
            smtp_starttls=starttls,
            smtp_skip_login=not self._password,
            soft_email_validation=False,
            **kwargs,
        )
        client.set_logging(None)  # its own handler would print to stderr
        client.deadline = self._deadline
        try:
            client.login()
            client.smtp.ehlo_or_helo_if_needed()
        except BaseException:
            _hang_up(client)
            raise
        self.smtputf8 = bool(client.smtp.has_extn("smtputf8"))
        return client

    def probe(self) -> bool:
        """Connect, log in, note what the server offers, say goodbye; whether it offers
        SMTPUTF8. Raises :class:`SendError` like :meth:`send`."""
        try:
            self._client = self._connect()
        except Exception as exc:
            self._drop()
            raise self._error(exc) from None
        finally:
            self.close()
        return bool(self.smtputf8)

    def send(self, message: EmailMessage) -> None:
        """Send one built message; raises :class:`SendError` (the connection is then dropped)."""
        recipients = [str(message["To"])] if message["To"] else []
        if not recipients:
            raise SendError(_("The message has no recipient."), permanent=True)
        if self.unreachable is not None or self._expired() is not None:
            assert self.unreachable is not None
            raise self.unreachable
        if self._client is None:
            try:
                self._client = self._connect()
            except Exception as exc:
                self._drop()
                error = self._error(exc)
                if not error.permanent:
                    self.unreachable = error  # the rest of this batch waits for the next run
                log.warning("SMTP connection to %s failed: %s", self.settings.host, error)
                raise error from None
        sender = _address(self.settings.from_address, "sender").addr_spec
        options: list[str] = []
        if not (sender.isascii() and all(r.isascii() for r in recipients)):
            if not self.smtputf8:
                raise SendError(
                    _(
                        "The mail server cannot deliver to an address with letters such as “ë” "
                        "before the @ (it does not offer SMTPUTF8); ask for another address."
                    ),
                    permanent=True,
                )
            options = ["SMTPUTF8"]
            if self._client.smtp.has_extn("8bitmime"):
                options.append("BODY=8BITMIME")
        try:
            refused = self._client.smtp.sendmail(
                sender, recipients, message.as_bytes(), mail_options=options
            )
        except Exception as exc:
            self._drop()
            error = self._error(exc)
            log.warning("SMTP send of %s failed: %s", message["Message-ID"], error)
            raise error from None
        if refused:
            code, text = next(iter(refused.values()))
            raise SendError(
                _("The mail server refused the recipient ({code} {words}).").format(
                    code=code, words=_reply_text(text)
                ),
                permanent=500 <= code < 600,
            ).hiding([self._password])
        self.sent += 1

    def _drop(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            _hang_up(client)

    def close(self) -> None:
        """Say goodbye to the server (QUIT, within the deadline) and close the connection."""
        client, self._client = self._client, None
        if client is not None:
            try:
                if self._expired() is None:
                    client.close()
            except Exception:
                pass
            finally:
                _hang_up(client)
        deadline, self._deadline = self._deadline, None  # a later send starts a new conversation
        if deadline is not None:
            deadline.close()

    def __enter__(self) -> SmtpMailer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def send_test_email(
    settings: SmtpSettings, password: str | None, to: str, business_name: str = "CareOps"
) -> str:
    """Send a short test email to ``to`` (the "Send test email" button); returns its Message-ID.

    Raises :class:`SendError` with words for the person at the desk. Blocks:
    run it off the UI thread.
    """
    domain = settings.from_address.rpartition("@")[2] or "careops.local"
    outgoing = OutgoingEmail(
        message_id=make_msgid(domain=domain),
        to=to,
        subject=_("Test email from {business_name}").format(business_name=business_name),
        body=_(
            "This is a test email from CareOps Desktop for {business_name}.\n\n"
            "It was sent through {host}:{port} ({security}). If you can read it, email is set up."
        ).format(
            business_name=business_name,
            host=settings.host,
            port=settings.port,
            security=settings.security,
        ),
        automated=True,
    )
    message = build_message(
        outgoing, from_address=settings.from_address, from_name=settings.from_name
    )
    with SmtpMailer(settings, password) as mailer:
        mailer.send(message)
    return outgoing.message_id
