"""Machine-readable answers: ``/healthz`` and the staff calendar feed ``/calendar/<secret>.ics``."""

from __future__ import annotations

from datetime import UTC, datetime

from aiohttp import web

from careops_desktop.core.i18n import _
from careops_desktop.web.params import not_found
from careops_desktop.web.queries import calendar_feed_text
from careops_desktop.web.site import SITE

FEED_SECRET_MAX = 100


async def healthz(request: web.Request) -> web.Response:
    """200 ``ok`` while the listener answers; says whether bookings are being taken."""
    site = request.app[SITE]
    profile = await site.business()
    taking = bool(profile and profile.is_active and profile.page_enabled)
    return web.json_response({"status": "ok", "taking_bookings": taking})


async def calendar_feed(request: web.Request) -> web.Response:
    """The iCalendar feed of upcoming bookings; 404 (readable) for a wrong secret."""
    site = request.app[SITE]
    name = request.match_info["name"]
    secret = name[: -len(".ics")] if name.endswith(".ics") else ""
    if not secret or len(secret) > FEED_SECRET_MAX:
        raise not_found(_("There is no calendar at this address."))
    text = await site.database.run(calendar_feed_text, secret, datetime.now(UTC))
    if text is None:
        raise not_found(
            _(
                "There is no calendar at this address. If the link was changed in Settings, "
                "subscribe again with the new one."
            )
        )
    return web.Response(
        text=text,
        content_type="text/calendar",
        charset="utf-8",
        headers={"Content-Disposition": 'inline; filename="bookings.ics"'},
    )
