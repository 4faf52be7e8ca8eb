"""Inventory: items, and every movement that explains an item's quantity.

Every change of a quantity writes a :class:`StockMovement` in the same
transaction, so ``quantity`` always equals the sum of the item's movements.

Bookings use stock (:func:`consume_for_booking`) per the booking type's
``BookingTypeStock`` rows and give it back when cancelled
(:func:`return_for_booking`). A booking is never refused for lack of stock:
the quantity may go below zero, which simply shows the item as low (the
shelf count is wrong, or stock arrived unrecorded; a person fixes it with an
adjustment). Staff adjustments, in contrast, may not leave a negative count.

Low stock: an item is low when ``quantity <= low_threshold``. When a change
makes an item low and it has not been alerted yet, ``low_alerted`` is set and
the item is listed in ``StockResult.items_newly_low`` (and the
:class:`StockChanged` event carries ``newly_low=True``), so managers are
alerted once per crossing. A change that lifts it above the threshold clears
``low_alerted`` for the next crossing.

Reading needs VIEW_INVENTORY (or MANAGE_INVENTORY / MANAGE_SETTINGS); changing
needs MANAGE_INVENTORY or MANAGE_SETTINGS; booking movements need
MANAGE_BOOKINGS (they are part of making or cancelling a booking).

Items (:mod:`items`), the read side (:mod:`views`) and the movement primitive
(:mod:`movements`) sit beside this module; other areas call all of them through
the ``inventory`` package.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from careops_desktop.core.db import statements
from careops_desktop.core.errors import NotFound, ValidationError
from careops_desktop.core.i18n import _
from careops_desktop.core.i18n.formats import number_text
from careops_desktop.core.models import (
    Booking,
    BookingTypeStock,
    StockMovement,
)
from careops_desktop.core.permissions import Actor, Permission, require_any
from careops_desktop.core.services import audit
from careops_desktop.core.services.inventory.movements import (
    AMOUNT_MAX,
    apply_movements,
    check_note,
    check_whole,
    held_item,
)
from careops_desktop.core.services.inventory.views import (
    WRITE_PERMISSIONS,
    StockResult,
)
from careops_desktop.core.statement_runner import prebuilt

_HELD_BY_BOOKING = prebuilt(
    select(StockMovement.item_id, func.sum(StockMovement.delta))
    .where(
        StockMovement.booking_id == bindparam("booking_id"),
        StockMovement.reason.in_(("booking", "cancellation")),
    )
    .group_by(StockMovement.item_id)
)
_BOOKING_TYPE = prebuilt(
    select(Booking.booking_type_id).where(Booking.id == bindparam("booking_id"))
)
_USAGE = prebuilt(
    select(BookingTypeStock.item_id, BookingTypeStock.quantity).where(
        BookingTypeStock.booking_type_id == bindparam("type_id")
    )
)


def _net_for_booking(session: Session, booking_id: int) -> dict[int, int]:
    """Per item, what the booking currently holds (sum of its booking and cancellation deltas)."""
    rows = statements(session).execute(_HELD_BY_BOOKING, {"booking_id": booking_id}).all()
    return {int(item_id): int(total or 0) for item_id, total in rows}


def consume_for_booking(
    session: Session, actor: Actor, booking_id: int, now: datetime | None = None
) -> StockResult:
    """Take the stock one booking of its type uses (one 'booking' movement per item).

    Runs in the booking's transaction. Does nothing if the booking already
    holds its stock (so calling it twice is safe). Quantities may go below
    zero: a booking is never refused for stock.
    """
    require_any(actor, Permission.MANAGE_BOOKINGS, *WRITE_PERMISSIONS)
    type_id = statements(session).execute(_BOOKING_TYPE, {"booking_id": booking_id}).scalar()
    if type_id is None:
        raise NotFound("booking", booking_id)
    held = _net_for_booking(session, booking_id)
    if any(total < 0 for total in held.values()):
        return StockResult((), (), ())
    return take_stock_for(session, actor, booking_id, type_id, now)


def take_stock_for(
    session: Session,
    actor: Actor,
    booking_id: int,
    booking_type_id: int,
    now: datetime | None = None,
) -> StockResult:
    """Take what one booking of ``booking_type_id`` uses, without asking what it holds.

    For a booking written in this same transaction (it holds nothing yet);
    everyone else calls :func:`consume_for_booking`.
    """
    require_any(actor, Permission.MANAGE_BOOKINGS, *WRITE_PERMISSIONS)
    usage = statements(session).execute(_USAGE, {"type_id": booking_type_id}).all()
    changes = [(int(item_id), -int(quantity)) for item_id, quantity in usage]
    if not changes:
        return StockResult((), (), ())
    result = apply_movements(
        session, actor, changes, reason="booking", booking_id=booking_id, now=now
    )
    details = {"booking_id": booking_id, "items": len(changes)}
    audit.record(session, actor, "consume", "stock", None, details)
    return result


def return_for_booking(
    session: Session, actor: Actor, booking_id: int, now: datetime | None = None
) -> StockResult:
    """Give back exactly what the booking took, as 'cancellation' movements, once.

    Calling it again (or for a booking that took nothing) does nothing.
    """
    require_any(actor, Permission.MANAGE_BOOKINGS, *WRITE_PERMISSIONS)
    if session.get(Booking, booking_id) is None:
        raise NotFound("booking", booking_id)
    held = _net_for_booking(session, booking_id)
    changes = [(item_id, -total) for item_id, total in sorted(held.items()) if total < 0]
    if not changes:
        return StockResult((), (), ())
    result = apply_movements(
        session, actor, changes, reason="cancellation", booking_id=booking_id, now=now
    )
    details = {"booking_id": booking_id, "items": len(changes)}
    audit.record(session, actor, "return", "stock", None, details)
    return result


def restock(
    session: Session,
    actor: Actor,
    item_id: int,
    amount: int,
    note: str = "",
    now: datetime | None = None,
) -> StockResult:
    """Add ``amount`` (> 0) to an item as a 'restock' movement and note when it was restocked."""
    require_any(actor, *WRITE_PERMISSIONS)
    amount = check_whole(amount, "amount", minimum=1)
    clean_note = check_note(note)
    item = held_item(session, item_id)
    result = apply_movements(
        session, actor, [(item.id, amount)], reason="restock", note=clean_note, now=now
    )
    audit.record(session, actor, "restock", "inventory_item", item.id, {"amount": amount})
    return result


def adjust(
    session: Session,
    actor: Actor,
    item_id: int,
    delta: int,
    note: str = "",
    now: datetime | None = None,
) -> StockResult:
    """Correct an item's count by ``delta`` (not zero) as an 'adjustment' movement.

    Refused with a :class:`ValidationError` on ``delta`` if the count would go below zero.
    """
    require_any(actor, *WRITE_PERMISSIONS)
    if isinstance(delta, bool) or not isinstance(delta, int) or delta == 0:
        raise ValidationError({"delta": _("Enter a whole number other than zero.")})
    if abs(delta) > AMOUNT_MAX:
        raise ValidationError(
            {
                "delta": _("An adjustment can be at most {limit}.").format(
                    limit=number_text(AMOUNT_MAX)
                )
            }
        )
    clean_note = check_note(note)
    item = held_item(session, item_id)
    if item.quantity + delta < 0:
        raise ValidationError(
            {
                "delta": _(
                    "That would leave {left} {unit} of “{name}”; there are only {quantity} "
                    "in stock."
                ).format(
                    left=item.quantity + delta,
                    unit=item.unit,
                    name=item.name,
                    quantity=item.quantity,
                )
            }
        )
    result = apply_movements(
        session, actor, [(item.id, delta)], reason="adjustment", note=clean_note, now=now
    )
    audit.record(session, actor, "adjust", "inventory_item", item.id, {"delta": delta})
    return result
