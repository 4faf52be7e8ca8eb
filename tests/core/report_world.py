"""The small demo database the report tests read, built once per test session.

Today is fixed at 10 April 2025, so the three weeks of history reach back
across the clocks going forward in Europe/London (30 March 2025, 01:00 UTC).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from careops_desktop.core.db import Database

TODAY = date(2025, 4, 10)
ZONE = ZoneInfo("Europe/London")
NOW = datetime.combine(TODAY, time(12, 0), tzinfo=ZONE).astimezone(UTC)
# The period across the DST change, with its UTC bounds written out by hand:
# 20 March starts at 00:00 UTC (GMT); 10 April starts at 9 April 23:00 UTC (BST).
START, END = date(2025, 3, 20), date(2025, 4, 9)
START_UTC = "2025-03-20 00:00:00.000000"
END_UTC = "2025-04-09 23:00:00.000000"

_built: dict[str, Path] = {}


def small_demo_path(factory: pytest.TempPathFactory) -> Path:
    """The path of the small demo file (built on first use in this session)."""
    if "path" not in _built:
        from careops_desktop.core.demo import build_demo
        from careops_desktop.core.schema import upgrade_to_head

        path = factory.mktemp("report-demo") / "demo.sqlite3"
        database = Database(f"sqlite:///{path}")
        try:
            upgrade_to_head(database.engine)
            build_demo(database, "small", today=TODAY)
        finally:
            database.close()
        _built["path"] = path
    return _built["path"]
