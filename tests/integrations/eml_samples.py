"""The .eml samples under ``eml/``: real client layouts, each with the text its sender wrote.

Each file starts with an ``X-Sample-Layout:`` header line saying which mail program (or
server, or broken tool) the layout follows. :data:`NEW_TEXT` is what the inbox must show
for it: the customer's new words, without the quote, decoded as their mail program would.
:data:`BOUNCES` and :data:`AUTO_REPLIES` are the delivery reports and automatic replies;
:func:`load` gives a sample back with CRLF line ends, as it travels.
"""

from __future__ import annotations

from pathlib import Path

FOLDER = Path(__file__).parent / "eml"

NEW_TEXT: dict[str, str] = {
    "outlook365_html_only_reply.eml": "Thursday at 10:00 is fine.\n\nBobby",
    "outlook2019_desktop_html_reply.eml": (
        "Can we make it 11:00 instead? The fee of 45 € is fine.\n\nRenée"
    ),
    "thunderbird115_flowed_reply.eml": (
        "Thank you for fitting me in so quickly. I will bring the scan from the hospital and "
        "the letter from my GP, and I will arrive ten minutes early to fill in the form.\n\nAlan"
    ),
    "apple_mail_flowed_delsp.eml": (
        "I’m so sorry, I have to move Thursday’s appointment. Would the following week suit "
        "Dr Hopper?\n\nGrace"
    ),
    "webmail_8bit_cp1252_as_latin1.eml": "Hola, “la sesión” cuesta 45 € o 50 €?\nGracias – Marta",
    "raw_8bit_utf8_headers.eml": "Grüße, ich hätte gern einen Termin.",
    "raw_8bit_cp1252_headers.eml": "Je dois déplacer mon rendez-vous de jeudi.",
    "attachment_filename_star_no_value.eml": "Here is the photo.",
    "nul_in_charset.eml": "Do you open on Saturdays?",
    "thunderbird_html_stray_end_tag.eml": "Paid today, thanks.",
    "gmail_french_reply.eml": "Parfait, à jeudi !",
    "outlook_german_plain_reply.eml": "Danke, ich komme pünktlich.\n\nGruß\nKlaus",
    "android_gmail_no_references.eml": "Could we do 9:30 instead?",
    "yahoo_mail_reply.eml": "See you then.",
}


def sample(name: str) -> bytes:
    """The raw bytes of ``eml/<name>``."""
    return (FOLDER / name).read_bytes()


def layout(raw: bytes) -> str:
    """The ``X-Sample-Layout`` line of a sample."""
    first = raw.split(b"\n", 1)[0].decode("utf-8")
    name, _, value = first.partition(":")
    assert name == "X-Sample-Layout", "every sample starts with its X-Sample-Layout line"
    return value.strip()


EML = FOLDER

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
