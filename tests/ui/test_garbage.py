"""Cycles holding Qt objects are collected on the Qt thread only (ui/garbage.py)."""

from __future__ import annotations

import gc
import threading
import weakref
from typing import Any

from PySide6.QtWidgets import QWidget

from careops_desktop.ui.garbage import QtThreadCollector


class _Holder:
    """A plain object in a reference cycle with a Qt widget (as a dialog and its slot)."""

    def __init__(self) -> None:
        self.widget = QWidget()
        self.me = self


def test_the_collector_is_off_until_stop_and_the_timer_collects_cycles(qtbot: Any) -> None:
    was = gc.isenabled()
    gc.enable()
    collector = QtThreadCollector()
    try:
        collector.start()
        assert not gc.isenabled()
        holder = _Holder()
        gone = weakref.ref(holder)
        del holder
        # a worker thread allocating a lot no longer triggers a collection of the cycle
        worker = threading.Thread(target=lambda: [[i] for i in range(200_000)])
        worker.start()
        worker.join()
        assert gone() is not None
        collector.collect()  # the Qt thread's timer does this every few seconds
        assert gone() is None
    finally:
        collector.stop()
        assert gc.isenabled()  # given back as it was at start
        if not was:
            gc.disable()


def test_stop_leaves_a_disabled_collector_disabled(qtbot: Any) -> None:
    was = gc.isenabled()
    gc.disable()
    collector = QtThreadCollector()
    collector.start()
    collector.stop()
    assert not gc.isenabled()
    if was:
        gc.enable()
