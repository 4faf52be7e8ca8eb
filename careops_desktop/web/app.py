"""The booking page's aiohttp application: routes, guards and shared state.

``create_app(database, settings)`` is all a host needs: the runtime serves it
with ``AppRunner(app, auto_decompress=False)``; tests hand it to aiohttp's test
client. No staff function is reachable here: the routes below are the whole
surface, and every handler reaches the core through ``await database.run``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiohttp import web

from careops_desktop.config import resource_path
from careops_desktop.core import events
from careops_desktop.web import (
    feeds,
    hosts,
    pages_booking,
    pages_catalog,
    pages_forms,
    pages_manage,
    pages_waitlist,
)
from careops_desktop.web.middlewares import MIDDLEWARES
from careops_desktop.web.settings import WebSettings
from careops_desktop.web.site import SITE, Site

if TYPE_CHECKING:
    from careops_desktop.core.db import Database


def create_app(database: Database, settings: WebSettings | None = None) -> web.Application:
    """The public booking application over ``database``."""
    settings = settings or WebSettings.from_env()
    site = Site(database, settings)
    site.own_names.update(hosts.machine_names())
    app = web.Application(middlewares=MIDDLEWARES, client_max_size=settings.max_body_bytes)
    app[SITE] = site
    unsubscribe: list[object] = []

    async def subscribe(_app: web.Application) -> None:
        unsubscribe.append(events.bus.subscribe(site.on_event))

    async def unsubscribe_all(_app: web.Application) -> None:
        for stop in unsubscribe:
            stop()  # type: ignore[operator]
        unsubscribe.clear()

    app.on_startup.append(subscribe)
    app.on_cleanup.append(unsubscribe_all)

    app.router.add_get("/", pages_catalog.index)
    app.router.add_get("/book/{slug}", pages_catalog.book)
    app.router.add_get("/book/{slug}/details", pages_booking.details)
    app.router.add_post("/book/{slug}", pages_booking.submit)
    app.router.add_get("/book/{slug}/waitlist", pages_waitlist.join_form)
    app.router.add_post("/book/{slug}/waitlist", pages_waitlist.join)
    app.router.add_get("/waitlist/claim/{token}", pages_waitlist.show_offer)
    app.router.add_post("/waitlist/claim/{token}", pages_waitlist.claim)
    app.router.add_get("/manage/{token}", pages_manage.show)
    app.router.add_get("/manage/{token}/booking.ics", pages_manage.ics_download)
    app.router.add_post("/manage/{token}/cancel", pages_manage.cancel)
    app.router.add_get("/manage/{token}/move", pages_manage.choose_new_time)
    app.router.add_post("/manage/{token}/move", pages_manage.move)
    app.router.add_get("/forms/{token}", pages_forms.show)
    app.router.add_post("/forms/{token}", pages_forms.submit)
    app.router.add_get("/calendar/{name}", feeds.calendar_feed)
    app.router.add_get("/healthz", feeds.healthz)
    app.router.add_static("/static", resource_path("web", "static"), append_version=False)
    return app
