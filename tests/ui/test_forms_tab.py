"""The Forms tab on the small demo database: submissions with a status filter, the viewer,
the definition editor (fields, booking types, refusals shown), and hostile text."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from careops_desktop.core.models import Form, FormSubmission, booking_type_forms
from careops_desktop.core.permissions import Actor, Permission, Role
from careops_desktop.core.services.forms import FormField
from careops_desktop.ui.forms.view import FormsView
from tests.ui.tab_helpers import (
    assert_shown_literally,
    demo_owner,
    hostile_listener,
    hostile_strings,
    open_tab,
)


@pytest.fixture
def db(demo_db: Any) -> Any:
    return demo_db


def _forms(qtbot: Any, ops: Any, bridge: Any, actor: Actor) -> tuple[Any, FormsView]:
    window = open_tab(qtbot, ops, bridge, actor, ("forms",))
    page = window.page("forms")
    qtbot.waitUntil(lambda: page.model.has_loaded and page.forms.rowCount() > 0, timeout=8000)
    return window, page


def _count(db: Any, *where: Any) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count(FormSubmission.id)).where(*where)) or 0)


def test_submissions_match_the_database_and_filter_by_status(db, ops, bridge, qtbot) -> None:
    _window, page = _forms(qtbot, ops, bridge, demo_owner(db))
    assert page.status.currentData() is None  # "Any status"
    assert page.model.rowCount() == _count(db) > 0
    for status in ("pending", "overdue", "completed"):
        page.apply_filter({"status": status})
        expected = _count(db, FormSubmission.status == status)
        qtbot.waitUntil(lambda e=expected: page.model.rowCount() == e, timeout=5000)
    with db.session() as session:
        forms = session.scalar(select(func.count(Form.id)))
    assert page.forms.rowCount() == forms


def test_the_viewer_shows_the_answers_as_text(db, ops, bridge, qtbot) -> None:
    with db.session() as session:
        answered = session.scalars(
            select(FormSubmission).where(FormSubmission.status == "completed").limit(1)
        ).one()
        some_answer = next(str(v) for v in answered.data.values() if str(v))
    _window, page = _forms(qtbot, ops, bridge, demo_owner(db))
    page.apply_filter({"submission_id": answered.id})
    qtbot.waitUntil(lambda: page.detail is not None, timeout=5000)
    text = page.viewer.toPlainText()
    assert "Status: Answered" in text and some_answer in text


def test_edit_a_form_add_a_question_and_choose_booking_types(db, ops, bridge, qtbot) -> None:
    _window, page = _forms(qtbot, ops, bridge, demo_owner(db))
    page.pages.setCurrentIndex(1)
    page.forms_table.selectRow(0)
    form = page.forms.row_at(0)
    assert page.editor.form_id == form.id
    before = page.editor.fields.rowCount()
    dialog = page.editor.add_field()
    dialog.label.setText("Favourite colour")
    dialog.key.setText("colour")
    dialog.type.setCurrentIndex(dialog.type.findData("select"))
    dialog.options.setPlainText("Red\nBlue\n")
    dialog.accept()
    assert page.editor.fields.rowCount() == before + 1
    page.editor.move_field(-1)
    for row in range(page.editor.types.rowCount()):  # send it for every booking type
        page.editor.types.item(row).setCheckState(page.editor.types.item(row).checkState().Checked)
    with qtbot.waitSignal(page.editor.saved, timeout=5000):
        page.editor.save_button.click()
    with db.session() as session:
        saved = session.get(Form, form.id)
        assert saved.fields[-2]["key"] == "colour" and saved.fields[-2]["options"] == [
            "Red",
            "Blue",
        ]
        linked = session.scalar(
            select(func.count())
            .select_from(booking_type_forms)
            .where(booking_type_forms.c.form_id == form.id)
        )
    assert linked == page.editor.types.rowCount()


def test_a_refused_form_shows_the_reasons_in_the_editor(db, ops, bridge, qtbot) -> None:
    _window, page = _forms(qtbot, ops, bridge, demo_owner(db))
    page.create_new()
    page.editor.fields.set_rows([FormField("Bad Key", "Q1", "text"), FormField("ok", "", "select")])
    page.editor.save_button.click()
    qtbot.waitUntil(lambda: page.editor.errors.message("name") != "", timeout=5000)
    page.editor.name.setText("Broken form")
    page.editor.save_button.click()
    qtbot.waitUntil(lambda: page.editor.errors.message("__all__") != "", timeout=5000)
    banner = page.editor.errors.message("__all__")
    assert "Question 1" in banner and "key" in banner
    assert "Question 2" in banner
    with db.session() as session:
        assert session.scalar(select(func.count(Form.id)).where(Form.name == "Broken form")) == 0


def test_without_settings_rights_the_editor_is_hidden(db, ops, bridge, qtbot) -> None:
    front_desk = Actor(
        user_id=None,
        name="Desk",
        role=Role.STAFF,
        permissions=frozenset({Permission.MANAGE_BOOKINGS, Permission.MANAGE_CONTACTS}),
    )
    _window, page = _forms(qtbot, ops, bridge, front_desk)
    assert page.pages.count() == 1
    assert page.model.rowCount() == _count(db)


def test_hostile_text_is_shown_literally(db, ops, bridge, qtbot) -> None:
    with hostile_listener() as (port, got_request):
        hostile = hostile_strings(port)
        with db.write_session() as session:
            row = session.scalars(
                select(FormSubmission).where(FormSubmission.status == "completed").limit(1)
            ).one()
            row.data = {key: f"{hostile[0]} {hostile[1]}" for key in row.data}
            form = session.get(Form, row.form_id)
            form.name = hostile[1]
            submission_id = row.id
        window, page = _forms(qtbot, ops, bridge, demo_owner(db))
        page.apply_filter({"submission_id": submission_id})
        qtbot.waitUntil(lambda: page.detail is not None, timeout=5000)
        qtbot.waitUntil(lambda: page.model.row_data(0) is not None, timeout=5000)
        assert hostile[0] in page.viewer.toPlainText()
        assert_shown_literally(qtbot, window, hostile, got_request)
