"""A local stand-in for Twilio's Messages API (2010-04-01), on loopback, for the SMS tests.

It implements what CareOps uses, as Twilio documents it: ``POST`` and ``GET``
on ``/2010-04-01/Accounts/{AccountSid}/Messages.json`` with HTTP basic auth,
form-encoded parameters, JSON answers with ``sid``/``status``, paged lists
with ``next_page_uri``, and Twilio's error bodies
(``{"code", "message", "more_info", "status"}``): 401 (20003), 400 with
21211 (invalid 'To'), 21602 (no body), 21606 (not our 'From'), 21617 (too
long), 404 (20404), 429 (20429) and 500. ``fail_next`` makes the next
requests fail on purpose.
"""

from __future__ import annotations

import base64
import itertools
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Any
from urllib.parse import urlencode

from aiohttp import web

E164 = re.compile(r"^\+[1-9]\d{6,14}$")
_ids = itertools.count(1)


@dataclass
class StoredMessage:
    sid: str
    to: str
    sender: str
    body: str
    direction: str
    date_sent: datetime

    def as_json(self, account_sid: str) -> dict[str, Any]:
        return {
            "sid": self.sid,
            "account_sid": account_sid,
            "to": self.to,
            "from": self.sender,
            "body": self.body,
            "direction": self.direction,
            "status": "received" if self.direction == "inbound" else "queued",
            "num_media": "0",
            "num_segments": "1",
            "date_created": format_datetime(self.date_sent),
            "date_sent": format_datetime(self.date_sent),
            "date_updated": format_datetime(self.date_sent),
            "error_code": None,
            "error_message": None,
            "api_version": "2010-04-01",
            "uri": f"/2010-04-01/Accounts/{account_sid}/Messages/{self.sid}.json",
        }


@dataclass
class TwilioStandIn:
    account_sid: str = "AC" + "0" * 31 + "1"
    auth_token: str = "test-auth-token"
    numbers: set[str] = field(default_factory=lambda: {"+447700900001"})
    messages: list[StoredMessage] = field(default_factory=list)
    failures: list[tuple[int, int, str]] = field(default_factory=list)
    requests: list[tuple[str, str]] = field(default_factory=list)
    base_url: str = ""
    _runner: web.AppRunner | None = None

    # -- test controls ------------------------------------------------------------------

    def fail_next(self, status: int, code: int = 0, message: str = "", times: int = 1) -> None:
        self.failures.extend([(status, code, message)] * times)

    def add_inbound(self, sender: str, body: str, when: datetime, to: str | None = None) -> str:
        sid = f"SM{next(_ids):032x}"
        to_number = to or next(iter(self.numbers))
        self.messages.append(StoredMessage(sid, to_number, sender, body, "inbound", when))
        return sid

    @property
    def sent(self) -> list[StoredMessage]:
        return [m for m in self.messages if m.direction == "outbound-api"]

    # -- server -------------------------------------------------------------------------

    async def start(self) -> str:
        app = web.Application()
        app.router.add_post("/2010-04-01/Accounts/{sid}/Messages.json", self._create)
        app.router.add_get("/2010-04-01/Accounts/{sid}/Messages.json", self._list)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None
        port = server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.base_url = f"http://127.0.0.1:{port}"
        return self.base_url

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    # -- handlers -----------------------------------------------------------------------

    @staticmethod
    def _error(status: int, code: int, message: str) -> web.Response:
        return web.json_response(
            {
                "code": code,
                "message": message,
                "more_info": f"https://www.twilio.com/docs/errors/{code}",
                "status": status,
            },
            status=status,
        )

    def _check(self, request: web.Request) -> web.Response | None:
        self.requests.append((request.method, str(request.rel_url)))
        if self.failures:
            status, code, message = self.failures.pop(0)
            return self._error(status, code, message or f"Failure {status}")
        header = request.headers.get("Authorization", "")
        expected = base64.b64encode(f"{self.account_sid}:{self.auth_token}".encode()).decode()
        if header != f"Basic {expected}":
            return self._error(401, 20003, "Authenticate")
        if request.match_info["sid"] != self.account_sid:
            return self._error(404, 20404, "The requested resource was not found")
        return None

    async def _create(self, request: web.Request) -> web.Response:
        refused = self._check(request)
        if refused is not None:
            return refused
        form = await request.post()
        to, sender, body = (str(form.get(k, "")) for k in ("To", "From", "Body"))
        if not E164.match(to):
            return self._error(400, 21211, f"The 'To' number {to} is not a valid phone number.")
        if sender not in self.numbers:
            return self._error(
                400,
                21606,
                f"The From phone number {sender} is not a valid, SMS-capable inbound phone "
                "number or short code for your account.",
            )
        if not body:
            return self._error(400, 21602, "Message body is required.")
        if len(body) > 1600:
            return self._error(
                400, 21617, "The concatenated message body exceeds the 1600 character limit."
            )
        message = StoredMessage(
            f"SM{next(_ids):032x}", to, sender, body, "outbound-api", datetime.now(UTC)
        )
        self.messages.append(message)
        return web.json_response(message.as_json(self.account_sid), status=201)

    async def _list(self, request: web.Request) -> web.Response:
        refused = self._check(request)
        if refused is not None:
            return refused
        query = request.query
        rows = list(self.messages)
        if "To" in query:
            rows = [m for m in rows if m.to == query["To"]]
        if "From" in query:
            rows = [m for m in rows if m.sender == query["From"]]
        if "DateSent>" in query:
            day = datetime.strptime(query["DateSent>"], "%Y-%m-%d").replace(tzinfo=UTC)
            rows = [m for m in rows if m.date_sent >= day]
        rows.sort(key=lambda m: m.date_sent, reverse=True)  # Twilio lists newest first
        size = max(1, min(1000, int(query.get("PageSize", "50"))))
        page = int(query.get("Page", "0"))
        chunk = rows[page * size : (page + 1) * size]
        base = request.path
        next_uri = None
        if (page + 1) * size < len(rows):
            params = {k: v for k, v in query.items() if k not in ("Page", "PageToken")}
            params.update({"Page": str(page + 1), "PageToken": f"PA{page + 1}"})
            next_uri = f"{base}?{urlencode(params)}"
        return web.json_response(
            {
                "messages": [m.as_json(self.account_sid) for m in chunk],
                "page": page,
                "page_size": size,
                "first_page_uri": base,
                "next_page_uri": next_uri,
                "previous_page_uri": None,
                "uri": str(request.rel_url),
            }
        )
