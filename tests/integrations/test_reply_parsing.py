"""Reading replies: sender, threading headers, stripped text, listed attachments, odd input."""

from __future__ import annotations

import pytest

from careops_desktop.integrations.email_in import parse_email
from careops_desktop.integrations.reply_text import html_to_text, strip_reply
from tests.integrations.mail_samples import (
    apple_reply,
    gmail_reply,
    outlook_reply,
    stranger_mail,
)

OURS = "<170000.1.1@harbour.example.org>"


def test_gmail_reply() -> None:
    parsed = parse_email(gmail_reply(OURS, "Can I move it to Friday?"))
    assert parsed.sender_address == "ada@example.com"
    assert parsed.sender_name == "Ada Lovelace"
    assert parsed.in_reply_to == OURS
    assert parsed.references == (OURS,)
    assert parsed.message_id == "<CAJ1x8gmAiL=q3Wd@mail.gmail.com>"
    assert parsed.content == "Can I move it to Friday?"
    assert parsed.raw is not None and b"Your Initial assessment" in parsed.raw
    assert parsed.attachments == []


@pytest.mark.parametrize("desktop", [False, True])
def test_outlook_reply(desktop: bool) -> None:
    parsed = parse_email(outlook_reply(OURS, "Yes, 10:00 works = great.", desktop=desktop))
    assert parsed.sender_address == "bobby@example.com"
    assert parsed.in_reply_to == OURS
    assert parsed.content == "Yes, 10:00 works = great.\n\nBobby Tables"


def test_apple_mail_reply() -> None:
    parsed = parse_email(apple_reply(OURS, "Running 5 minutes late, sorry!"))
    assert parsed.sender_address == "GRACE@Example.com"
    assert parsed.message_id == "<5E1B4F0A-2C3D-4E5F-8A9B-0C1D2E3F4A5B@example.com>"
    assert parsed.content == "Running 5 minutes late, sorry!"


def test_stranger_with_attachment_listed_not_opened() -> None:
    parsed = parse_email(stranger_mail())
    assert parsed.sender_name == "Zoë Stranger"
    assert parsed.in_reply_to is None and parsed.references == ()
    assert parsed.subject == "Do you treat running injuries?"
    assert parsed.content == "Hi, I hurt my knee running. Can you help?"
    assert parsed.attachments == [
        {"name": "scan.pdf", "size": 48, "content_type": "application/pdf"}
    ]


def test_html_only_mail_is_read_as_text_without_quotes_or_markup() -> None:
    raw = (
        b"From: x@example.com\r\nSubject: hi\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
        b"<html><head><style>p{color:red}</style></head><body><p>Fine &amp; dandy"
        b"<script>alert(1)</script></p><blockquote type='cite'>old stuff</blockquote></body>"
    )
    assert parse_email(raw).content == "Fine & dandy"


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"\x00\xff\xfe garbage without headers",
        b"From: <>\r\nSubject: =?bogus?Q?x?=\r\nContent-Type: text/plain; charset=klingon\r\n\r\n"
        b"\xe9t\xe9",
        b"From: a@b.example\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\n",
    ],
)
def test_malformed_mail_never_raises_and_keeps_the_raw_bytes(raw: bytes) -> None:
    parsed = parse_email(raw)
    assert parsed.raw == raw
    assert parsed.sender_address


def test_too_large_mail_says_so() -> None:
    parsed = parse_email(b"From: a@b.example\r\nSubject: big\r\n\r\n", too_large=True)
    assert "too large" in parsed.content


def test_strip_reply_keeps_text_when_only_quotes_remain() -> None:
    text = "> On Mon, X wrote:\n> hello"
    assert strip_reply(text) == text


def test_strip_reply_keeps_ordinary_lines_that_merely_mention_from() -> None:
    text = "From: my side, Tuesday is fine.\nThanks"
    assert strip_reply(text) == text


def test_strip_reply_signature_delimiter() -> None:
    assert strip_reply("See you then\n-- \nAda\n+44 7700 900123") == "See you then"


def test_html_to_text_skips_outlook_and_gmail_quotes() -> None:
    markup = (
        '<div>New words</div><div class="gmail_quote">old</div><p>after<br>line</p>'
        '<div id="divRplyFwdMsg">From: us</div><p>our quoted mail (a sibling)</p>'
    )
    assert html_to_text(markup) == "New words\n\nafter\nline"
