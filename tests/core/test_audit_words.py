"""The audit log keeps English keys and shows them in the reader's words."""

from __future__ import annotations

import pytest

from careops_desktop.core.i18n import use_language
from careops_desktop.core.services import audit


@pytest.mark.parametrize(
    ("language", "action", "entity"),
    [
        ("en", "password reset", "inventory item"),
        ("de", "Passwort zurückgesetzt", "Lagerartikel"),
        ("es", "contraseña restablecida", "artículo del inventario"),
    ],
)
def test_stored_keys_read_in_the_readers_language(language: str, action: str, entity: str) -> None:
    with use_language(language):
        assert audit.action_label("reset_password") == action
        assert audit.entity_label("inventory_item") == entity


def test_an_unknown_key_reads_as_itself_with_spaces() -> None:
    with use_language("de"):
        assert audit.action_label("some_new_action") == "some new action"
        assert audit.entity_label("some_new_record") == "some new record"


def test_every_label_is_a_whole_phrase_of_its_own() -> None:
    for labels in (audit.ACTION_LABELS, audit.ENTITY_LABELS):
        assert all(label.strip() and "{" not in label for label in labels.values())
