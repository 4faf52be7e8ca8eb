"""The booking page published behind a real reverse proxy: Caddy with its internal CA on loopback.

Caddy (Debian's ``caddy``, installed by ``scripts/system-packages.sh``) terminates HTTPS for
``https://book.careops.test:<port>`` and forwards to the listener on 127.0.0.1, which trusts
127.0.0.1 as its proxy. Customers connect from other loopback addresses (127.0.0.2, .3 …),
so the listener sees them only through ``X-Forwarded-For``. The client trusts Caddy's own
root certificate from its data folder (no verification is switched off).
"""

from __future__ import annotations

import http.client
import re
import shutil
import socket
import ssl
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import partialmethod
from pathlib import Path
from urllib.parse import urlencode

import pytest
from sqlalchemy import select

from careops_desktop.core.db import Database
from careops_desktop.core.models import Booking, OutboxMessage
from careops_desktop.core.services import business, page_publishing
from careops_desktop.runtime import Runtime
from careops_desktop.web.params import format_start
from careops_desktop.web.settings import WebSettings
from tests.web.conftest import hidden_fields
from tests.web.seed import SETUP, Shop

CADDY = shutil.which("caddy")
pytestmark = pytest.mark.skipif(
    CADDY is None, reason="caddy is not installed (bash scripts/system-packages.sh installs it)"
)

NAME = "book.careops.test"
# three POSTs per client, then (practically) never again: the limits are what is tested
LIMITED = WebSettings(min_fill_seconds=0.0, post_burst=3, post_rate_per_minute=0.01)
CUSTOMER = {"name": "Noor Haddad", "email": "noor@example.com", "phone": "", "notes": ""}


@dataclass
class Reply:
    status: int
    headers: http.client.HTTPMessage
    text: str

    def cookie(self) -> str:
        """The CSRF cookie as ``name=value`` (for the next request), or ""."""
        for value in self.headers.get_all("Set-Cookie") or []:
            return value.split(";", 1)[0]
        return ""


@dataclass
class Published:
    """The running page behind Caddy."""

    base: str  # https://book.careops.test:<port>
    proxy_port: int
    listener_port: int
    context: ssl.SSLContext

    def request(
        self,
        method: str,
        path: str,
        *,
        source: str,
        headers: dict[str, str] | None = None,
        body: str | None = None,
        proxied: bool = True,
    ) -> Reply:
        """A request from loopback address ``source``: through Caddy over HTTPS, or with
        ``proxied=False`` a plain one straight to the listener, bypassing Caddy."""
        port = self.proxy_port if proxied else self.listener_port
        sock = socket.create_connection(("127.0.0.1", port), 20, (source, 0))
        connection: http.client.HTTPConnection
        if proxied:
            connection = http.client.HTTPSConnection(NAME, port, context=self.context)
            connection.sock = self.context.wrap_socket(sock, server_hostname=NAME)
        else:
            connection = http.client.HTTPConnection("127.0.0.1", port)
            connection.sock = sock
        return _exchange(connection, method, path, headers, body)

    https = partialmethod(request, proxied=True)
    direct = partialmethod(request, proxied=False)


def _exchange(
    connection: http.client.HTTPConnection,
    method: str,
    path: str,
    headers: dict[str, str] | None,
    body: str | None,
) -> Reply:
    sent = dict(headers or {})
    if body is not None:
        sent.setdefault("Content-Type", "application/x-www-form-urlencoded")
    try:
        connection.request(method, path, body=body, headers=sent)
        response = connection.getresponse()
        return Reply(response.status, response.headers, response.read().decode("utf-8", "replace"))
    finally:
        connection.close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _caddyfile(folder: Path, proxy_port: int, listener_port: int) -> Path:
    path = folder / "Caddyfile"
    path.write_text(
        "{\n"
        "\tadmin off\n"
        "\tskip_install_trust\n"  # never touch the system's trust store
        "\tauto_https disable_redirects\n"
        f"\thttp_port {_free_port()}\n"
        f"\tstorage file_system {folder / 'data'}\n"
        "}\n"
        f"https://{NAME}:{proxy_port} {{\n"
        "\tbind 127.0.0.1\n"
        "\ttls internal\n"
        f"\treverse_proxy 127.0.0.1:{listener_port}\n"
        "}\n"
    )
    return path


def _wait_for_caddy(process: subprocess.Popen[bytes], log: Path, root: Path, port: int) -> None:
    """Wait until Caddy completes a TLS handshake for NAME with its own root certificate.

    An open port is not enough: Caddy issues the site's certificate from its internal CA
    after it starts listening, and a handshake before that ends in an "internal error" alert.
    """
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"caddy stopped: {log.read_text(errors='replace')[-2000:]!r}")
        if root.exists():
            try:
                context = ssl.create_default_context(cafile=str(root))
                with (
                    socket.create_connection(("127.0.0.1", port), 1) as sock,
                    context.wrap_socket(sock, server_hostname=NAME),
                ):
                    return
            except (OSError, ssl.SSLError):
                pass
        time.sleep(0.1)
    raise AssertionError("caddy did not serve its certificate within 30 seconds")


@pytest.fixture
def published(db: Database, shop: Shop, tmp_path: Path) -> Iterator[Published]:
    """The page with public address https://book.careops.test:<port> and Caddy in front."""
    assert CADDY is not None
    proxy_port = _free_port()
    base = f"https://{NAME}:{proxy_port}"
    db.call(business.update_profile, SETUP, public_url=base)
    db.call(page_publishing.set_trusted_proxies, SETUP, "127.0.0.1")
    runtime = Runtime(db, host="127.0.0.1", port=0, jobs=[], settings=LIMITED)
    runtime.start_in_thread()
    assert runtime.port is not None
    log = tmp_path / "caddy.log"
    with log.open("wb") as caddy_log:  # a file, not a pipe: nobody reads it while Caddy runs
        process = subprocess.Popen(
            [CADDY, "run", "--config", str(_caddyfile(tmp_path, proxy_port, runtime.port))],
            cwd=tmp_path,
            env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
            stdout=subprocess.DEVNULL,
            stderr=caddy_log,
        )
    try:
        root = tmp_path / "data" / "pki" / "authorities" / "local" / "root.crt"
        _wait_for_caddy(process, log, root, proxy_port)
        context = ssl.create_default_context(cafile=str(root))
        yield Published(base, proxy_port, runtime.port, context)
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        runtime.stop()


def _outbox_bodies(db: Database, token: str) -> list[str]:
    with db.session() as session:
        booking = session.scalars(select(Booking).where(Booking.manage_token == token)).one()
        rows = session.scalars(
            select(OutboxMessage).where(OutboxMessage.booking_id == booking.id)
        ).all()
        return [row.body for row in rows]


def _form(data: dict[str, str]) -> str:
    return urlencode(data)


def _details_path(shop: Shop, start: datetime) -> str:
    query = urlencode({"start": format_start(start), "provider": shop.grace_id, "choice": "any"})
    return f"/book/{shop.checkup_slug}/details?{query}"


def test_a_whole_booking_through_caddy_over_https(published: Published, shop: Shop, db: Database):
    start = shop.local(shop.day(3), 14)
    details = published.https("GET", _details_path(shop, start), source="127.0.0.2")
    assert details.status == 200, details.text[:300]
    assert details.headers["Strict-Transport-Security"].startswith("max-age=")
    set_cookie = details.headers.get_all("Set-Cookie") or []
    assert set_cookie and all("Secure" in value for value in set_cookie)
    posted = published.https(
        "POST",
        f"/book/{shop.checkup_slug}",
        source="127.0.0.2",
        headers={"Origin": published.base, "Cookie": details.cookie()},
        body=_form({**hidden_fields(details.text), **CUSTOMER}),
    )
    assert posted.status == 303, posted.text[:300]
    found = re.fullmatch(r"/manage/([A-Za-z0-9_-]+)\?booked=1", posted.headers["Location"])
    assert found
    token = found.group(1)
    manage = f"{published.base}/manage/{token}"
    page = published.https("GET", f"/manage/{token}?booked=1", source="127.0.0.2")
    assert page.status == 200 and "You are booked" in page.text
    assert f'href="{manage}"' in page.text
    ics = published.https("GET", f"/manage/{token}/booking.ics", source="127.0.0.2")
    assert manage in ics.text.replace("\r\n ", "")
    bodies = _outbox_bodies(db, token)
    assert any(manage in body for body in bodies)
    for body in bodies:
        for link in re.findall(r"https?://[^\s\"'<>]+", body):
            assert link.startswith(published.base + "/"), link


def test_rate_limits_count_each_real_client_behind_caddy(published: Published) -> None:
    def cancel(source: str) -> int:
        return published.https(
            "POST",
            "/manage/not-a-token/cancel",
            source=source,
            headers={"Origin": published.base},
            body="confirm=yes",
        ).status

    assert [cancel("127.0.0.3") for _ in range(3)] == [403, 403, 403]  # no CSRF token
    assert cancel("127.0.0.3") == 429  # this customer's bucket is empty…
    assert cancel("127.0.0.4") == 403  # …another customer behind the same proxy is not limited


def test_forwarded_headers_from_an_untrusted_address_change_nothing(
    published: Published, shop: Shop
) -> None:
    forged = {
        "X-Forwarded-Proto": "https",
        "X-Forwarded-Host": "evil.test",
    }
    statuses = [
        published.direct(
            "POST",
            "/manage/not-a-token/cancel",
            source="127.0.0.5",
            headers={**forged, "X-Forwarded-For": f"198.51.100.{n}", "Origin": published.base},
            body="confirm=yes",
        ).status
        for n in range(4)
    ]
    assert statuses == [403, 403, 403, 429]  # keyed on 127.0.0.5, whatever it claims
    details = _details_path(shop, shop.local(shop.day(3), 15))
    page = published.direct("GET", details, source="127.0.0.6", headers=forged)
    assert page.status == 200
    assert "evil.test" not in page.text
    assert page.headers.get_all("Set-Cookie")  # the form's token cookie…
    assert "Strict-Transport-Security" not in page.headers
    assert all("Secure" not in value for value in page.headers.get_all("Set-Cookie"))  # …plain
    refused = published.direct("GET", "/", source="127.0.0.6", headers={"Host": "evil.test"})
    assert refused.status == 400
