"""Mail that no person wrote: bounces mark what we sent, automatic replies become notes.

The mail reader (``integrations.mail_kinds``) says what kind each incoming
email is; :func:`record_classified` applies it in the caller's transaction:

- a **bounce** finds the outgoing message it reports (by the returned
  Message-ID, else by recipient and time), marks it ``bounced`` with the
  server's reason, notes it in the conversation, and flags the address as
  failing (:class:`AddressFailure`). No contact and no inquiry is created.
- an **automatic reply** (out of office, list mail, a null return path) is
  a system note in the conversation it belongs to, or dropped when there is
  none. It never opens a conversation, never counts as unread, and nothing
  answers it (no inquiry, no welcome).
- a **person's** mail is left to ``incoming.record_incoming``; it also
  clears a failing flag on the sender's address (mail from it arrives).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from careops_desktop.core import events
from careops_desktop.core.db import read_only
from careops_desktop.core.i18n import N_, _
from careops_desktop.core.models import (
    AddressFailure,
    Booking,
    Contact,
    Conversation,
    Message,
    OutboxMessage,
    utcnow,
)
from careops_desktop.core.services.inbox.incoming import IncomingMessage, normalize_message_id

log = logging.getLogger(__name__)

MATCH_WINDOW = timedelta(days=7)  # a bounce without a Message-ID matches mail sent this recently
CLOCK_SLACK = timedelta(minutes=10)  # the mail server's clock against ours
NO_REASON = N_("The mail server gave no reason.")
BOUNCE_NOTE = N_("The email to {address} could not be delivered. The mail server said: {reason}")
DELAY_NOTE = N_("The email to {address} is delayed. The mail server said: {reason}")
AUTO_NOTE = N_("{sender} sent an automatic reply ({subject}):\n\n{content}")
NOTE_MAX = 4000


@dataclass(frozen=True)
class FailedRecipient:
    """One recipient a bounce reports: its address, status code (``5.1.1``) and reason."""

    address: str
    status: str = ""
    reason: str = ""
    permanent: bool = True


@dataclass(frozen=True)
class Bounce:
    """What a bounce says: who failed, and which of our Message-IDs it returns."""

    recipients: tuple[FailedRecipient, ...]
    returned_ids: tuple[str, ...] = ()
    reported_at: datetime | None = None  # the bounce's Date (aware UTC), if readable


@dataclass(frozen=True)
class MailKind:
    """``bounce`` (with ``bounce`` set), ``auto`` or ``person``."""

    kind: str
    bounce: Bounce | None = None


@dataclass(frozen=True)
class FailingAddress:
    """An address mail cannot reach, for the contact, the conversation and the dashboard."""

    address: str
    status: str
    reason: str
    failed_at: datetime
    contact_id: int | None = None
    contact_name: str = ""

    @property
    def text(self) -> str:
        """One sentence for the person at the desk."""
        return _("Email to {address} bounces: {reason}").format(
            address=self.address, reason=self.reason or _(NO_REASON)
        )


# -- the hook ------------------------------------------------------------------------------


def record_classified(
    session: Session, message: IncomingMessage, kind: MailKind, now: datetime | None = None
) -> bool:
    """Apply ``kind`` to ``message``; ``True`` when it was handled here (not a person's mail).

    For a person's mail this only clears a failing flag on the sender and
    returns ``False``: the caller records it as usual.
    """
    when = now or utcnow()
    if kind.kind != "person" and _noted_before(session, message):
        return True  # the same mail fetched again (e.g. the folder was renumbered)
    if kind.kind == "bounce" and kind.bounce is not None:
        own_id = normalize_message_id(message.message_id)
        if any(r.permanent for r in kind.bounce.recipients):
            record_bounce(session, kind.bounce, when, source_id=own_id)
        else:
            _note_delay(session, kind.bounce, when, own_id)
        return True
    if kind.kind in ("auto", "bounce"):
        record_automatic_reply(session, message, when)
        return True
    clear_failure(session, message.sender_address)
    return False


def _noted_before(session: Session, message: IncomingMessage) -> bool:
    own_id = normalize_message_id(message.message_id)
    if own_id is None:
        return False
    found = session.scalar(
        select(Message.id)
        .where(Message.message_id == own_id, Message.sender_type == "system")
        .limit(1)
    )
    return found is not None


# -- bounces -------------------------------------------------------------------------------


def _outbox_by_ids(session: Session, ids: Iterable[str]) -> list[OutboxMessage]:
    wanted = [i for i in (normalize_message_id(x) for x in ids) if i is not None]
    if not wanted:
        return []
    rows = list(
        session.scalars(
            select(OutboxMessage).where(
                OutboxMessage.message_id.in_(wanted), OutboxMessage.channel == "email"
            )
        )
    )
    order = {value: n for n, value in enumerate(wanted)}
    return sorted(rows, key=lambda r: order.get(r.message_id or "", len(order)))


def _outbox_by_recipient(session: Session, address: str, when: datetime) -> OutboxMessage | None:
    """The latest email to ``address`` sent within :data:`MATCH_WINDOW` before ``when``."""
    lo, hi = when - MATCH_WINDOW, when + CLOCK_SLACK
    return session.scalar(
        select(OutboxMessage)
        .where(
            OutboxMessage.channel == "email",
            func.lower(OutboxMessage.recipient) == address,
            OutboxMessage.status.in_(("sent", "sending", "bounced")),
            or_(
                OutboxMessage.sent_at.between(lo, hi),
                and_(OutboxMessage.sent_at.is_(None), OutboxMessage.created_at.between(lo, hi)),
            ),
        )
        .order_by(OutboxMessage.sent_at.desc().nulls_last(), OutboxMessage.id.desc())
        .limit(1)
    )


def match_outgoing(
    session: Session, bounce: Bounce, recipient: FailedRecipient, now: datetime
) -> OutboxMessage | None:
    """The outgoing email ``bounce`` reports for ``recipient``, if one can be found.

    By a returned Message-ID first; else the latest mail to the recipient sent
    before the bounce was written (its Date, or ``now`` when it has none).
    """
    by_id = _outbox_by_ids(session, bounce.returned_ids)
    for row in by_id:
        if row.recipient.strip().lower() == recipient.address:
            return row
    if by_id and len(bounce.recipients) == 1:
        return by_id[0]  # the server rewrote the address (alias, forwarding)
    when = min(bounce.reported_at or now, now)
    return _outbox_by_recipient(session, recipient.address, when)


def _contact_for(session: Session, address: str) -> Contact | None:
    return session.scalar(
        select(Contact).where(func.lower(Contact.email) == address).order_by(Contact.id).limit(1)
    )


def _conversation_of(session: Session, row: OutboxMessage | None, address: str) -> int | None:
    """Where a note about ``row`` belongs: its message's thread, else the contact's latest."""
    if row is not None and row.chat_message_id is not None:
        found = session.scalar(
            select(Message.conversation_id).where(Message.id == row.chat_message_id)
        )
        if found is not None:
            return found
    contact_id: int | None = None
    if row is not None and row.booking_id is not None:
        contact_id = session.scalar(select(Booking.contact_id).where(Booking.id == row.booking_id))
    if contact_id is None:
        contact = _contact_for(session, address)
        contact_id = contact.id if contact is not None else None
    return _latest_conversation(session, contact_id) if contact_id is not None else None


def _latest_conversation(session: Session, contact_id: int) -> int | None:
    return session.scalar(
        select(Conversation.id)
        .where(Conversation.contact_id == contact_id)
        .order_by(Conversation.updated_at.desc(), Conversation.id.desc())
        .limit(1)
    )


def _add_note(
    session: Session,
    conversation_id: int,
    content: str,
    when: datetime,
    *,
    direction: events.MessageDirection = "out",
    channel: str = "system",
    message_id: str | None = None,
    raw: bytes | None = None,
) -> int:
    """A system note in the thread: not unread, does not reopen or reorder the conversation."""
    note = Message(
        conversation_id=conversation_id,
        direction=direction,
        sender_type="system",
        sender_name="CareOps",
        content=content[:NOTE_MAX],
        channel=channel,
        message_id=message_id,
        delivery_status="received" if direction == "in" else "none",
        attachments=[],
        raw=raw,
        created_at=when,
    )
    session.add(note)
    session.flush()
    events.record(session, events.MessageRecorded(conversation_id, note.id, direction))
    return note.id


def _flag(
    session: Session, recipient: FailedRecipient, row: OutboxMessage | None, when: datetime
) -> None:
    failure = session.scalar(
        select(AddressFailure).where(AddressFailure.address == recipient.address)
    )
    if failure is None:
        failure = AddressFailure(address=recipient.address[:320])
        session.add(failure)
    failure.status = recipient.status[:16]
    failure.reason = recipient.reason or NO_REASON
    failure.outbox_id = row.id if row is not None else None
    failure.failed_at = when
    session.flush()
    contact = _contact_for(session, recipient.address)
    if contact is not None:
        events.record(session, events.ContactChanged(contact.id, "updated"))


def record_bounce(
    session: Session, bounce: Bounce, now: datetime | None = None, *, source_id: str | None = None
) -> list[int]:
    """Mark what ``bounce`` reports as ``bounced`` and flag the addresses; returns outbox ids.

    A recipient whose outgoing email cannot be found is still flagged when a
    contact has that address; otherwise it is only logged. ``source_id`` (the
    bounce's own Message-ID) goes on the notes, so the same bounce is noted once.
    """
    when = now or utcnow()
    marked: list[int] = []
    for recipient in bounce.recipients:
        if not recipient.permanent:
            continue
        reason = recipient.reason or NO_REASON
        row = match_outgoing(session, bounce, recipient, when)
        if row is None and _contact_for(session, recipient.address) is None:
            log.info("a bounce for an address we do not know was dropped")
            continue
        if row is not None:
            row.status = "bounced"
            row.last_error = reason
            marked.append(row.id)
            events.record(session, events.OutboxChanged(row.id, "bounced"))
            if row.chat_message_id is not None:
                chat = session.get(Message, row.chat_message_id)
                if chat is not None:
                    chat.delivery_status = "bounced"
                    chat.delivery_error = reason
        _flag(session, recipient, row, when)
        conversation_id = _conversation_of(session, row, recipient.address)
        if conversation_id is not None:
            note = _(BOUNCE_NOTE).format(address=recipient.address, reason=reason)
            _add_note(session, conversation_id, note, when, message_id=source_id)
    return marked


def _note_delay(session: Session, bounce: Bounce, when: datetime, source_id: str | None) -> None:
    for recipient in bounce.recipients:
        row = match_outgoing(session, bounce, recipient, when)
        conversation_id = _conversation_of(session, row, recipient.address)
        if conversation_id is not None:
            note = _(DELAY_NOTE).format(
                address=recipient.address, reason=recipient.reason or _(NO_REASON)
            )
            _add_note(session, conversation_id, note, when, message_id=source_id)


# -- automatic replies ---------------------------------------------------------------------


def _thread_of_reply(session: Session, message: IncomingMessage) -> int | None:
    """The conversation an automatic reply answers; nothing is created."""
    refs = [normalize_message_id(message.in_reply_to)]
    refs += [normalize_message_id(r) for r in reversed(message.references)]
    for ref in [r for r in dict.fromkeys(refs) if r is not None]:
        found = session.scalar(
            select(Message.conversation_id).where(Message.message_id == ref).limit(1)
        )
        if found is not None:
            return found
        row = session.scalar(select(OutboxMessage).where(OutboxMessage.message_id == ref))
        if row is not None:
            found = _conversation_of(session, row, row.recipient.strip().lower())
            if found is not None:
                return found
    sender = message.sender_address.strip().lower()
    contact = _contact_for(session, sender) if sender else None
    return _latest_conversation(session, contact.id) if contact is not None else None


def record_automatic_reply(
    session: Session, message: IncomingMessage, now: datetime | None = None
) -> int | None:
    """Note an automatic reply in its conversation; ``None`` when it was dropped.

    The same Message-ID is noted once. The conversation keeps its open/closed
    state, unread count and place in the list.
    """
    when = now or utcnow()
    own_id = normalize_message_id(message.message_id)
    if own_id is not None:
        seen = session.scalar(select(Message.id).where(Message.message_id == own_id).limit(1))
        if seen is not None:
            return None
    conversation_id = _thread_of_reply(session, message)
    if conversation_id is None:
        log.info("an automatic reply that belongs to no conversation was dropped")
        return None
    sender = " ".join(message.sender_name.split()) or message.sender_address
    content = _(AUTO_NOTE).format(
        sender=sender[:200],
        subject=" ".join(message.subject.split())[:300],
        content=(message.content or "").strip(),
    )
    return _add_note(
        session,
        conversation_id,
        content,
        when,
        direction="in",
        channel="email",
        message_id=own_id,
        raw=message.raw,
    )


# -- failing addresses ---------------------------------------------------------------------


def clear_failure(session: Session, address: str) -> bool:
    """Forget that ``address`` bounces (mail from it arrived, or staff fixed it)."""
    failure = session.scalar(
        select(AddressFailure).where(AddressFailure.address == address.strip().lower())
    )
    if failure is None:
        return False
    session.delete(failure)
    session.flush()
    contact = _contact_for(session, failure.address)
    if contact is not None:
        events.record(session, events.ContactChanged(contact.id, "updated"))
    return True


def _view(failure: AddressFailure, contact: Contact | None) -> FailingAddress:
    return FailingAddress(
        address=failure.address,
        status=failure.status,
        reason=failure.reason,
        failed_at=failure.failed_at,
        contact_id=contact.id if contact is not None else None,
        contact_name=contact.name if contact is not None else "",
    )


@read_only
def failing_address(session: Session, address: str | None) -> FailingAddress | None:
    """The failure recorded for ``address``, if mail to it bounces."""
    if not address:
        return None
    key = address.strip().lower()
    failure = session.scalar(select(AddressFailure).where(AddressFailure.address == key))
    return _view(failure, _contact_for(session, key)) if failure is not None else None


@read_only
def failing_for_contact(session: Session, contact_id: int) -> FailingAddress | None:
    """Whether the contact's email address bounces."""
    email = session.scalar(select(Contact.email).where(Contact.id == contact_id))
    return failing_address(session, email)


@read_only
def failing_for_conversation(session: Session, conversation_id: int) -> FailingAddress | None:
    """Whether the email address of the conversation's contact bounces."""
    contact_id = session.scalar(
        select(Conversation.contact_id).where(Conversation.id == conversation_id)
    )
    return failing_for_contact(session, contact_id) if contact_id is not None else None


@read_only
def failing_addresses(session: Session, limit: int = 20) -> list[FailingAddress]:
    """Addresses of contacts that bounce, newest first (for the dashboard's alerts)."""
    rows = session.execute(
        select(AddressFailure, Contact)
        .join(Contact, func.lower(Contact.email) == AddressFailure.address)
        .order_by(AddressFailure.failed_at.desc(), AddressFailure.id.desc())
        .limit(limit)
    ).all()
    seen: dict[str, FailingAddress] = {}
    for failure, contact in rows:
        seen.setdefault(failure.address, _view(failure, contact))
    return list(seen.values())
