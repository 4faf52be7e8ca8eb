"""Which language a visitor reads the booking page in, and the switcher's links.

In order: ``?lang=xx`` (the switcher; remembered in the ``lang`` cookie), the ``lang``
cookie, the browser's ``Accept-Language``, then the business's own language (English
unless the business's locale is in a shipped language: ``de_DE`` → German). Only shipped
languages are ever chosen or stored; the pseudo-locales (``en-XA``, ``ar-XB``) only by
``?lang=`` for tests and screenshots, and never remembered. Whatever a visitor sends,
the page names a shipped language and never repeats their text.

Each request runs inside :func:`core.i18n.use_language`, so the core's refusals and the
database worker's texts speak the visitor's language too. Every answer says which
language it is in (``Content-Language``) and what chose it (``Vary``).
"""

from __future__ import annotations

from aiohttp import web
from aiohttp.typedefs import Handler

from careops_desktop.core import i18n
from careops_desktop.core.i18n import formats
from careops_desktop.core.i18n.languages import language_of_locale
from careops_desktop.core.services.business import BusinessProfile, locale_of
from careops_desktop.web import hosts
from careops_desktop.web.site import SITE
from careops_desktop.web.switcher import PARAM

COOKIE = "lang"
COOKIE_MAX_AGE = 365 * 24 * 3600
LANGUAGE: web.RequestKey[str] = web.RequestKey("careops_language", str)


def business_language(profile: BusinessProfile | None) -> str:
    """The business's own language when it is shipped (``de_DE`` → ``de``), else English."""
    return i18n.SOURCE if profile is None else language_of_locale(locale_of(profile))


def asked_language(value: str | None) -> str | None:
    """What a ``?lang=`` value asks for: a shipped language or a pseudo-locale, else None."""
    if not value or len(value) > 35:
        return None
    return i18n.normalise(value)


def stored_language(value: str | None) -> str | None:
    """The ``lang`` cookie's language: exactly a shipped tag, else None."""
    return value if value in i18n.SHIPPED else None


def choose_language(
    query: str | None, cookie: str | None, accept: str | None, fallback: str
) -> str:
    """The language of a request from its ``?lang=``, cookie and ``Accept-Language``."""
    wanted = [t for t in i18n.parse_accept_language(accept) if i18n.normalise(t) not in i18n.PSEUDO]
    return (
        asked_language(query)
        or stored_language(cookie)
        or i18n.best_language(wanted, default=fallback)
    )


def contact_language(request: web.Request) -> str | None:
    """The page's language to keep for the contact (a shipped one; None for a pseudo-locale)."""
    chosen = request.get(LANGUAGE)
    return chosen if chosen in i18n.SHIPPED else None


async def _fallback(request: web.Request) -> str:
    """The business's language (its profile is cached by the site; English before setup)."""
    if request.path.startswith("/healthz"):
        return i18n.SOURCE
    site = request.app[SITE]
    try:
        profile = await site.business()
    except Exception:  # the error pages must still speak: a failed read is English
        return i18n.SOURCE
    if profile is not None and formats.business_locale() != locale_of(profile):
        formats.set_business_locale(locale_of(profile))
    return business_language(profile)


@web.middleware
async def language(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Choose the request's language, run the handler in it, and say so in the answer."""
    if request.path.startswith("/static/"):  # the stylesheet is the same in every language
        return await handler(request)
    query = request.query.get(PARAM)
    cookie = request.cookies.get(COOKIE)
    header = request.headers.get("Accept-Language")
    asked = asked_language(query)
    # the business's profile is cached by the site; its locale shapes dates and money too
    chosen = choose_language(query, cookie, header, await _fallback(request))
    request[LANGUAGE] = chosen
    with i18n.use_language(chosen):
        response = await handler(request)
    response.headers["Content-Language"] = chosen
    response.headers["Vary"] = "Accept-Language, Cookie"
    if asked in i18n.SHIPPED and asked != cookie:
        response.set_cookie(
            COOKIE,
            asked,
            max_age=COOKIE_MAX_AGE,
            path="/",
            httponly=True,
            samesite="Lax",
            secure=request.secure or bool(request.get(hosts.HTTPS)),
        )
    return response
