"""The booking page's public address: the one place every link to the page starts from.

The address customers use is, in order:

1. the address set in Settings ("Address customers use", ``business.public_url``), such as
   ``http://frontdesk.local:8765`` or ``https://book.example.com`` behind a proxy;
2. else the address the listener of this process actually bound: the LAN address and the
   real port, as the status bar and ``careops serve`` print it. The runtime, which owns the
   socket, tells this module with :func:`set_listener_url` after it binds (and again each
   time it binds anew, for example after the port changed), and clears it when it stops;
3. else, in a process without a listener (a command-line tool), ``http://localhost:<port>``.

The core has no network code: it only keeps what the runtime told it. Pure functions
here (no database); :mod:`careops_desktop.core.services.page_publishing` stores the
settings.
"""

from __future__ import annotations

import ipaddress
import threading
from urllib.parse import urlsplit

from careops_desktop.core.i18n import _

PUBLIC_URL_MAX = 200
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})

_lock = threading.Lock()
_listener_url: str | None = None


def set_listener_url(url: str | None, *, only_if: str | None = None) -> None:
    """Record the URL this process's listener can be reached at (None: not listening).

    ``only_if`` clears or replaces the value only while it is still that URL, so a
    runtime that stops never clears the address of a newer one. Safe from any thread.
    """
    global _listener_url
    with _lock:
        if only_if is None or _listener_url == only_if:
            _listener_url = url.rstrip("/") if url else None


def listener_url() -> str | None:
    """The URL the runtime last recorded with :func:`set_listener_url`, or None."""
    return _listener_url


def base_url(public_url: str, page_port: int) -> str:
    """The page's public base URL (no trailing slash) from the setting and the listener.

    See the module text for the order. ``page_port`` serves only the last fallback.
    """
    configured = (public_url or "").strip().rstrip("/")
    if configured:
        return configured
    bound = _listener_url
    if bound:
        return bound
    return f"http://localhost:{page_port}"


def host_of(url: str) -> str:
    """The lower-case host name (IPv6 without brackets) of ``url``; "" when it has none."""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def origin_of(url: str) -> str:
    """``scheme://host[:port]`` of ``url`` in lower case (what a browser sends as Origin)."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def check_public_url(text: str) -> str | None:
    """Why ``text`` cannot be the address customers use, in words; None when it can.

    Blank is allowed (it means: the listener's own address). Otherwise an http or https
    address with a host name and nothing after it but an optional port and ``/``.
    """
    value = (text or "").strip()
    if not value:
        return None
    if len(value) > PUBLIC_URL_MAX:
        return _("The address is longer than {limit} characters.").format(limit=PUBLIC_URL_MAX)
    if not value.lower().startswith(("http://", "https://")):
        return _("The address must begin with http:// or https://.")
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        return _("The address {address} has a port that is not a number.").format(address=value)
    if any(ch.isspace() for ch in value) or not parts.hostname or "@" in parts.netloc:
        return _(
            "Enter an address such as http://frontdesk.local:8765 or https://book.example.com."
        )
    if parts.path.strip("/") or parts.query or parts.fragment:
        return _("Enter the address without a path, such as https://book.example.com.")
    return None


def parse_trusted_proxies(text: str) -> tuple[tuple[str, ...], str | None]:
    """The proxy addresses and networks in ``text`` (commas, spaces or lines between them).

    Returns the normalised entries (``192.0.2.7/32`` style kept as the owner wrote the
    address, networks in their canonical form) and why one entry is wrong, or None.
    """
    entries: list[str] = []
    for raw in text.replace(",", " ").split():
        try:
            network = ipaddress.ip_network(raw, strict=False)
        except ValueError:
            return (), _("“{entry}” is not an IP address or a network such as 10.0.0.0/8.").format(
                entry=raw[:60]
            )
        entry = str(network.network_address) if network.num_addresses == 1 else str(network)
        if entry not in entries:
            entries.append(entry)
    if len(entries) > 50:
        return (), _("List at most {limit} proxy addresses.").format(limit=50)
    return tuple(entries), None


def is_trusted(address: str, proxies: tuple[str, ...]) -> bool:
    """True when the IP ``address`` is one of ``proxies`` (addresses or networks)."""
    if not proxies or not address:
        return False
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for entry in proxies:
        try:
            if ip in ipaddress.ip_network(entry, strict=False):
                return True
        except ValueError:
            continue
    return False
