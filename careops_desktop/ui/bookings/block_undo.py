"""Undo for blocked time: adding, editing and removing a block are offered on the tab's
:class:`~careops_desktop.ui.bookings.undo_notice.UndoStack`, like the desk's booking changes.

- an added block is undone by removing it (``time_blocks.remove_block``);
- an edited block is undone by storing its old values again (``time_blocks.update_block``);
- a removed block (or one week of a series: the same ``only_day``) is undone by
  ``time_blocks.restore_block``.

The core decides again (permissions, field checks); a refusal shows in its words.
Everything here runs on the Qt thread.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QObject

from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import time_blocks
from careops_desktop.core.services.time_blocks import TimeBlockView
from careops_desktop.ui.bookings.undo_notice import UndoStack
from careops_desktop.ui.i18n import translate
from careops_desktop.ui.ops import Ops
from careops_desktop.ui.widgets.local_time import fmt_day


def _who(block: TimeBlockView) -> str:
    return block.provider_name or translate("BlockUndo", "everyone")


def added_words(block: TimeBlockView) -> str:
    """ "Lunch for Dana on Mon, 7 Dec was blocked." (a series: every week from that day)."""
    if block.repeats_weekly:
        text = translate("BlockUndo", "{reason} for {who} was blocked every week from {day}.")
    else:
        text = translate("BlockUndo", "{reason} for {who} on {day} was blocked.")
    return text.format(reason=block.reason, who=_who(block), day=fmt_day(block.day))


def edited_words(block: TimeBlockView) -> str:
    """ "The blocked time Lunch for Dana on Mon, 7 Dec was changed." """
    return translate(
        "BlockUndo", "The blocked time {reason} for {who} on {day} was changed."
    ).format(reason=block.reason, who=_who(block), day=fmt_day(block.day))


def removed_words(block: TimeBlockView, only_day: date | None) -> str:
    """ "Lunch for Dana on Mon, 7 Dec is no longer blocked." (or the whole series)."""
    if only_day is None and block.repeats_weekly:
        return translate(
            "BlockUndo", "{reason} for {who} is no longer blocked in any week."
        ).format(reason=block.reason, who=_who(block))
    return translate("BlockUndo", "{reason} for {who} on {day} is no longer blocked.").format(
        reason=block.reason, who=_who(block), day=fmt_day(only_day or block.day)
    )


def block_values(block: TimeBlockView) -> dict[str, Any]:
    """``block`` as the keyword arguments of ``time_blocks.update_block``."""
    start = datetime.combine(block.day, block.start_time)
    return {
        "provider_id": block.provider_id,
        "start": start,
        "end": start + timedelta(minutes=block.minutes),
        "reason": block.reason,
        "repeats_weekly": block.repeats_weekly,
        "repeat_until": block.repeat_until,
    }


def _command(
    stack: UndoStack,
    ops: Ops,
    owner: QObject | None,
    words: str,
    fn: Callable[..., Any],
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
) -> Callable[[], None]:
    """The undo: ``fn(*args, **kwargs)`` as a command; ``words`` in the notice when done."""

    def run() -> None:
        ops.command(fn, *args, **kwargs, on_done=lambda _view: stack.say(words), owner=owner)

    return run


def offer_added(
    stack: UndoStack, ops: Ops, actor: Actor, block: TimeBlockView, owner: QObject | None = None
) -> None:
    """Offer the new ``block`` for undo (undo removes it)."""
    undone = translate("BlockUndo", "The blocked time {reason} was taken back.").format(
        reason=block.reason
    )
    stack.record_undo(
        added_words(block),
        _command(stack, ops, owner, undone, time_blocks.remove_block, (actor, block.id), {}),
    )


def offer_edited(
    stack: UndoStack,
    ops: Ops,
    actor: Actor,
    before: TimeBlockView,
    after: TimeBlockView,
    owner: QObject | None = None,
) -> None:
    """Offer an edit of a block for undo (undo stores ``before``'s values again)."""
    undone = translate("BlockUndo", "The blocked time {reason} is back as it was.").format(
        reason=before.reason
    )
    stack.record_undo(
        edited_words(after),
        _command(
            stack,
            ops,
            owner,
            undone,
            time_blocks.update_block,
            (actor, before.id),
            block_values(before),
        ),
    )


def offer_removed(
    stack: UndoStack,
    ops: Ops,
    actor: Actor,
    block: TimeBlockView,
    only_day: date | None,
    owner: QObject | None = None,
) -> None:
    """Offer a removal (``only_day``: one week of a series) for undo (undo restores it)."""
    undone = translate("BlockUndo", "The blocked time {reason} is blocked again.").format(
        reason=block.reason
    )
    stack.record_undo(
        removed_words(block, only_day),
        _command(
            stack,
            ops,
            owner,
            undone,
            time_blocks.restore_block,
            (actor, block.id),
            {"only_day": only_day},
        ),
    )
