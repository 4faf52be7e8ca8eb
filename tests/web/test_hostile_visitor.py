"""The booking page as a hostile visitor tries it, end to end through the real listener.

Each numbered section of issue 13 is self-contained (its own helpers and fixtures).
"""

from __future__ import annotations

# --- 2. links and Host
#
# With "Address customers use" blank, every link (page, email, .ics) is the address the
# listener actually bound, never localhost and never what the Host header says; a Host
# that is none of the page's own names gets 400.
import html as links_html
import os as links_os
import re as links_re
import signal as links_signal
import socket as links_socket
import subprocess as links_subprocess
import sys as links_sys
import time as links_time
import urllib.parse as links_parse
from pathlib import Path as LinksPath

import pytest
import requests as links_requests
from sqlalchemy import select as links_select

from careops_desktop.core import page_address as links_page_address
from careops_desktop.core.db import Database as LinksDatabase
from careops_desktop.core.models import Booking as LinksBooking
from careops_desktop.core.models import OutboxMessage as LinksOutbox
from careops_desktop.core.services import business as links_business
from careops_desktop.web.params import format_start as links_format_start
from tests.web.conftest import AppClient as LinksAppClient
from tests.web.conftest import hidden_fields as links_hidden_fields
from tests.web.seed import SETUP as LINKS_SETUP
from tests.web.seed import Shop as LinksShop

LINKS_ROOT = LinksPath(__file__).resolve().parents[2]
LINKS_EVIL = "evil.test"
LINKS_CUSTOMER = {"name": "Lin Park", "email": "lin@example.com", "phone": "", "notes": ""}


def links_free_port() -> int:
    with links_socket.socket() as probe:
        probe.bind(("0.0.0.0", 0))
        return int(probe.getsockname()[1])


def links_serve(db: LinksDatabase, port: int) -> links_subprocess.Popen[str]:
    """``careops serve --host 0.0.0.0 --port <port>``, the form's timing check off."""
    env = dict(
        links_os.environ,
        PYTHONPATH=str(LINKS_ROOT),
        PYTHONUNBUFFERED="1",
        CAREOPS_WEB_MIN_FILL_SECONDS="0",
    )
    command = [links_sys.executable, "-m", "careops_desktop", "--db", db.url, "serve"]
    return links_subprocess.Popen(
        [*command, "--host", "0.0.0.0", "--port", str(port)],
        cwd=LINKS_ROOT,
        env=env,
        stdout=links_subprocess.PIPE,
        stderr=links_subprocess.PIPE,
        text=True,
    )


def links_printed_addresses(process: links_subprocess.Popen[str]) -> list[str]:
    """The "Booking page: …" addresses ``careops serve`` prints, once it is listening."""
    assert process.stdout is not None
    found: list[str] = []
    deadline = links_time.monotonic() + 60
    while links_time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        if line.startswith("Booking page:"):
            found.append(line.split(": ", 1)[1].strip())
        if line.startswith(("Press Ctrl+C", "Listening")):
            break
    assert found, "careops serve printed no address"
    return found


def links_book(base: str, shop: LinksShop) -> tuple[links_requests.Session, str]:
    """A whole booking through the real form at ``base``; returns the session and token."""
    browser = links_requests.Session()
    start = shop.local(shop.day(3), 11)
    details = browser.get(
        f"{base}/book/{shop.checkup_slug}/details",
        params={"start": links_format_start(start), "provider": shop.grace_id, "choice": "any"},
        timeout=20,
    )
    assert details.status_code == 200, details.text[:500]
    form = {**links_hidden_fields(details.text), **LINKS_CUSTOMER}
    posted = browser.post(
        f"{base}/book/{shop.checkup_slug}",
        data=form,
        headers={"Origin": base},
        allow_redirects=False,
        timeout=20,
    )
    assert posted.status_code == 303, posted.text[:500]
    found = links_re.fullmatch(r"/manage/([A-Za-z0-9_-]+)\?booked=1", posted.headers["Location"])
    assert found, posted.headers["Location"]
    return browser, found.group(1)


def links_outbox_bodies(db: LinksDatabase, token: str) -> list[str]:
    with db.session() as session:
        booking = session.scalars(
            links_select(LinksBooking).where(LinksBooking.manage_token == token)
        ).one()
        rows = session.scalars(
            links_select(LinksOutbox).where(LinksOutbox.booking_id == booking.id)
        ).all()
        return [row.body for row in rows]


def links_in(text: str) -> list[str]:
    """Every http(s) address in ``text`` (HTML-unescaped)."""
    return links_re.findall(r"https?://[^\s\"'<>]+", links_html.unescape(text))


def test_serve_on_all_interfaces_mails_the_lan_address_that_opens_the_booking(
    db: LinksDatabase, shop: LinksShop
) -> None:
    port = links_free_port()
    process = links_serve(db, port)
    try:
        printed = links_printed_addresses(process)
        lan = printed[0]  # what the status bar and careops serve show first
        parts = links_parse.urlsplit(lan)
        assert parts.port == port and parts.hostname not in ("localhost", "127.0.0.1")

        _browser, token = links_book(lan, shop)
        manage = f"{lan}/manage/{token}"
        bodies = links_outbox_bodies(db, token)
        assert bodies, "no message was queued for the booking"
        confirmation = [body for body in bodies if "/manage/" in body]
        assert confirmation and all(manage in body for body in confirmation)
        for body in bodies:
            for link in links_in(body):
                assert link.startswith(lan), link
        # the mailed link opens the booking
        opened = links_requests.get(manage, timeout=20)
        assert opened.status_code == 200 and "Check-up" in opened.text
        assert f'href="{manage}"' in opened.text
        ics = links_requests.get(f"{manage}/booking.ics", timeout=20)
        assert ics.status_code == 200 and manage in ics.text.replace("\r\n ", "")

        # a visitor who names another host gets 400, and that name is in no link
        for path in ("/", f"/manage/{token}", f"/manage/{token}/booking.ics", "/healthz"):
            refused = links_requests.get(lan + path, headers={"Host": LINKS_EVIL}, timeout=20)
            assert refused.status_code == 400, path
            assert LINKS_EVIL not in refused.text
        forged = links_requests.post(
            f"{lan}/manage/{token}/cancel",
            headers={"Host": f"{LINKS_EVIL}:{port}", "Origin": f"http://{LINKS_EVIL}:{port}"},
            data={"confirm": "yes"},
            timeout=20,
        )
        assert forged.status_code == 400
        again = links_requests.get(manage, timeout=20)
        assert "Cancelled" not in again.text
        assert all(LINKS_EVIL not in body for body in links_outbox_bodies(db, token))
    finally:
        process.send_signal(links_signal.SIGTERM)
        _out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "Traceback" not in err


@pytest.mark.asyncio
async def test_links_on_pages_never_come_from_the_host_header(
    db: LinksDatabase, shop: LinksShop, make_client: LinksAppClient
) -> None:
    db.call(links_business.update_profile, LINKS_SETUP, public_url="http://frontdesk.local:8765/")
    client = await make_client()
    start = shop.local(shop.day(2), 10)
    details = await client.get(
        f"/book/{shop.checkup_slug}/details",
        params={"start": links_format_start(start), "provider": shop.grace_id, "choice": "any"},
    )
    origin = str(client.make_url("")).rstrip("/")
    posted = await client.post(
        f"/book/{shop.checkup_slug}",
        data={**links_hidden_fields(await details.text()), **LINKS_CUSTOMER},
        headers={"Origin": origin},
        allow_redirects=False,
    )
    assert posted.status == 303
    token = posted.headers["Location"].split("/")[2].split("?")[0]
    manage = f"http://frontdesk.local:8765/manage/{token}"
    # the page answers to its own names; every link is the configured address
    for host in ("127.0.0.1", "localhost", "frontdesk.local:8765", "[::1]:9"):
        page = await client.get(f"/manage/{token}", headers={"Host": host})
        assert page.status == 200, host
        assert f'href="{manage}"' in await page.text()
        ics = await client.get(f"/manage/{token}/booking.ics", headers={"Host": host})
        assert manage in (await ics.text()).replace("\r\n ", "")
    # a name that is not the page's own, or no usable name at all: 400
    for host in (LINKS_EVIL, f"{LINKS_EVIL}:8765", "frontdesk.local.evil.test", "a b", "x@y"):
        refused = await client.get(f"/manage/{token}", headers={"Host": host})
        assert refused.status == 400, host
        assert LINKS_EVIL not in await refused.text()
    # forwarded headers from a visitor who is not a trusted proxy change nothing
    page = await client.get(
        f"/manage/{token}",
        headers={"X-Forwarded-Host": LINKS_EVIL, "X-Forwarded-Proto": "https"},
    )
    text = await page.text()
    assert page.status == 200 and LINKS_EVIL not in text
    assert "Strict-Transport-Security" not in page.headers
    assert all(LINKS_EVIL not in body for body in links_outbox_bodies(db, token))
    assert all(
        link.startswith("http://frontdesk.local:8765/")
        for body in links_outbox_bodies(db, token)
        for link in links_in(body)
    )


def test_the_public_address_is_the_setting_else_the_bound_listener(
    db: LinksDatabase, shop: LinksShop
) -> None:
    from careops_desktop.runtime import Runtime

    assert db.call(links_business.public_base_url) == "http://localhost:8765"  # no listener
    runtime = Runtime(db, host="127.0.0.1", port=0, jobs=[])
    runtime.start_in_thread()
    try:
        bound = f"http://127.0.0.1:{runtime.port}"
        assert db.call(links_business.public_base_url) == bound
        assert links_page_address.listener_url() == bound
        db.call(links_business.update_profile, LINKS_SETUP, public_url="https://book.example.com")
        assert db.call(links_business.public_base_url) == "https://book.example.com"
    finally:
        runtime.stop()
    assert links_page_address.listener_url() is None
    db.call(links_business.update_profile, LINKS_SETUP, public_url="")
    assert db.call(links_business.public_base_url) == "http://localhost:8765"


def test_a_new_port_in_settings_moves_the_listener_and_every_link(
    db: LinksDatabase, shop: LinksShop
) -> None:
    from careops_desktop.runtime import Runtime

    first, second = links_free_port(), links_free_port()
    db.call(
        links_business.update_profile, LINKS_SETUP, page_bind_address="127.0.0.1", page_port=first
    )
    runtime = Runtime(db, host="127.0.0.1", port=first, jobs=[], follow_settings=True)
    moved: list[str] = []
    runtime.on_rebound = lambda running: moved.append(running.url)
    runtime.start_in_thread()
    try:
        assert db.call(links_business.public_base_url) == f"http://127.0.0.1:{first}"
        db.call(links_business.update_profile, LINKS_SETUP, page_port=second)
        deadline = links_time.monotonic() + 10
        while runtime.port != second and links_time.monotonic() < deadline:
            links_time.sleep(0.05)
        assert moved == [f"http://127.0.0.1:{second}"]
        assert db.call(links_business.public_base_url) == f"http://127.0.0.1:{second}"
        assert links_requests.get(f"{moved[0]}/healthz", timeout=10).status_code == 200
        with pytest.raises(links_requests.ConnectionError):
            links_requests.get(f"http://127.0.0.1:{first}/healthz", timeout=5)
        # a port that is taken leaves the page (and its links) where they were, in words
        with links_socket.socket() as taken:
            taken.bind(("127.0.0.1", 0))
            taken.listen()
            busy = taken.getsockname()[1]
            db.call(links_business.update_profile, LINKS_SETUP, page_port=busy)
            deadline = links_time.monotonic() + 10
            while not runtime.rebind_error and links_time.monotonic() < deadline:
                links_time.sleep(0.05)
        assert f"127.0.0.1:{busy}" in runtime.rebind_error
        assert runtime.port == second
        assert db.call(links_business.public_base_url) == f"http://127.0.0.1:{second}"
    finally:
        runtime.stop()
