"""The dashboard: today's figures and alerts (``figures``) and its charts (``charts``).

Code outside ``core/services`` imports this package, never a module inside it.
"""

from __future__ import annotations

from careops_desktop.core.services.dashboard.charts import (
    AHEAD_DAYS,
    BUSY_WEEKS,
    PAST_DAYS,
    TREND_WEEKS,
    DashboardCharts,
    DayCount,
    WeekRate,
    dashboard_charts,
    quarter_of_day,
)
from careops_desktop.core.services.dashboard.figures import (
    RECENT,
    REMINDER_GRACE,
    Alert,
    DashboardData,
    RecentBooking,
    RecentConversation,
    bounce_alerts,
    dashboard,
    local_day_bounds,
    reminders_due_count,
)

__all__ = [
    "AHEAD_DAYS",
    "BUSY_WEEKS",
    "PAST_DAYS",
    "RECENT",
    "REMINDER_GRACE",
    "TREND_WEEKS",
    "Alert",
    "DashboardCharts",
    "DashboardData",
    "DayCount",
    "RecentBooking",
    "RecentConversation",
    "WeekRate",
    "bounce_alerts",
    "dashboard",
    "dashboard_charts",
    "local_day_bounds",
    "quarter_of_day",
    "reminders_due_count",
]
