"""Credentials in the OS keyring: the only module that touches ``keyring``.

Every secret of an integration (the SMTP and IMAP passwords, Twilio's account
SID and auth token, the CalDAV password) is stored under the service name
``careops-desktop`` with the user name ``"<integration>.<field>"``, e.g.
``smtp.password``. Nothing here writes a secret anywhere else, and nothing
here logs one.

When the machine has no keyring backend (``keyring.backends.fail.Keyring``)
or the backend fails (locked, D-Bus gone), every call raises
:class:`SecretsUnavailable` with the reason in words; callers show
"credentials unavailable: <reason>" and carry on without the integration.
These functions block on the OS keyring (a D-Bus call on Linux), so call them
off the UI thread or accept a short wait in a settings dialog.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Final

import keyring
import keyring.errors
from keyring.backend import KeyringBackend
from keyring.backends import fail

from careops_desktop.core.errors import CareOpsError
from careops_desktop.core.i18n import _

log = logging.getLogger(__name__)

SERVICE_NAME: Final = "careops-desktop"

#: The secret fields each integration may store; anything else is refused.
SECRET_FIELDS: Final[dict[str, tuple[str, ...]]] = {
    "smtp": ("password",),
    "imap": ("password",),
    "twilio": ("account_sid", "auth_token"),
    "caldav": ("password",),
    "postgresql": ("password",),  # Settings → Database connection (this computer's server)
}

MAX_SECRET_LENGTH: Final = 4096


class SecretsUnavailable(CareOpsError):
    """The keyring cannot be used; ``reason`` says why in words."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(_("credentials unavailable: {reason}").format(reason=reason))


@dataclass(frozen=True)
class SecretsStatus:
    """Whether credentials can be stored on this machine, and the backend's name."""

    available: bool
    backend: str
    reason: str = ""

    @property
    def text(self) -> str:
        """A line for the Settings page."""
        if self.available:
            return _("Credentials are kept in the system keyring ({backend}).").format(
                backend=self.backend
            )
        return _("credentials unavailable: {reason}").format(reason=self.reason)


def _username(integration: str, field: str) -> str:
    fields = SECRET_FIELDS.get(integration)
    if fields is None:
        raise ValueError(f"unknown integration {integration!r}")
    if field not in fields:
        raise ValueError(f"{integration!r} keeps no secret named {field!r}")
    return f"{integration}.{field}"


def _backend() -> KeyringBackend:
    """The keyring in force, or :class:`SecretsUnavailable` when there is none."""
    try:
        backend = keyring.get_keyring()
    except Exception as exc:  # backend discovery itself can fail (broken config file)
        raise SecretsUnavailable(_reason(exc)) from None
    if isinstance(backend, fail.Keyring):
        raise SecretsUnavailable(
            _(
                "this computer has no system keyring (install or unlock one, e.g. GNOME Keyring,"
                " KWallet, macOS Keychain or Windows Credential Manager)"
            )
        )
    return backend


def _reason(exc: BaseException) -> str:
    """Words for a keyring failure, without anything the backend echoed back."""
    if isinstance(exc, keyring.errors.KeyringLocked):
        return _("the system keyring is locked; unlock it and try again")
    if isinstance(exc, keyring.errors.NoKeyringError):
        return _("this computer has no system keyring")
    if isinstance(exc, keyring.errors.InitError):
        return _("the system keyring could not be opened")
    name = type(exc).__name__
    return _("the system keyring failed ({name})").format(name=name)


def status() -> SecretsStatus:
    """Whether a keyring backend is usable; never raises."""
    try:
        backend = _backend()
    except SecretsUnavailable as exc:
        return SecretsStatus(False, "none", exc.reason)
    return SecretsStatus(True, type(backend).__module__ + "." + type(backend).__name__)


def get_secret(integration: str, field: str) -> str | None:
    """The stored secret, or ``None`` when none is stored.

    Raises :class:`SecretsUnavailable` when the keyring cannot be used.
    """
    username = _username(integration, field)
    backend = _backend()
    try:
        return backend.get_password(SERVICE_NAME, username)
    except Exception as exc:
        log.warning("reading %s from the keyring failed: %s", username, type(exc).__name__)
        raise SecretsUnavailable(_reason(exc)) from None


def set_secret(integration: str, field: str, value: str) -> None:
    """Store ``value`` (replacing any earlier one); an empty value deletes the secret."""
    username = _username(integration, field)
    if not value:
        delete_secret(integration, field)
        return
    if len(value) > MAX_SECRET_LENGTH:
        raise ValueError(f"{username} is longer than {MAX_SECRET_LENGTH} characters")
    backend = _backend()
    try:
        backend.set_password(SERVICE_NAME, username, value)
    except Exception as exc:
        log.warning("storing %s in the keyring failed: %s", username, type(exc).__name__)
        raise SecretsUnavailable(_reason(exc)) from None
    log.info("stored %s in the keyring", username)


def delete_secret(integration: str, field: str) -> None:
    """Remove the secret; removing one that is not there is not an error."""
    username = _username(integration, field)
    backend = _backend()
    try:
        backend.delete_password(SERVICE_NAME, username)
    except keyring.errors.PasswordDeleteError:
        return
    except Exception as exc:
        log.warning("deleting %s from the keyring failed: %s", username, type(exc).__name__)
        raise SecretsUnavailable(_reason(exc)) from None
    log.info("deleted %s from the keyring", username)


def delete_integration(integration: str) -> None:
    """Remove every secret of ``integration`` (disconnecting it)."""
    for field in SECRET_FIELDS[integration]:
        delete_secret(integration, field)


def has_secret(integration: str, field: str) -> bool:
    """Whether a secret is stored; ``False`` also when the keyring is unavailable."""
    try:
        return bool(get_secret(integration, field))
    except SecretsUnavailable:
        return False


def database_password() -> str | None:
    """The saved database connection's password (Settings → Database connection).

    None when none is stored or no keyring backend is usable; never raises
    :class:`SecretsUnavailable`. ``config.default_database_url`` takes this as its
    ``read_password`` (config itself reads no keyring).
    """
    try:
        return get_secret("postgresql", "password")
    except SecretsUnavailable:
        return None
