"""Ids-only lists for the window's lazy tables, and the rows of one block of ids.

The Inbox, Bookings, Forms and Inventory tables hold ids and load rows as they
are drawn (``ui/table_model.py``). Each ``*_ids`` function here returns every
id its area's list function would list, with the same filters, permission and
order, but reads ids only (no page limit, no joined columns, no previews); the
matching ``*_by_ids`` function returns the very row objects the list function
builds, for a block of ids, keyed by id (ids that no longer exist are left out).

- ``conversation_ids`` / ``conversation_rows_by_ids``: as ``inbox.list_conversations``;
- ``booking_ids`` / ``booking_rows_by_ids``: as ``bookings.list_bookings``;
- ``submission_ids`` / ``submission_rows_by_ids``: as ``form_submissions.list_submissions``;
- ``item_ids`` / ``items_by_ids``: as ``inventory.list_items``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from careops_desktop.core.db import read_only
from careops_desktop.core.errors import ValidationError
from careops_desktop.core.models import (
    Booking,
    Contact,
    Conversation,
    FormSubmission,
    InventoryItem,
)
from careops_desktop.core.permissions import Actor, Permission, require, require_any
from careops_desktop.core.services.bookings import views as booking_views
from careops_desktop.core.services.bookings.views import BookingView
from careops_desktop.core.services.forms import submissions as form_submissions
from careops_desktop.core.services.forms.submissions import SubmissionRow
from careops_desktop.core.services.inbox import views as inbox_views
from careops_desktop.core.services.inbox.views import ConversationRow
from careops_desktop.core.services.inventory import views as items
from careops_desktop.core.services.inventory.views import ItemView

CHUNK = 500  # ids per IN (...) list: well inside every database's parameter limit


def _chunks(ids: Sequence[int]) -> Iterator[list[int]]:
    unique = list(dict.fromkeys(int(i) for i in ids))
    for first in range(0, len(unique), CHUNK):
        yield unique[first : first + CHUNK]


def _ids(session: Session, query: Select[Any]) -> list[int]:
    """The first column of every row, as ints (plain rows: no ORM result for 100,000 ids)."""
    return [int(row[0]) for row in session.connection().execute(query)]


# -- conversations ------------------------------------------------------------------------


@read_only
def conversation_ids(
    session: Session, actor: Actor, *, open_filter: bool | None = None, search: str = ""
) -> list[int]:
    """Every conversation :func:`inbox.list_conversations` lists, most recently active first."""
    require(actor, Permission.MANAGE_INBOX)
    query = select(Conversation.id)
    if (search or "").strip():
        # only a search needs the contact (every conversation has one: NOT NULL foreign key)
        query = query.join(Contact, Contact.id == Conversation.contact_id)
    query = query.where(*inbox_views._list_filter(open_filter, search)).order_by(
        Conversation.updated_at.desc(), Conversation.id.desc()
    )
    return _ids(session, query)


@read_only
def conversation_rows_by_ids(
    session: Session, actor: Actor, ids: Sequence[int]
) -> dict[int, ConversationRow]:
    """The list rows (with the last message's preview) of these conversations, by id."""
    require(actor, Permission.MANAGE_INBOX)
    found: dict[int, ConversationRow] = {}
    for chunk in _chunks(ids):
        query = inbox_views._rows_select().where(Conversation.id.in_(chunk))
        found.update((row.id, row) for row in inbox_views._rows(session, query))
    return found


# -- bookings -----------------------------------------------------------------------------


@read_only
def booking_ids(
    session: Session,
    actor: Actor,
    *,
    start: datetime | None = None,
    end: datetime | None = None,
    status: str | Sequence[str] | None = None,
    booking_type_id: int | None = None,
    provider_id: int | None = None,
    contact_id: int | None = None,
    search: str = "",
    order: str = "start",
) -> list[int]:
    """Every booking :func:`bookings.list_bookings` lists with these filters, in ``order``."""
    require(actor, Permission.MANAGE_BOOKINGS)
    if order not in booking_views.ORDERS:
        raise ValidationError({"order": f"Unknown order {order!r}."})
    clauses = booking_views._filters(
        start=start,
        end=end,
        status=status,
        booking_type_id=booking_type_id,
        provider_id=provider_id,
        contact_id=contact_id,
        search=search,
    )
    # the joins only where a search or the order needs them
    query = booking_views._joined_for(select(Booking.id), search=search, order=order)
    return _ids(session, query.where(*clauses).order_by(*booking_views.ORDERS[order]))


@read_only
def booking_rows_by_ids(
    session: Session, actor: Actor, ids: Sequence[int]
) -> dict[int, BookingView]:
    """The :class:`BookingView` of each of these bookings, by id."""
    require(actor, Permission.MANAGE_BOOKINGS)
    found: dict[int, BookingView] = {}
    for chunk in _chunks(ids):
        query = booking_views._view_select().where(Booking.id.in_(chunk))
        found.update((view.id, view) for view in booking_views._views(session, query))
    return found


# -- form submissions ---------------------------------------------------------------------


@read_only
def submission_ids(
    session: Session,
    actor: Actor,
    *,
    status: str | None = None,
    form_id: int | None = None,
    contact_id: int | None = None,
    search: str | None = None,
) -> list[int]:
    """Every submission :func:`form_submissions.list_submissions` lists, newest first."""
    require_any(actor, *form_submissions.READ_PERMISSIONS)
    query = form_submissions._filtered(
        select(FormSubmission.id),
        status=status,
        form_id=form_id,
        contact_id=contact_id,
        search=search,
    )
    return _ids(session, query.order_by(FormSubmission.id.desc()))


@read_only
def submission_rows_by_ids(
    session: Session, actor: Actor, ids: Sequence[int]
) -> dict[int, SubmissionRow]:
    """The list rows of these submissions, by id."""
    require_any(actor, *form_submissions.READ_PERMISSIONS)
    found: dict[int, SubmissionRow] = {}
    for chunk in _chunks(ids):
        query = form_submissions._base(form_submissions._ROW_COLUMNS).where(
            FormSubmission.id.in_(chunk)
        )
        for values in session.execute(query).all():
            row = form_submissions._row(values)
            found[row.id] = row
    return found


# -- inventory items ----------------------------------------------------------------------


@read_only
def item_ids(
    session: Session,
    actor: Actor,
    *,
    include_inactive: bool = False,
    search: str | None = None,
    low_only: bool = False,
) -> list[int]:
    """Every item :func:`inventory.list_items` lists, by name."""
    require_any(actor, *items.READ_PERMISSIONS)
    query = select(InventoryItem.id).order_by(func.lower(InventoryItem.name), InventoryItem.id)
    if not include_inactive:
        query = query.where(InventoryItem.is_active.is_(True))
    if search and search.strip():
        pattern = items._like(search.strip()[: items.SEARCH_MAX].lower())
        query = query.where(func.lower(InventoryItem.name).like(pattern, escape="\\"))
    if low_only:
        query = query.where(InventoryItem.quantity <= InventoryItem.low_threshold)
    return _ids(session, query)


@read_only
def items_by_ids(session: Session, actor: Actor, ids: Sequence[int]) -> dict[int, ItemView]:
    """The :class:`ItemView` of each of these items, by id."""
    require_any(actor, *items.READ_PERMISSIONS)
    found: dict[int, ItemView] = {}
    for chunk in _chunks(ids):
        query = select(InventoryItem).where(InventoryItem.id.in_(chunk))
        found.update((item.id, items.item_view(item)) for item in session.scalars(query))
    return found
