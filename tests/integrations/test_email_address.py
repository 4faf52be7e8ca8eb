"""Addresses on the wire: whatever the core accepts with an ASCII local part goes out as ASCII.

A property test generates internationalised domains (letters of many scripts); every
address the core's check accepts is written in IDNA form, in the envelope and in
``To:``, with no encoded-word; a non-ASCII local part asks for SMTPUTF8 and gets UTF-8
headers.
"""

from __future__ import annotations

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careops_desktop.core.errors import ValidationError
from careops_desktop.core.services.contacts import normalize_email
from careops_desktop.core.services.mail_addresses import needs_smtputf8
from careops_desktop.integrations.email_address import AddressProblem, wire_address
from careops_desktop.integrations.email_out import OutgoingEmail, SendError, build_message

LETTERS = st.characters(categories=("Ll", "Lu", "Lo"), max_codepoint=0x2FFF)
LABEL = st.text(LETTERS | st.sampled_from("0123456789-"), min_size=1, max_size=12)
LOCAL_ASCII = st.text(string.ascii_letters + string.digits + "._+-", min_size=1, max_size=20)


def _headers(raw: bytes) -> bytes:
    return raw.split(b"\r\n\r\n", 1)[0]


@settings(max_examples=200, deadline=None)
@given(local=LOCAL_ASCII, labels=st.lists(LABEL, min_size=1, max_size=3), tld=LABEL)
def test_accepted_addresses_with_an_ascii_local_part_go_out_in_ascii(
    local: str, labels: list[str], tld: str
) -> None:
    typed = f"{local}@{'.'.join([*labels, tld])}"
    try:
        address = normalize_email(typed)
    except ValidationError:
        return  # refused at the form: nothing to send
    wire = wire_address(address)
    assert wire.text.isascii() and not wire.needs_smtputf8
    message = build_message(
        OutgoingEmail("<id@t.example>", address, "Hi", "Body"), from_address="desk@t.example"
    )
    raw = message.as_bytes()
    assert raw.isascii()
    assert f"\r\nTo: {wire.text}\r\n".encode() in _headers(raw)
    assert b"=?" not in _headers(raw).split(b"\r\nTo: ", 1)[1].split(b"\r\n", 1)[0]


def test_idna_and_utf8_forms() -> None:
    assert wire_address("anna@müller.example").text == "anna@xn--mller-kva.example"
    zoe = wire_address("zoë@exämple.com")
    assert (zoe.text, zoe.needs_smtputf8) == ("zoë@xn--exmple-cua.com", True)
    assert needs_smtputf8("zoë@example.com") and not needs_smtputf8("anna@müller.example")
    message = build_message(
        OutgoingEmail("<id@t.example>", "zoë@exämple.com", "Hi", "Body"),
        from_address="desk@t.example",
    )
    assert b"\r\nTo: zo\xc3\xab@xn--exmple-cua.com\r\n" in message.as_bytes()
    with pytest.raises(AddressProblem):
        wire_address("a@-bä-.example")
    with pytest.raises(SendError) as unusable:
        build_message(
            OutgoingEmail("<id@t.example>", "ann@exämple..com", "Hi", "Body"),
            from_address="desk@t.example",
        )
    assert unusable.value.permanent
