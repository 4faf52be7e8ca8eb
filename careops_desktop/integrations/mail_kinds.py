"""What kind of mail arrived: a bounce, an automatic reply, or a person writing.

:func:`classify` reads the raw bytes of an incoming email and says which of
the three it is. A bounce (a delivery status notification, RFC 3464, or one
of the older plain-text layouts of Exim, qmail, Exchange and friends) comes
with the recipients that failed, the server's reason for each, and the
Message-IDs the bounce names as the message it returns. The recipients are
found by ``flufl.bounce`` (it knows the layouts of many mail servers); the
reasons and the returned Message-ID are read here, because that library
only reports addresses.

Automatic replies (RFC 3834 ``Auto-Submitted``, ``X-Autoreply``,
``X-Autorespond``, ``Precedence: auto_reply|bulk|list``, or a null return
path) are "auto". Everything else is "person". Classification never raises:
an unreadable message is a "person" so it still reaches the inbox.

Pure CPU work on bytes; safe on any thread.
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import Message
from email.parser import BytesHeaderParser
from email.utils import parsedate_to_datetime

from flufl.bounce import all_failures

from careops_desktop.core.services.inbox import (
    Bounce,
    FailedRecipient,
    MailKind,
)

log = logging.getLogger(__name__)
# flufl.bounce logs its detectors' exceptions as errors and re-raises them; they are
# handled in _library_failures (another reading, then the DSN fields), so not errors here
logging.getLogger("flufl.bounce").setLevel(logging.CRITICAL)

_MSGID = re.compile(r"<[^<>\s]+>")
_AUTO_PRECEDENCE = frozenset({"auto_reply", "bulk", "list", "junk"})
_DAEMON_LOCAL_PARTS = ("mailer-daemon", "postmaster", "mail-daemon")
_BOUNCE_SUBJECT = re.compile(
    r"undeliver|delivery status notification|mail delivery failed|returned mail|"
    r"failure notice|delivery failure|non[- ]?delivery|could not be delivered",
    re.IGNORECASE,
)
# an SMTP reply: "550 5.1.1 …", else "550 …" followed by words
_SMTP_CODE = re.compile(r"\b[45]\d\d[ -][45]\.\d{1,3}\.\d{1,3}\b|\b[45]\d\d[ -](?=[A-Za-z<#])")
_STATUS = re.compile(r"\b[45]\.\d{1,3}\.\d{1,3}\b")
_COPY_MARKERS = (
    "------ This is a copy of the message",
    "--- Below this line is a copy of the message",
    "Original message headers:",
    "----- Original message -----",
)
_CONTINUATION = re.compile(r"(?<=\s)\d{3}[- ]\d\.\d{1,3}\.\d{1,3}\s+")
REASON_MAX = 500


def _header(headers: Message, name: str) -> str:
    try:
        return " ".join(str(headers.get(name) or "").split())
    except Exception:  # an unparseable header is as good as none here
        return ""


def _null_return_path(headers: Message) -> bool:
    values = headers.get_all("Return-Path") or []
    return any(str(v).strip() in ("<>", "") for v in values)


def _sender_local_part(headers: Message) -> str:
    match = re.search(r"([^\s<>\"'(]+)@", _header(headers, "From").lower())
    return match.group(1) if match else ""


def is_automatic(headers: Message) -> bool:
    """True when the headers say no person wrote this (RFC 3834 and common variants)."""
    auto_submitted = _header(headers, "Auto-Submitted").lower()
    if auto_submitted and auto_submitted.split(";")[0].strip() != "no":
        return True
    if headers.get("X-Autoreply") is not None or headers.get("X-Autorespond") is not None:
        return True
    if _header(headers, "Precedence").lower() in _AUTO_PRECEDENCE:
        return True
    return _null_return_path(headers)


def _looks_like_bounce(headers: Message) -> bool:
    """Cheap header test before the full parse: could this be a bounce at all?"""
    content_type = _header(headers, "Content-Type").lower()
    if content_type.startswith("multipart/report") and "delivery-status" in content_type:
        return True
    if headers.get("X-Failed-Recipients") is not None:
        return True
    if headers.get("X-MS-Exchange-Message-Is-Ndr") is not None:
        return True
    local = _sender_local_part(headers)
    if local in _DAEMON_LOCAL_PARTS or local.startswith("microsoftexchange"):
        return True
    return _null_return_path(headers) and bool(_BOUNCE_SUBJECT.search(_header(headers, "Subject")))


def _text(part: Message) -> str:
    try:
        payload = part.get_payload(decode=True)
    except Exception:
        return ""
    if not isinstance(payload, bytes):
        return ""
    try:
        return payload.decode(part.get_content_charset() or "utf-8", errors="replace")
    except (LookupError, ValueError):
        return payload.decode("utf-8", errors="replace")


def _dsn_blocks(message: Message) -> list[Message]:
    """The header blocks of every ``message/delivery-status`` part (per-message first)."""
    blocks: list[Message] = []
    for part in message.walk():
        if part.get_content_type() != "message/delivery-status":
            continue
        payload = part.get_payload()
        if isinstance(payload, list):
            blocks.extend(p for p in payload if isinstance(p, Message))
    return blocks


def _strip_type(value: str) -> str:
    """``rfc822; a@b`` → ``a@b``; ``smtp; 550 …`` → ``550 …``."""
    kind, sep, rest = value.partition(";")
    return " ".join((rest if sep and " " not in kind.strip() else value).split())


def _one_reason(text: str) -> str:
    """The server's reply on one line, without the codes repeated on continuation lines."""
    return " ".join(_CONTINUATION.sub("", " ".join(text.split())).split())[:REASON_MAX]


def _dsn_reasons(message: Message) -> dict[str, tuple[str, str, bool]]:
    """address → (status, reason, permanent) from the DSN's per-recipient fields."""
    found: dict[str, tuple[str, str, bool]] = {}
    for block in _dsn_blocks(message):
        recipient = _header(block, "Final-Recipient") or _header(block, "Original-Recipient")
        if not recipient:
            continue
        address = _strip_type(recipient).strip("<>").lower()
        status = _header(block, "Status")
        action = _header(block, "Action").lower()
        if action in ("delivered", "relayed", "expanded"):  # a success report: nothing failed
            continue
        reason = _one_reason(_strip_type(_header(block, "Diagnostic-Code"))) or status
        permanent = action == "failed" or status.startswith("5")
        found[address] = (status, reason, permanent)
    return found


def _body_lines(message: Message) -> list[str]:
    lines: list[str] = []
    for part in message.walk():
        if part.get_content_type() == "text/plain":
            lines.extend(_text(part).splitlines())
    return lines


def _reason_from_text(lines: list[str], address: str) -> tuple[str, str]:
    """(status, reason) as a plain-text bounce words them under ``address``.

    The reason is the paragraph that names the address (Exim indents it below,
    qmail writes it on the next lines), from the SMTP reply code on when there
    is one; ``("", "")`` when the text has no such paragraph.
    """
    at = next((i for i, line in enumerate(lines) if address in line.lower()), None)
    if at is None:
        return "", ""
    first = lines[at]
    block: list[str] = [first[first.lower().index(address) + len(address) :].strip(" <>:")]
    for line in lines[at + 1 : at + 12]:
        if not line.strip() or any(line.startswith(marker) for marker in _COPY_MARKERS):
            break
        block.append(line.strip())
    text = " ".join(" ".join(block).split())
    code = _SMTP_CODE.search(text)
    if code and code.start() > 0 and not _SMTP_CODE.match(text):
        text = text[code.start() :]
    status = _STATUS.search(text)
    return (status.group(0) if status else ""), text[:REASON_MAX]


def _returned_ids(message: Message, headers: Message) -> tuple[str, ...]:
    """Message-IDs the bounce names as the message it returns, most trustworthy first."""
    ids: list[str] = []
    for part in message.walk():
        kind = part.get_content_type()
        if kind == "message/rfc822":
            payload = part.get_payload()
            inner = payload[0] if isinstance(payload, list) and payload else None
            if isinstance(inner, Message):
                ids += _MSGID.findall(_header(inner, "Message-ID"))
        elif kind == "text/rfc822-headers":
            returned = BytesHeaderParser(policy=policy.compat32).parsebytes(
                _text(part).encode("utf-8", "replace")
            )
            ids += _MSGID.findall(_header(returned, "Message-ID"))
    for block in _dsn_blocks(message):
        ids += _MSGID.findall(_header(block, "X-Original-Message-ID"))
    copied = False
    for line in _body_lines(message):
        copied = copied or any(line.startswith(marker) for marker in _COPY_MARKERS)
        if copied and line.lower().startswith("message-id:"):
            ids += _MSGID.findall(line)
    ids += _MSGID.findall(_header(headers, "In-Reply-To"))
    ids += _MSGID.findall(_header(headers, "References"))
    return tuple(dict.fromkeys(ids))


def _date(message: Message) -> datetime | None:
    """The message's Date as aware UTC, or ``None`` when it has no readable one."""
    try:
        when = parsedate_to_datetime(_header(message, "Date"))
    except (TypeError, ValueError, IndexError):
        return None
    return (when if when.tzinfo else when.replace(tzinfo=UTC)).astimezone(UTC)


def _decode(address: bytes | str) -> str:
    text = address.decode("utf-8", "replace") if isinstance(address, bytes) else address
    return text.strip().strip("<>").lower()


def _library_failures(raw: bytes, message: Message) -> tuple[frozenset[bytes], frozenset[bytes]]:
    """``flufl.bounce``'s (temporary, permanent) recipients; empty when it cannot read them.

    Its detectors expect ``str`` headers; raw 8-bit header bytes come back from
    ``compat32`` as ``Header`` objects, which stop the whole scan. Such a message
    is read again with the modern policy (``str`` headers) before giving up.
    """
    for attempt in (message, None):
        try:
            if attempt is None:
                attempt = message_from_bytes(raw, policy=policy.default)
            temporary, permanent = all_failures(attempt)
            return frozenset(temporary), frozenset(permanent)
        except Exception:  # the library re-raises its detectors' errors
            log.debug("flufl.bounce could not read a bounce", exc_info=True)
    return frozenset(), frozenset()


def read_bounce(raw: bytes) -> Bounce | None:
    """The failed recipients of a bounce in ``raw``, or ``None`` if none can be found."""
    message = message_from_bytes(raw, policy=policy.compat32)
    temporary, permanent = _library_failures(raw, message)
    dsn = _dsn_reasons(message)
    addresses: dict[str, bool] = {}
    for found in permanent:
        addresses[_decode(found)] = True
    for found in temporary:
        addresses.setdefault(_decode(found), False)
    for address, (_, _, in_dsn_permanent) in dsn.items():
        addresses.setdefault(address, in_dsn_permanent)
    if not addresses:
        return None
    lines = _body_lines(message)
    recipients = []
    for address, is_permanent in addresses.items():
        status, reason, dsn_permanent = dsn.get(address, ("", "", is_permanent))
        if not reason:
            status, reason = _reason_from_text(lines, address)
        recipients.append(FailedRecipient(address, status, reason, is_permanent or dsn_permanent))
    return Bounce(tuple(recipients), _returned_ids(message, message), _date(message))


def classify(raw: bytes | None) -> MailKind:
    """``bounce`` (with its :class:`Bounce`), ``auto`` or ``person``; never raises."""
    if not raw:
        return MailKind("person")
    try:
        headers = BytesHeaderParser(policy=policy.compat32).parsebytes(raw)
        if _looks_like_bounce(headers):
            bounce = read_bounce(raw)
            if bounce is not None:
                return MailKind("bounce", bounce)
            return MailKind("auto")
        return MailKind("auto") if is_automatic(headers) else MailKind("person")
    except Exception:  # never let the classifier stop a message reaching the inbox
        log.exception("an incoming email could not be classified; it is treated as a person's")
        return MailKind("person")
