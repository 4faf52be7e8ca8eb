"""``/manage/<token>``: the customer's own booking — see it, add it to a calendar, move, cancel.

The token (192 random bits) is the only key; the core looks it up and
compares it in constant time. Cancelling and moving obey the cancellation
policy in the core; a refusal is shown in words on the same page.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from aiohttp import web

from careops_desktop.core.errors import NotFound, PolicyRefused, SlotTaken, ValidationError
from careops_desktop.core.i18n import N_, _
from careops_desktop.core.services import bookings
from careops_desktop.core.services import slots as slot_service
from careops_desktop.core.services.bookings import BookingView
from careops_desktop.web.hosts import public_base
from careops_desktop.web.pages_catalog import week_of
from careops_desktop.web.params import format_start, not_found, parse_day, parse_start, see_other
from careops_desktop.web.queries import booking_ics_for_token
from careops_desktop.web.site import SITE, business_of

TOKEN_MAX = 100
STATUS_WORDS = {
    "confirmed": N_("Confirmed"),
    "arrived": N_("Checked in"),
    "completed": N_("Completed"),
    "no_show": N_("Missed"),
    "cancelled": N_("Cancelled"),
}


def _token(request: web.Request) -> str:
    token = request.match_info["token"]
    if not token or len(token) > TOKEN_MAX:
        raise _unknown_link()
    return token


def _unknown_link() -> Exception:
    return not_found(
        _(
            "This booking link is not valid. Please use the link from your confirmation email, "
            "or contact us."
        )
    )


async def _booking(request: web.Request, token: str) -> BookingView:
    site = request.app[SITE]
    try:
        found: BookingView = await site.database.run(bookings.get_booking_by_token, token)
    except NotFound:
        raise _unknown_link() from None
    return found


def _can_change(booking: BookingView) -> bool:
    return booking.status == "confirmed" and datetime.now(UTC) < booking.customer_cancel_until


def _manage_page(
    request: web.Request,
    token: str,
    booking: BookingView,
    *,
    errors: dict[str, str] | None = None,
    status: int = 200,
) -> web.Response:
    site = request.app[SITE]
    return site.page(
        request,
        "manage.html",
        status=status,
        token=token,
        booking=booking,
        booked=request.query.get("booked") == "1",
        moved=request.query.get("moved") == "1",
        can_change=_can_change(booking),
        status_words=_(STATUS_WORDS[booking.status]) if booking.status in STATUS_WORDS else "",
        manage_url=f"{public_base(request)}/manage/{token}",
        errors=errors or {},
    )


async def show(request: web.Request) -> web.Response:
    """The booking, with the calendar download and (within the policy) move and cancel."""
    token = _token(request)
    return _manage_page(request, token, await _booking(request, token))


async def ics_download(request: web.Request) -> web.Response:
    """The booking as an ``.ics`` file for the customer's calendar."""
    site = request.app[SITE]
    token = _token(request)
    manage_url = f"{public_base(request)}/manage/{token}"
    try:
        text = await site.database.run(booking_ics_for_token, token, datetime.now(UTC), manage_url)
    except NotFound:
        raise _unknown_link() from None
    return web.Response(
        text=text,
        content_type="text/calendar",
        charset="utf-8",
        headers={"Content-Disposition": 'attachment; filename="booking.ics"'},
    )


async def cancel(request: web.Request) -> web.Response:
    """Cancel the booking when the box is ticked and the policy allows it."""
    site = request.app[SITE]
    token = _token(request)
    form = await request.post()
    booking = await _booking(request, token)
    if form.get("confirm") != "yes":
        errors = {"confirm": _("Tick the box to confirm that you want to cancel.")}
        return _manage_page(request, token, booking, errors=errors, status=400)
    try:
        await site.database.run(bookings.cancel_by_token, token)
    except NotFound:
        raise _unknown_link() from None
    except (PolicyRefused, ValidationError) as exc:
        return _manage_page(request, token, booking, errors={"__all__": str(exc)}, status=400)
    return see_other(f"/manage/{token}")


async def _move_page(
    request: web.Request,
    token: str,
    booking: BookingView,
    day_text: str | None,
    *,
    message: str = "",
    status: int = 200,
) -> web.Response:
    site = request.app[SITE]
    profile = business_of(request)
    if not _can_change(booking):
        return _manage_page(request, token, booking)
    zone = site.zone(profile)
    today = datetime.now(zone).date()
    day = parse_day(day_text, max(today, booking.start.astimezone(zone).date()))
    last_day = today + timedelta(days=profile.booking_horizon_days)
    free: tuple[slot_service.Slot, ...] = ()
    if today <= day <= last_day:
        try:
            # the booking's own time counts as free (10:00-11:00 may move to 10:30); this
            # list is the booking's alone, so it bypasses the shared slot cache
            found = await site.database.run(
                slot_service.slots_for_day,
                booking.booking_type_id,
                day,
                booking.provider_id,
                exclude_booking_id=booking.id,
            )
        except NotFound:
            found = None
        if found is not None:
            free = tuple(s for s in found.slots if s.start_utc != booking.start)
    strip = week_of(day, today, site.settings.days_shown)
    return site.page(
        request,
        "move.html",
        status=status,
        token=token,
        booking=booking,
        day=day,
        slots=free,
        strip=strip,
        earlier=max(strip[0] - timedelta(days=len(strip)), today) if strip[0] > today else None,
        first_day=today,
        later=strip[-1] + timedelta(days=1) if strip[-1] < last_day else None,
        message=message,
        format_start=format_start,
    )


async def choose_new_time(request: web.Request) -> web.Response:
    """The free times of a day with the same provider, to move the booking to."""
    token = _token(request)
    booking = await _booking(request, token)
    return await _move_page(request, token, booking, request.query.get("date"))


async def move(request: web.Request) -> web.Response:
    """Move the booking to the chosen free time (or say why not, keeping the choice page)."""
    site = request.app[SITE]
    token = _token(request)
    form = await request.post()
    booking = await _booking(request, token)
    raw = form.get("start")
    start = parse_start(raw if isinstance(raw, str) else None)
    day = start.astimezone(site.zone(business_of(request))).date().isoformat()
    try:
        await site.database.run(bookings.reschedule_by_token, token, start)
    except NotFound:
        raise _unknown_link() from None
    except SlotTaken:
        message = _("Sorry, that time has just been taken. Please choose another.")
        return await _move_page(request, token, booking, day, message=message, status=409)
    except (PolicyRefused, ValidationError) as exc:
        return await _move_page(request, token, booking, day, message=str(exc), status=400)
    return see_other(f"/manage/{token}?moved=1")
