"""Each contact keeps a language: set and cleared at the desk, refused in words when unknown."""

from __future__ import annotations

import pytest

from careops_desktop.core import i18n
from careops_desktop.core.db import Database
from careops_desktop.core.errors import ValidationError
from careops_desktop.core.services import contacts
from tests.actors import OWNER
from tests.core.booking_world import World


def test_the_desk_sets_and_clears_a_contacts_language(db: Database, world: World) -> None:
    contact = world.known_contact
    assert db.call(contacts.get_contact, OWNER, contact).language is None
    assert db.call(contacts.update_contact, OWNER, contact, language="de-AT").language == "de"
    assert db.call(contacts.update_contact, OWNER, contact, name="Renamed").language == "de"
    assert db.call(contacts.update_contact, OWNER, contact, language="").language is None


@pytest.mark.parametrize("tag", ["fr", "xx", "en-XA", "<b>de</b>", "de" * 40])
def test_a_language_not_offered_is_refused(db: Database, world: World, tag: str) -> None:
    with pytest.raises(ValidationError) as refused:
        db.call(contacts.update_contact, OWNER, world.known_contact, language=tag)
    assert refused.value.fields["language"] == "Choose one of the languages offered."
    with i18n.use_language("de"), pytest.raises(ValidationError) as refused:
        db.call(contacts.update_contact, OWNER, world.known_contact, language=tag)
    assert refused.value.fields["language"] == "Wählen Sie eine der angebotenen Sprachen."
