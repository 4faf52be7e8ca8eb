"""SMS through Twilio's Messages REST API (2010-04-01), with aiohttp on the runtime's loop.

``POST /2010-04-01/Accounts/{AccountSid}/Messages.json`` sends one message;
``GET`` on the same path lists messages (we read the inbound ones sent to our
number). Both use HTTP basic auth with the account SID and auth token from
the keyring. The base URL is a setting, so tests point it at a local stand-in
(``tests/integrations/twilio_standin.py``). Message bodies are never logged.
"""

from __future__ import annotations

import base64
import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import quote, urlsplit

import aiohttp

from careops_desktop.core.errors import CareOpsError
from careops_desktop.core.i18n import _
from careops_desktop.integrations.error_words import hide_secrets, reply_words

log = logging.getLogger(__name__)

API_VERSION = "2010-04-01"
BODY_MAX = 1600  # Twilio's limit for one (concatenated) message
PAGE_SIZE = 100
MAX_PAGES = 20

#: Twilio error codes that describe the message itself: retrying cannot help.
PERMANENT_CODES = frozenset(
    {21211, 21408, 21602, 21604, 21610, 21612, 21614, 21617, 21619, 21635, 30003, 30005, 30006}
)


class SmsError(CareOpsError):
    """Twilio refused or could not be reached; ``str()`` says why in whole sentences
    (never the auth token)."""

    def __init__(
        self, message: str, *, permanent: bool = False, status: int = 0, code: int = 0
    ) -> None:
        self.permanent = permanent
        self.status = status
        self.code = code
        super().__init__(message)


@dataclass(frozen=True)
class SentSms:
    sid: str
    status: str


@dataclass(frozen=True)
class IncomingSms:
    """One inbound message as Twilio lists it."""

    sid: str
    sender: str
    to: str
    body: str
    sent_at: datetime
    media_count: int = 0


def _error(status: int, payload: Any) -> SmsError:
    code = 0
    detail = ""
    if isinstance(payload, dict):
        raw_code = payload.get("code")
        code = raw_code if isinstance(raw_code, int) else 0
        detail = reply_words(payload.get("message") or "", 300)
    if status in (401, 403):
        return SmsError(
            _(
                "Twilio did not accept the account SID and auth token ({status}). "
                "Check them in Settings → Integrations."
            ).format(status=status),
            status=status,
            code=code,
        )
    if status == 404:
        return SmsError(
            _("Twilio does not know this account (404): check the account SID."),
            status=status,
            code=code,
        )
    if status == 429:
        return SmsError(_("Twilio asks us to slow down (429); trying again later."), status=status)
    if 500 <= status < 600:
        return SmsError(
            _("Twilio had a problem on its side ({status}).").format(status=status),
            status=status,
            code=code,
        )
    if code and detail:
        words = _("Twilio refused the message ({status}, error {code}): {detail}")
    elif code:
        words = _("Twilio refused the message ({status}, error {code}).")
    elif detail:
        words = _("Twilio refused the message ({status}): {detail}")
    else:
        words = _("Twilio refused the message ({status}).")
    words = words.format(status=status, code=code, detail=detail)
    permanent = code in PERMANENT_CODES or (status == 400 and code not in (20429, 0))
    return SmsError(words, permanent=permanent, status=status, code=code)


def _parse_time(value: Any) -> datetime:
    """Twilio's RFC 2822 dates (``Thu, 30 Jul 2015 20:12:31 +0000``) as aware UTC."""
    if isinstance(value, str) and value:
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            parsed = None
        if parsed is not None:
            if parsed.tzinfo is None:
                parsed = parsed.replace(tzinfo=UTC)
            return parsed.astimezone(UTC)
    return datetime.now(UTC)


def _count(value: Any) -> int:
    try:
        return max(0, int(value or 0))
    except (TypeError, ValueError):
        return 0


class TwilioClient:
    """Talks to one Twilio account; use ``async with`` (one HTTP session per batch)."""

    def __init__(
        self, base_url: str, account_sid: str, auth_token: str, *, timeout: float = 30
    ) -> None:
        if not account_sid or not auth_token:
            raise SmsError(_("SMS is not set up: add the Twilio account SID and auth token."))
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            shown = reply_words(parts._replace(netloc=parts.hostname or "").geturl(), 200)
            raise SmsError(
                _(
                    "The Twilio API address “{address}” is not usable: it must start with "
                    "https:// (or http://) and name a server."
                ).format(address=shown)
            )
        self.base_url = base_url.rstrip("/")
        self.account_sid = account_sid
        self._auth_token = auth_token
        pair = f"{account_sid}:{auth_token}".encode()
        self._auth_header = "Basic " + base64.b64encode(pair).decode("ascii")
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self._session: aiohttp.ClientSession | None = None

    @property
    def messages_url(self) -> str:
        sid = quote(self.account_sid, safe="")
        return f"{self.base_url}/{API_VERSION}/Accounts/{sid}/Messages.json"

    async def __aenter__(self) -> TwilioClient:
        self._session = aiohttp.ClientSession(
            headers={"Authorization": self._auth_header, "Accept": "application/json"},
            timeout=self._timeout,
        )
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    def _http(self) -> aiohttp.ClientSession:
        if self._session is None:
            raise RuntimeError("use TwilioClient inside 'async with'")
        return self._session

    async def _request(
        self, method: str, url: str, *, data: dict[str, str] | None = None
    ) -> dict[str, Any]:
        try:
            async with self._http().request(method, url, data=data) as response:
                try:
                    payload = await response.json(content_type=None)
                except (ValueError, aiohttp.ContentTypeError):
                    payload = None
                if response.status >= 400:
                    raise _error(response.status, payload)
                if not isinstance(payload, dict):
                    raise SmsError(
                        _("Twilio answered {status} without a usable body.").format(
                            status=response.status
                        )
                    )
                return payload
        except SmsError as exc:
            text = hide_secrets(str(exc), [self._auth_token])
            if text == str(exc):
                raise
            raise SmsError(
                text, permanent=exc.permanent, status=exc.status, code=exc.code
            ) from None
        except TimeoutError:
            raise SmsError(_("Twilio did not answer in time.")) from None
        except aiohttp.ClientError as exc:
            raise SmsError(
                _("Twilio could not be reached ({name}).").format(name=type(exc).__name__)
            ) from None

    async def send(self, to: str, sender: str, body: str) -> SentSms:
        """Send ``body`` to ``to`` from our number; raises :class:`SmsError`."""
        if not body.strip():
            raise SmsError(_("The text message is empty."), permanent=True)
        if len(body) > BODY_MAX:
            raise SmsError(
                _("The text message is longer than {limit} characters.").format(limit=BODY_MAX),
                permanent=True,
            )
        payload = await self._request(
            "POST", self.messages_url, data={"To": to, "From": sender, "Body": body}
        )
        sid = payload.get("sid")
        if not isinstance(sid, str) or not sid:
            raise SmsError(_("Twilio accepted the message but gave it no id."))
        return SentSms(sid, str(payload.get("status") or "queued"))

    async def list_incoming(self, to: str, since: datetime) -> list[IncomingSms]:
        """Inbound messages to ``to`` sent on or after ``since``'s day, oldest first.

        Follows ``next_page_uri`` for at most :data:`MAX_PAGES` pages.
        """
        query = (
            f"?To={quote(to, safe='')}&DateSent%3E={since.astimezone(UTC):%Y-%m-%d}"
            f"&PageSize={PAGE_SIZE}"
        )
        url: str | None = self.messages_url + query
        found: list[IncomingSms] = []
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(self.base_url))
        for _page in range(MAX_PAGES):
            if url is None:
                break
            payload = await self._request("GET", url)
            for item in payload.get("messages") or []:
                if not isinstance(item, dict) or item.get("direction") != "inbound":
                    continue
                sid, sender = item.get("sid"), item.get("from")
                if not isinstance(sid, str) or not isinstance(sender, str):
                    continue
                found.append(
                    IncomingSms(
                        sid=sid,
                        sender=sender,
                        to=str(item.get("to") or ""),
                        body=str(item.get("body") or ""),
                        sent_at=_parse_time(item.get("date_sent") or item.get("date_created")),
                        media_count=_count(item.get("num_media")),
                    )
                )
            next_uri = payload.get("next_page_uri")
            url = origin + next_uri if isinstance(next_uri, str) and next_uri else None
        found.sort(key=lambda m: (m.sent_at, m.sid))
        return found
