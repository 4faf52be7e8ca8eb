"""Screenshots of the window shell on the small demo database, in a real window.

Run under Xvfb (not collected by pytest)::

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python -m tests.ui.screenshot_shell

Writes docs/screenshots/{login,wizard,wizard-address,dashboard,settings,reports}.png.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Any

from tests.ui.screenshot_run import run_shots, save


async def _pause(app: Any, seconds: float = 0.5) -> None:
    """Let the Qt loop run (paint, deliver results) for ``seconds``."""
    await asyncio.sleep(seconds)


async def _wait(predicate: Any, app: Any, timeout: float = 30.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not predicate():
        if asyncio.get_running_loop().time() > deadline:
            raise TimeoutError("screenshot step did not settle")
        await _pause(app, 0.05)


async def _shoot(app: Any, folder: Path) -> None:
    from careops_desktop.core.db import Database
    from careops_desktop.core.permissions import Actor
    from careops_desktop.core.schema import upgrade_to_head
    from careops_desktop.core.services import auth
    from careops_desktop.ui.app import AppController
    from careops_desktop.ui.login.dialog import LoginDialog
    from careops_desktop.ui.ops import Ops
    from careops_desktop.ui.wizard.wizard import SetupWizard

    # the setup wizard on a new database, its first page filled in
    fresh = Database(f"sqlite:///{folder / 'new.sqlite3'}")
    upgrade_to_head(fresh.engine)
    owner: Actor = fresh.call(
        auth.create_first_owner,
        email="ada@example.com",
        password="a long enough password",
        full_name="Ada Lovelace",
    )
    ops = Ops(fresh)
    wizard = SetupWizard(ops, owner)
    wizard.resize(820, 620)
    wizard.business_page.name.setText("Sunny Physio")
    wizard.business_page.timezone.setCurrentText("Europe/London")
    wizard.business_page.contact_email.setText("desk@sunny.example.com")
    wizard.show()
    wizard.next()
    await _wait(lambda: wizard.currentPage() is wizard.providers_page, app)
    await _pause(app)
    save(wizard, "wizard")
    # the "Where customers book" step, started at directly (the steps between need no input)
    address_id = next(i for i in wizard.pageIds() if wizard.page(i) is wizard.address_page)
    wizard.setStartId(address_id)
    wizard.restart()
    await _wait(lambda: bool(wizard.address_page.shown_address), app)
    await _pause(app)
    save(wizard, "wizard-address")
    wizard.reject()
    await ops.shutdown()
    fresh.close()

    # the demo: sign-in dialog, then the dashboard and settings
    controller = AppController(f"sqlite:///{folder / 'demo.sqlite3'}", demo=True)
    run = asyncio.ensure_future(controller.run())
    await _wait(lambda: controller.window is not None and controller.window.isVisible(), app, 120)
    window = controller.window
    window.resize(1400, 900)
    dashboard = window.show_tab("dashboard")
    await _wait(lambda: dashboard.data is not None, app)
    await _pause(app, 1.0)
    save(window, "dashboard")
    settings = window.show_tab("settings")
    page = settings.select_page("business")
    await _wait(lambda: page.profile is not None, app)
    await _pause(app, 1.0)
    save(window, "settings")
    reports_page = window.show_tab("reports")
    await _wait(lambda: reports_page.report is not None, app)
    await _pause(app, 1.0)
    save(window, "reports")
    window.signOutRequested.emit()
    await _wait(lambda: isinstance(controller.dialog, LoginDialog), app)
    login = controller.dialog
    login.password.setText("wrong")
    login.sign_in.click()
    await _wait(lambda: bool(login.error_text), app)
    await _pause(app)
    save(login, "login")
    login.reject()
    await run


def main() -> int:
    return run_shots("careops-shell-shots-", _shoot)


if __name__ == "__main__":
    sys.exit(main())
