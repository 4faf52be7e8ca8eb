"""The .eml samples under ``eml/``: real client layouts, each with the text its sender wrote.

Each file starts with an ``X-Sample-Layout:`` header line saying which mail program (or
server, or broken tool) the layout follows. :data:`NEW_TEXT` is what the inbox must show
for it: the customer's new words, without the quote, decoded as their mail program would.
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
