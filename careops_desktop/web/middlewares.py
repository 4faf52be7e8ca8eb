"""The booking page's guards, outermost first.

1. ``security_headers``: CSP without inline script, no framing, no referrer to
   other sites, no sniffing; ``no-store`` on every page (they carry tokens and
   personal details), long caching for the stylesheet only.
1a. ``language.language``: the visitor's language for the page and the core's words
   (see :mod:`careops_desktop.web.language`).
2. ``error_pages``: any refusal or failure becomes a readable page with the
   right status (a traceback never reaches a customer); what aiohttp itself
   finds malformed while a body is read is a 400, never a 500.
2a. ``hosts.host_guard``: forwarded headers from trusted proxies only, a host
   name that is not the page's own refused (400), the public address noted for
   links (see :mod:`careops_desktop.web.hosts`).
3. ``body_limits``: a body in a ``Content-Encoding`` is refused (415), nothing
   is ever decompressed; a declared body over the limit is refused (413)
   before it is read.
4. ``open_gate``: loads the business; while it is not active or its page is
   off, every page is the friendly 503 "not taking online bookings".
5. ``post_guard``: per-client rate limit (429, keyed on the real client),
   then Origin/Referer (403), then the form is read (413 past
   ``client_max_size``) and its signed CSRF token checked against the cookie (403).
"""

from __future__ import annotations

import logging

from aiohttp import web
from aiohttp.http_exceptions import HttpProcessingError
from aiohttp.typedefs import Handler

from careops_desktop.core.i18n import N_, _
from careops_desktop.web import csrf, hosts, language
from careops_desktop.web.params import PageError
from careops_desktop.web.site import BUSINESS, SITE

log = logging.getLogger(__name__)

CSP = (
    "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'; img-src 'self' data:; style-src 'self'"
)
# "same-origin", not "no-referrer": with no-referrer a browser sends "Origin: null" on
# the page's own form POSTs, which the Origin check must refuse. Other sites get nothing.
REFERRER_POLICY = "same-origin"
# What aiohttp raises while reading a body that is not a well-formed form: a bad multipart
# boundary or part header (ValueError, HttpProcessingError such as InvalidHeader), bytes
# that are not in the declared charset (UnicodeDecodeError) or a charset Python does not
# know (LookupError). Only the read of the body is guarded with these: the same errors
# raised by a handler are bugs and stay 500s in the log.
UNREADABLE_BODY = (ValueError, LookupError, HttpProcessingError)
OPEN_PATHS = ("/healthz", "/static/")

_TITLES = {
    400: N_("That request could not be read"),
    403: N_("That form could not be accepted"),
    404: N_("Page not found"),
    405: N_("That is not possible here"),
    409: N_("That time has just been taken"),
    413: N_("That was too much to send"),
    415: N_("That request could not be read"),
    429: N_("Too many tries"),
    500: N_("Something went wrong"),
    503: N_("Not taking online bookings"),
}
_MESSAGES = {
    400: N_("Something in the address or the form was not in the expected shape."),
    403: N_(
        "The form was sent from another page or its security token has expired. "
        "Please go back, reload the page and try again."
    ),
    404: N_(
        "There is no page at this address. It may have been moved, or the link was not "
        "copied in full."
    ),
    405: N_("This page cannot be used that way."),
    413: N_(
        "The form sent was larger than this page accepts. Please shorten what you typed "
        "and try again."
    ),
    415: N_("Compressed or unusual form data is not accepted. Please use the form on this page."),
    429: N_("You have sent many forms in a short time. Please wait a minute and try again."),
    500: N_(
        "The page could not be shown because of a problem on our side. Please try again "
        "in a moment, or contact us."
    ),
}


def route_of(request: web.Request) -> str:
    """The route's pattern (``/manage/{token}``), never the path: paths hold secret tokens."""
    route = request.match_info.route
    resource = route.resource
    return resource.canonical if resource is not None else "(no route)"


@web.middleware
async def security_headers(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Add the security headers to every response, refusals included."""
    response = await handler(request)
    headers = response.headers
    headers["Content-Security-Policy"] = CSP
    headers["X-Frame-Options"] = "DENY"
    headers["X-Content-Type-Options"] = "nosniff"
    headers["Referrer-Policy"] = REFERRER_POLICY
    headers["Cross-Origin-Opener-Policy"] = "same-origin"
    headers["Cross-Origin-Resource-Policy"] = "same-origin"
    headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
    if request.get(hosts.SEND_HSTS):
        headers["Strict-Transport-Security"] = hosts.HSTS
    if request.path.startswith("/static/"):
        headers["Cache-Control"] = "public, max-age=3600"
    else:
        headers["Cache-Control"] = "no-store"
    return response


def error_page(
    request: web.Request,
    status: int,
    *,
    title: str | None = None,
    message: str | None = None,
    headers: dict[str, str] | None = None,
) -> web.Response:
    """A readable page for a refusal: ``status`` with its usual words unless given."""
    site = request.app[SITE]
    return site.page(
        request,
        "error.html",
        status=status,
        headers=headers,
        title=title or _(_TITLES.get(status, N_("That did not work"))),
        message=message or _(_MESSAGES.get(status, N_("Please go back and try again."))),
    )


@web.middleware
async def error_pages(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Turn HTTP errors and unexpected failures into readable pages."""
    try:
        return await handler(request)
    except PageError as exc:
        return error_page(request, exc.status, title=exc.title, message=exc.message)
    except web.HTTPException as exc:
        if exc.status < 400:
            raise
        keep = {k: v for k, v in exc.headers.items() if k in ("Retry-After", "Allow")}
        return error_page(request, exc.status, headers=keep)
    except HttpProcessingError as exc:  # aiohttp's own "this request is malformed" (a 4xx)
        status = exc.code if 400 <= exc.code < 500 else 400
        log.info("refused a malformed request to %s: %s", route_of(request), type(exc).__name__)
        return error_page(request, status)
    except Exception:
        log.exception("booking page failed on %s %s", request.method, route_of(request))
        return error_page(request, 500)


@web.middleware
async def body_limits(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Refuse encoded bodies (415) and bodies declared larger than the limit (413)."""
    encoding = request.headers.get("Content-Encoding", "").strip().lower()
    if encoding and encoding != "identity":
        return error_page(request, 415)
    limit = request.app[SITE].settings.max_body_bytes
    if request.content_length is not None and request.content_length > limit:
        return error_page(request, 413)
    return await handler(request)


@web.middleware
async def open_gate(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Serve the page only while the business is active and its page switched on."""
    if request.path.startswith(OPEN_PATHS):
        return await handler(request)
    site = request.app[SITE]
    profile = await site.business()
    if profile is not None:
        request[BUSINESS] = profile
    if profile is None or not profile.is_active or not profile.page_enabled:
        return site.page(request, "closed.html", status=503, headers={"Retry-After": "3600"})
    return await handler(request)


@web.middleware
async def post_guard(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Rate limit, Origin check and CSRF token check on every POST."""
    if request.method != "POST":
        return await handler(request)
    site = request.app[SITE]
    client = request.remote or "unknown"
    if not site.limiter.allow(client):
        retry = str(site.limiter.retry_after(client))
        return error_page(request, 429, headers={"Retry-After": retry})
    if not csrf.origin_ok(request):
        log.info("refused a POST to %s from a foreign origin", route_of(request))
        return error_page(request, 403)
    try:
        form = await request.post()
    except UNREADABLE_BODY as exc:  # a malformed multipart body, an unknown charset...
        log.info("refused an unreadable form sent to %s: %s", route_of(request), type(exc).__name__)
        return error_page(request, 400)
    token = form.get(csrf.FIELD, "")
    problem = csrf.check_post(request, token if isinstance(token, str) else "", site.signer)
    if problem is not None:
        log.info("refused a POST to %s: %s", route_of(request), problem)
        message = _("{problem} Please reload the page and try again.").format(problem=_(problem))
        return error_page(request, 403, message=message)
    return await handler(request)


MIDDLEWARES = (
    security_headers,
    language.language,
    error_pages,
    hosts.host_guard,
    body_limits,
    open_gate,
    post_guard,
)
