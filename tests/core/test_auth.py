"""Signing in: first owner, argon2id, lockout, password changes, rehash."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from careops_desktop.core.errors import (
    AccountLocked,
    AuthenticationFailed,
    PermissionDenied,
    ValidationError,
)
from careops_desktop.core.models import AuditEntry, User
from careops_desktop.core.permissions import Permission, Role
from careops_desktop.core.services import auth, staff
from tests.core import people_fixtures
from tests.core.people_fixtures import OWNER_EMAIL, OWNER_PASSWORD

people = people_fixtures.people
cheap_hasher = people_fixtures.cheap_hasher

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _user(db, email):  # type: ignore[no-untyped-def]
    with db.session() as s:
        user = s.scalar(select(User).where(User.email == email))
        s.expunge(user)
        return user


def test_first_owner_is_an_owner_with_every_permission(db, cheap_hasher) -> None:
    actor = db.call(
        auth.create_first_owner,
        email="  Owner@Clinic.Example ",
        password=OWNER_PASSWORD,
        full_name="  Olive   Owner ",
    )
    assert actor.role is Role.OWNER
    assert actor.permissions == frozenset(Permission)
    assert actor.name == "Olive Owner"
    user = _user(db, "owner@clinic.example")
    assert user.password_hash.startswith("$argon2id$")
    assert OWNER_PASSWORD not in user.password_hash


def test_first_owner_refused_once_any_account_exists(people) -> None:
    with pytest.raises(PermissionDenied):
        people.db.call(
            auth.create_first_owner,
            email="second@clinic.example",
            password="another long one",
            full_name="Second",
        )


def test_first_owner_names_every_bad_field(db, cheap_hasher) -> None:
    with pytest.raises(ValidationError) as caught:
        db.call(auth.create_first_owner, email="not an email", password="short", full_name="  ")
    assert set(caught.value.fields) == {"email", "password", "full_name"}
    assert db.call(auth.user_count) == 0


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("123456789", "at least 10"),
        ("x" * 1025, "at most 1024"),
        ("Owner@Clinic.example", "email"),
    ],
)
def test_password_rules(db, cheap_hasher, password, reason) -> None:
    with pytest.raises(ValidationError) as caught:
        db.call(auth.create_first_owner, email=OWNER_EMAIL, password=password, full_name="Olive")
    assert reason in caught.value.fields["password"]


def test_login_with_any_case_email_returns_the_actor_and_notes_the_time(people) -> None:
    actor = people.db.call(auth.login, "OWNER@clinic.EXAMPLE ", OWNER_PASSWORD, NOW)
    assert actor.user_id == people.owner.user_id
    assert actor.is_owner
    assert _user(people.db, OWNER_EMAIL).last_login_at == NOW


def test_staff_login_carries_only_their_flags(people) -> None:
    actor = people.db.call(auth.login, "sam@clinic.example", "sam's long password", NOW)
    assert actor.role is Role.STAFF
    assert actor.permissions == frozenset()


def test_wrong_password_and_unknown_email_give_the_same_words(people) -> None:
    with pytest.raises(AuthenticationFailed) as wrong:
        people.db.call(auth.login, OWNER_EMAIL, "not the password", NOW)
    with pytest.raises(AuthenticationFailed) as unknown:
        people.db.call(auth.login, "nobody@clinic.example", "not the password", NOW)
    assert str(wrong.value) == str(unknown.value)
    # the failure was remembered even though login raised
    assert _user(people.db, OWNER_EMAIL).failed_attempts == 1


def test_five_failures_lock_for_fifteen_minutes_then_open(people) -> None:
    db = people.db
    for attempt in range(4):
        with pytest.raises(AuthenticationFailed):
            db.call(auth.login, OWNER_EMAIL, f"wrong {attempt}", NOW)
    with pytest.raises(AccountLocked) as locked:
        db.call(auth.login, OWNER_EMAIL, "wrong 5", NOW)
    assert locked.value.until == NOW + timedelta(minutes=15)
    # even the right password is refused while locked
    with pytest.raises(AccountLocked):
        db.call(auth.login, OWNER_EMAIL, OWNER_PASSWORD, NOW + timedelta(minutes=14))
    actor = db.call(auth.login, OWNER_EMAIL, OWNER_PASSWORD, NOW + timedelta(minutes=15, seconds=1))
    assert actor.is_owner
    user = _user(db, OWNER_EMAIL)
    assert user.failed_attempts == 0
    assert user.locked_until is None
    with db.session() as s:
        assert s.scalar(select(AuditEntry.id).where(AuditEntry.action == "lock")) is not None


def test_success_resets_failed_attempts(people) -> None:
    db = people.db
    for _ in range(3):
        with pytest.raises(AuthenticationFailed):
            db.call(auth.login, OWNER_EMAIL, "wrong wrong", NOW)
    db.call(auth.login, OWNER_EMAIL, OWNER_PASSWORD, NOW)
    assert _user(db, OWNER_EMAIL).failed_attempts == 0
    for _ in range(4):
        with pytest.raises(AuthenticationFailed):
            db.call(auth.login, OWNER_EMAIL, "wrong wrong", NOW)


def test_deactivated_account_cannot_sign_in(people) -> None:
    sam = people.db.call(auth.find_user_id, "sam@clinic.example")
    people.db.call(staff.deactivate_staff, people.owner, sam)
    with pytest.raises(AuthenticationFailed, match="turned off"):
        people.db.call(auth.login, "sam@clinic.example", "sam's long password", NOW)


def test_hostile_and_oversize_input_is_refused_plainly(people) -> None:
    for email, password in [
        ("' OR 1=1 --", "x' OR '1'='1"),
        ("", ""),
        (OWNER_EMAIL, "x" * 100_000),
        ("\x00owner@clinic.example", OWNER_PASSWORD),
    ]:
        with pytest.raises(AuthenticationFailed):
            people.db.call(auth.login, email, password, NOW)


def test_rehash_when_parameters_change(people, monkeypatch) -> None:
    db = people.db
    old_hash = _user(db, OWNER_EMAIL).password_hash
    stronger = PasswordHasher(time_cost=2, memory_cost=2048, parallelism=1)
    monkeypatch.setattr(auth, "hasher", stronger)
    db.call(auth.login, OWNER_EMAIL, OWNER_PASSWORD, NOW)
    new_hash = _user(db, OWNER_EMAIL).password_hash
    assert new_hash != old_hash
    assert "m=2048,t=2,p=1" in new_hash
    assert not stronger.check_needs_rehash(new_hash)
    # a second login keeps the (now current) hash
    db.call(auth.login, OWNER_EMAIL, OWNER_PASSWORD, NOW)
    assert _user(db, OWNER_EMAIL).password_hash == new_hash


def test_default_parameters_hash_and_verify(db, monkeypatch) -> None:
    monkeypatch.setattr(auth, "hasher", PasswordHasher())
    db.call(auth.create_first_owner, email=OWNER_EMAIL, password=OWNER_PASSWORD, full_name="O")
    assert db.call(auth.login, OWNER_EMAIL, OWNER_PASSWORD, NOW).is_owner
    assert not PasswordHasher().check_needs_rehash(_user(db, OWNER_EMAIL).password_hash)


def test_change_password(people) -> None:
    db = people.db
    db.call(auth.change_password, people.owner, OWNER_PASSWORD, "a brand new passphrase")
    with pytest.raises(AuthenticationFailed):
        db.call(auth.login, OWNER_EMAIL, OWNER_PASSWORD, NOW)
    assert db.call(auth.login, OWNER_EMAIL, "a brand new passphrase", NOW).is_owner


def test_change_password_refusals(people) -> None:
    db = people.db
    with pytest.raises(ValidationError) as wrong_old:
        db.call(auth.change_password, people.owner, "not it at all", "a brand new passphrase")
    assert "old_password" in wrong_old.value.fields
    with pytest.raises(ValidationError) as short:
        db.call(auth.change_password, people.owner, OWNER_PASSWORD, "short")
    assert "new_password" in short.value.fields
    with pytest.raises(ValidationError) as same_as_email:
        db.call(auth.change_password, people.owner, OWNER_PASSWORD, OWNER_EMAIL.upper())
    assert "new_password" in same_as_email.value.fields
    with pytest.raises(ValidationError) as unchanged:
        db.call(auth.change_password, people.owner, OWNER_PASSWORD, OWNER_PASSWORD)
    assert "new_password" in unchanged.value.fields
    with pytest.raises(PermissionDenied):
        db.call(auth.change_password, people.system, "anything", "a brand new passphrase")


def test_owner_resets_another_password_and_lifts_the_lock(people) -> None:
    db = people.db
    sam = db.call(auth.find_user_id, "SAM@clinic.example")
    for _ in range(5):
        with pytest.raises((AuthenticationFailed, AccountLocked)):
            db.call(auth.login, "sam@clinic.example", "wrong wrong", NOW)
    db.call(auth.reset_password, people.owner, sam, "reset by the owner")
    actor = db.call(auth.login, "sam@clinic.example", "reset by the owner", NOW)
    assert actor.user_id == sam


def test_only_an_owner_resets_passwords(people) -> None:
    db = people.db
    manager = db.call(
        staff.add_staff,
        people.owner,
        email="mia@clinic.example",
        full_name="Mia Manager",
        password="manager password",
        role="manager",
    )
    as_manager = db.call(auth.actor_for_user, manager.user_id)
    with pytest.raises(PermissionDenied):
        db.call(auth.reset_password, as_manager, people.owner.user_id, "taking over the owner")
    with pytest.raises(PermissionDenied):
        db.call(auth.reset_password, people.nobody, people.owner.user_id, "taking over the owner")
    with pytest.raises(ValidationError):
        db.call(auth.reset_password, people.owner, manager.user_id, "short")
