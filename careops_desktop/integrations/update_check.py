"""Ask the release feed whether a newer CareOps exists (only when the person turned it on).

One plain HTTP GET of the configured address: no query string, no cookies, no redirects
followed, a User-Agent with the version only, a time limit and a size limit. Nothing is
downloaded but the feed; nothing is installed. Blocking: the window runs
:func:`check_for_update` off the Qt thread (``ui/off_thread.py``).
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from careops_desktop import __version__
from careops_desktop.config import DEFAULT_RELEASE_FEED_URL, resource_path
from careops_desktop.core.i18n import _
from careops_desktop.integrations.release_feed import (
    PUBLIC_KEY_FILE,
    FeedError,
    Release,
    load_public_key,
    parse_feed,
    version_key,
)

DEFAULT_FEED_URL = DEFAULT_RELEASE_FEED_URL
MAX_FEED_BYTES = 64 * 1024
TIMEOUT_S = 10.0
USER_AGENT = f"CareOps-Desktop/{__version__}"


@dataclass(frozen=True)
class UpdateAnswer:
    """What the feed said: the release it announces and whether it is newer than ours."""

    current: str
    release: Release
    newer: bool


def feed_url_problem(url: str) -> str | None:
    """Why ``url`` cannot be the feed address (None when it can): http(s), a host, and
    nothing that would send more than the request itself (no query, no user name)."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return _("The address of the release feed is not a valid web address.")
    if parts.scheme not in ("https", "http") or not parts.hostname:
        return _("The address of the release feed must start with https:// and name a server.")
    if parts.query or parts.fragment or parts.username or parts.password:
        return _(
            "The address of the release feed must not hold a query (?…), a fragment (#…) "
            "or a user name: nothing but the request itself is sent."
        )
    if port == 0:
        return _("The address of the release feed names port 0.")
    return None


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None  # urllib then raises HTTPError with the 3xx status


def fetch_feed(url: str, *, timeout: float = TIMEOUT_S, limit: int = MAX_FEED_BYTES) -> bytes:
    """The feed's bytes; raises :class:`FeedError` in words for every failure."""
    problem = feed_url_problem(url)
    if problem:
        raise FeedError(problem)
    host = urlsplit(url).hostname or url
    opener = urllib.request.build_opener(_NoRedirects())
    request = urllib.request.Request(
        url.strip(), headers={"User-Agent": USER_AGENT, "Accept": "application/json"}
    )
    ends = time.monotonic() + timeout
    try:
        with opener.open(request, timeout=timeout) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > limit:
                raise _too_big(limit)
            body = bytearray()
            while True:
                if time.monotonic() > ends:
                    raise TimeoutError()
                chunk = response.read(8192)
                if not chunk:
                    break
                body += chunk
                if len(body) > limit:
                    raise _too_big(limit)
            return bytes(body)
    except urllib.error.HTTPError as exc:
        if 300 <= exc.code < 400:
            raise FeedError(
                _(
                    "The update server at {host} sent the request to another address "
                    "(HTTP {code}). CareOps does not follow it: enter the final address."
                ).format(host=host, code=exc.code)
            ) from None
        raise FeedError(
            _("The update server at {host} answered with an error (HTTP {code}).").format(
                host=host, code=exc.code
            )
        ) from None
    except TimeoutError:
        raise FeedError(
            _("The update server at {host} did not answer within {seconds} seconds.").format(
                host=host, seconds=f"{timeout:.0f}"
            )
        ) from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise FeedError(
            _(
                "The update server at {host} could not be reached ({reason}). "
                "Check the internet connection, or try again later."
            ).format(host=host, reason=reason)
        ) from None


def _too_big(limit: int) -> FeedError:
    return FeedError(
        _(
            "The update server sent more than {size} KB, which no release feed needs; "
            "its answer was not read."
        ).format(size=limit // 1024)
    )


def check_for_update(
    url: str,
    key: Ed25519PublicKey,
    *,
    current: str = __version__,
    timeout: float = TIMEOUT_S,
    limit: int = MAX_FEED_BYTES,
) -> UpdateAnswer:
    """Fetch, verify and compare; raises :class:`FeedError` (in words) when it cannot say.

    Runs on a worker thread (it blocks on the network for up to ``timeout`` seconds).
    """
    release = parse_feed(fetch_feed(url, timeout=timeout, limit=limit), key)
    return UpdateAnswer(current, release, version_key(release.version) > version_key(current))


def release_key() -> Ed25519PublicKey:
    """The release key shipped in ``resources/`` (the only key a feed is checked with)."""
    try:
        text = resource_path(PUBLIC_KEY_FILE).read_text(encoding="utf-8")
    except OSError as exc:
        raise FeedError(_("The release key shipped with CareOps is missing.")) from exc
    return load_public_key(text)


def check_with_release_key(url: str) -> UpdateAnswer:
    """:func:`check_for_update` with the shipped key (blocking: a worker thread's work)."""
    return check_for_update(url, release_key())
