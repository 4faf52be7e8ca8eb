"""``careops user add|passwd`` on a real database file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from careops_desktop.cli import main
from careops_desktop.core.db import Database
from careops_desktop.core.errors import AuthenticationFailed
from careops_desktop.core.permissions import Permission, Role
from careops_desktop.core.services import auth
from tests.core import people_fixtures

cheap_hasher = people_fixtures.cheap_hasher

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def cli(db_url, cheap_hasher, monkeypatch):  # type: ignore[no-untyped-def]
    def run(*argv: str, password: str | None = "a long enough secret") -> int:
        if password is None:
            monkeypatch.delenv("CAREOPS_PASSWORD", raising=False)
        else:
            monkeypatch.setenv("CAREOPS_PASSWORD", password)
        return main(["--db", db_url, *argv])

    return run


def _login(db_url: str, email: str, password: str):  # type: ignore[no-untyped-def]
    database = Database(db_url)
    try:
        return database.call(auth.login, email, password)
    finally:
        database.close()


def test_first_account_must_be_an_owner(cli, db_url, capsys) -> None:
    assert cli("user", "add", "desk@clinic.example", "--name", "Desk") == 2
    assert "must be an owner" in capsys.readouterr().err
    assert cli("user", "add", "Owner@Clinic.example", "--name", "Olive", "--role", "owner") == 0
    assert "Added owner owner@clinic.example" in capsys.readouterr().out
    actor = _login(db_url, "owner@clinic.example", "a long enough secret")
    assert actor.role is Role.OWNER


def test_add_staff_with_flags(cli, db_url, capsys) -> None:
    cli("user", "add", "owner@clinic.example", "--name", "Olive", "--role", "owner")
    assert (
        cli("user", "add", "rita@clinic.example", "--name", "Rita", "--inbox", "--inventory") == 0
    )
    actor = _login(db_url, "rita@clinic.example", "a long enough secret")
    assert actor.role is Role.STAFF
    assert Permission.MANAGE_INBOX in actor.permissions
    assert Permission.VIEW_INVENTORY in actor.permissions
    assert Permission.MANAGE_SETTINGS not in actor.permissions
    assert cli("user", "add", "mia@clinic.example", "--name", "Mia", "--role", "manager") == 0
    assert _login(db_url, "mia@clinic.example", "a long enough secret").role is Role.MANAGER


def test_refusals_are_words_not_tracebacks(cli, capsys) -> None:
    assert cli("user", "add", "not-an-email", "--name", "X", "--role", "owner") == 2
    assert "email" in capsys.readouterr().err
    assert (
        cli("user", "add", "o@clinic.example", "--name", "O", "--role", "owner", password="tiny pw")
        == 2
    )
    err = capsys.readouterr().err
    assert "at least 10" in err and "tiny pw" not in err
    cli("user", "add", "o@clinic.example", "--name", "O", "--role", "owner")
    assert cli("user", "add", "O@CLINIC.example", "--name", "Twin") == 2
    assert "already an account" in capsys.readouterr().err
    assert cli("user", "passwd", "ghost@clinic.example") == 2
    assert "ghost@clinic.example" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        cli("user", "add", "x@clinic.example", "--name", "X", "--role", "emperor")


def test_passwd_sets_the_password_and_unlocks(cli, db_url) -> None:
    cli("user", "add", "o@clinic.example", "--name", "O", "--role", "owner")
    database = Database(db_url)
    try:
        for _ in range(5):
            with pytest.raises(Exception):  # noqa: B017 - AuthenticationFailed, then AccountLocked
                database.call(auth.login, "o@clinic.example", "wrong wrong wrong")
    finally:
        database.close()
    assert cli("user", "passwd", "O@clinic.example", password="the new password") == 0
    assert _login(db_url, "o@clinic.example", "the new password").is_owner
    with pytest.raises(AuthenticationFailed):
        _login(db_url, "o@clinic.example", "a long enough secret")


def _run(db_url: str, stdin: str, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "CAREOPS_PASSWORD"}
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, "-m", "careops_desktop", "--db", db_url, *argv],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        start_new_session=True,  # no controlling terminal: getpass reads stdin
    )


def test_password_typed_twice_in_a_real_process(db_url) -> None:
    add_owner = ("user", "add", "o@c.example", "--name", "O", "--role", "owner")
    differ = _run(db_url, "first password\nsecond password\n", *add_owner)
    assert differ.returncode == 1
    assert "differ" in differ.stderr
    same = _run(db_url, "typed password\ntyped password\n", *add_owner)
    assert same.returncode == 0, same.stderr
    assert "typed password" not in same.stdout + same.stderr
    assert _login(db_url, "o@c.example", "typed password").is_owner
