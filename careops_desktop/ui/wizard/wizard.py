"""The first-run setup wizard: from an empty database to a business that takes bookings.

Pages save as the person goes (Next runs the page's command; Back and Next again updates
what was made), so "finish later" keeps everything entered so far.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget, QWizard

from careops_desktop.core.permissions import Actor
from careops_desktop.ui.accessible import NamedOnShow
from careops_desktop.ui.ops import Ops
from careops_desktop.ui.wizard.page_address import PageAddressPage
from careops_desktop.ui.wizard.pages_more import (
    EmailPage,
    FinishPage,
    InventoryPage,
    ReviewPage,
    TryBookingPage,
)
from careops_desktop.ui.wizard.pages_setup import (
    BookingTypesPage,
    BusinessPage,
    FormsPage,
    ProvidersPage,
)


class SetupWizard(NamedOnShow, QWizard):
    """Business → providers and hours → booking types → intake form → stock → test booking
    → the page's address → email → checklist → activate now or finish later."""

    def __init__(self, ops: Ops, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setupWizard")
        self.setWindowTitle(self.tr("Set up CareOps"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Finish later"))
        # the wizard's own buttons in the window's language (Qt's catalogs may lack it)
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Finish"))
        self.setMinimumSize(720, 560)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.business_page = BusinessPage(ops, actor)
        self.providers_page = ProvidersPage(ops, actor)
        self.types_page = BookingTypesPage(ops, actor, self.providers_page)
        self.forms_page = FormsPage(ops, actor, self.types_page)
        self.inventory_page = InventoryPage(ops, actor)
        self.try_page = TryBookingPage(ops, actor, self.types_page)
        self.address_page = PageAddressPage(ops, actor)
        self.email_page = EmailPage(ops, actor)
        self.review_page = ReviewPage(ops, actor)
        self.finish_page = FinishPage(ops, actor, self.review_page)
        for page in (
            self.business_page,
            self.providers_page,
            self.types_page,
            self.forms_page,
            self.inventory_page,
            self.try_page,
            self.address_page,
            self.email_page,
            self.review_page,
            self.finish_page,
        ):
            self.addPage(page)
        for number, page_id in enumerate(self.pageIds(), start=1):
            self.page(page_id).setSubTitle(
                self.tr("Step {number} of {count}").format(number=number, count=len(self.pageIds()))
            )
