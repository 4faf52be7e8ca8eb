"""Saved replies: the business's shared answers, inserted into the inbox reply box.

A saved reply has a title (what the picker lists) and a body with the same
``{placeholders}`` as the message templates (:mod:`templates`). Reading, writing and
filling one needs MANAGE_INBOX, as replying does; every change is audited (never
the text itself). :func:`fill_saved_reply` fills the placeholders from a
conversation's contact and that contact's booking; a placeholder with no value
there stays as written and is named in ``unfilled`` so the person sees it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from careops_desktop.core import events
from careops_desktop.core.db import read_only
from careops_desktop.core.errors import NotFound, ValidationError
from careops_desktop.core.i18n import _
from careops_desktop.core.i18n.formats import number_text
from careops_desktop.core.models import (
    Booking,
    BookingType,
    Contact,
    Conversation,
    FormSubmission,
    Provider,
    SavedReply,
    User,
    utcnow,
)
from careops_desktop.core.permissions import Actor, Permission, require
from careops_desktop.core.services import audit, templates
from careops_desktop.core.services.bookings.messages import form_link, manage_link
from careops_desktop.core.services.bookings.views import booking_time_text
from careops_desktop.core.services.business import (
    business_settings,
    business_zone,
    public_base_url,
)

TITLE_MAX = 120
BODY_MAX = 5_000
LIST_MAX = 500


@dataclass(frozen=True)
class SavedReplyView:
    id: int
    title: str
    body: str
    created_by: str  # the writer's name, "" when unknown or removed
    updated_at: datetime


@dataclass(frozen=True)
class FilledReply:
    """A saved reply's body filled for one conversation; ``unfilled`` names the
    placeholders that had no value there (they stay in ``text`` as written)."""

    reply_id: int
    title: str
    text: str
    unfilled: tuple[str, ...]


def _view(reply: SavedReply, writer: str | None) -> SavedReplyView:
    return SavedReplyView(reply.id, reply.title, reply.body, writer or "", reply.updated_at)


def _load(session: Session, reply_id: int) -> SavedReply:
    reply = session.get(SavedReply, reply_id)
    if reply is None:
        raise NotFound("saved reply", reply_id)
    return reply


def _select() -> Select[SavedReply, str]:
    return select(SavedReply, User.full_name).outerjoin(
        User, User.id == SavedReply.created_by_user_id
    )


@read_only
def list_saved_replies(session: Session, actor: Actor) -> list[SavedReplyView]:
    """Every saved reply, by title (case-insensitive)."""
    require(actor, Permission.MANAGE_INBOX)
    query = _select().order_by(func.lower(SavedReply.title), SavedReply.id).limit(LIST_MAX)
    return [_view(reply, writer) for reply, writer in session.execute(query).all()]


@read_only
def get_saved_reply(session: Session, actor: Actor, reply_id: int) -> SavedReplyView:
    """One saved reply; :class:`NotFound` if it was removed."""
    require(actor, Permission.MANAGE_INBOX)
    row = session.execute(_select().where(SavedReply.id == reply_id)).first()
    if row is None:
        raise NotFound("saved reply", reply_id)
    return _view(row[0], row[1])


def _checked(session: Session, title: str, body: str, reply_id: int | None) -> tuple[str, str]:
    """``(title, body)`` cleaned, or :class:`ValidationError` naming each bad field."""
    title = " ".join((title or "").split())
    body = (body or "").replace("\r\n", "\n").replace("\x00", "")
    errors: dict[str, str] = {}
    if not title:
        errors["title"] = _("Enter a title.")
    elif len(title) > TITLE_MAX:
        errors["title"] = _("The title is longer than {limit} characters.").format(limit=TITLE_MAX)
    else:
        same = select(SavedReply.id).where(func.lower(SavedReply.title) == title.lower())
        if reply_id is not None:
            same = same.where(SavedReply.id != reply_id)
        if session.scalar(same.limit(1)) is not None:
            errors["title"] = _("There is already a saved reply called “{title}”.").format(
                title=title
            )
    if not body.strip():
        errors["body"] = _("Enter the reply text.")
    elif len(body) > BODY_MAX:
        errors["body"] = _("The text is longer than {limit} characters.").format(
            limit=number_text(BODY_MAX)
        )
    else:
        unknown = sorted(templates.placeholders_in(body) - templates.PLACEHOLDERS)
        if unknown:
            errors["body"] = _("Unknown placeholder {names}. Known: {known}").format(
                names=", ".join("{" + n + "}" for n in unknown),
                known=", ".join("{" + n + "}" for n in sorted(templates.PLACEHOLDERS)),
            )
    if errors:
        raise ValidationError(errors)
    return title, body


def add_saved_reply(session: Session, actor: Actor, title: str, body: str) -> SavedReplyView:
    """Keep a new saved reply for everyone at the business."""
    require(actor, Permission.MANAGE_INBOX)
    title, body = _checked(session, title, body, None)
    reply = SavedReply(title=title, body=body, created_by_user_id=actor.user_id)
    session.add(reply)
    session.flush()
    audit.record(session, actor, "create", "saved_reply", reply.id, {"title": title})
    events.record(session, events.SettingsChanged("saved_replies"))
    return _view(reply, actor.name)


def edit_saved_reply(
    session: Session, actor: Actor, reply_id: int, title: str, body: str
) -> SavedReplyView:
    """Change a saved reply's title and text."""
    require(actor, Permission.MANAGE_INBOX)
    reply = _load(session, reply_id)
    title, body = _checked(session, title, body, reply_id)
    reply.title, reply.body, reply.updated_at = title, body, utcnow()
    session.flush()
    audit.record(session, actor, "update", "saved_reply", reply.id, {"title": title})
    events.record(session, events.SettingsChanged("saved_replies"))
    return _view(reply, None)


def remove_saved_reply(session: Session, actor: Actor, reply_id: int) -> None:
    """Delete a saved reply (messages already sent with it keep their text)."""
    require(actor, Permission.MANAGE_INBOX)
    reply = _load(session, reply_id)
    audit.record(session, actor, "delete", "saved_reply", reply.id, {"title": reply.title})
    session.delete(reply)
    session.flush()
    events.record(session, events.SettingsChanged("saved_replies"))


# -- filling -----------------------------------------------------------------------------


def _booking_for(session: Session, contact_id: int, now: datetime) -> Booking | None:
    """The contact's next confirmed booking, else their latest booking of any kind."""
    upcoming = session.scalar(
        select(Booking)
        .where(
            Booking.contact_id == contact_id,
            Booking.status == "confirmed",
            Booking.start_at >= now,
        )
        .order_by(Booking.start_at, Booking.id)
        .limit(1)
    )
    if upcoming is not None:
        return upcoming
    return session.scalar(
        select(Booking)
        .where(Booking.contact_id == contact_id)
        .order_by(Booking.start_at.desc(), Booking.id.desc())
        .limit(1)
    )


def conversation_context(
    session: Session, conversation_id: int, now: datetime | None = None
) -> dict[str, object]:
    """The placeholder values a conversation gives: its contact, the business, and the
    contact's booking (next, else latest) and pending form when they have one."""
    conversation = session.get(Conversation, conversation_id)
    if conversation is None:
        raise NotFound("conversation", conversation_id)
    contact = session.get(Contact, conversation.contact_id)
    values: dict[str, object] = {"business_name": business_settings(session).name}
    if contact is None:
        return values
    values["contact_name"] = contact.name
    base_url = public_base_url(session)
    booking = _booking_for(session, contact.id, now or utcnow())
    if booking is not None:
        values["booking_time"] = booking_time_text(booking.start_at, business_zone(session))
        values["booking_type"] = (
            session.scalar(
                select(BookingType.name).where(BookingType.id == booking.booking_type_id)
            )
            or ""
        )
        values["provider_name"] = (
            session.scalar(select(Provider.name).where(Provider.id == booking.provider_id)) or ""
        )
        values["manage_link"] = manage_link(base_url, booking.manage_token)
    token = session.scalar(
        select(FormSubmission.token)
        .where(FormSubmission.contact_id == contact.id, FormSubmission.status != "completed")
        .order_by(FormSubmission.created_at.desc(), FormSubmission.id.desc())
        .limit(1)
    )
    if token:
        values["form_link"] = form_link(base_url, token)
    return values


@read_only
def fill_saved_reply(
    session: Session,
    actor: Actor,
    reply_id: int,
    conversation_id: int,
    now: datetime | None = None,
) -> FilledReply:
    """Saved reply ``reply_id`` with its placeholders filled for ``conversation_id``.

    Values (customer text included) are inserted as they are, in one pass, and never
    read as placeholders themselves (:func:`templates.fill`).
    """
    require(actor, Permission.MANAGE_INBOX)
    reply = _load(session, reply_id)
    context = conversation_context(session, conversation_id, now)
    unfilled = tuple(sorted(templates.placeholders_in(reply.body) - set(context)))
    return FilledReply(reply.id, reply.title, templates.fill(reply.body, context), unfilled)
