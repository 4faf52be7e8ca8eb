"""SMS against the local Twilio stand-in: sending, listing inbound, and every documented error."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import TypeVar

import pytest

from careops_desktop.integrations.sms import SmsError, TwilioClient
from tests.integrations.smtp_server import free_port
from tests.integrations.twilio_standin import TwilioStandIn

T = TypeVar("T")
OURS = "+447700900001"


def run_with_standin(scenario: Callable[[TwilioStandIn], Awaitable[T]]) -> tuple[T, TwilioStandIn]:
    standin = TwilioStandIn()

    async def main() -> T:
        await standin.start()
        try:
            return await scenario(standin)
        finally:
            await standin.stop()

    return asyncio.run(main()), standin


def _client(standin: TwilioStandIn, token: str | None = None) -> TwilioClient:
    return TwilioClient(
        standin.base_url, standin.account_sid, token or standin.auth_token, timeout=5
    )


def test_send_posts_to_the_messages_resource() -> None:
    async def scenario(standin: TwilioStandIn) -> str:
        async with _client(standin) as client:
            sent = await client.send("+447700900123", OURS, "See you at 10:00 ✓")
        assert sent.status == "queued"
        return sent.sid

    sid, standin = run_with_standin(scenario)
    (message,) = standin.sent
    assert message.sid == sid
    assert (message.to, message.sender, message.body) == (
        "+447700900123",
        OURS,
        "See you at 10:00 ✓",
    )
    assert standin.requests[0][0] == "POST"
    assert standin.requests[0][1].endswith(f"/Accounts/{standin.account_sid}/Messages.json")


@pytest.mark.parametrize(
    ("to", "code", "permanent"),
    [("07700 900123", 21211, True), ("+1", 21211, True)],
)
def test_invalid_to_is_a_permanent_error(to: str, code: int, permanent: bool) -> None:
    async def scenario(standin: TwilioStandIn) -> SmsError:
        async with _client(standin) as client:
            with pytest.raises(SmsError) as caught:
                await client.send(to, OURS, "hi")
        return caught.value

    error, standin = run_with_standin(scenario)
    assert (error.status, error.code, error.permanent) == (400, code, permanent)
    assert "not a valid phone number" in str(error)
    assert standin.sent == []


def test_wrong_token_is_a_401_in_words_and_retryable() -> None:
    async def scenario(standin: TwilioStandIn) -> SmsError:
        async with _client(standin, token="wrong-token") as client:
            with pytest.raises(SmsError) as caught:
                await client.send("+447700900123", OURS, "hi")
        return caught.value

    error, _ = run_with_standin(scenario)
    assert error.status == 401 and not error.permanent
    assert "account SID and auth token" in str(error)
    assert "wrong-token" not in str(error)


@pytest.mark.parametrize(("status", "code"), [(429, 20429), (500, 0), (503, 0)])
def test_rate_limit_and_server_errors_are_retryable(status: int, code: int) -> None:
    async def scenario(standin: TwilioStandIn) -> tuple[SmsError, int]:
        standin.fail_next(status, code, "Too Many Requests" if status == 429 else "")
        async with _client(standin) as client:
            with pytest.raises(SmsError) as caught:
                await client.send("+447700900123", OURS, "hi")
            await client.send("+447700900123", OURS, "hi again")
        return caught.value, len(standin.sent)

    (error, sent), _ = run_with_standin(scenario)
    assert error.status == status and not error.permanent
    assert sent == 1


def test_foreign_from_number_and_bad_bodies() -> None:
    async def scenario(standin: TwilioStandIn) -> list[SmsError]:
        errors = []
        async with _client(standin) as client:
            for to, sender, body in [
                ("+447700900123", "+15005550006", "hi"),
                ("+447700900123", OURS, ""),
                ("+447700900123", OURS, "x" * 1601),
            ]:
                with pytest.raises(SmsError) as caught:
                    await client.send(to, sender, body)
                errors.append(caught.value)
        return errors

    errors, standin = run_with_standin(scenario)
    assert errors[0].code == 21606
    assert all(e.permanent for e in errors)
    assert standin.sent == []


def test_unknown_account_is_a_404_in_words() -> None:
    async def scenario(standin: TwilioStandIn) -> SmsError:
        standin.fail_next(404, 20404, "The requested resource was not found")
        async with _client(standin) as client:
            with pytest.raises(SmsError) as caught:
                await client.send("+447700900123", OURS, "hi")
        return caught.value

    error, _ = run_with_standin(scenario)
    assert error.status == 404 and not error.permanent
    assert "account SID" in str(error)


def test_list_incoming_follows_pages_and_keeps_only_inbound() -> None:
    now = datetime(2026, 5, 4, 12, 0, tzinfo=UTC)

    async def scenario(standin: TwilioStandIn) -> list[str]:
        for n in range(230):
            standin.add_inbound("+447700900555", f"msg {n}", now - timedelta(minutes=230 - n))
        standin.add_inbound("+447700900555", "old", now - timedelta(days=10))
        standin.add_inbound("+447700900555", "to another number", now, to="+447700900999")
        async with _client(standin) as client:
            await client.send("+447700900123", OURS, "outbound, not listed")
            found = await client.list_incoming(OURS, now - timedelta(hours=6))
        return [m.body for m in found]

    bodies, standin = run_with_standin(scenario)
    assert bodies == [f"msg {n}" for n in range(230)]
    assert sum(1 for method, _ in standin.requests if method == "GET") == 3


def test_nothing_listening_is_said_plainly() -> None:
    async def scenario() -> SmsError:
        async with TwilioClient(f"http://127.0.0.1:{free_port()}", "AC1", "t") as client:
            with pytest.raises(SmsError) as caught:
                await client.send("+447700900123", OURS, "hi")
        return caught.value

    error = asyncio.run(scenario())
    assert "could not be reached" in str(error) and not error.permanent


def test_missing_credentials_are_refused() -> None:
    with pytest.raises(SmsError, match="not set up"):
        TwilioClient("https://api.twilio.com", "", "")
    with pytest.raises(SmsError, match="not usable"):
        TwilioClient("ftp://x", "AC1", "t")
