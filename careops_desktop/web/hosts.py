"""Who is asking, and by which name: trusted proxies, the Host check and the public address.

``host_guard`` (a middleware, just inside ``error_pages``) does three things for
every request before anything else reads it:

1. From a trusted proxy only (Settings → trusted proxy addresses), it takes the real
   client from ``X-Forwarded-For`` (the right-most address that is not itself a trusted
   proxy), the scheme from ``X-Forwarded-Proto`` and the name from ``X-Forwarded-Host``;
   the handlers then see a request whose ``remote``, ``scheme`` and ``host`` are the real
   ones (rate limits key on the real client). From anybody else these headers change
   nothing.
2. It refuses (400) a request whose host name is none of the page's own names: the
   public address, the listener's address, the machine's LAN addresses and names,
   ``localhost``/``127.0.0.1``/``::1``, or the IP address the connection arrived on. A web
   page that rebinds its own DNS name to this machine therefore gets nothing.
3. It records the public address (:func:`public_base`) for the links pages build: the
   Host header never builds a link.
"""

from __future__ import annotations

import functools
import ipaddress
import logging
import socket
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from aiohttp import web
from aiohttp.typedefs import Handler

from careops_desktop.core import page_address
from careops_desktop.core.i18n import N_, _
from careops_desktop.core.services.page_publishing import PagePublishing

log = logging.getLogger(__name__)

PUBLIC_BASE: web.RequestKey[str] = web.RequestKey("careops_public_base", str)
PUBLIC_ORIGIN: web.RequestKey[str] = web.RequestKey("careops_public_origin", str)
HTTPS: web.RequestKey[bool] = web.RequestKey("careops_https", bool)
SEND_HSTS: web.RequestKey[bool] = web.RequestKey("careops_send_hsts", bool)
HSTS = "max-age=31536000"

HOST_REFUSED = N_(
    "This booking page does not answer to the name that was used to reach it. Please "
    "use the address the business gave you."
)


def machine_names() -> set[str]:
    """This computer's own host names (no traffic): its name and ``<name>.local``."""
    names: set[str] = set()
    try:
        name = socket.gethostname().lower()
    except OSError:
        return names
    if name:
        names.update({name, name.split(".", 1)[0], name.split(".", 1)[0] + ".local"})
    return names


@functools.lru_cache(maxsize=512)
def host_name(host_header: str) -> str | None:
    """The lower-case name in a Host header value (IPv6 without brackets); None if malformed."""
    value = host_header.strip()
    if not value or any(ch in value for ch in "/\\?#@ \t"):
        return None
    try:
        parts = urlsplit("//" + value)
        parts.port  # noqa: B018 - a port that is not a number raises ValueError
    except ValueError:
        return None
    name = (parts.hostname or "").rstrip(".")
    return name or None


def public_base(request: web.Request) -> str:
    """The base URL every link on this request's pages uses (never the Host header)."""
    base: str | None = request.get(PUBLIC_BASE)
    if base is None:  # outside host_guard (a refusal rendered early): the listener's address
        return page_address.base_url("", 0)
    return base


def _ip(text: str) -> str | None:
    try:
        ip = ipaddress.ip_address(text.strip().strip("[]").split("%", 1)[0])
    except ValueError:
        return None
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return str(ip)


def real_client(peer: str, forwarded_for: str, proxies: tuple[str, ...]) -> str:
    """The client behind trusted proxies: the right-most X-Forwarded-For entry not a proxy.

    ``peer`` is the connection's address, already known to be a trusted proxy. A
    malformed entry ends the walk (what lies left of it cannot be believed).
    """
    client = peer
    for entry in reversed([part for part in forwarded_for.split(",") if part.strip()]):
        ip = _ip(entry)
        if ip is None:
            break
        client = ip
        if not page_address.is_trusted(ip, proxies):
            break
    return client


def _forwarded(
    request: web.Request, proxies: tuple[str, ...]
) -> tuple[str | None, str | None, str | None]:
    """(client, scheme, host) a trusted proxy reports; each None when not reported."""
    headers = request.headers
    client = None
    if "X-Forwarded-For" in headers:
        client = real_client(request.remote or "", headers["X-Forwarded-For"], proxies)
    scheme = headers.get("X-Forwarded-Proto", "").split(",")[0].strip().lower() or None
    if scheme not in (None, "http", "https"):
        scheme = None
    host = headers.get("X-Forwarded-Host", "").split(",")[0].strip() or None
    return client, scheme, host


@dataclass(frozen=True, slots=True)
class Face:
    """What one request needs of the page's public face, worked out once per setting."""

    base: str
    origin: str
    host: str
    https: bool
    proxies: tuple[str, ...]


@functools.lru_cache(maxsize=16)
def face_of(publishing: PagePublishing | None, listener: str | None) -> Face:
    """The :class:`Face` of these settings (``listener``: this process's bound address)."""
    if publishing is not None:
        set_url = publishing.public_url.strip().rstrip("/")
        base = set_url or listener or publishing.base_url
        proxies = publishing.trusted_proxies
    else:
        base, proxies = listener or page_address.base_url("", 0), ()
    return Face(
        base=base,
        origin=page_address.origin_of(base),
        host=page_address.host_of(base),
        https=base.lower().startswith("https://"),
        proxies=proxies,
    )


def _accepted(name: str, request: web.Request, face: Face, names: set[str]) -> bool:
    """True when the host ``name`` is one of the page's own names (see the module text)."""
    if name == face.host or name in page_address.LOOPBACK_NAMES or name in names:
        return True
    bound = page_address.listener_url()
    if bound and name == page_address.host_of(bound):
        return True
    transport = request.transport
    local: Any = transport.get_extra_info("sockname") if transport is not None else None
    literal = _ip(name)
    return literal is not None and bool(local) and literal == _ip(str(local[0]))


@web.middleware
async def host_guard(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Believe forwarded headers from trusted proxies only, check the host, note the address."""
    from careops_desktop.web.middlewares import error_page
    from careops_desktop.web.site import SITE

    site = request.app[SITE]
    face = face_of(await site.publishing(), page_address.listener_url())
    host_header = request.headers.get("Host", "")
    changes: dict[str, str] = {}
    if face.proxies and page_address.is_trusted(request.remote or "", face.proxies):
        client, scheme, forwarded_host = _forwarded(request, face.proxies)
        if client is not None:
            changes["remote"] = client
        if scheme is not None:
            changes["scheme"] = scheme
        if forwarded_host is not None:
            changes["host"] = host_header = forwarded_host
    name = host_name(host_header)
    if name is None or not _accepted(name, request, face, site.own_names):
        log.info("refused a request for a host name that is not the page's own")
        return error_page(request, 400, message=_(HOST_REFUSED))
    https = changes.get("scheme", request.scheme) == "https" or (face.https and name == face.host)
    request[PUBLIC_BASE] = face.base
    request[PUBLIC_ORIGIN] = face.origin
    request[HTTPS] = https
    request[SEND_HSTS] = https and face.https  # security_headers adds it, refusals too
    if changes:
        request = request.clone(**changes)  # type: ignore[arg-type]
    return await handler(request)
