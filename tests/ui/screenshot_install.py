"""Screenshots of Settings → Updates (a newer release found) and Help → About, in a real
window on the demo business. The release feed is a real aiohttp server on loopback,
signed with a key made for the shot.

Run under Xvfb (not collected by pytest)::

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python -m tests.ui.screenshot_install

Writes docs/screenshots/{updates-newer-release,about-licences}.png.
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from careops_desktop.integrations import update_check
from careops_desktop.integrations.release_feed import sign_release
from tests.integrations.feed_server import body, feed_server
from tests.ui.screenshot_run import run_shots, save, wait_until

KEY = Ed25519PrivateKey.generate()
NOTES = """What is new in CareOps 0.2.0

- Installers for Windows and macOS, and a Debian package.
- Help → About lists the libraries CareOps ships with.
- Reminders go out on time across daylight-saving changes.
"""


async def _shoot(folder: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from careops_desktop.ui.about_dialog import AboutDialog
    from careops_desktop.ui.app import AppController

    update_check.release_key = KEY.public_key  # type: ignore[assignment]
    release = {
        "version": "0.2.0",
        "published": "2027-01-15",
        "url": "https://example.org/careops/0.2.0",
        "notes": NOTES,
    }
    controller = AppController(f"sqlite:///{folder / 'demo.sqlite3'}", demo=True)
    run = asyncio.ensure_future(controller.run())
    await wait_until(lambda: controller.window is not None and controller.window.isVisible(), 120.0)
    window = controller.window
    assert window is not None
    window.resize(1400, 900)
    settings = window.show_tab("settings")
    page = settings.select_page("updates")
    with feed_server(body(json.dumps(sign_release(release, KEY)).encode())) as server:
        page.address.setText(server.url)
        page.enabled.setChecked(True)
        page.check_now()
        await wait_until(lambda: "0.2.0" in page.result.text(), 30.0)
    await asyncio.sleep(0.5)
    save(window, "updates-newer-release")

    window.show_about()
    await wait_until(
        lambda: any(isinstance(w, AboutDialog) for w in QApplication.topLevelWidgets()), 10.0
    )
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, AboutDialog))
    await wait_until(lambda: dialog.model.rowCount() > 0, 30.0)
    await asyncio.sleep(0.5)
    save(dialog, "about-licences")
    dialog.close()
    window.close()
    await run


def main() -> int:
    return run_shots("careops-install-shots-", lambda _app, folder: _shoot(folder))


if __name__ == "__main__":
    sys.exit(main())
