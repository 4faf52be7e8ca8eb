"""Real client layouts (``eml/``) through the real parser: the text as the customer wrote it."""

from __future__ import annotations

import pytest

from careops_desktop.integrations import email_in
from careops_desktop.integrations.email_in import (
    UNREADABLE_NOTE,
    parse_email,
    read_email,
    unreadable_email,
)
from careops_desktop.integrations.mail_text import decode_body, unflow
from careops_desktop.integrations.reply_text import html_to_text
from tests.integrations.eml_samples import AUTO_REPLIES, BOUNCES, FOLDER, NEW_TEXT, layout, sample
from tests.integrations.reply_evaluation import evaluate


def test_every_sample_file_is_listed_and_says_its_layout() -> None:
    others = set(BOUNCES) | set(AUTO_REPLIES)
    assert sorted(p.name for p in FOLDER.glob("*.eml")) == sorted(set(NEW_TEXT) | others)
    for name in NEW_TEXT:
        assert len(layout(sample(name))) > 10, name


@pytest.mark.parametrize("name", sorted(NEW_TEXT))
def test_sample_reads_as_written(name: str) -> None:
    parsed = read_email(sample(name))  # the strict reader: no fallback hides a failure here
    assert parsed.content == NEW_TEXT[name]
    assert parsed.raw == sample(name)


def test_windows_1252_bytes_in_a_latin1_body_and_header() -> None:
    parsed = read_email(sample("webmail_8bit_cp1252_as_latin1.eml"))
    assert "45 €" in parsed.content and "\x80" not in parsed.content
    assert parsed.sender_name == "Marta Ibáñez"


def test_raw_8bit_headers_read_as_utf8_then_windows_1252() -> None:
    utf8 = read_email(sample("raw_8bit_utf8_headers.eml"))
    assert (utf8.sender_name, utf8.subject) == ("Renée Müller", "Termin für nächste Woche")
    cp1252 = read_email(sample("raw_8bit_cp1252_headers.eml"))
    assert (cp1252.sender_name, cp1252.subject) == ("Renée François", "Rendez-vous – déplacement")
    assert cp1252.sender_address == "renee.f@example.fr"


def test_valueless_filename_star_is_an_unnamed_attachment() -> None:
    parsed = read_email(sample("attachment_filename_star_no_value.eml"))
    assert parsed.attachments == [{"name": "(unnamed)", "size": 51, "content_type": "image/jpeg"}]


def test_nul_in_charset_reads_the_text() -> None:
    assert read_email(sample("nul_in_charset.eml")).content == "Do you open on Saturdays?"


def test_outlook_html_keeps_only_the_new_text() -> None:
    parsed = read_email(sample("outlook365_html_only_reply.eml"))
    assert "Initial assessment" not in parsed.content and "From:" not in parsed.content


def test_stray_end_tag_inside_a_quote_does_not_end_it() -> None:
    markup = (
        "<div><p>New words</p><blockquote type='cite'><p>old</div> still old</p>"
        "<div>older</span></div></blockquote><p>after</p></div>"
    )
    assert html_to_text(markup) == "New words\n\nafter"


@pytest.mark.parametrize(
    ("label", "data", "text"),
    [
        ("iso-8859-1", b"45 \x80 \x93ok\x94", "45 € “ok”"),
        ("ISO-8859-1", b"\x81\x8d", "\x81\x8d"),  # undefined in windows-1252: C1, like browsers
        ("us-ascii", "Zoë".encode(), "Zoë"),
        ("utf-\x008", b"caf\xc3\xa9", "café"),
        ("klingon", b"caf\xe9", "café"),
        ("base64", b"plain", "plain"),
        ("", b"caf\xe9", "café"),
        ("utf-8", b"bad \xff byte", "bad \ufffd byte"),
    ],
)
def test_decode_body(label: str, data: bytes, text: str) -> None:
    assert decode_body(data, label) == text


def test_unflow_per_rfc_3676() -> None:
    flowed = "One \ntwo \nthree\n>> quoted \n>> on\n> less\n \nFrom here\n-- \nsig"
    assert unflow(flowed) == "One two three\n>> quoted on\n> less\n\nFrom here\n-- \nsig"
    assert unflow("Spl \nit", delsp=True) == "Split"
    assert unflow("broken \n> quote") == "broken \n> quote"


def test_unreadable_email_keeps_what_can_be_read() -> None:
    raw = (
        b"Subject: =?utf-8?q?Caf=C3=A9?=\r\nFrom: Ren\xe9e <r@example.org>\r\n"
        b"Message-ID: <odd-1@example.org>\r\n\r\nbody"
    )
    message = unreadable_email(raw)
    assert (message.sender_address, message.sender_name) == ("r@example.org", "Renée")
    assert (message.subject, message.message_id) == ("Café", "<odd-1@example.org>")
    assert message.content == UNREADABLE_NOTE and message.raw == raw
    assert unreadable_email(b"\xff\x00").sender_address == email_in.UNKNOWN_SENDER


def test_a_parser_failure_becomes_an_unreadable_message(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(raw: bytes, *, too_large: bool = False) -> object:
        raise RecursionError("nested past all reason")

    monkeypatch.setattr(email_in, "read_email", broken)
    parsed = parse_email(sample("outlook365_html_only_reply.eml"))
    assert parsed.content == UNREADABLE_NOTE
    assert parsed.sender_address == "bobby@example.com"
    assert parsed.subject == "RE: Your booking with Harbour Physio"


def test_reply_text_is_right_on_every_sample_and_on_more_than_the_library() -> None:
    results = evaluate()
    assert all(row["reply_text"] for row in results.values()), results
    if "mail-parser-reply" in next(iter(results.values())):
        library = sum(row["mail-parser-reply"] for row in results.values())
        assert library < len(results)  # why reply_text stays (see reply_evaluation.py)


def test_rfc_2231_and_encoded_word_file_names() -> None:
    raw = (
        b"From: a@example.org\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
        b"--b\r\nContent-Type: text/plain\r\n\r\nhi\r\n"
        b"--b\r\nContent-Type: application/pdf\r\n"
        b"Content-Disposition: attachment; filename*=utf-8''caf%C3%A9%20%E2%82%AC.pdf\r\n\r\nxx\r\n"
        b'--b\r\nContent-Type: application/pdf; name="=?utf-8?q?Zo=C3=AB.pdf?="\r\n\r\nyy\r\n'
        b"--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; "
        b"filename*0*=utf-8''a%C3%A9; filename*1=b.pdf\r\n\r\nzz\r\n--b--\r\n"
    )
    names = [a["name"] for a in read_email(raw).attachments]
    assert names == ["café €.pdf", "Zoë.pdf", "aéb.pdf"]
