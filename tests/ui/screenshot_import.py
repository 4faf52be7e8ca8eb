"""Screenshots of File → Import…: the mapping step of an Acuity export and its dry run.

``python -m tests.ui.screenshot_import`` (under xvfb-run) writes
docs/screenshots/import-mapping.png and docs/screenshots/import-dry-run.png.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from tests.ui.screenshot_run import run_shots, save, wait_until


def _future_acuity(folder: Path, fixtures: Path) -> Path:
    """The Acuity sample moved so its June visits fall next Wednesday (the wizard uses
    today's clock; the sample's dates are fixed)."""
    from datetime import date, timedelta

    day = date.today() + timedelta(days=7)
    while day.weekday() != 2:
        day += timedelta(days=1)
    text = (fixtures / "acuity_appointments.csv").read_text(encoding="utf-8")
    for offset, old in enumerate(("June 10, 2026", "June 11, 2026", "June 12, 2026")):
        text = text.replace(old, f"{day + timedelta(days=offset):%B %-d, %Y}")
    text = text.replace("May 4, 2026", f"{day - timedelta(days=37):%B %-d, %Y}")
    target = folder / "acuity_appointments.csv"
    target.write_text(text, encoding="utf-8")
    return target


async def shoot(app: Any, folder: Path) -> None:
    from PySide6.QtWidgets import QWizard

    from careops_desktop.core.db import Database
    from careops_desktop.core.permissions import Actor
    from careops_desktop.core.schema import upgrade_to_head
    from careops_desktop.ui.imports import ImportWizard
    from careops_desktop.ui.ops import Ops
    from tests.core.booking_world import build_in
    from tests.core.import_helpers import FIXTURES

    database = Database(f"sqlite:///{folder / 'shots.sqlite3'}")
    upgrade_to_head(database.engine)
    build_in(database)
    ops = Ops(database)
    wizard = ImportWizard(ops, Actor.system("Front desk"))
    wizard.resize(1000, 640)
    wizard.show()
    wizard.file_page.path.setText(str(_future_acuity(folder, FIXTURES)))
    wizard.button(QWizard.WizardButton.NextButton).click()
    await wait_until(lambda: wizard.currentPage() is wizard.kind_page, 10)
    wizard.button(QWizard.WizardButton.NextButton).click()
    await wait_until(lambda: wizard.currentPage() is wizard.mapping_page, 10)
    await wait_until(lambda: True, 0.3)
    save(wizard, "import-mapping")
    wizard.button(QWizard.WizardButton.NextButton).click()
    await wait_until(lambda: wizard.names_page.loaded, 10)
    wizard.button(QWizard.WizardButton.NextButton).click()  # "Hot stones" left as written
    await wait_until(lambda: wizard.dry_run_page.done, 20)
    await wait_until(lambda: ops.pending == 0, 10)
    save(wizard, "import-dry-run")
    wizard.close()
    await ops.shutdown()
    database.close()


if __name__ == "__main__":
    sys.exit(run_shots("careops-import-shots-", shoot))
