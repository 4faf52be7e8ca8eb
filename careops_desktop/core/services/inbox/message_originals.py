"""The original of an incoming email, as it came from the mail server, saved to a file.

Every incoming email keeps its raw source (``messages.raw``); one the app could not
read is shown as an "unreadable message" and this is how staff get at it: save it
as an ``.eml`` file and open it in their mail program.
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from careops_desktop.core.errors import NotFound, ValidationError
from careops_desktop.core.i18n import _
from careops_desktop.core.models import Message
from careops_desktop.core.permissions import Actor, Permission, require


def save_original_email(session: Session, actor: Actor, message_id: int, target: Path) -> int:
    """Write message ``message_id``'s raw source to ``target``; returns the bytes written.

    Runs on the database worker (one file write). Raises :class:`NotFound` for an
    unknown message and :class:`ValidationError` (in words) when no original was kept
    or the file cannot be written.
    """
    require(actor, Permission.MANAGE_INBOX)
    row = session.execute(
        select(Message.raw, Message.direction).where(Message.id == message_id)
    ).first()
    if row is None:
        raise NotFound("message", message_id)
    raw, direction = row
    if direction != "in" or raw is None:
        raise ValidationError({"message": _("No original was kept for this message.")})
    partial = Path(target).with_name(Path(target).name + ".part")
    try:  # whole or not at all: a reader never sees half a file
        partial.write_bytes(raw)
        partial.replace(target)
    except OSError as exc:
        with suppress(OSError):
            partial.unlink(missing_ok=True)
        raise ValidationError(
            {
                "file": _("The file {file} could not be written ({reason}).").format(
                    file=target, reason=exc.strerror or exc
                )
            }
        ) from None
    return len(raw)
