"""Message templates per language: the shipped translations, the business's own text per
language, texts stored before languages existed, and every message in its contact's language."""

from __future__ import annotations

import pytest

from careops_desktop.core.errors import ValidationError
from careops_desktop.core.i18n import current_language
from careops_desktop.core.models import Business, Contact
from careops_desktop.core.services import business, templates
from tests.core import people_fixtures

people = people_fixtures.people
cheap_hasher = people_fixtures.cheap_hasher

CONTEXT = {
    "contact_name": "Ann",
    "booking_type": "Scan",
    "provider_name": "Dr A",
    "manage_link": "http://desk:8765/manage/tok",
}


def _contact(db, language: str | None, email: str) -> int:
    with db.write_session() as s:
        contact = Contact(name="Ann", email=email, language=language)
        s.add(contact)
        s.flush()
        return contact.id


def _render(db, contact_id: int, key: str = "confirmation") -> templates.RenderedMessage:
    context = dict(CONTEXT, booking_time=templates.Localized(current_language))
    return db.call(templates.render_message, key, context, contact_id=contact_id)


def test_each_contact_reads_its_own_language(people) -> None:
    german = _render(people.db, _contact(people.db, "de", "de@example.com"))
    assert german.subject == "Ihre Buchung bei Riverside Clinic: Scan am de"
    assert german.body.startswith("Guten Tag Ann,\n\nIhr Termin (Scan) bei Dr A am de ist gebucht.")
    spanish = _render(people.db, _contact(people.db, "es", "es@example.com"), "reminder")
    assert spanish.subject == "Recordatorio: Scan, el es"
    assert "Responda C para confirmar o X para cancelar." in spanish.body
    assert "http://desk:8765/manage/tok" in spanish.links
    english = _render(people.db, _contact(people.db, "en", "en@example.com"))
    assert english.subject == "Your booking with Riverside Clinic: Scan on en"


def test_a_contact_without_a_language_gets_the_business_language(people) -> None:
    nobody = _contact(people.db, None, "none@example.com")
    assert _render(people.db, nobody).subject.startswith("Your booking with")  # en_GB
    people.db.call(business.update_profile, people.owner, locale="de_DE")
    assert people.db.call(templates.business_language) == "de"
    assert _render(people.db, nobody).subject == "Ihre Buchung bei Riverside Clinic: Scan am de"
    # a contact with its own language keeps it
    spanish = _contact(people.db, "es", "es@example.com")
    assert _render(people.db, spanish).subject.startswith("Su reserva en Riverside Clinic")
    # low stock (staff) and any message without a contact: the business's language
    subject, _body = people.db.call(templates.render, "low_stock", {"item_name": "Gloves"})
    assert subject == "Niedriger Bestand: Gloves"
    people.db.call(business.update_profile, people.owner, locale="fr_FR")  # not shipped
    assert people.db.call(templates.business_language) == "en"


def test_a_spanish_override_is_for_spanish_contacts_only(people) -> None:
    db, owner = people.db, people.owner
    saved = db.call(
        templates.set_template,
        owner,
        "confirmation",
        "Reserva confirmada, {contact_name}",
        "Le esperamos el {booking_time}.",
        language="es",
    )
    assert (saved.language, saved.is_default) == ("es", False)
    spanish = _render(db, _contact(db, "es", "es@example.com"))
    assert (spanish.subject, spanish.body) == ("Reserva confirmada, Ann", "Le esperamos el es.")
    assert _render(db, _contact(db, "de", "de@example.com")).subject.startswith("Ihre Buchung")
    assert _render(db, _contact(db, None, "none@example.com")).subject.startswith("Your booking")
    assert db.call(templates.get_template, "confirmation", "en").is_default
    listed = db.call(templates.list_templates, "es")
    assert [t.key for t in listed if not t.is_default] == ["confirmation"]
    # back to the shipped Spanish text
    reset = db.call(templates.reset_template, owner, "confirmation", language="es")
    assert reset.is_default and reset.subject.startswith("Su reserva en {business_name}")
    with pytest.raises(ValidationError) as refused:
        db.call(templates.set_template, owner, "confirmation", "S", "B", language="fr")
    assert "language" in refused.value.fields


def test_texts_stored_before_languages_are_the_business_language_override(people) -> None:
    db, owner = people.db, people.owner
    with db.write_session() as s:
        row = s.query(Business).one()
        row.automations = {
            "templates": {"confirmation": {"subject": "Old {contact_name}", "body": "Old body"}}
        }
    english = _render(db, _contact(db, None, "none@example.com"))
    assert (english.subject, english.body) == ("Old Ann", "Old body")
    assert not db.call(templates.get_template, "confirmation").is_default
    # other languages keep their shipped translation
    assert _render(db, _contact(db, "es", "es@example.com")).subject.startswith("Su reserva")
    # a new English text wins over the old one; resetting English clears both
    db.call(templates.set_template, owner, "confirmation", "New {contact_name}", "New body")
    assert _render(db, _contact(db, "en", "en@example.com")).subject == "New Ann"
    db.call(templates.reset_template, owner, "confirmation")
    assert db.call(templates.get_template, "confirmation").is_default


def test_the_language_is_found_from_a_booking_or_an_address(people) -> None:
    db = people.db
    spanish = _contact(db, "es", "carmen@example.es")
    with db.session() as s:
        assert templates.message_language(s, contact_id=spanish) == "es"
        assert templates.message_language(s, address="carmen@example.es") == "es"  # waitlist
        assert templates.message_language(s, address="stranger@example.com") == "en"
        assert templates.message_language(s, booking_id=999_999) == "en"
        assert templates.message_language(s) == "en"


def test_localized_values_are_written_when_filled() -> None:
    calls: list[str] = []

    def when() -> str:
        calls.append(current_language())
        return f"when-{current_language()}"

    value = templates.Localized(when)
    assert calls == []  # nothing is written until a message is filled
    assert templates.fill("{booking_time}", {"booking_time": value}) == "when-en"
