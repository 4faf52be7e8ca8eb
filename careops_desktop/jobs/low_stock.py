"""Low-stock alerts: an email to each owner and manager, once per crossing of the threshold.

The core marks the crossing: ``inventory_items.low_alerted`` turns true in the
transaction that took an item to or below its threshold, and false again when
a restock lifts it above. :func:`queue_low_stock_alerts` (one transaction)
compares that flag with the items it has already alerted about — kept in the
email integration's state, ``{"low_stock_alerts": {"alerted": [ids]}}`` — and
writes the alert rows to the outbox in the same transaction that records the
item as alerted. An item that recovered is forgotten, so its next crossing
alerts again. With the automation off nothing is recorded, so switching it on
later alerts once about whatever is low then.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from careops_desktop.core.errors import NotFound
from careops_desktop.core.models import Integration, InventoryItem, Staff, User
from careops_desktop.core.permissions import Role
from careops_desktop.core.services import outbox, templates
from careops_desktop.integrations import integration_settings

STATE_KEY = "low_stock_alerts"


@dataclass(frozen=True)
class LowStockReport:
    items_alerted: int = 0
    messages: int = 0
    recovered: int = 0


def manager_addresses(session: Session) -> list[str]:
    """Email addresses of the active owners and managers, in a stable order."""
    rows = session.scalars(
        select(User.email)
        .join(Staff, Staff.user_id == User.id)
        .where(User.is_active.is_(True), Staff.role.in_([Role.OWNER.value, Role.MANAGER.value]))
        .order_by(User.id)
    )
    return [email for email in rows if email]


def queue_low_stock_alerts(session: Session, now: datetime) -> LowStockReport:
    """Alert managers about items that crossed into low stock (see the module doc)."""
    try:
        automations = templates.get_automations(session)
    except NotFound:  # no business yet
        return LowStockReport()
    if session.get_bind().dialect.name == "postgresql":  # one process at a time decides
        session.scalars(
            select(Integration).where(Integration.kind == "email").with_for_update()
        ).first()
    state = integration_settings.get_state(session, "email", STATE_KEY)
    raw = state.get("alerted")
    alerted = {int(i) for i in raw if isinstance(i, int)} if isinstance(raw, list) else set()
    low = {
        item.id: item
        for item in session.scalars(
            select(InventoryItem).where(
                InventoryItem.is_active.is_(True), InventoryItem.low_alerted.is_(True)
            )
        )
    }
    recovered = alerted - set(low)
    alerted -= recovered
    fresh = [low[i] for i in sorted(set(low) - alerted)]
    messages = 0
    if automations.low_stock and fresh:
        recipients = manager_addresses(session)
        for item in fresh:
            context = {"item_name": item.name, "quantity": f"{item.quantity} {item.unit}"}
            rendered = templates.render_message(session, "low_stock", context)
            for address in recipients:
                outbox.enqueue(
                    session,
                    channel="email",
                    recipient=address,
                    subject=rendered.subject,
                    body=rendered.body,
                    kind="low_stock",
                    now=now,
                    links=rendered.links,
                )
                messages += 1
            alerted.add(item.id)
    else:
        fresh = []
    if recovered or fresh or raw is None:
        integration_settings.set_state(session, "email", STATE_KEY, {"alerted": sorted(alerted)})
    return LowStockReport(len(fresh), messages, len(recovered))
