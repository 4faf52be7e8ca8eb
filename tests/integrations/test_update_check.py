"""The opt-in update check against a real aiohttp server on loopback: a signed newer
release, the same version, a tampered feed, a feed signed by another key, an unreachable
server, an oversize answer, a redirect, a slow server, malformed JSON, hostile notes —
and nothing sent beyond the plain request."""

from __future__ import annotations

import asyncio
import json
import socket
from typing import Any

import pytest
from aiohttp import web
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careops_desktop import __version__
from careops_desktop.integrations.release_feed import (
    MAX_NOTES_CHARS,
    FeedError,
    FeedNotVerified,
    load_public_key,
    parse_feed,
    public_key_text,
    sign_release,
    version_key,
)
from careops_desktop.integrations.update_check import (
    USER_AGENT,
    check_for_update,
    feed_url_problem,
    release_key,
)
from tests.integrations.feed_server import body, feed_server

KEY = Ed25519PrivateKey.generate()
PUBLIC = KEY.public_key()


def release(
    version: str = "9.1.0", notes: str = "Faster calendar.\nFixed reminders."
) -> dict[str, str]:
    return {
        "version": version,
        "published": "2027-01-15",
        "url": "https://example.org/careops/9.1.0",
        "notes": notes,
    }


def feed_bytes(document: dict[str, Any]) -> bytes:
    return json.dumps(document).encode()


def test_a_newer_signed_release_is_reported_with_its_notes_and_link() -> None:
    with feed_server(body(feed_bytes(sign_release(release(), KEY)))) as server:
        answer = check_for_update(server.url, PUBLIC)
    assert answer.newer and answer.current == __version__
    assert answer.release.version == "9.1.0"
    assert answer.release.notes == "Faster calendar.\nFixed reminders."
    assert answer.release.url == "https://example.org/careops/9.1.0"


def test_nothing_is_sent_beyond_the_plain_request() -> None:
    with feed_server(body(feed_bytes(sign_release(release(), KEY)))) as server:
        check_for_update(server.url, PUBLIC)
    (seen,) = server.requests
    assert seen.path == "/feed.json" and seen.query == ""
    assert seen.headers["User-Agent"] == USER_AGENT == f"CareOps-Desktop/{__version__}"
    assert "Cookie" not in seen.headers and "Authorization" not in seen.headers
    assert set(seen.headers) <= {"Host", "User-Agent", "Accept", "Accept-Encoding", "Connection"}


def test_the_same_version_is_not_newer() -> None:
    document = sign_release(release(version=__version__), KEY)
    with feed_server(body(feed_bytes(document))) as server:
        answer = check_for_update(server.url, PUBLIC)
    assert not answer.newer and answer.release.version == __version__


def test_a_tampered_feed_is_refused_in_words_without_its_version() -> None:
    document = sign_release(release(), KEY)
    document["release"]["notes"] = "Download the new version from http://evil.example/"
    with feed_server(body(feed_bytes(document))) as server, pytest.raises(FeedNotVerified) as err:
        check_for_update(server.url, PUBLIC)
    words = str(err.value)
    assert "could not be verified" in words and "Nothing from it is shown" in words
    assert "9.1.0" not in words and "evil" not in words


def test_a_feed_signed_by_another_key_is_refused() -> None:
    document = sign_release(release(), Ed25519PrivateKey.generate())
    with feed_server(body(feed_bytes(document))) as server, pytest.raises(FeedNotVerified):
        check_for_update(server.url, PUBLIC)


def test_a_changed_version_breaks_the_signature() -> None:
    document = sign_release(release(version="9.1.0"), KEY)
    document["release"]["version"] = "99.0.0"
    with pytest.raises(FeedNotVerified):
        parse_feed(feed_bytes(document), PUBLIC)


def test_reindented_feed_still_verifies() -> None:
    document = sign_release(release(notes="Ünïcode — notes"), KEY)
    raw = json.dumps(document, indent=4, ensure_ascii=False).encode("utf-8")
    assert parse_feed(raw, PUBLIC).notes == "Ünïcode — notes"


def test_an_unreachable_server_is_said_in_words() -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(FeedError, match="could not be reached"):
        check_for_update(f"http://127.0.0.1:{port}/feed.json", PUBLIC, timeout=5)


def test_an_oversize_answer_is_not_read() -> None:
    async def chunked(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse()
        response.enable_chunked_encoding()
        await response.prepare(request)
        for _ in range(200):
            await response.write(b"x" * 8192)
        return response

    with feed_server(chunked) as server, pytest.raises(FeedError, match="more than 64 KB"):
        check_for_update(server.url, PUBLIC)
    big = body(b"[" + b"1," * 100_000 + b"1]")  # with a Content-Length this time
    with feed_server(big) as server, pytest.raises(FeedError, match="more than 64 KB"):
        check_for_update(server.url, PUBLIC)


def test_malformed_json_is_not_a_feed() -> None:
    for raw in (b"{not json", b"\xff\xfe", b"[1, 2]", b'{"format": 1}', b"[" * 5000):
        with feed_server(body(raw)) as server, pytest.raises(FeedError, match="not a CareOps"):
            check_for_update(server.url, PUBLIC)


def test_an_error_status_and_a_redirect_are_said_and_not_followed() -> None:
    with feed_server(body(b"gone", status=500)) as server, pytest.raises(FeedError, match="500"):
        check_for_update(server.url, PUBLIC)

    async def redirect(request: web.Request) -> web.StreamResponse:
        raise web.HTTPFound("/feed.json?tracking=1")

    with feed_server(redirect) as server, pytest.raises(FeedError, match="does not follow"):
        check_for_update(server.url, PUBLIC)
    assert len(server.requests) == 1


def test_a_slow_server_ends_at_the_time_limit() -> None:
    async def slow(request: web.Request) -> web.StreamResponse:
        await asyncio.sleep(5)
        return web.Response(text="{}")

    with feed_server(slow) as server, pytest.raises(FeedError, match="did not answer within"):
        check_for_update(server.url, PUBLIC, timeout=0.5)


def test_hostile_release_notes_come_back_as_plain_capped_text() -> None:
    hostile = (
        "<script>alert(1)</script><a href='javascript:x'>click</a>\x1b[31m\x00"
        "\u202egnp.exe\u200b" + "A" * (MAX_NOTES_CHARS + 500)
    )
    document = sign_release(release(notes=hostile), KEY)
    document["release"]["url"] = "javascript:alert(1)"
    document = sign_release(document["release"], KEY)
    parsed = parse_feed(feed_bytes(document), PUBLIC)
    assert "<script>" in parsed.notes  # left as text: the window shows it as plain text
    assert not any(ch in parsed.notes for ch in "\x1b\x00\u202e\u200b")
    assert len(parsed.notes) <= MAX_NOTES_CHARS + 2
    assert parsed.url == ""  # only https links are offered


def test_a_version_that_is_not_dotted_numbers_is_refused() -> None:
    document = sign_release(release(version="9.1.0-beta<script>"), KEY)
    with pytest.raises(FeedError, match="does not understand"):
        parse_feed(feed_bytes(document), PUBLIC)
    assert version_key("0.10.0") > version_key("0.9.9") > version_key("0.9")


def test_feed_addresses_that_would_send_more_are_refused() -> None:
    assert feed_url_problem("https://releases.example.org/feed.json") is None
    for url in (
        "https://releases.example.org/feed.json?id=123",
        "https://user:pw@releases.example.org/feed.json",
        "https://releases.example.org/feed.json#x",
        "ftp://releases.example.org/feed.json",
        "file:///etc/passwd",
        "not a url",
    ):
        assert feed_url_problem(url), url
        with pytest.raises(FeedError):
            check_for_update(url, PUBLIC)


def test_the_shipped_release_key_loads() -> None:
    key = release_key()
    assert load_public_key(public_key_text(key)).public_bytes_raw() == key.public_bytes_raw()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000) | st.text(max_size=500).map(str.encode))
def test_any_bytes_give_a_feed_error_or_a_verified_release(raw: bytes) -> None:
    try:
        parse_feed(raw, PUBLIC)
    except FeedError:
        pass
