"""Demo data: a realistic, deterministic business to try the app on, in two sizes.

``build_demo(database_or_session, size="small"|"large", today=None, progress=None)``
fills an empty database and returns a :class:`DemoSummary`. The demo owner
signs in as ``owner@demo.careops.local`` with the password ``demo-owner-pass``
(manager: ``manager@…`` / ``demo-manager-pass``; staff: ``staff@…`` /
``demo-staff-pass``). These passwords are public: never use them for real data.
"""

from __future__ import annotations

from careops_desktop.core.demo.builder import DemoSummary, build_demo
from careops_desktop.core.demo.plan import (
    MANAGER_EMAIL,
    MANAGER_PASSWORD,
    OWNER_EMAIL,
    OWNER_PASSWORD,
    PLANS,
    STAFF_EMAIL,
    STAFF_PASSWORD,
)

__all__ = [
    "MANAGER_EMAIL",
    "MANAGER_PASSWORD",
    "OWNER_EMAIL",
    "OWNER_PASSWORD",
    "PLANS",
    "STAFF_EMAIL",
    "STAFF_PASSWORD",
    "DemoSummary",
    "build_demo",
]
