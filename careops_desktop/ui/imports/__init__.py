"""File → Import…: the wizard over ``core.services.imports``."""

from __future__ import annotations

from careops_desktop.ui.imports.wizard import ImportWizard, open_import_wizard

__all__ = ["ImportWizard", "open_import_wizard"]
