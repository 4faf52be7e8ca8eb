"""The business: its one row, profile, setup checklist and activation.

``get_business``, ``business_zone`` and ``public_base_url`` are the seams other
services use; the profile functions and the checklist serve the Settings tab
and the first-run setup.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from careops_desktop.core import events, page_address
from careops_desktop.core.db import read_only, statements
from careops_desktop.core.errors import NotActive, NotFound, ValidationError
from careops_desktop.core.i18n import _
from careops_desktop.core.i18n.formats import FALLBACK_LOCALE, locale_for_zone, valid_locale
from careops_desktop.core.models import (
    Availability,
    BookingType,
    Business,
    Form,
    Provider,
    booking_type_forms,
    booking_type_providers,
    utcnow,
)
from careops_desktop.core.permissions import Actor, Permission, require
from careops_desktop.core.services import audit
from careops_desktop.core.statement_runner import prebuilt
from careops_desktop.core.tokens import new_token

NAME_MAX = 200
ADDRESS_MAX = 2000

# policy fields: (minimum, maximum, words for the error)
POLICY_RANGES: dict[str, tuple[int, int]] = {
    "min_notice_minutes": (0, 60 * 24 * 30),
    "booking_horizon_days": (1, 730),
    "cancellation_cutoff_hours": (0, 24 * 30),
    "slot_step_minutes": (5, 240),
    "form_due_hours_before": (0, 24 * 30),
    "page_port": (1024, 65535),
}


_CACHE_KEY = "careops_business_row"
_SETTINGS_KEY = "careops_business_settings"
_FIRST_BUSINESS = select(Business).order_by(Business.id).limit(1)
_FIRST_SETTINGS = prebuilt(select(*Business.__table__.c).order_by(Business.id).limit(1))


@dataclass(frozen=True, slots=True)
class BusinessSettings:
    """A read-only copy of the business row, for services that only read it.

    Its fields are the row's columns (a test keeps them in step).
    """

    id: int
    name: str
    address: str
    timezone: str
    contact_email: str
    phone: str
    currency: str
    is_active: bool
    activated_at: datetime | None
    min_notice_minutes: int
    booking_horizon_days: int
    cancellation_cutoff_hours: int
    slot_step_minutes: int
    form_due_hours_before: int
    page_enabled: bool
    page_bind_address: str
    page_port: int
    public_url: str
    calendar_feed_secret: str
    automations: dict[str, Any]
    locale: str | None
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, row: Any) -> BusinessSettings:
        """The settings of a business row (ORM object or Core row)."""
        return cls(**{name: getattr(row, name) for name in cls.__slots__})


def _held(session: Session, key: str) -> Any:
    """What ``session.info[key]`` holds for the current transaction, else None (and dropped)."""
    cached = session.info.get(key)
    if cached is None:
        return None
    if cached[0] is session.get_transaction() and (key != _CACHE_KEY or cached[1] in session):
        return cached[1]
    del session.info[key]  # held only while its transaction lasts
    return None


def find_business(session: Session) -> Business | None:
    """The one business row (ORM, for services that change it), or None before setup.

    Read once per transaction: the row is kept in ``session.info`` with the
    transaction it was read in, so the services one transaction calls share
    one SELECT. Writes go through this same ORM object (``update_profile``,
    ``activate`` …) or through ORM ``update(Business)`` statements, which
    synchronise it, so a write earlier in the transaction is always seen; a new
    transaction, a rollback that dropped the row, or a new session reads it again.
    """
    held: Business | None = _held(session, _CACHE_KEY)
    if held is not None:
        return held
    session.info.pop(_SETTINGS_KEY, None)  # the caller may change the row: settings follow it
    found = session.scalars(_FIRST_BUSINESS).first()
    if found is not None:
        session.info[_CACHE_KEY] = (session.get_transaction(), found)
    return found


def get_business(session: Session) -> Business:
    """The one business row (ORM, for services only); :class:`NotFound` before setup.

    Read once per transaction (see :func:`find_business`).
    """
    business = find_business(session)
    if business is None:
        raise NotFound("business", _("not set up yet"))
    return business


def find_business_settings(session: Session) -> BusinessSettings | None:
    """The business as it stands in this transaction, read-only; None before setup.

    Cheaper than :func:`find_business` (one Core row, kept for the
    transaction) for services that only read it, such as every step of a
    booking. Once the transaction holds the ORM row (somebody may change it),
    the settings are taken from that row on every call, so they always show
    its latest values.
    """
    business: Business | None = _held(session, _CACHE_KEY)
    if business is not None:
        return BusinessSettings.of(business)
    settings: BusinessSettings | None = _held(session, _SETTINGS_KEY)
    if settings is not None:
        return settings
    row = statements(session).execute(_FIRST_SETTINGS).first()
    if row is None:
        return None
    settings = BusinessSettings.of(row)
    session.info[_SETTINGS_KEY] = (session.get_transaction(), settings)
    return settings


def business_settings(session: Session) -> BusinessSettings:
    """:func:`find_business_settings`, or :class:`NotFound` before setup."""
    settings = find_business_settings(session)
    if settings is None:
        raise NotFound("business", _("not set up yet"))
    return settings


def validate_timezone(value: str) -> str:
    """``value`` as a real IANA zone name, or :class:`ValidationError` on ``timezone``."""
    name = (value or "").strip()
    if not name or len(name) > 64 or name.startswith(("/", ".")) or ".." in name:
        raise ValidationError({"timezone": _("Choose a time zone such as Europe/London.")})
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ValidationError(
            {
                "timezone": _(
                    "“{name}” is not a known time zone (for example Europe/London)."
                ).format(name=name)
            }
        ) from None
    return name


def ensure_business(session: Session, name: str, timezone: str) -> int:
    """Create the business row if there is none (first-run setup); returns its id.

    An existing business is left as it is.
    """
    existing = find_business(session)
    if existing is not None:
        return existing.id
    errors: dict[str, str] = {}
    clean_name = (name or "").strip()
    if not clean_name:
        errors["name"] = _("Give the business a name.")
    elif len(clean_name) > NAME_MAX:
        errors["name"] = _("The name is longer than {limit} characters.").format(limit=NAME_MAX)
    try:
        zone = validate_timezone(timezone)
    except ValidationError as exc:
        errors.update(exc.fields)
    if errors:
        raise ValidationError(errors)
    business = Business(
        name=clean_name, timezone=zone, calendar_feed_secret=new_token(), automations={}
    )
    session.add(business)
    session.flush()
    events.record(session, events.SettingsChanged("business"))
    return business.id


def business_zone(session: Session) -> ZoneInfo:
    """The business's time zone (UTC before setup or if the stored name is unknown)."""
    business = find_business(session)
    name = business.timezone if business is not None else None
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return ZoneInfo("UTC")


class HasLocale(Protocol):
    """What :func:`locale_of` reads: :class:`BusinessSettings` or :class:`BusinessProfile`."""

    @property
    def locale(self) -> str | None: ...

    @property
    def timezone(self) -> str: ...


def locale_of(business: HasLocale) -> str:
    """The locale the business writes dates, times, numbers and money in (``de_DE``).

    Its own setting, else the main language of the country of its time zone.
    """
    return valid_locale(business.locale) or locale_for_zone(business.timezone)


@read_only
def business_locale(session: Session) -> str:
    """:func:`locale_of` the business; ``en_GB`` before setup."""
    settings = find_business_settings(session)
    return locale_of(settings) if settings is not None else FALLBACK_LOCALE


def public_base_url(session: Session) -> str:
    """The booking page's base URL without a trailing slash, for every link to the page.

    The address set in Settings, else the address this process's listener bound
    (see :mod:`careops_desktop.core.page_address`).
    """
    business = business_settings(session)
    return page_address.base_url(business.public_url, business.page_port)


# -- profile ------------------------------------------------------------------------------


@dataclass(frozen=True)
class BusinessProfile:
    """What the Settings tab shows and edits about the business."""

    name: str
    address: str
    timezone: str
    contact_email: str
    phone: str
    currency: str
    is_active: bool
    min_notice_minutes: int
    booking_horizon_days: int
    cancellation_cutoff_hours: int
    slot_step_minutes: int
    form_due_hours_before: int
    page_enabled: bool
    page_bind_address: str
    page_port: int
    public_url: str
    locale: str | None  # None: the main language of the time zone's country


PROFILE_FIELDS = tuple(BusinessProfile.__dataclass_fields__)
EDITABLE_FIELDS = frozenset(PROFILE_FIELDS) - {"is_active"}


def _profile(business: Business) -> BusinessProfile:
    return BusinessProfile(**{name: getattr(business, name) for name in PROFILE_FIELDS})


@read_only
def get_profile(session: Session) -> BusinessProfile:
    """The business profile; :class:`NotFound` before setup."""
    return _profile(get_business(session))


def _clean_profile_value(field: str, value: Any, errors: dict[str, str]) -> Any:
    """Validate one profile field; records a message in ``errors`` and returns the clean value."""
    if field in POLICY_RANGES:
        low, high = POLICY_RANGES[field]
        if isinstance(value, bool) or not isinstance(value, int):
            errors[field] = _("Enter a whole number.")
        elif not low <= value <= high:
            errors[field] = _("Enter a number from {low} to {high}.").format(low=low, high=high)
        return value
    if field == "page_enabled":
        if not isinstance(value, bool):
            errors[field] = _("Choose yes or no.")
        return value
    if not isinstance(value, str):
        errors[field] = _("Enter text.")
        return value
    text = value.strip()
    if field == "locale":
        if not text:
            return None  # follow the time zone
        known = valid_locale(text)
        if known is None:
            errors[field] = _(
                "“{locale}” is not a known locale (for example de_DE or es_ES)."
            ).format(locale=text[:40])
        return known
    if field == "name":
        if not text:
            errors[field] = _("Give the business a name.")
        elif len(text) > NAME_MAX:
            errors[field] = _("The name is longer than {limit} characters.").format(limit=NAME_MAX)
    elif field == "address":
        if len(text) > ADDRESS_MAX:
            errors[field] = _("The address is longer than {limit} characters.").format(
                limit=ADDRESS_MAX
            )
    elif field == "timezone":
        try:
            text = validate_timezone(text)
        except ValidationError as exc:
            errors.update(exc.fields)
    elif field == "contact_email":
        if text:
            from email_validator import EmailNotValidError, validate_email  # lazy: start-up

            try:
                text = validate_email(text, check_deliverability=False).normalized.lower()
            except EmailNotValidError as exc:
                errors[field] = _("This email address is not valid: {exc}").format(exc=exc)
    elif field == "phone":
        if len(text) > 32:
            errors[field] = _("The phone number is too long.")
    elif field == "currency":
        if len(text) != 3 or not text.isalpha():
            errors[field] = _("Enter a three-letter currency code such as GBP.")
        text = text.upper()
    elif field == "page_bind_address":
        if not text or len(text) > 64:
            errors[field] = _("Enter an address to listen on, such as 0.0.0.0.")
    elif field == "public_url":
        problem = page_address.check_public_url(text)
        if problem is not None:
            errors[field] = problem
        text = text.rstrip("/")
    return text


def update_profile(session: Session, actor: Actor, **changes: Any) -> BusinessProfile:
    """Change profile fields; all are checked first and nothing changes if one is wrong."""
    require(actor, Permission.MANAGE_SETTINGS)
    business = get_business(session)
    errors: dict[str, str] = {}
    clean: dict[str, Any] = {}
    for field, value in changes.items():
        if field not in EDITABLE_FIELDS:
            errors[field] = _("This setting cannot be changed here.")
            continue
        clean[field] = _clean_profile_value(field, value, errors)
    if errors:
        raise ValidationError(errors)
    changed = [f for f, v in clean.items() if getattr(business, f) != v]
    for field in changed:
        setattr(business, field, clean[field])
    if changed:
        business.updated_at = utcnow()
        audit.record(session, actor, "update", "business", business.id, {"fields": changed})
        events.record(session, events.SettingsChanged("business"))
    session.flush()
    return _profile(business)


# -- setup checklist and activation ----------------------------------------------------------


@dataclass(frozen=True)
class ChecklistItem:
    """One step of the setup; ``optional`` steps never block activation."""

    key: str
    label: str
    done: bool
    hint: str
    optional: bool = False


@read_only
def setup_checklist(session: Session) -> list[ChecklistItem]:
    """What the business still needs before it can take bookings, in setup order."""
    business = get_business(session)
    profile_done = bool(business.name.strip() and business.timezone and business.contact_email)
    provider_with_hours = (
        select(Provider.id)
        .where(Provider.is_active.is_(True))
        .where(exists().where(Availability.provider_id == Provider.id))
    )
    has_provider = session.scalar(select(func.count()).select_from(provider_with_hours.subquery()))
    offered = (
        select(BookingType.id)
        .join(booking_type_providers, booking_type_providers.c.booking_type_id == BookingType.id)
        .join(Provider, Provider.id == booking_type_providers.c.provider_id)
        .where(BookingType.is_active.is_(True), Provider.is_active.is_(True))
    )
    has_type = session.scalar(select(func.count()).select_from(offered.subquery()))
    with_form = (
        select(Form.id)
        .join(booking_type_forms, booking_type_forms.c.form_id == Form.id)
        .where(Form.is_active.is_(True))
    )
    has_form = session.scalar(select(func.count()).select_from(with_form.subquery()))
    return [
        ChecklistItem(
            "profile",
            _("Business profile with time zone and contact email"),
            profile_done,
            _("Settings → Business: fill in the name, time zone and contact email."),
        ),
        ChecklistItem(
            "provider",
            _("At least one active provider with weekly hours"),
            bool(has_provider),
            _("Settings → Providers: add a person or room and set their opening hours."),
        ),
        ChecklistItem(
            "booking_type",
            _("At least one active booking type offered by a provider"),
            bool(has_type),
            _("Settings → Booking types: add a service and choose who offers it."),
        ),
        ChecklistItem(
            "form",
            _("Intake form attached to a booking type (optional)"),
            bool(has_form),
            _("Forms: create a form and attach it to a booking type."),
            optional=True,
        ),
    ]


def activate(session: Session, actor: Actor, now: datetime | None = None) -> None:
    """Make the business take bookings; :class:`NotActive` lists every missing step."""
    require(actor, Permission.MANAGE_SETTINGS)
    missing = [
        item.label for item in setup_checklist(session) if not item.done and not item.optional
    ]
    if missing:
        raise NotActive(missing)
    business = get_business(session)
    if business.is_active:
        return
    business.is_active = True
    business.activated_at = now or utcnow()
    audit.record(session, actor, "activate", "business", business.id)
    events.record(session, events.SettingsChanged("business"))


def deactivate(session: Session, actor: Actor) -> None:
    """Stop taking online bookings (existing bookings stay)."""
    require(actor, Permission.MANAGE_SETTINGS)
    business = get_business(session)
    if not business.is_active:
        return
    business.is_active = False
    audit.record(session, actor, "deactivate", "business", business.id)
    events.record(session, events.SettingsChanged("business"))


def rotate_calendar_secret(session: Session, actor: Actor) -> str:
    """Replace the calendar feed secret (old feed links stop working); returns the new one."""
    require(actor, Permission.MANAGE_SETTINGS)
    business = get_business(session)
    business.calendar_feed_secret = new_token()
    audit.record(session, actor, "rotate_calendar_secret", "business", business.id)
    events.record(session, events.SettingsChanged("business"))
    return business.calendar_feed_secret
