"""How the booking page is published: its public address and the proxies trusted in front of it.

The public address is the business profile's ``public_url`` (see
:mod:`careops_desktop.core.page_address` for what a blank one means). The trusted
proxies (IP addresses or networks of a reverse proxy such as Caddy that terminates
HTTPS) live in the business's settings document (``business.automations["page"]``);
only a request that arrives from one of them may say, in ``X-Forwarded-For`` /
``-Proto`` / ``-Host``, who the real client is and how it addressed the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from careops_desktop.core import events, page_address
from careops_desktop.core.db import read_only
from careops_desktop.core.errors import ValidationError
from careops_desktop.core.permissions import Actor, Permission, require
from careops_desktop.core.services import audit
from careops_desktop.core.services.business import (
    BusinessProfile,
    find_business_settings,
    get_business,
    update_profile,
)

SETTINGS_KEY = "page"


@dataclass(frozen=True, slots=True)
class PagePublishing:
    """What the listener needs to know about its public face (one read, cached by the page)."""

    public_url: str  # as set; "" means the listener's own address
    base_url: str  # the address every link uses (page_address.base_url)
    trusted_proxies: tuple[str, ...]

    @property
    def public_https(self) -> bool:
        """True when customers reach the page over HTTPS (cookies Secure, HSTS sent)."""
        return self.base_url.lower().startswith("https://")


def _stored_proxies(automations: object) -> tuple[str, ...]:
    page = automations.get(SETTINGS_KEY) if isinstance(automations, dict) else None
    found = page.get("trusted_proxies") if isinstance(page, dict) else None
    if not isinstance(found, list):
        return ()
    entries, problem = page_address.parse_trusted_proxies(
        " ".join(x for x in found if isinstance(x, str))
    )
    return () if problem else entries


@read_only
def get_page_publishing(session: Session) -> PagePublishing | None:
    """The page's public address and trusted proxies; None before setup."""
    settings = find_business_settings(session)
    if settings is None:
        return None
    return PagePublishing(
        public_url=settings.public_url,
        base_url=page_address.base_url(settings.public_url, settings.page_port),
        trusted_proxies=_stored_proxies(settings.automations),
    )


@read_only
def trusted_proxies(session: Session) -> tuple[str, ...]:
    """The proxy addresses and networks trusted with X-Forwarded-* headers (maybe none)."""
    settings = find_business_settings(session)
    return _stored_proxies(settings.automations) if settings is not None else ()


def set_trusted_proxies(session: Session, actor: Actor, text: str) -> tuple[str, ...]:
    """Replace the trusted proxies with those in ``text`` (blank: trust none); returns them.

    :class:`ValidationError` on ``trusted_proxies`` names the first entry that is not an
    IP address or network; nothing changes then.
    """
    require(actor, Permission.MANAGE_SETTINGS)
    entries, problem = page_address.parse_trusted_proxies(text or "")
    if problem is not None:
        raise ValidationError({"trusted_proxies": problem})
    business = get_business(session)
    automations = dict(business.automations or {})
    page = dict(automations.get(SETTINGS_KEY) or {})
    if tuple(page.get("trusted_proxies") or ()) == entries:
        return entries
    page["trusted_proxies"] = list(entries)
    automations[SETTINGS_KEY] = page
    business.automations = automations
    audit.record(session, actor, "update", "business", business.id, {"fields": ["trusted_proxies"]})
    events.record(session, events.SettingsChanged("business"))
    session.flush()
    return entries


def update_profile_and_proxies(
    session: Session, actor: Actor, *, trusted_proxies: str, **changes: Any
) -> BusinessProfile:
    """Settings → Business in one transaction: profile fields and the trusted proxies.

    Every field is checked first; a :class:`ValidationError` names all wrong ones (the
    caller's transaction is rolled back, so nothing changes).
    """
    _entries, problem = page_address.parse_trusted_proxies(trusted_proxies or "")
    errors = {"trusted_proxies": problem} if problem else {}
    try:
        profile = update_profile(session, actor, **changes)
    except ValidationError as exc:
        raise ValidationError({**exc.fields, **errors}) from None
    if errors:
        raise ValidationError(errors)
    set_trusted_proxies(session, actor, trusted_proxies)
    return profile
