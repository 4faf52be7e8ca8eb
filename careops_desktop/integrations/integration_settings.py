"""Non-secret settings and state of the integrations, kept in the ``integrations`` table.

One row per kind: ``email`` holds ``config = {"smtp": {...}, "imap": {...}}``
and ``state = {"imap": {"uidvalidity": ..., "last_uid": ...}}``; ``sms``
holds the Twilio sender number, API base URL and poll state. Passwords, the
Twilio account SID and auth token live in the keyring (``secrets.py``) only,
never here. Functions take a ``Session`` first like core services and run
inside ``Database.run`` / ``Database.call``.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any, Final, TypeVar
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from careops_desktop.core import events
from careops_desktop.core.db import read_only
from careops_desktop.core.errors import ValidationError
from careops_desktop.core.i18n import _
from careops_desktop.core.models import Integration
from careops_desktop.core.permissions import Actor, Permission, require
from careops_desktop.core.services import audit

SECURITY_MODES: Final = ("ssl", "starttls", "none")
_HOST = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$|^\[?[0-9A-Fa-f:.]+\]?$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class SmtpSettings:
    """Outgoing mail server; the password is ``secrets.get_secret("smtp", "password")``."""

    host: str = ""
    port: int = 465
    security: str = "ssl"  # ssl (implicit TLS) | starttls | none
    username: str = ""
    from_address: str = ""
    from_name: str = ""
    timeout_seconds: int = 30

    @property
    def configured(self) -> bool:
        return bool(self.host and self.from_address)


@dataclass(frozen=True)
class ImapSettings:
    """Incoming mail server polled for replies; the password is in the keyring."""

    enabled: bool = False
    host: str = ""
    port: int = 993
    security: str = "ssl"
    username: str = ""
    folder: str = "INBOX"
    mark_seen: bool = False
    poll_seconds: int = 300
    timeout_seconds: int = 30

    @property
    def configured(self) -> bool:
        return bool(self.enabled and self.host and self.username)


@dataclass(frozen=True)
class SmsSettings:
    """Twilio: the sender number; account SID and auth token are in the keyring."""

    enabled: bool = False
    from_number: str = ""
    base_url: str = "https://api.twilio.com"
    poll_seconds: int = 120
    timeout_seconds: int = 30

    @property
    def configured(self) -> bool:
        return bool(self.enabled and self.from_number and self.base_url)


SMTP_PRESETS: Final[dict[str, SmtpSettings]] = {
    "gmail": SmtpSettings(host="smtp.gmail.com", port=465, security="ssl"),
    "outlook": SmtpSettings(host="smtp.office365.com", port=587, security="starttls"),
}
IMAP_PRESETS: Final[dict[str, ImapSettings]] = {
    "gmail": ImapSettings(host="imap.gmail.com", port=993, security="ssl"),
    "outlook": ImapSettings(host="outlook.office365.com", port=993, security="ssl"),
}

S = TypeVar("S", SmtpSettings, ImapSettings, SmsSettings)


def _from_dict(cls: type[S], data: Any) -> S:
    """Build ``cls`` from stored JSON, ignoring unknown keys and wrong types."""
    if not isinstance(data, dict):
        return cls()
    defaults = cls()
    values: dict[str, Any] = {}
    for field in dataclasses.fields(cls):
        if field.name in data:
            default = getattr(defaults, field.name)
            value = data[field.name]
            if isinstance(value, type(default)) and not (
                isinstance(default, int) and isinstance(value, bool) != isinstance(default, bool)
            ):
                values[field.name] = value
    return cls(**values)


def _row(session: Session, kind: str, *, create: bool = False) -> Integration | None:
    row = session.scalars(select(Integration).where(Integration.kind == kind)).first()
    if row is None and create:
        row = Integration(kind=kind, config={}, state={})
        session.add(row)
        session.flush()
    return row


@read_only
def get_smtp(session: Session) -> SmtpSettings:
    """The SMTP settings (defaults when none are saved)."""
    row = _row(session, "email")
    return _from_dict(SmtpSettings, (row.config if row else {}).get("smtp"))


@read_only
def get_imap(session: Session) -> ImapSettings:
    """The IMAP settings (defaults, disabled, when none are saved)."""
    row = _row(session, "email")
    return _from_dict(ImapSettings, (row.config if row else {}).get("imap"))


@read_only
def get_sms(session: Session) -> SmsSettings:
    """The Twilio settings (defaults, disabled, when none are saved)."""
    row = _row(session, "sms")
    return _from_dict(SmsSettings, (row.config if row else {}).get("twilio"))


# -- validation ---------------------------------------------------------------------------


def _check_host(value: str, errors: dict[str, str]) -> str:
    host = value.strip()
    if not host:
        errors["host"] = _("Enter the server name, e.g. smtp.example.com.")
    elif not _HOST.match(host):
        errors["host"] = _("A server name has only letters, digits, dots and dashes.")
    return host


def _check_port(value: int, errors: dict[str, str]) -> int:
    if not 1 <= int(value) <= 65535:
        errors["port"] = _("The port is a number from 1 to 65535.")
    return int(value)


def _check_security(value: str, errors: dict[str, str]) -> str:
    if value not in SECURITY_MODES:
        errors["security"] = _("Choose SSL/TLS, STARTTLS or none.")
    return value


def _check_text(key: str, value: str, limit: int, errors: dict[str, str]) -> str:
    text = value.strip()
    if _CONTROL.search(text):
        errors[key] = _("Line breaks and control characters are not allowed here.")
    elif len(text) > limit:
        errors[key] = _("At most {limit} characters.").format(limit=limit)
    return text


def _check_range(key: str, value: int, low: int, high: int, errors: dict[str, str]) -> int:
    if not low <= int(value) <= high:
        errors[key] = _("Choose a value from {low} to {high}.").format(low=low, high=high)
    return int(value)


def validate_smtp(settings: SmtpSettings) -> SmtpSettings:
    """The settings cleaned, or :class:`ValidationError` naming each bad field."""
    errors: dict[str, str] = {}
    host = _check_host(settings.host, errors)
    port = _check_port(settings.port, errors)
    security = _check_security(settings.security, errors)
    username = _check_text("username", settings.username, 320, errors)
    from_name = _check_text("from_name", settings.from_name, 200, errors)
    from_address = settings.from_address.strip()
    from email_validator import EmailNotValidError, validate_email  # lazy: start-up

    try:
        from_address = validate_email(from_address, check_deliverability=False).normalized
    except EmailNotValidError:
        errors["from_address"] = _("Enter the address mail is sent from, e.g. desk@example.com.")
    timeout = _check_range("timeout_seconds", settings.timeout_seconds, 5, 300, errors)
    if errors:
        raise ValidationError(errors)
    return SmtpSettings(host, port, security, username, from_address, from_name, timeout)


def validate_imap(settings: ImapSettings) -> ImapSettings:
    """The settings cleaned, or :class:`ValidationError` naming each bad field."""
    errors: dict[str, str] = {}
    host = _check_host(settings.host, errors)
    port = _check_port(settings.port, errors)
    security = _check_security(settings.security, errors)
    username = _check_text("username", settings.username, 320, errors)
    if not username:
        errors["username"] = _("Enter the mailbox user name.")
    folder = _check_text("folder", settings.folder, 200, errors) or "INBOX"
    if '"' in folder or "\\" in folder:
        errors["folder"] = _("A folder name cannot hold quotes or backslashes.")
    poll = _check_range("poll_seconds", settings.poll_seconds, 30, 86_400, errors)
    timeout = _check_range("timeout_seconds", settings.timeout_seconds, 5, 300, errors)
    if errors:
        raise ValidationError(errors)
    return ImapSettings(
        settings.enabled, host, port, security, username, folder, settings.mark_seen, poll, timeout
    )


def validate_sms(settings: SmsSettings) -> SmsSettings:
    """The settings cleaned, or :class:`ValidationError` naming each bad field."""
    errors: dict[str, str] = {}
    number = settings.from_number.strip()
    import phonenumbers  # lazy: start-up

    try:
        parsed = phonenumbers.parse(number, None)
        if not phonenumbers.is_possible_number(parsed):
            raise phonenumbers.NumberParseException(1, "impossible")
        number = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    except phonenumbers.NumberParseException:
        errors["from_number"] = _(
            "Enter the Twilio number with its country code, e.g. +447700900123."
        )
    base_url = settings.base_url.strip().rstrip("/")
    parts = urlsplit(base_url)
    if parts.scheme not in ("https", "http") or not parts.hostname or parts.query:
        errors["base_url"] = _("The API address starts with https://.")
    poll = _check_range("poll_seconds", settings.poll_seconds, 30, 86_400, errors)
    timeout = _check_range("timeout_seconds", settings.timeout_seconds, 5, 300, errors)
    if errors:
        raise ValidationError(errors)
    return SmsSettings(settings.enabled, number, base_url, poll, timeout)


# -- saving -------------------------------------------------------------------------------


def _save(session: Session, actor: Actor, kind: str, key: str, values: dict[str, Any]) -> None:
    require(actor, Permission.MANAGE_SETTINGS)
    row = _row(session, kind, create=True)
    assert row is not None
    config = dict(row.config or {})
    config[key] = values
    row.config = config
    audit.record(session, actor, "integration.updated", "integration", row.id, {"part": key})
    events.record(session, events.SettingsChanged("integrations"))


def save_smtp(session: Session, actor: Actor, settings: SmtpSettings) -> SmtpSettings:
    """Validate and store the SMTP settings (no password here: see ``secrets``)."""
    clean = validate_smtp(settings)
    _save(session, actor, "email", "smtp", dataclasses.asdict(clean))
    return clean


def save_imap(session: Session, actor: Actor, settings: ImapSettings) -> ImapSettings:
    """Validate and store the IMAP settings; a new server or folder restarts UID tracking."""
    clean = validate_imap(settings)
    before = get_imap(session)
    _save(session, actor, "email", "imap", dataclasses.asdict(clean))
    if (before.host, before.username, before.folder) != (clean.host, clean.username, clean.folder):
        set_state(session, "email", "imap", {})
    return clean


def save_sms(session: Session, actor: Actor, settings: SmsSettings) -> SmsSettings:
    """Validate and store the Twilio settings (account SID and token go to ``secrets``)."""
    clean = validate_sms(settings)
    _save(session, actor, "sms", "twilio", dataclasses.asdict(clean))
    return clean


# -- state kept by the jobs ---------------------------------------------------------------


@read_only
def get_state(session: Session, kind: str, key: str) -> dict[str, Any]:
    """A job's stored state (e.g. IMAP UIDVALIDITY and last UID); ``{}`` when none."""
    row = _row(session, kind)
    value = (row.state if row else {}).get(key)
    return dict(value) if isinstance(value, dict) else {}


def set_state(session: Session, kind: str, key: str, value: dict[str, Any]) -> None:
    """Replace a job's stored state in the caller's transaction."""
    row = _row(session, kind, create=True)
    assert row is not None
    state = dict(row.state or {})
    state[key] = value
    row.state = state


def record_health(session: Session, kind: str, error: str) -> None:
    """Note the last outcome of talking to the service: ``""`` means it worked."""
    row = _row(session, kind, create=True)
    assert row is not None
    connected = not error
    if row.last_error != error[:2000] or row.is_connected != connected:
        row.last_error = error[:2000]
        row.is_connected = connected
        events.record(session, events.SettingsChanged("integrations"))


@read_only
def get_health(session: Session, kind: str) -> tuple[bool, str]:
    """``(is_connected, last_error)`` for the Settings page and the status bar."""
    row = _row(session, kind)
    if row is None:
        return False, ""
    return row.is_connected, row.last_error
