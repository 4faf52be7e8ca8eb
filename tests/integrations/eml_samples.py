"""The ``.eml`` samples under ``tests/integrations/eml/``, read as a server would deliver them.

Each file's first line is ``X-Sample-Layout: …``, saying which mail server or
client layout it follows. Files are kept with LF line ends for reading;
:func:`load` gives them back with CRLF, as they travel.
"""

from __future__ import annotations

from pathlib import Path

EML = Path(__file__).parent / "eml"

# the Message-IDs of our outgoing mail that the bounce samples return
POSTFIX_RETURNED = "<177788880001.4242.1@harbour.example.org>"
EXIM_RETURNED = "<177788940002.4242.2@harbour.example.org>"
GMAIL_RETURNED = "<177788940003.4242.3@harbour.example.org>"
EXCHANGE_RETURNED = "<177788940004.4242.4@harbour.example.org>"
OOO_ANSWERS = "<177788940005.4242.5@harbour.example.org>"
QMAIL_RETURNED = "<177788940006.4242.6@harbour.example.org>"

BOUNCES = {
    "bounce_postfix.eml": ("ada.old@example.com", POSTFIX_RETURNED, "5.1.1", "User unknown"),
    "bounce_exim.eml": ("bob@nowhere.example.net", EXIM_RETURNED, "5.2.1", "Mailbox disabled"),
    "bounce_gmail.eml": (
        "carol.typo@gmail.com",
        GMAIL_RETURNED,
        "5.1.1",
        "The email account that you tried to reach does not exist",
    ),
    "bounce_exchange.eml": (
        "dan@contoso.com",
        EXCHANGE_RETURNED,
        "5.1.10",
        "RESOLVER.ADR.RecipientNotFound",
    ),
    "bounce_qmail.eml": (
        "eve@oldhost.example.net",
        QMAIL_RETURNED,
        "5.1.1",
        "Sorry, no mailbox here by that name.",
    ),
}
AUTO_REPLIES = ("autoreply_outlook_ooo.eml", "autoreply_gmail_vacation.eml")


def load(name: str) -> bytes:
    """The sample ``name`` with CRLF line ends."""
    raw = (EML / name).read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    assert raw.startswith(b"X-Sample-Layout: "), name
    return raw
