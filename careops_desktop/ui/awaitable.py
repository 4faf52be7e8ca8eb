"""Await a dialog on the Qt loop without a nested event loop (``open()``, not ``exec()``)."""

from __future__ import annotations

import asyncio

from PySide6.QtWidgets import QDialog


async def dialog_result(dialog: QDialog) -> int:
    """Open ``dialog`` (window-modal, non-blocking) and wait until it finishes; its result.

    If the awaiting task is cancelled, the dialog is closed (rejected).
    """
    loop = asyncio.get_running_loop()
    done: asyncio.Future[int] = loop.create_future()

    def finished(result: int) -> None:
        if not done.done():
            done.set_result(int(result))

    dialog.finished.connect(finished)
    dialog.open()
    try:
        return await done
    except asyncio.CancelledError:
        dialog.finished.disconnect(finished)
        dialog.reject()
        raise
