"""Booking reminders: each reminder of a booking's type, at its time, exactly once.

The rules live in the core (``core/services/answers/reminders.py``):
:func:`queue_booking_reminders` runs in one transaction (``Database.run``), writing
each reminder's outbox row and its ``reminder_sends`` row together; the unique
(booking, rule) key makes a second send impossible, across restarts, crashes and
processes. This module keeps the job's names where the scheduler finds them.
"""

from __future__ import annotations

from careops_desktop.core.services.answers import (
    BATCH,
    REMINDERS,
    ReminderReport,
    queue_booking_reminders,
)

__all__ = ["BATCH", "REMINDERS", "ReminderReport", "queue_booking_reminders"]
