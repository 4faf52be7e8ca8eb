"""The details form and the booking itself: ``/book/<slug>/details`` and ``POST /book/<slug>``.

The POST is one call of ``bookings.book_public`` on the database worker (one
transaction). What the customer typed is never lost: a refusal shows the form
again with every value kept, the problem at its field, and — when the time
was taken meanwhile — a 409 page with the nearest free times to choose from.

A form whose hidden honeypot is filled, or that comes back faster than a
person can type (``WebSettings.min_fill_seconds``), gets a normal-looking
"request received" page and makes no booking.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from aiohttp import web

from careops_desktop.core.errors import (
    NotActive,
    NotFound,
    PolicyRefused,
    SessionFull,
    SlotTaken,
    ValidationError,
)
from careops_desktop.core.i18n import N_, _, formats
from careops_desktop.core.services import bookings
from careops_desktop.core.services.contacts import NAME_MAX, check_person_name
from careops_desktop.web.language import contact_language
from careops_desktop.web.pages_catalog import type_or_404
from careops_desktop.web.params import (
    ANY_PROVIDER,
    format_start,
    not_found,
    parse_provider,
    parse_start,
    see_other,
)
from careops_desktop.web.queries import PublicType
from careops_desktop.web.site import SITE, Site, business_of

log = logging.getLogger(__name__)

FIELDS = ("name", "email", "phone", "notes")
LABELS = {
    "name": N_("Your name"),
    "email": N_("Email"),
    "phone": N_("Mobile phone"),
    "notes": N_("Notes"),
}
LIMITS = {"name": NAME_MAX, "email": 320, "phone": 40, "notes": 2000}
HONEYPOT = "website"


def check_details(values: Mapping[str, str]) -> dict[str, str]:
    """The problems the page can see before asking the core (which checks again)."""
    errors: dict[str, str] = {}
    try:
        check_person_name(values["name"], empty=_("Please tell us your name."))
    except ValidationError as exc:
        errors.update(exc.fields)
    if not values["email"].strip() and not values["phone"].strip():
        errors["email"] = _("Please give an email address or a phone number (or both).")
    for key, limit in LIMITS.items():
        if len(values[key]) > limit and key not in errors:
            errors[key] = _("Please keep this under {limit} characters.").format(
                limit=formats.number_text(limit)
            )
    return errors


def labels() -> dict[str, str]:
    """The fields' names in the visitor's language."""
    return {key: _(label) for key, label in LABELS.items()}


@dataclass(frozen=True)
class Chosen:
    """The time picked, the provider shown with it, and the provider choice ("any" is None)."""

    start: datetime
    provider_id: int | None
    choice: int | None


def _details_page(
    request: web.Request,
    booking_type: PublicType,
    chosen: Chosen,
    values: Mapping[str, str],
    *,
    errors: Mapping[str, str] | None = None,
    status: int = 200,
    alternatives: tuple[datetime, ...] | None = None,
    full: bool = False,
) -> web.Response:
    start, provider_id, choice = chosen.start, chosen.provider_id, chosen.choice
    site: Site = request.app[SITE]
    profile = business_of(request)
    zone = site.zone(profile)
    provider = booking_type.provider(provider_id) if provider_id is not None else None
    return site.page(
        request,
        "details.html",
        status=status,
        booking_type=booking_type,
        start=start,
        day=start.astimezone(zone).date(),
        provider_name=provider.name if provider else "",
        provider_value=str(provider_id) if provider_id is not None else ANY_PROVIDER,
        choice_value=str(choice) if choice is not None else ANY_PROVIDER,
        values=values,
        errors=dict(errors or {}),
        labels=labels(),
        shown=site.signer.fill_stamp(),
        taken=alternatives is not None,
        full=full,
        alternatives=alternatives or (),
        format_start=format_start,
    )


def _provider_of(booking_type: PublicType, value: str | None) -> int | None:
    provider_id = parse_provider(value)
    if provider_id is not None and booking_type.provider(provider_id) is None:
        raise not_found(_("That person or room does not offer this booking. Please choose again."))
    return provider_id


async def details(request: web.Request) -> web.Response:
    """The details form for the chosen time."""
    site = request.app[SITE]
    booking_type = await type_or_404(site, request.match_info["slug"])
    start = parse_start(request.query.get("start"))
    provider_id = _provider_of(booking_type, request.query.get("provider"))
    choice = _provider_of(booking_type, request.query.get("choice"))
    empty = dict.fromkeys(FIELDS, "")
    return _details_page(request, booking_type, Chosen(start, provider_id, choice), empty)


def _text(form: Mapping[str, Any], key: str) -> str | None:
    value = form.get(key)
    return value if isinstance(value, str) else None


def _looks_like_a_bot(site: Site, form: Mapping[str, Any]) -> str | None:
    """Why this form looks sent by a bot, or None for a person."""
    if form.get(HONEYPOT):
        return "honeypot filled"
    stamp = form.get("shown")
    elapsed = site.signer.seconds_since_stamp(stamp) if isinstance(stamp, str) else None
    if elapsed is None:
        return "no valid fill stamp"
    if elapsed < site.settings.min_fill_seconds:
        return f"sent after {elapsed:.1f} s"
    return None


async def submit(request: web.Request) -> web.Response:
    """Book the chosen time, then 303 to the confirmation (the manage page)."""
    site = request.app[SITE]
    booking_type = await type_or_404(site, request.match_info["slug"])
    form = await request.post()
    values: dict[str, str] = {}
    for key in FIELDS:
        value = form.get(key, "")
        values[key] = value if isinstance(value, str) else ""
    bot = _looks_like_a_bot(site, form)
    if bot is not None:
        log.info("booking form from %s treated as a bot (%s); nothing booked", request.remote, bot)
        return site.page(request, "received.html")
    chosen = Chosen(
        parse_start(_text(form, "start")),
        _provider_of(booking_type, _text(form, "provider")),
        _provider_of(booking_type, _text(form, "choice")),
    )
    errors = check_details(values)
    if errors:
        return _details_page(request, booking_type, chosen, values, errors=errors, status=400)
    try:
        booked = await site.database.run(
            bookings.book_public,
            booking_type_id=booking_type.id,
            provider_id=chosen.choice,
            start_utc=chosen.start,
            name=values["name"],
            email=values["email"],
            phone=values["phone"],
            notes=values["notes"],
            language=contact_language(request),
        )
    except SlotTaken as exc:
        return _details_page(
            request,
            booking_type,
            chosen,
            values,
            status=409,
            alternatives=exc.alternatives,
            full=isinstance(exc, SessionFull),
        )
    except ValidationError as exc:
        return _details_page(request, booking_type, chosen, values, errors=exc.fields, status=400)
    except PolicyRefused as exc:
        errors = {"start": str(exc)}
        return _details_page(request, booking_type, chosen, values, errors=errors, status=400)
    except NotActive:
        return site.page(request, "closed.html", status=503, headers={"Retry-After": "3600"})
    except NotFound:
        raise not_found(_("That booking type or provider is not available any more.")) from None
    return see_other(f"/manage/{booked.manage_token}?booked=1")
