"""CSRF protection: a signed double-submit token and an Origin/Referer check.

Every page that shows a form sets the cookie ``careops_csrf`` (HttpOnly,
SameSite=Strict) and puts the same value in a hidden field. A token is
``nonce.signature`` where the signature is an HMAC with a key made fresh for
each process, so a token cannot be forged, and one from another process (or
from before a restart) is refused. A POST must carry the cookie and the field,
equal and validly signed, and come from the page's own origin.

The same key signs the moment a form was shown (``fill_stamp``), which the
details form uses to spot bots that answer faster than a person can type.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from urllib.parse import urlsplit

from aiohttp import web

from careops_desktop.core.i18n import N_
from careops_desktop.web import hosts

COOKIE = "careops_csrf"
ISSUED: web.RequestKey[str] = web.RequestKey("careops_csrf_issued", str)
FIELD = "csrf_token"
_NONCE_BYTES = 18


class Signer:
    """Makes and checks tokens with a key that lives only in this process."""

    def __init__(self, key: bytes | None = None) -> None:
        self._key = key or secrets.token_bytes(32)

    def _sign(self, purpose: str, value: str) -> str:
        digest = hmac.new(self._key, f"{purpose}:{value}".encode(), hashlib.sha256)
        return digest.hexdigest()[:32]

    def new_token(self) -> str:
        """A fresh CSRF token: random nonce plus its signature."""
        nonce = secrets.token_urlsafe(_NONCE_BYTES)
        return f"{nonce}.{self._sign('csrf', nonce)}"

    def token_valid(self, token: str) -> bool:
        """True when ``token`` was made by this signer (constant-time comparison)."""
        nonce, _, signature = token.partition(".")
        if not nonce or not signature or len(token) > 200:
            return False
        return hmac.compare_digest(signature, self._sign("csrf", nonce))

    def fill_stamp(self, now: float | None = None) -> str:
        """A signed record of the moment a form was shown."""
        moment = f"{(time.time() if now is None else now):.3f}"
        return f"{moment}.{self._sign('fill', moment)}"

    def seconds_since_stamp(self, stamp: str, now: float | None = None) -> float | None:
        """Seconds since ``stamp`` was made, or None when it is missing or forged."""
        moment, _, signature = stamp.rpartition(".")
        if not moment or len(stamp) > 100:
            return None
        if not hmac.compare_digest(signature, self._sign("fill", moment)):
            return None
        try:
            shown = float(moment)
        except ValueError:
            return None
        return (time.time() if now is None else now) - shown


def token_for(request: web.Request, signer: Signer) -> str:
    """The CSRF token to put in this page's forms: the visitor's valid cookie, or a new one.

    A new token is remembered on the request so the response sets the cookie.
    """
    current = request.cookies.get(COOKIE, "")
    if current and signer.token_valid(current):
        return current
    issued = request.get(ISSUED)
    if issued is None:
        issued = signer.new_token()
        request[ISSUED] = issued
    return issued


def set_cookie_if_issued(request: web.Request, response: web.StreamResponse) -> None:
    """Set the CSRF cookie on ``response`` when this request made a new token."""
    issued = request.get(ISSUED)
    if issued:
        response.set_cookie(
            COOKIE,
            issued,
            httponly=True,
            samesite="Strict",
            path="/",
            secure=request.secure or bool(request.get(hosts.HTTPS)),
        )


def own_origin(request: web.Request) -> str:
    """``scheme://host[:port]`` of this request as the browser addressed it.

    Behind ``hosts.host_guard`` the host is one of the page's own names (and the scheme
    and host are the ones a trusted proxy reported); used for the Origin check only,
    never for a link.
    """
    return f"{request.scheme}://{request.host}".lower()


def origins(request: web.Request) -> tuple[str, ...]:
    """The origins a form POST may come from: as addressed, and the page's public address."""
    public = request.get(hosts.PUBLIC_ORIGIN)
    own = own_origin(request)
    return (own, public) if public and public != own else (own,)


def origin_ok(request: web.Request) -> bool:
    """True when the POST names this page's own origin in Origin (or, failing that, Referer).

    A request with neither header is refused: every browser sends Origin with a
    form POST, and a client that sends neither cannot show where it came from.
    """
    origin = request.headers.get("Origin")
    if origin is not None:
        return origin.strip().lower() in origins(request)
    referer = request.headers.get("Referer")
    if referer:
        try:
            parts = urlsplit(referer)
        except ValueError:
            return False
        return f"{parts.scheme}://{parts.netloc}".lower() in origins(request)
    return False


def check_post(request: web.Request, form_token: str, signer: Signer) -> str | None:
    """Why this POST must be refused, in English words (``N_``), or None when it may proceed."""
    if not origin_ok(request):
        return N_("The form was sent from another site.")
    cookie = request.cookies.get(COOKIE, "")
    if not cookie or not form_token:
        return N_("The form's security token is missing.")
    if not hmac.compare_digest(cookie.encode(), form_token.encode()):
        return N_("The form's security token does not match.")
    if not signer.token_valid(form_token):
        return N_(
            "The form's security token is not valid (has the page been open since a restart?)."
        )
    return None
