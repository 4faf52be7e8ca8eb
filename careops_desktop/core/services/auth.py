"""Signing in: the first owner, passwords (argon2id), lockout, password changes.

Passwords are hashed with argon2id (``argon2-cffi``); a stored hash made with
older parameters is replaced on the next successful sign-in. Five wrong
passwords in a row lock the account for 15 minutes.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from careops_desktop.core.errors import (
    AccountLocked,
    AuthenticationFailed,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from careops_desktop.core.i18n import _
from careops_desktop.core.models import Staff, User, utcnow
from careops_desktop.core.permissions import Actor, Role, permissions_for
from careops_desktop.core.services import audit
from careops_desktop.core.services.contacts.fields import normalize_email

MAX_FAILED_ATTEMPTS = 5
LOCKOUT = timedelta(minutes=15)
PASSWORD_MIN = 10
PASSWORD_MAX = 1024  # argon2 hashes anything, but a megabyte "password" is an attack
NAME_MAX = 200

# argon2id with the library's current recommended parameters; tests may swap in a
# cheaper hasher (still argon2id) through this module attribute.
hasher = PasswordHasher()
_dummy_hash: dict[str, str] = {}


def hash_password(password: str) -> str:
    """An argon2id hash of ``password`` with the current parameters."""
    return hasher.hash(password)


def _verify(stored_hash: str, password: str) -> bool:
    try:
        return hasher.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _burn_time(password: str) -> None:
    """Verify against a dummy hash so an unknown email costs as long as a known one."""
    params = hasher.time_cost, hasher.memory_cost, hasher.parallelism
    key = repr(params)
    if key not in _dummy_hash:
        _dummy_hash.clear()
        _dummy_hash[key] = hasher.hash("careops-dummy-password")
    _verify(_dummy_hash[key], password)


def check_password_rules(password: str, email: str, field: str = "password") -> None:
    """Refuse (on ``field``) a password that is too short, too long, or the email."""
    if len(password) < PASSWORD_MIN:
        raise ValidationError(
            {field: _("Use at least {limit} characters.").format(limit=PASSWORD_MIN)}
        )
    if len(password) > PASSWORD_MAX:
        raise ValidationError(
            {field: _("Use at most {limit} characters.").format(limit=PASSWORD_MAX)}
        )
    if password.strip().lower() == email.strip().lower():
        raise ValidationError({field: _("The password must not be your email address.")})


def actor_for_user(session: Session, user_id: int) -> Actor:
    """The :class:`Actor` for a user, with the permissions of their staff row."""
    user = session.get(User, user_id)
    if user is None:
        raise NotFound("user", user_id)
    staff = session.scalar(select(Staff).where(Staff.user_id == user_id))
    if staff is None:
        return Actor(user_id=user.id, name=user.full_name, role=None)
    return Actor(
        user_id=user.id,
        name=user.full_name,
        role=Role(staff.role),
        permissions=permissions_for(
            staff.role,
            can_manage_inbox=staff.can_manage_inbox,
            can_manage_bookings=staff.can_manage_bookings,
            can_view_inventory=staff.can_view_inventory,
            can_manage_settings=staff.can_manage_settings,
        ),
    )


def user_count(session: Session) -> int:
    """How many accounts exist (0 means the first-run setup must make an owner)."""
    return int(session.scalar(select(func.count(User.id))) or 0)


def find_user_id(session: Session, email: str) -> int | None:
    """The id of the account with this email (any case), or ``None``."""
    key = (email or "").strip().lower()
    return session.scalar(select(User.id).where(User.email == key))


def insert_user(
    session: Session,
    errors: dict[str, str],
    *,
    email: str,
    clean_email: str,
    password: str,
    name: str,
) -> User:
    """The last step of making an account, once the name and email are checked into ``errors``.

    Checks ``password`` against the rules (it must not repeat ``clean_email``, or
    the ``email`` typed when that was refused) into ``errors`` too; raises one
    :class:`ValidationError` naming every bad field if there is any; otherwise
    adds the account (password hashed) and flushes it, so it has its id.
    """
    try:
        check_password_rules(password, clean_email or email)
    except ValidationError as exc:
        errors.update(exc.fields)
    if errors:
        raise ValidationError(errors)
    user = User(email=clean_email, password_hash=hash_password(password), full_name=name)
    session.add(user)
    session.flush()
    return user


def create_first_owner(session: Session, *, email: str, password: str, full_name: str) -> Actor:
    """Make the first account, an owner; refused once any account exists."""
    if user_count(session) > 0:
        raise PermissionDenied(
            "create the first owner",
            _("There is already an account. An owner adds new people under Settings → Staff."),
        )
    errors: dict[str, str] = {}
    name = " ".join((full_name or "").split())
    if not name:
        errors["full_name"] = _("Enter your name.")
    elif len(name) > NAME_MAX:
        errors["full_name"] = _("The name is longer than {limit} characters.").format(
            limit=NAME_MAX
        )
    clean_email = ""
    try:
        clean_email = normalize_email(email)
    except ValidationError as exc:
        errors.update(exc.fields)
    user = insert_user(
        session, errors, email=email, clean_email=clean_email, password=password, name=name
    )
    session.add(Staff(user_id=user.id, role=Role.OWNER.value))
    session.flush()
    actor = actor_for_user(session, user.id)
    audit.record(session, actor, "create_first_owner", "user", user.id)
    return actor


def login(session: Session, email: str, password: str, now: datetime | None = None) -> Actor:
    """Check email and password; returns the signed-in :class:`Actor`.

    Raises :class:`AuthenticationFailed` (one message for a wrong email or
    password) or :class:`AccountLocked`. A refused sign-in *commits* the
    failed-attempt count before raising, so the refusal is remembered: run it
    in its own transaction (``Database.call``/``run``).
    """
    when = now or utcnow()
    key = (email or "").strip().lower()
    if len(password) > PASSWORD_MAX:
        raise AuthenticationFailed()
    user = session.scalar(select(User).where(User.email == key)) if key else None
    if user is None:
        _burn_time(password)
        raise AuthenticationFailed()
    if user.locked_until is not None and user.locked_until > when:
        raise AccountLocked(user.locked_until)
    if not _verify(user.password_hash, password):
        user.failed_attempts += 1
        locked = user.failed_attempts >= MAX_FAILED_ATTEMPTS
        if locked:
            user.locked_until = when + LOCKOUT
            user.failed_attempts = 0
            audit.record(session, Actor.system("Sign-in"), "lock", "user", user.id)
        until = user.locked_until
        session.commit()
        if locked and until is not None:
            raise AccountLocked(until)
        raise AuthenticationFailed()
    if not user.is_active:
        raise AuthenticationFailed(_("This account has been turned off. Ask an owner."))
    if hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.failed_attempts = 0
    user.locked_until = None
    user.last_login_at = when
    session.flush()
    return actor_for_user(session, user.id)


def change_password(session: Session, actor: Actor, old_password: str, new_password: str) -> None:
    """Change the acting person's own password (the old one must be right)."""
    if actor.user_id is None:
        raise PermissionDenied("change a password", _("Only a signed-in person has a password."))
    user = session.get(User, actor.user_id)
    if user is None:
        raise NotFound("user", actor.user_id)
    if len(old_password) > PASSWORD_MAX or not _verify(user.password_hash, old_password):
        raise ValidationError({"old_password": _("The current password is not right.")})
    check_password_rules(new_password, user.email, "new_password")
    if new_password == old_password:
        raise ValidationError({"new_password": _("Choose a password different from the old one.")})
    user.password_hash = hash_password(new_password)
    audit.record(session, actor, "change_password", "user", user.id)


def reset_password(session: Session, actor: Actor, user_id: int, new_password: str) -> None:
    """An owner sets another person's password (and lifts a lockout)."""
    if not actor.is_owner and actor.user_id is not None:
        raise PermissionDenied("reset passwords", _("Only an owner can reset another's password."))
    user = session.get(User, user_id)
    if user is None:
        raise NotFound("user", user_id)
    check_password_rules(new_password, user.email)
    user.password_hash = hash_password(new_password)
    user.failed_attempts = 0
    user.locked_until = None
    audit.record(session, actor, "reset_password", "user", user.id)


def reset_password_by_email(session: Session, actor: Actor, email: str, new_password: str) -> None:
    """:func:`reset_password` for the account with ``email`` (the command line's way in)."""
    user_id = find_user_id(session, email)
    if user_id is None:
        raise NotFound("account", (email or "").strip().lower())
    reset_password(session, actor, user_id, new_password)
