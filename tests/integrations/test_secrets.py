"""The keyring seam: secrets in, out and deleted; a plain state when there is no keyring."""

from __future__ import annotations

import keyring
import pytest

from careops_desktop.integrations import secrets
from tests.integrations.memory_keyring import MemoryKeyring


def test_round_trip_under_the_app_service_name(memory_keyring: MemoryKeyring) -> None:
    secrets.set_secret("smtp", "password", "s3cret-smtp")
    secrets.set_secret("twilio", "auth_token", "tok-123")
    assert secrets.get_secret("smtp", "password") == "s3cret-smtp"
    assert secrets.get_secret("twilio", "auth_token") == "tok-123"
    assert secrets.get_secret("imap", "password") is None
    assert memory_keyring.store[("careops-desktop", "smtp.password")] == "s3cret-smtp"
    assert secrets.has_secret("smtp", "password")
    assert not secrets.has_secret("caldav", "password")


def test_replace_and_delete(memory_keyring: MemoryKeyring) -> None:
    secrets.set_secret("imap", "password", "one")
    secrets.set_secret("imap", "password", "two")
    assert secrets.get_secret("imap", "password") == "two"
    secrets.delete_secret("imap", "password")
    assert secrets.get_secret("imap", "password") is None
    secrets.delete_secret("imap", "password")  # absent: not an error
    secrets.set_secret("twilio", "account_sid", "AC1")
    secrets.set_secret("twilio", "auth_token", "t")
    secrets.delete_integration("twilio")
    assert memory_keyring.store == {}


def test_empty_value_deletes(memory_keyring: MemoryKeyring) -> None:
    secrets.set_secret("caldav", "password", "x")
    secrets.set_secret("caldav", "password", "")
    assert secrets.get_secret("caldav", "password") is None


def test_unknown_names_and_oversize_values_are_refused(memory_keyring: MemoryKeyring) -> None:
    with pytest.raises(ValueError, match="unknown integration"):
        secrets.set_secret("ftp", "password", "x")
    with pytest.raises(ValueError, match="no secret named"):
        secrets.get_secret("smtp", "username")
    with pytest.raises(ValueError, match="longer than"):
        secrets.set_secret("smtp", "password", "x" * (secrets.MAX_SECRET_LENGTH + 1))
    assert memory_keyring.store == {}


def test_no_backend_is_a_plain_state_not_a_crash() -> None:
    # tests/conftest.py makes the fail backend the default: the machine "has no keyring"
    state = secrets.status()
    assert not state.available
    assert state.text.startswith("credentials unavailable: ")
    assert "no system keyring" in state.reason
    with pytest.raises(secrets.SecretsUnavailable, match="credentials unavailable"):
        secrets.get_secret("smtp", "password")
    with pytest.raises(secrets.SecretsUnavailable):
        secrets.set_secret("smtp", "password", "x")
    assert not secrets.has_secret("smtp", "password")


def test_a_failing_backend_gives_the_reason(memory_keyring: MemoryKeyring) -> None:
    secrets.set_secret("smtp", "password", "kept")
    memory_keyring.broken = True
    with pytest.raises(secrets.SecretsUnavailable, match="locked"):
        secrets.get_secret("smtp", "password")
    with pytest.raises(secrets.SecretsUnavailable, match="locked"):
        secrets.delete_secret("smtp", "password")
    memory_keyring.broken = False
    assert secrets.get_secret("smtp", "password") == "kept"


def test_status_names_the_backend(memory_keyring: MemoryKeyring) -> None:
    state = secrets.status()
    assert state.available
    assert "MemoryKeyring" in state.backend
    assert "system keyring" in state.text


def test_the_fixture_restores_no_keyring() -> None:
    assert type(keyring.get_keyring()).__module__ == "keyring.backends.fail"
