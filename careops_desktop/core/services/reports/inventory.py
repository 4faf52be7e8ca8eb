"""The inventory report: use by item and by booking type, stock now, projected stock-out.

Use in the period is the net of booking movements and the stock given back
by cancellations, by when the movement happened. Stock is set aside when a
booking is made, so the quantity now already excludes what the confirmed
bookings ahead will use; the projection therefore runs on at the rate those
bookings ahead use stock (the next 28 days), or at the rate of the last 28
days when nothing is booked ahead.
"""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session

from careops_desktop.core.db import read_only
from careops_desktop.core.i18n import _
from careops_desktop.core.models import (
    Booking,
    BookingType,
    BookingTypeStock,
    InventoryItem,
    StockMovement,
)
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services.reports.common import open_report
from careops_desktop.core.services.reports.model import Chart, Column, KeyFigure, Report, Section
from careops_desktop.core.services.reports.sql import sum_if

LOOK_AHEAD_DAYS = 28
RUNNING_OUT_DAYS = 14


@read_only
def inventory_report(
    session: Session,
    actor: Actor,
    start_date: date,
    end_date: date,
    tz: ZoneInfo | str | None = None,
    *,
    now: datetime | None = None,
) -> Report:
    """Stock used from ``start_date`` to ``end_date``, stock now and when it runs out."""
    ctx = open_report(session, actor, start_date, end_date, tz, now)
    period = ctx.period
    m = StockMovement
    used = sum_if(m.reason == "booking", -m.delta) - sum_if(m.reason == "cancellation", m.delta)
    movement_rows = session.execute(
        select(
            m.item_id,
            used,
            sum_if(m.reason == "restock", m.delta),
            sum_if(m.reason == "adjustment", m.delta),
            sum_if(m.reason == "restock", 1),
        )
        .select_from(InventoryItem)
        .join(m, _movements_of_item(period.start_utc, period.end_utc))
        .group_by(m.item_id)
    ).all()
    moved = {row[0]: row[1:] for row in movement_rows}
    items = session.execute(
        select(
            InventoryItem.id,
            InventoryItem.name,
            InventoryItem.unit,
            InventoryItem.quantity,
            InventoryItem.low_threshold,
            InventoryItem.last_restocked_at,
        )
        .where(InventoryItem.is_active.is_(True))
        .order_by(InventoryItem.name)
    ).all()
    today = ctx.now.astimezone(period.zone).date()
    ahead = _daily_use_ahead(session, ctx.now)
    recent = _daily_use_recent(session, ctx.now)
    usage_rows, stock_rows = [], []
    running_out = low = restocks = 0
    for item_id, name, unit, quantity, threshold, restocked in items:
        net, restocked_amount, adjusted, deliveries = moved.get(item_id, (0, 0, 0, 0))
        restocks += int(deliveries)
        usage_rows.append((name, unit, int(net), int(restocked_amount), int(adjusted)))
        per_day = ahead.get(item_id) or recent.get(item_id) or 0.0
        out_on = _stock_out(today, quantity, per_day)
        if out_on is not None and out_on <= today + timedelta(days=RUNNING_OUT_DAYS):
            running_out += 1
        is_low = quantity <= threshold
        low += is_low
        last = restocked.astimezone(period.zone).date() if restocked else None
        stock_rows.append(
            (
                name,
                unit,
                quantity,
                threshold,
                _("Low") if is_low else "",
                round(per_day, 2),
                out_on,
                last,
            )
        )
    figures = [
        KeyFigure("items", _("Items tracked"), len(items)),
        KeyFigure("low_items", _("Low on stock now"), low),
        KeyFigure(
            "running_out",
            _("Running out within {days} days").format(days=RUNNING_OUT_DAYS),
            running_out,
        ),
        KeyFigure("restocks", _("Deliveries in the period"), restocks),
    ]
    usage = Section(
        "use_by_item",
        _("Use by item"),
        (
            Column("item", _("Item")),
            Column("unit", _("Unit")),
            Column("used", _("Used by bookings"), "int"),
            Column("restocked", _("Restocked"), "int"),
            Column("adjusted", _("Adjusted"), "int"),
        ),
        tuple(usage_rows),
        Chart("item", ("used",), _("Used by bookings")),
    )
    stock = Section(
        "stock_now",
        _("Stock now"),
        (
            Column("item", _("Item")),
            Column("unit", _("Unit")),
            Column("quantity", _("Quantity"), "int"),
            Column("low_threshold", _("Low at"), "int"),
            Column("low", _("Low")),
            Column("daily_use", _("Expected use per day"), "float"),
            Column("stock_out", _("Projected to run out"), "date"),
            Column("last_restocked", _("Last restocked"), "date"),
        ),
        tuple(stock_rows),
    )
    notes = (
        _(
            "Stock is set aside when a booking is made; projections run on at the rate of the "
            "confirmed bookings of the next {days} days (else the last {days})."
        ).format(days=LOOK_AHEAD_DAYS),
    )
    sections = [usage, _by_booking_type(session, period.start_utc, period.end_utc), stock]
    return ctx.report("inventory", _("Inventory"), figures, sections, notes)


def _movements_of_item(lo: datetime, hi: datetime) -> ColumnElement[bool]:
    """Join condition from an item to its movements in [lo, hi): a range of the
    (item_id, created_at) index per item instead of a scan of every movement."""
    m = StockMovement
    return and_(m.item_id == InventoryItem.id, m.created_at >= lo, m.created_at < hi)


def _stock_out(today: date, quantity: int, per_day: float) -> date | None:
    if quantity <= 0:
        return today
    if per_day <= 0:
        return None
    return today + timedelta(days=math.floor(quantity / per_day))


def _daily_use_ahead(session: Session, now: datetime) -> dict[int, float]:
    """Units per day the confirmed bookings of the next 28 days use, per item."""
    rows = session.execute(
        select(BookingTypeStock.item_id, func.sum(BookingTypeStock.quantity))
        .join(Booking, Booking.booking_type_id == BookingTypeStock.booking_type_id)
        .where(
            Booking.status.in_(("confirmed", "arrived")),
            Booking.start_at >= now,
            Booking.start_at < now + timedelta(days=LOOK_AHEAD_DAYS),
        )
        .group_by(BookingTypeStock.item_id)
    ).all()
    return {item: float(total) / LOOK_AHEAD_DAYS for item, total in rows}


def _daily_use_recent(session: Session, now: datetime) -> dict[int, float]:
    """Units per day bookings used over the last 28 days (net of cancellations), per item."""
    m = StockMovement
    used = sum_if(m.reason == "booking", -m.delta) - sum_if(m.reason == "cancellation", m.delta)
    rows = session.execute(
        select(m.item_id, used)
        .select_from(InventoryItem)
        .join(m, _movements_of_item(now - timedelta(days=LOOK_AHEAD_DAYS), now))
        .group_by(m.item_id)
    ).all()
    return {item: max(0.0, float(total)) / LOOK_AHEAD_DAYS for item, total in rows}


def _by_booking_type(session: Session, lo: datetime, hi: datetime) -> Section:
    m = StockMovement
    rows = session.execute(
        select(BookingType.name, InventoryItem.name, InventoryItem.unit, func.sum(-m.delta))
        .select_from(InventoryItem)
        .join(m, _movements_of_item(lo, hi))
        .join(Booking, Booking.id == m.booking_id)
        .join(BookingType, BookingType.id == Booking.booking_type_id)
        .where(m.reason.in_(("booking", "cancellation")))
        .group_by(
            BookingType.id,
            BookingType.name,
            InventoryItem.id,
            InventoryItem.name,
            InventoryItem.unit,
        )
        .order_by(BookingType.name, InventoryItem.name)
    ).all()
    return Section(
        "use_by_type",
        _("Use by booking type"),
        (
            Column("booking_type", _("Booking type")),
            Column("item", _("Item")),
            Column("unit", _("Unit")),
            Column("used", _("Used"), "int"),
        ),
        tuple((t, i, u, int(q)) for t, i, u, q in rows),
    )
