"""Addresses as they go on the wire: internationalised domains in IDNA form.

``anna@müller.example`` is sent (envelope and ``To:``) as
``anna@xn--mller-kva.example``, which every server accepts. A local part with
letters beyond ASCII (``zoë@…``) cannot be written in ASCII at all: such an address
needs a server that offers SMTPUTF8 (RFC 6531), and the message then goes with
UTF-8 headers. The core refuses such addresses at the page and the desk unless
the server is known to offer it (``core.services.mail_addresses``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass


class AddressProblem(ValueError):
    """The address cannot be written for sending; ``str()`` says why in words."""


@dataclass(frozen=True)
class WireAddress:
    """An address ready for SMTP: ``local@ascii_domain``; ``needs_smtputf8`` when the local
    part is not ASCII."""

    local: str
    ascii_domain: str

    @property
    def text(self) -> str:
        return f"{self.local}@{self.ascii_domain}"

    @property
    def needs_smtputf8(self) -> bool:
        return not self.local.isascii()


@functools.lru_cache(maxsize=4096)
def wire_address(address: str) -> WireAddress:
    """``address`` with its domain in IDNA (ASCII) form; :class:`AddressProblem` when the
    address is not valid (with the validator's words)."""
    text = address.strip()
    local, at, domain = text.rpartition("@")
    if at and local and domain and text.isascii():
        return WireAddress(local, domain)  # the common case needs no validator
    from email_validator import EmailNotValidError, validate_email  # lazy: start-up

    try:
        result = validate_email(text, check_deliverability=False, allow_smtputf8=True)
    except EmailNotValidError as exc:
        raise AddressProblem(str(exc)) from None
    return WireAddress(result.local_part, result.ascii_domain)
