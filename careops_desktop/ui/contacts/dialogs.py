"""Create, edit and merge contacts; the core's field errors are shown at each field."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget
from sqlalchemy.orm import Session

from careops_desktop.core.i18n import NATIVE_NAMES, SHIPPED
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import answers, contacts
from careops_desktop.core.services.contacts import ContactView
from careops_desktop.ui.ops import Ops
from careops_desktop.ui.plain import plain_label
from careops_desktop.ui.widgets.command_dialog import CommandDialog
from careops_desktop.ui.widgets.contact_picker import ContactPicker


def save_contact_in_language(
    session: Session,
    actor: Actor,
    contact_id: int | None,
    *,
    language: str,
    no_marketing: bool,
    **values: Any,
) -> ContactView:
    """Database worker, one transaction: save the contact (``answers.save_contact``), then
    its language for messages when it changed (``""``: the business's language)."""
    view = answers.save_contact(session, actor, contact_id, no_marketing=no_marketing, **values)
    if (view.language or "") != language:
        view = contacts.update_contact(session, actor, view.id, language=language)
    return view


class ContactDialog(CommandDialog):
    """New contact (``contact`` None) or edit one; ``succeeded(ContactView)``."""

    def __init__(
        self,
        ops: Ops,
        actor: Actor,
        contact: ContactView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            ops,
            self.tr("Edit contact") if contact else self.tr("New contact"),
            self.tr("Save"),
            parent,
        )
        self._actor = actor
        self._contact = contact
        self.name = QLineEdit(contact.name if contact else "")
        self.name.setMaxLength(200)
        self.email = QLineEdit((contact.email or "") if contact else "")
        self.email.setPlaceholderText(self.tr("name@example.com"))
        self.phone = QLineEdit((contact.phone or "") if contact else "")
        self.phone.setPlaceholderText(self.tr("+44 7911 123456"))
        self.notes = QPlainTextEdit(contact.notes if contact else "")
        self.notes.setTabChangesFocus(True)
        self.language = QComboBox()
        self.language.setObjectName("contactLanguage")
        self.language.setAccessibleName(self.tr("Language for messages"))
        self.language.addItem(self.tr("The business's language"), "")
        for code in SHIPPED:
            self.language.addItem(NATIVE_NAMES[code], code)  # each in its own words
        current = (contact.language or "") if contact else ""
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        self.form.addRow(self.tr("Name"), self.errors.wrap("name", self.name))
        self.form.addRow(self.tr("Email"), self.errors.wrap("email", self.email))
        self.form.addRow(self.tr("Phone"), self.errors.wrap("phone", self.phone))
        self.form.addRow(self.tr("Notes"), self.errors.wrap("notes", self.notes))
        self.form.addRow(
            self.tr("Language for messages"), self.errors.wrap("language", self.language)
        )
        self.no_marketing = QCheckBox(
            self.tr("No follow-ups: the customer asked not to be contacted")
        )
        self.no_marketing.setObjectName("noMarketing")
        self.no_marketing.setChecked(bool(contact and contact.no_marketing))
        self.form.addRow("", self.no_marketing)
        self.resize(480, 430)

    def submit(self) -> None:
        values = {
            "name": self.name.text(),
            "email": self.email.text(),
            "phone": self.phone.text(),
            "notes": self.notes.toPlainText(),
        }
        contact_id = self._contact.id if self._contact is not None else None
        consent = self.no_marketing.isChecked()
        self.run(
            save_contact_in_language,
            self._actor,
            contact_id,
            language=str(self.language.currentData() or ""),
            no_marketing=consent,
            **values,
        )


class MergeDialog(CommandDialog):
    """Fold another contact into ``keep``; ``succeeded(ContactView)`` of the kept contact."""

    def __init__(
        self, ops: Ops, actor: Actor, keep: ContactView, parent: QWidget | None = None
    ) -> None:
        super().__init__(ops, self.tr("Merge contacts"), self.tr("Merge"), parent)
        self._actor = actor
        self._keep = keep
        explain = plain_label(
            self.tr(
                "Keep “{name}” and fold the contact chosen below into it: their "
                "bookings, conversations and form answers move over, missing email or phone "
                "is filled in, and the other contact is removed. This cannot be undone."
            ).format(name=keep.name),
            wrap=True,
        )
        self.body.insertWidget(0, explain)
        self.picker = ContactPicker(ops, actor)
        self.form.addRow(self.tr("Merge in"), self.errors.wrap("merge_id", self.picker))
        self.resize(560, 460)

    def submit(self) -> None:
        other = self.picker.selected_id()
        if other is None:
            self.show_errors({"merge_id": self.tr("Choose the contact to merge in.")})
            return
        if other == self._keep.id:
            self.show_errors({"merge_id": self.tr("Choose a different contact than the one kept.")})
            return
        self.run(contacts.merge_contacts, self._actor, self._keep.id, other)
