"""Calendar sync in the core: nothing here talks to a server.

``links`` keeps the CalDAV account's settings, each provider's calendars, the
outside busy time the slots respect, and queues booking changes for the
calendar job; ``job_store`` is what the calendar jobs (``jobs/calendar_jobs.py``)
read and write. Code outside ``core/services`` imports this package, never a
module inside it.
"""

from __future__ import annotations

from careops_desktop.core.services.calendar.job_store import (
    BusyPeriod,
    CalendarToRead,
    EventPlan,
    WrittenEvent,
    apply_busy,
    calendars_to_read,
    claim_calendar_changes,
    plan_booking_event,
    record_event_removed,
    record_event_written,
    record_read_error,
    release_claimed,
)
from careops_desktop.core.services.calendar.links import (
    CalendarAccount,
    CalendarRef,
    ExternalBlock,
    Interval,
    ProviderCalendars,
    busy_blocks_for,
    enqueue_booking_change,
    external_blocks,
    get_account,
    list_provider_calendars,
    overlapping_blocks,
    save_account,
    set_provider_calendars,
    sync_window,
    validate_account,
)

__all__ = [
    "BusyPeriod",
    "CalendarAccount",
    "CalendarRef",
    "CalendarToRead",
    "EventPlan",
    "ExternalBlock",
    "Interval",
    "ProviderCalendars",
    "WrittenEvent",
    "apply_busy",
    "busy_blocks_for",
    "calendars_to_read",
    "claim_calendar_changes",
    "enqueue_booking_change",
    "external_blocks",
    "get_account",
    "list_provider_calendars",
    "overlapping_blocks",
    "plan_booking_event",
    "record_event_removed",
    "record_event_written",
    "record_read_error",
    "release_claimed",
    "save_account",
    "set_provider_calendars",
    "sync_window",
    "validate_account",
]
