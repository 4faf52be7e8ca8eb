"""Wizard step: the booking page's address, with its QR code, and a name for it if wanted.

The address shown is the one every link customers get will carry
(:func:`careops_desktop.core.services.business.public_base_url`): the name set here, else
the address the listener bound (or, before it runs, the one it will have from Settings).
A name such as ``http://frontdesk.local:8765`` or an ``https://`` address behind a proxy
is saved as the business's "Address customers use"; blank keeps the detected address.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLineEdit, QVBoxLayout
from sqlalchemy.orm import Session

from careops_desktop.core import page_address
from careops_desktop.core.db import read_only
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import business
from careops_desktop.ui.i18n import translate
from careops_desktop.ui.ops import Ops
from careops_desktop.ui.plain import plain_label, set_plain
from careops_desktop.ui.wizard.base import SaveJob, StepPage

EXAMPLE = "http://frontdesk.local:8765"


@dataclass(frozen=True)
class AddressNow:
    """The name set (maybe blank) and the address the page has without it."""

    public_url: str
    detected: str


@read_only
def address_now(session: Session) -> AddressNow:
    """Database worker: the address set, and the listener's (or, before it runs, Settings')."""
    from careops_desktop.ui.settings.booking_page import settings_urls

    profile = business.get_profile(session)
    listener = page_address.listener_url()
    detected = listener or settings_urls(profile)[0]
    return AddressNow(profile.public_url, detected)


class PageAddressPage(StepPage):
    """Shows the address customers will use, as text and QR code; an optional name for it."""

    def __init__(self, ops: Ops, actor: Actor) -> None:
        super().__init__(
            ops,
            actor,
            translate("SetupWizard", "Where customers book"),
            translate(
                "SetupWizard",
                "Customers open the booking page at this address, and every email and reminder "
                "links to it. Scan the code with a phone on the business network to try it. "
                "If the computer has a name on the network, or the page is published on the "
                "internet behind a proxy, enter that address instead.",
            ),
        )
        from careops_desktop.ui.widgets.qr_code import QrCodeWidget

        self.detected = ""
        self.qr = QrCodeWidget("", 168)
        self.address = plain_label()
        self.address.setObjectName("wizardPageAddress")
        self.public_url = QLineEdit()
        self.public_url.setObjectName("wizardPublicUrl")
        self.public_url.setPlaceholderText(
            translate("SetupWizard", "optional, for example {address}").format(address=EXAMPLE)
        )
        self.public_url.textChanged.connect(self._preview)
        shown = QVBoxLayout()
        shown.addWidget(self.address)
        shown.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.qr)
        row.addLayout(shown, 1)
        form = QFormLayout()
        form.addRow(
            translate("SetupWizard", "Address customers use"),
            self.errors.wrap("public_url", self.public_url),
        )
        self.body.addLayout(row)
        self.body.addLayout(form)

    def initializePage(self) -> None:
        self.ops.query(address_now, on_done=self._show, owner=self)

    def _show(self, found: AddressNow) -> None:
        self.detected = found.detected
        if not self.public_url.text().strip():
            self.public_url.setText(found.public_url)
        self._preview()

    def _preview(self, *_text: object) -> None:
        """Show the address that will be used: the name typed when it is valid, else detected."""
        typed = self.public_url.text().strip().rstrip("/")
        usable = typed and page_address.check_public_url(typed) is None
        url = typed if usable else self.detected
        self.qr.set_text(url)
        set_plain(self.address, url)

    @property
    def shown_address(self) -> str:
        return self.address.text()

    def save_job(self) -> SaveJob:
        return business.update_profile, (self.actor,), {"public_url": self.public_url.text()}

    def saved(self, result: Any) -> None:
        self._preview()
