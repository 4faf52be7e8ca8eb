"""Settings → Automations: each booking type's reminder list (add, change, remove, save)
with a live preview, the follow-up switches, and refusals shown at the list."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import answers, templates
from careops_desktop.ui.settings.registry import SettingsContext, find_page
from tests.integrations.factories import make_booking, make_business

OWNER = Actor.system("Owner")


def _page(qtbot: Any, db: Any, ops: Any) -> Any:
    with db.write_session() as s:
        make_business(s)
        make_booking(
            s, start=__import__("datetime").datetime(2030, 1, 1, tzinfo=__import__("datetime").UTC)
        )
    spec = find_page("automations")
    assert spec is not None
    page = spec.factory(SettingsContext(ops, None, OWNER))
    qtbot.addWidget(page)
    page.show()
    return page


def _click(qtbot: Any, button: Any) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_reminder_list_add_edit_remove_preview_and_save(qtbot: Any, db: Any, ops: Any) -> None:
    page = _page(qtbot, db, ops)
    editor = page.reminder_list
    qtbot.waitUntil(
        lambda: editor.type_choice.count() == 1 and len(editor.rows) == 1, timeout=10_000
    )
    qtbot.waitUntil(lambda: "Subject: Reminder:" in editor.preview.toPlainText(), timeout=10_000)
    assert "standard reminder" in editor.standard_note.text()
    assert editor.rules() == [("email", 24)]
    assert "By email, 24 hours before the visit" in editor.preview.toPlainText()
    # a second reminder: a text 2 hours before; the preview follows it, live
    _click(qtbot, editor.add_button)
    assert editor.rules() == [("email", 24), ("sms", 2)]
    text = editor.preview.toPlainText()
    assert text.startswith("By text message, 2 hours before the visit (")
    assert "Subject:" not in text and "Reply C to confirm or X to cancel" in text
    editor.rows[1].hours.setValue(3)
    assert "3 hours before the visit" in editor.preview.toPlainText()
    editor.rows[0].hours.setValue(48)
    assert "By email, 48 hours before" in editor.preview.toPlainText()
    editor.rebook_days.setValue(42)
    _click(qtbot, editor.save_button)
    qtbot.waitUntil(lambda: editor.state.text() == "Saved.", timeout=10_000)
    (saved,) = db.call(answers.list_type_reminders)
    assert saved.own and saved.rebook_after_days == 42
    assert [(r.channel, r.hours_before) for r in saved.rules] == [("email", 48), ("sms", 3)]
    assert editor.standard_note.text() == ""
    # two alike are refused in words at the list; nothing is lost from the rows
    editor.rows[1].channel.setCurrentIndex(editor.rows[1].channel.findData("email"))
    editor.rows[1].hours.setValue(48)
    _click(qtbot, editor.save_button)
    qtbot.waitUntil(lambda: editor.errors.is_invalid("rules"), timeout=10_000)
    assert "same channel and time" in editor.errors.message("rules")
    assert editor.rules() == [("email", 48), ("email", 48)]
    # removing every reminder turns them off for this type
    for row in list(editor.rows):
        _click(qtbot, row.remove)
    assert editor.preview.toPlainText() == "No reminders are sent for this booking type."
    _click(qtbot, editor.save_button)
    qtbot.waitUntil(lambda: editor.state.text() == "Saved.", timeout=10_000)
    assert db.call(answers.list_type_reminders)[0].rules == ()


def test_follow_up_switches_are_off_by_default_and_save(qtbot: Any, db: Any, ops: Any) -> None:
    page = _page(qtbot, db, ops)
    qtbot.waitUntil(lambda: page.switches["reply_answers"].isChecked(), timeout=10_000)
    assert not page.switches["followup_no_show"].isChecked()
    assert not page.switches["followup_rebook"].isChecked()
    page.switches["followup_rebook"].setChecked(True)
    _click(qtbot, page.save_button)
    qtbot.waitUntil(lambda: page.status.text() == "Saved.", timeout=10_000)
    saved = db.call(templates.get_automations)
    assert (saved.followup_rebook, saved.followup_no_show, saved.reply_answers) == (
        True,
        False,
        True,
    )
