"""Blocked time: partial-day closures of a provider or the whole business (lunch, a meeting).

``store`` adds, changes, removes (and restores, for undo) blocks and reads them;
``occurrences`` is the pure maths that turns a block and its weekly repeat into
UTC intervals on local days, DST-safe. The slot maths (``services/slots``) and
the booking checks (``services/bookings/checks``) take blocked time from here.
Code outside ``core/services`` imports this package, never a module inside it.
"""

from __future__ import annotations

from careops_desktop.core.services.time_blocks.occurrences import (
    BlockOccurrence,
    BlockRule,
    occurrences,
    start_days,
)
from careops_desktop.core.services.time_blocks.store import (
    MAX_MINUTES,
    REASON_MAX,
    TimeBlockView,
    add_block,
    blocks_over,
    busy_between,
    check_reason,
    get_block,
    list_blocks,
    occurrences_between,
    remove_block,
    restore_block,
    rules_between,
    update_block,
)

__all__ = [
    "MAX_MINUTES",
    "REASON_MAX",
    "BlockOccurrence",
    "BlockRule",
    "TimeBlockView",
    "add_block",
    "blocks_over",
    "busy_between",
    "check_reason",
    "get_block",
    "list_blocks",
    "occurrences",
    "occurrences_between",
    "remove_block",
    "restore_block",
    "rules_between",
    "start_days",
    "update_block",
]
