"""The waitlist on the booking page: "Tell me if a time frees up", and claiming an offer.

``/book/<slug>/waitlist``: the join form (a day with no free time links to it). What the
visitor typed is never lost: a refusal shows the form again with every value kept and
the problem at its field. The page never says whether the email or phone is known.

``/waitlist/claim/<token>``: the offer, with a "Book this time" button. A GET never
books (mail scanners open links); the POST (CSRF-checked) claims it through the core,
which books through the booking page's own flow. Taken, expired, used or unknown links
get a page that says so in words, with other times where there are some.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import date, datetime, timedelta

from aiohttp import web

from careops_desktop.core.errors import NotActive, NotFound, ValidationError
from careops_desktop.core.i18n import N_, _, formats
from careops_desktop.core.services import waitlist
from careops_desktop.core.services.contacts import NAME_MAX, check_person_name
from careops_desktop.web.language import contact_language
from careops_desktop.web.pages_booking import HONEYPOT
from careops_desktop.web.pages_catalog import type_or_404
from careops_desktop.web.params import (
    ANY_PROVIDER,
    PageError,
    format_start,
    not_found,
    parse_day,
    parse_provider,
    see_other,
)
from careops_desktop.web.queries import PublicType
from careops_desktop.web.site import SITE, Site, business_of

log = logging.getLogger(__name__)

FIELDS = ("name", "email", "phone", "first_day", "last_day")
LABELS = {
    "name": N_("Your name"),
    "email": N_("Email"),
    "phone": N_("Mobile phone"),
    "first_day": N_("From"),
    "last_day": N_("Until"),
    "provider": N_("With"),
}
LIMITS = {"name": NAME_MAX, "email": 320, "phone": 40, "first_day": 10, "last_day": 10}
TOKEN_MAX = 100
DEFAULT_SPAN_DAYS = 6  # the form suggests a week from the day that was full


def check_form(values: Mapping[str, str]) -> dict[str, str]:
    """The problems the page can see before asking the core (which checks again)."""
    errors: dict[str, str] = {}
    for key, limit in LIMITS.items():
        if len(values[key]) > limit:
            errors[key] = _("Please keep this under {limit} characters.").format(
                limit=formats.number_text(limit)
            )
    if "name" not in errors:
        try:
            check_person_name(values["name"], empty=_("Please tell us your name."))
        except ValidationError as exc:
            errors.update(exc.fields)
    if not values["email"].strip() and not values["phone"].strip():
        errors.setdefault("email", _("Please give an email address or a mobile number (or both)."))
    for key in ("first_day", "last_day"):
        if key not in errors and _day(values[key]) is None:
            errors[key] = _("Please give a date like 2026-03-04.")
    return errors


def _day(text: str) -> date | None:
    """A typed ``YYYY-MM-DD`` day, or None when it is missing or not a real day."""
    if not text:
        return None
    try:
        return parse_day(text, date.min)
    except PageError:
        return None


def _provider_of(booking_type: PublicType, value: str | None) -> int | None:
    provider_id = parse_provider(value)
    if provider_id is not None and booking_type.provider(provider_id) is None:
        raise not_found(_("That person or room does not offer this booking. Please choose again."))
    return provider_id


def _form_page(
    request: web.Request,
    booking_type: PublicType,
    provider_id: int | None,
    values: Mapping[str, str],
    *,
    errors: Mapping[str, str] | None = None,
    status: int = 200,
) -> web.Response:
    site: Site = request.app[SITE]
    return site.page(
        request,
        "waitlist.html",
        status=status,
        booking_type=booking_type,
        provider_id=provider_id,
        provider_value=str(provider_id) if provider_id is not None else ANY_PROVIDER,
        values=values,
        errors=dict(errors or {}),
        labels={key: _(label) for key, label in LABELS.items()},
    )


async def join_form(request: web.Request) -> web.Response:
    """The join form, the dates suggested from the day that was full."""
    site = request.app[SITE]
    booking_type = await type_or_404(site, request.match_info["slug"])
    provider_id = _provider_of(booking_type, request.query.get("provider"))
    today = datetime.now(site.zone(business_of(request))).date()
    day = max(parse_day(request.query.get("date"), today), today)
    values = dict.fromkeys(FIELDS, "")
    values["first_day"] = day.isoformat()
    values["last_day"] = (day + timedelta(days=DEFAULT_SPAN_DAYS)).isoformat()
    return _form_page(request, booking_type, provider_id, values)


async def join(request: web.Request) -> web.Response:
    """Put the visitor on the list, or show the form again with what is wrong."""
    site = request.app[SITE]
    booking_type = await type_or_404(site, request.match_info["slug"])
    form = await request.post()
    values: dict[str, str] = {}
    for key in FIELDS:
        value = form.get(key, "")
        values[key] = value if isinstance(value, str) else ""
    raw_provider = form.get("provider")
    provider_id = _provider_of(
        booking_type, raw_provider if isinstance(raw_provider, str) else None
    )
    if form.get(HONEYPOT):
        log.info("waitlist form from %s treated as a bot; nobody added", request.remote)
        return site.page(request, "received.html")
    errors = check_form(values)
    if errors:
        return _form_page(request, booking_type, provider_id, values, errors=errors, status=400)
    try:
        joined = await site.database.run(
            waitlist.join_waitlist,
            booking_type_id=booking_type.id,
            provider_id=provider_id,
            name=values["name"],
            email=values["email"],
            phone=values["phone"],
            first_day=_day(values["first_day"]),
            last_day=_day(values["last_day"]),
            language=contact_language(request),
        )
    except ValidationError as exc:
        fields = {k if k in LABELS else "first_day": v for k, v in exc.fields.items()}
        return _form_page(request, booking_type, provider_id, values, errors=fields, status=400)
    except NotActive:
        return site.page(request, "closed.html", status=503, headers={"Retry-After": "3600"})
    except NotFound:
        raise not_found(_("That booking type or provider is not available any more.")) from None
    provider = booking_type.provider(provider_id) if provider_id is not None else None
    return site.page(
        request,
        "waitlist_joined.html",
        booking_type=booking_type,
        joined=joined,
        provider_name=provider.name if provider else "",
        by_email=bool(values["email"].strip()),
    )


def _token(request: web.Request) -> str:
    token = request.match_info["token"]
    if not token or len(token) > TOKEN_MAX:
        raise _unknown_offer()
    return token


def _unknown_offer() -> Exception:
    return PageError(
        404,
        _(
            "This link is not valid. Please use the link from your message exactly as it came, "
            "or contact us."
        ),
        title=_("This link is not valid"),
    )


def _claim_page(
    request: web.Request,
    token: str,
    offer: waitlist.OfferView,
    *,
    outcome: str = "",
    alternatives: tuple[datetime, ...] = (),
    message: str = "",
    status: int = 200,
) -> web.Response:
    site: Site = request.app[SITE]
    return site.page(
        request,
        "claim.html",
        status=status,
        token=token,
        offer=offer,
        outcome=outcome,
        alternatives=alternatives,
        message=message,
        format_start=format_start,
    )


async def show_offer(request: web.Request) -> web.Response:
    """The offered time with its "Book this time" button (or why it cannot be claimed)."""
    site = request.app[SITE]
    token = _token(request)
    try:
        offer = await site.database.run(waitlist.view_offer, token)
    except NotFound:
        raise _unknown_offer() from None
    outcome = "" if offer.open else _closed_outcome(offer)
    return _claim_page(request, token, offer, outcome=outcome, status=200 if offer.open else 410)


def _closed_outcome(offer: waitlist.OfferView) -> str:
    if offer.status == "offered":
        return "expired"
    return {"claimed": "claimed", "expired": "expired"}.get(offer.status, "closed")


async def claim(request: web.Request) -> web.Response:
    """Claim the offer: the booking's manage page when booked, else a page that says why."""
    site = request.app[SITE]
    token = _token(request)
    await request.post()  # the CSRF middleware has checked it; nothing else is read
    try:
        result = await site.database.run(
            waitlist.claim_offer, token, language=contact_language(request)
        )
    except NotFound:
        raise _unknown_offer() from None
    except NotActive:
        return site.page(request, "closed.html", status=503, headers={"Retry-After": "3600"})
    if result.outcome == "booked":
        return see_other(f"/manage/{result.manage_token}?booked=1")
    outcome: str = result.outcome
    if outcome == "closed":
        outcome = _closed_outcome(result.offer)
    status = 409 if outcome in ("taken", "too_late") else 410
    return _claim_page(
        request,
        token,
        result.offer,
        outcome=outcome,
        alternatives=result.alternatives,
        message=result.message,
        status=status,
    )
