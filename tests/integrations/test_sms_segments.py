"""SMS segments counted as Twilio counts them, and every shipped SMS template within three
segments in every shipped language, filled with long but realistic values."""

from __future__ import annotations

import math
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careops_desktop.core.i18n import SHIPPED, use_language
from careops_desktop.core.services import templates
from careops_desktop.core.services.bookings import booking_time_text
from careops_desktop.integrations.sms import BODY_MAX
from careops_desktop.integrations.sms_segments import (
    GSM_BASIC,
    GSM_EXTENSION,
    MAX_SEGMENTS,
    is_gsm7,
    sms_size,
    split_sms,
)

GSM_TEXT = st.text(alphabet=sorted(GSM_BASIC | GSM_EXTENSION), max_size=700)
BASIC_TEXT = st.text(alphabet=sorted(GSM_BASIC), max_size=700)
ANY_TEXT = st.text(max_size=400)


def _units(piece: str, encoding: str) -> int:
    if encoding == "GSM-7":
        return sum(2 if ch in GSM_EXTENSION else 1 for ch in piece)
    return len(piece.encode("utf-16-le")) // 2


def test_the_known_sizes() -> None:
    assert sms_size("").segments == 0
    assert sms_size("a" * 160).segments == 1
    assert sms_size("a" * 161).segments == 2
    assert sms_size("a" * 306).segments == 2
    assert sms_size("a" * 307).segments == 3
    assert sms_size("€" * 80).units == 160 and sms_size("€" * 80).segments == 1
    # German umlauts and ß are GSM-7; Spanish á í ó ú are not
    assert sms_size("Grüße aus Köln, Ärzte für Öl und Übungen").encoding == "GSM-7"
    assert sms_size("¿Señor Muñoz? ¡Hasta el miércoles!").encoding == "GSM-7"
    assert sms_size("sábado").encoding == "UCS-2"
    assert sms_size("á" * 70).segments == 1
    assert sms_size("á" * 71).segments == 2
    assert sms_size("á" * 134).segments == 2
    assert sms_size("á" * 135).segments == 3
    assert sms_size("😀" * 35).units == 70 and sms_size("😀" * 35).segments == 1


def test_an_escape_pair_is_never_split() -> None:
    text = "a" * 152 + "€" + "b" * 10  # the € would straddle the first boundary
    pieces = split_sms(text)
    assert pieces[0] == "a" * 152 and pieces[1].startswith("€")


@given(BASIC_TEXT)
def test_plain_gsm_text_costs_what_the_tables_say(text: str) -> None:
    size = sms_size(text)
    assert size.encoding == "GSM-7" and size.units == len(text)
    expected = 0 if not text else 1 if len(text) <= 160 else math.ceil(len(text) / 153)
    assert size.segments == expected


@given(st.one_of(GSM_TEXT, ANY_TEXT))
def test_the_pieces_give_the_text_back_and_each_fits_a_segment(text: str) -> None:
    size = sms_size(text)
    pieces = split_sms(text)
    assert "".join(pieces) == text
    assert len(pieces) == size.segments
    assert size.encoding == ("GSM-7" if is_gsm7(text) else "UCS-2")
    limit = (160 if size.encoding == "GSM-7" else 70) if len(pieces) == 1 else None
    for piece in pieces:
        assert piece
        assert _units(piece, size.encoding) <= (limit or (153 if size.encoding == "GSM-7" else 67))
    if size.segments > 1:  # no fewer segments could carry it
        part = 153 if size.encoding == "GSM-7" else 67
        assert size.segments >= math.ceil(size.units / part)


@given(st.one_of(GSM_TEXT, ANY_TEXT), st.characters())
def test_a_longer_text_never_costs_fewer_segments(text: str, extra: str) -> None:
    assert sms_size(text + extra).segments >= sms_size(text).segments


# -- the shipped templates ---------------------------------------------------------------------

TOKEN = "Qx7-vB2_kLm9PzR4tY8wN1cF6hJ3sD5gA0eU-iO_pWq"  # 43 characters, as tokens.new_token()
BASE = "http://192.168.178.23:8080"
VALUES = {  # long names that people have, in the alphabet of their language's SMS
    "en": (
        "Alexandra Whitfield-Montgomery",
        "Sports massage (60 minutes)",
        "Dr. Catherine Okonkwo-Smith",
        "Physiotherapy at the Park Clinic",
        "Europe/London",
    ),
    "de": (
        "Maximilian Müller-Lüdenscheidt",
        "Sportmassage (60 Minuten)",
        "Dr. Johanna Weißenberger",
        "Physiotherapie am Stadtpark",
        "Europe/Berlin",
    ),
    "es": (
        "Fernando Castillo de la Peña",
        "Masaje deportivo (60 minutos)",
        "Dra. Carmen Ibarra Mendoza",
        "Fisioterapia Parque del Retiro",
        "Europe/Madrid",
    ),
}
SMS_TEMPLATES = tuple(key for key in templates.TEMPLATE_KEYS if key != "low_stock")  # staff email


def _context(language: str) -> dict[str, object]:
    name, booking_type, provider, business, zone_name = VALUES[language]
    zone = ZoneInfo(zone_name)
    start = datetime(2026, 9, 30, 10, 30, tzinfo=zone)  # a Wednesday
    return {
        "contact_name": name,
        "booking_type": booking_type,
        "provider_name": provider,
        "business_name": business,
        "business_phone": "+44 20 7946 0958",
        "booking_time": templates.Localized(booking_time_text, start, zone),
        "offer_until": templates.Localized(
            booking_time_text, datetime(2026, 9, 29, 18, 45, tzinfo=zone), zone
        ),
        "manage_link": f"{BASE}/manage/{TOKEN}",
        "form_link": f"{BASE}/forms/{TOKEN}",
        "booking_link": BASE,
        "rebook_link": f"{BASE}/book/sports-massage-60-minutes",
        "claim_link": f"{BASE}/waitlist/claim/{TOKEN}",
        "series_dates": templates.Localized(
            lambda: "\n".join(f"- {booking_time_text(start, zone)}" for _ in range(3))
        ),
        "series_changes": templates.Localized(
            lambda: "\n".join(f"- {booking_time_text(start, zone)}: moved." for _ in range(2))
        ),
    }


def _sms_body(key: str, language: str) -> str:
    template = templates.default_template(key, language)
    with use_language(language):
        return templates.fill(template.body, _context(language))


@pytest.mark.parametrize("language", SHIPPED)
@pytest.mark.parametrize("key", SMS_TEMPLATES)
def test_every_shipped_sms_template_fits_three_segments(key: str, language: str) -> None:
    body = _sms_body(key, language)
    size = sms_size(body)
    assert "{" not in body, body
    # the template's own words never force UCS-2 (70 instead of 160 characters a segment)
    assert is_gsm7(templates.default_template(key, language).body), (key, language)
    assert size.encoding == "GSM-7", (key, language, body)
    assert size.segments <= MAX_SEGMENTS, (key, language, size, body)


def test_a_name_outside_gsm7_is_split_as_twilio_splits_it() -> None:
    """One á in a value sends the whole reminder as UCS-2: more segments, each of at most
    67 UTF-16 units, and still far within Twilio's 1,600 characters."""
    context = _context("es")
    context["contact_name"] = "María José Núñez"
    template = templates.default_template("reminder", "es")
    with use_language("es"):
        body = templates.fill(template.body, context)
    size = sms_size(body)
    assert size.encoding == "UCS-2" and size.segments == math.ceil(size.units / 67)
    assert all(_units(piece, "UCS-2") <= 67 for piece in split_sms(body))
    assert len(body) <= BODY_MAX
