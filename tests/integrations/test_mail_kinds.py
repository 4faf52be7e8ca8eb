"""Classifying incoming mail: bounces (with recipients, reasons and the returned Message-ID),
automatic replies, and people writing — on the .eml samples and on generated input."""

from __future__ import annotations

from datetime import UTC, datetime
from email import message_from_bytes, policy

import pytest
from flufl.bounce import all_failures
from hypothesis import given, settings
from hypothesis import strategies as st

from careops_desktop.integrations.mail_kinds import classify, read_bounce
from tests.integrations.eml_samples import AUTO_REPLIES, BOUNCES, EML, load
from tests.integrations.mail_samples import apple_reply, gmail_reply, outlook_reply, stranger_mail


def test_every_sample_says_which_layout_it_follows() -> None:
    names = sorted(p.name for p in EML.glob("*.eml"))
    assert names and set(BOUNCES) | set(AUTO_REPLIES) <= set(names)
    for name in names:
        first = load(name).split(b"\r\n", 1)[0]
        assert first.startswith(b"X-Sample-Layout: ") and len(first) > 25, name


@pytest.mark.parametrize("name", sorted(BOUNCES))
def test_flufl_bounce_finds_the_failed_recipient_of_each_layout(name: str) -> None:
    """The library evaluation (issue 14): flufl.bounce detects every sample's recipient."""
    address = BOUNCES[name][0]
    temporary, permanent = all_failures(message_from_bytes(load(name), policy=policy.compat32))
    assert permanent == {address.encode()} and not temporary


@pytest.mark.parametrize("name", sorted(BOUNCES))
def test_bounces_say_who_failed_why_and_which_message(name: str) -> None:
    address, returned, status, words = BOUNCES[name]
    kind = classify(load(name))
    assert kind.kind == "bounce" and kind.bounce is not None
    (recipient,) = kind.bounce.recipients
    assert recipient.address == address
    assert recipient.permanent
    assert recipient.status == status
    assert words in recipient.reason
    assert "\n" not in recipient.reason and len(recipient.reason) <= 500
    assert kind.bounce.returned_ids[0] == returned


def test_the_bounce_says_when_it_was_written() -> None:
    bounce = read_bounce(load("bounce_postfix.eml"))
    assert bounce is not None
    assert bounce.reported_at == datetime(2026, 5, 4, 10, 0, 3, tzinfo=UTC)
    undated = load("bounce_postfix.eml").replace(b"\r\nDate: ", b"\r\nX-Old-Date: ", 1)
    assert read_bounce(undated).reported_at is None  # type: ignore[union-attr]


def _postfix_bounce_with(*swaps: tuple[bytes, bytes]) -> bytes:
    """The Postfix bounce sample with each ``(old, new)`` replaced everywhere."""
    raw = load("bounce_postfix.eml")
    for old, new in swaps:
        raw = raw.replace(old, new)
    return raw


def test_a_delay_notice_is_not_permanent() -> None:
    delayed = _postfix_bounce_with(
        (b"Action: failed", b"Action: delayed"),
        (b"Status: 5.1.1", b"Status: 4.4.1"),
        (b"550 5.1.1", b"451 4.4.1"),
    )
    bounce = read_bounce(delayed)
    assert bounce is not None
    assert [r.permanent for r in bounce.recipients] == [False]


@pytest.mark.parametrize("name", sorted(BOUNCES))
def test_raw_8bit_header_bytes_do_not_hide_the_recipient(name: str) -> None:
    """flufl.bounce stops on compat32's ``Header`` objects; the bounce is read again."""
    raw = (
        load(name)
        .replace(b"\r\nSubject: ", "\r\nSubject: Zoë ".encode(), 1)
        .replace(b"\r\nFrom: ", "\r\nFrom: Zoë ".encode(), 1)
        .replace(b"Action: failed", "Action: failed é".encode())
    )
    kind = classify(raw)
    assert kind.bounce is not None
    assert [r.address for r in kind.bounce.recipients] == [BOUNCES[name][0]]


def test_a_success_report_is_not_a_bounce() -> None:
    delivered = _postfix_bounce_with(
        (b"Action: failed", b"Action: delivered"),
        (b"Status: 5.1.1", b"Status: 2.0.0"),
        (b"Subject: Undelivered Mail Returned to Sender", b"Subject: Successful Mail"),
    )
    delivered = (
        delivered.split(b"This is the mail system", 1)[0]
        + delivered.split(b"(in reply to RCPT TO command)", 1)[1]
    )
    assert classify(delivered).kind == "auto"


@pytest.mark.parametrize("name", AUTO_REPLIES)
def test_automatic_reply_samples(name: str) -> None:
    assert classify(load(name)).kind == "auto"


PERSON = (
    b"From: Ada <ada@example.com>\r\nTo: desk@harbour.example.org\r\n"
    b"Subject: Hello\r\nMessage-ID: <p1@example.com>\r\n\r\nHi there\r\n"
)


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        (b"Auto-Submitted: auto-replied", "auto"),
        (b"Auto-Submitted: auto-generated", "auto"),
        (b"Auto-Submitted: auto-notified; owner-email=x@y", "auto"),
        (b"Auto-Submitted: no", "person"),
        (b"Auto-Submitted: No ; comment", "person"),
        (b"X-Autoreply: yes", "auto"),
        (b"X-Autorespond: Out of office", "auto"),
        (b"Precedence: auto_reply", "auto"),
        (b"Precedence: bulk", "auto"),
        (b"Precedence: list", "auto"),
        (b"Precedence: first-class", "person"),
        (b"Return-Path: <>", "auto"),
        (b"Return-Path: <ada@example.com>", "person"),
        (b"X-Mailer: Thunderbird", "person"),
    ],
)
def test_automatic_reply_headers(header: bytes, kind: str) -> None:
    assert classify(header + b"\r\n" + PERSON).kind == kind


def test_people_writing_are_people() -> None:
    for raw in (
        gmail_reply("<x@harbour.example.org>", "Yes"),
        outlook_reply("<x@harbour.example.org>", "Yes"),
        outlook_reply("<x@harbour.example.org>", "Yes", desktop=True),
        apple_reply("<x@harbour.example.org>", "Yes"),
        stranger_mail(),
        PERSON,
    ):
        assert classify(raw).kind == "person"


def test_a_customer_writing_about_a_failed_delivery_is_a_person() -> None:
    raw = PERSON.replace(
        b"Hi there", b"My parcel: delivery failed, 550 5.1.1 user unknown. Undeliverable!"
    ).replace(b"Subject: Hello", b"Subject: Undeliverable parcel")
    assert classify(raw).kind == "person"


def test_a_mailer_daemon_message_without_recipients_is_automatic() -> None:
    raw = PERSON.replace(b"Ada <ada@example.com>", b"MAILER-DAEMON@mx.example.org")
    assert classify(raw).kind == "auto"


def test_nothing_is_a_person() -> None:
    assert classify(None).kind == "person"
    assert classify(b"").kind == "person"


@settings(max_examples=150, deadline=None)
@given(
    st.binary(max_size=400),
    st.sampled_from(sorted(BOUNCES) + list(AUTO_REPLIES)),
    st.integers(min_value=0, max_value=4000),
)
def test_damaged_samples_never_raise(noise: bytes, name: str, cut: int) -> None:
    raw = load(name)
    damaged = raw[:cut] + noise + raw[cut + len(noise) :]
    assert classify(damaged).kind in ("bounce", "auto", "person")


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_never_raise(raw: bytes) -> None:
    assert classify(raw).kind in ("bounce", "auto", "person")
