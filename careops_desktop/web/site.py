"""What every handler of the booking page shares: the database, settings, caches, pages.

One :class:`Site` per application (``request.app[SITE]``). It caches the
business profile for a few seconds and the day slot lists (see
:mod:`slot_cache`); both are dropped at once when a committed event says what
they show has changed (the bus calls :meth:`Site.on_event` on the database
worker thread, which only touches thread-safe state).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from aiohttp import web

from careops_desktop.core import events, i18n
from careops_desktop.core.change_feed import ChangesMissed
from careops_desktop.core.errors import NotFound
from careops_desktop.core.services.business import BusinessProfile, get_profile
from careops_desktop.core.services.page_publishing import PagePublishing, get_page_publishing
from careops_desktop.web import csrf
from careops_desktop.web.ratelimit import RateLimiter
from careops_desktop.web.render import Pages
from careops_desktop.web.settings import WebSettings
from careops_desktop.web.slot_cache import SlotCache
from careops_desktop.web.switcher import switcher_links

if TYPE_CHECKING:
    from careops_desktop.core.db import Database


@dataclass
class Site:
    """The booking page's shared state; lives on the listener's loop."""

    database: Database
    settings: WebSettings
    pages: Pages = field(default_factory=Pages)
    signer: csrf.Signer = field(default_factory=csrf.Signer)
    limiter: RateLimiter = field(init=False)
    slots: SlotCache = field(init=False)
    loading: dict[Hashable, asyncio.Future[Any]] = field(default_factory=dict, init=False)
    _profile: tuple[float, BusinessProfile | None] | None = field(default=None, init=False)
    _catalog: tuple[float, Any] | None = field(default=None, init=False)
    _publishing: tuple[float, PagePublishing | None] | None = field(default=None, init=False)
    own_names: set[str] = field(default_factory=set, init=False)  # hosts.host_guard accepts
    _settings_version: int = field(default=0, init=False)  # bumped when settings change

    def __post_init__(self) -> None:
        self.limiter = RateLimiter(self.settings.post_rate_per_minute, self.settings.post_burst)
        self.slots = SlotCache(self.settings.slot_cache_seconds)

    # -- events (database worker thread) -----------------------------------------------------

    def on_event(self, event: events.DomainEvent) -> None:
        """Drop what a committed change makes stale; never blocks."""
        if isinstance(event, events.BookingChanged):
            self.slots.invalidate_provider(event.provider_id)
        elif isinstance(event, events.TimeBlockChanged):  # blocked time: that provider's days
            if event.provider_id is None:
                self.slots.clear()
            else:
                self.slots.invalidate_provider(event.provider_id)
        elif isinstance(event, events.SettingsChanged | ChangesMissed):
            self._settings_version += 1
            self._profile = None
            self._catalog = None
            self._publishing = None
            self.slots.clear()

    # -- the business ------------------------------------------------------------------------

    async def business(self) -> BusinessProfile | None:
        """The business profile (cached a few seconds); None before setup."""
        cached = self._profile
        now = time.monotonic()
        if cached is not None and now - cached[0] <= self.settings.business_cache_seconds:
            return cached[1]
        version = self._settings_version
        key = ("business", self._settings_version)
        profile: BusinessProfile | None = await self.load_once(key, self._read_profile)
        if version == self._settings_version:  # not stale by the time it arrived
            self._profile = (now, profile)
        return profile

    async def _read_profile(self) -> BusinessProfile | None:
        try:
            return await self.database.run(get_profile)
        except NotFound:
            return None

    async def publishing(self) -> PagePublishing | None:
        """The public address and trusted proxies (cached like the profile); None before setup."""
        cached = self._publishing
        now = time.monotonic()
        if cached is not None and now - cached[0] <= self.settings.business_cache_seconds:
            return cached[1]
        version = self._settings_version
        key = ("publishing", version)
        value: PagePublishing | None = await self.load_once(
            key, lambda: self.database.run(get_page_publishing)
        )
        if version == self._settings_version:
            self._publishing = (now, value)
        return value

    async def catalog(self, load: Any) -> Any:
        """The result of ``load`` (run on the database worker), cached like the profile."""
        cached = self._catalog
        now = time.monotonic()
        if cached is not None and now - cached[0] <= self.settings.business_cache_seconds:
            return cached[1]
        version = self._settings_version
        key = ("catalog", self._settings_version)
        value = await self.load_once(key, lambda: self.database.run(load))
        if version == self._settings_version:
            self._catalog = (now, value)
        return value

    async def load_once(self, key: Hashable, load: Callable[[], Awaitable[Any]]) -> Any:
        """``load()`` once for everyone who asks for ``key`` while it runs.

        When a cache entry expires (or is dropped) under load, every request in flight
        misses at once; they share one database call instead of each queueing its own on
        the one worker.
        """
        pending = self.loading.get(key)
        if pending is None:
            pending = asyncio.ensure_future(load())
            self.loading[key] = pending

            def forget(done: asyncio.Future[Any]) -> None:
                self.loading.pop(key, None)
                if not done.cancelled():
                    done.exception()  # retrieved here, raised again in every waiter

            pending.add_done_callback(forget)
        return await asyncio.shield(pending)

    @staticmethod
    def zone(profile: BusinessProfile | None) -> ZoneInfo:
        """The business's time zone (UTC when unknown)."""
        try:
            return ZoneInfo(profile.timezone if profile else "UTC")
        except (ZoneInfoNotFoundError, ValueError):
            return ZoneInfo("UTC")

    # -- pages -------------------------------------------------------------------------------

    def html(self, request: web.Request, template: str, **context: Any) -> str:
        """Render ``template`` with the business, its zone and the visitor's language.

        Templates call ``csrf_token()`` inside forms; only then is a token made
        (remembered on the request, so the response sets its cookie).
        """
        profile = request.get(BUSINESS)
        if profile is None:  # a refusal before the business was looked up: use what is cached
            profile = self._profile[1] if self._profile else None
        language = i18n.current_language()
        return self.pages.html(
            template,
            lang=language,
            rtl=i18n.is_right_to_left(language),
            languages=switcher_links(request, language),
            # a pseudo-locale is never remembered: the page's forms carry it on
            keep_lang=f"?lang={language}" if language in i18n.PSEUDO else "",
            business=profile,
            zone=self.zone(profile),
            csrf_field=csrf.FIELD,
            csrf_token=lambda: csrf.token_for(request, self.signer),
            **context,
        )

    @staticmethod
    def respond(
        request: web.Request,
        html: str,
        *,
        status: int = 200,
        headers: dict[str, str] | None = None,
    ) -> web.Response:
        """An HTML response (with the CSRF cookie when rendering made a token)."""
        response = web.Response(
            text=html, status=status, content_type="text/html", charset="utf-8", headers=headers
        )
        csrf.set_cookie_if_issued(request, response)
        return response

    def page(
        self,
        request: web.Request,
        template: str,
        *,
        status: int = 200,
        headers: dict[str, str] | None = None,
        **context: Any,
    ) -> web.Response:
        """Render ``template`` (see :meth:`html`) into a response."""
        html = self.html(request, template, **context)
        return self.respond(request, html, status=status, headers=headers)


SITE: web.AppKey[Site] = web.AppKey("careops_site", Site)
BUSINESS: web.RequestKey[BusinessProfile] = web.RequestKey("careops_business", BusinessProfile)


def business_of(request: web.Request) -> BusinessProfile:
    """The business profile the gate loaded for this request (pages behind the gate only)."""
    return request[BUSINESS]
