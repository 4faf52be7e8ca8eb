"""A contact's "no marketing" mark, set at the desk with the contact's other details.

A contact marked so gets no follow-ups (``followups``). STOP by text sets it too
(``sms_opt_outs.stop``); START does not clear it — the desk does, when asked.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy.orm import Session

from careops_desktop.core import events
from careops_desktop.core.models import Contact
from careops_desktop.core.permissions import Actor, Permission, require
from careops_desktop.core.services import audit
from careops_desktop.core.services.contacts.records import (
    ContactView,
    create_contact,
    update_contact,
)


def save_contact(
    session: Session,
    actor: Actor,
    contact_id: int | None,
    *,
    no_marketing: bool,
    name: str,
    email: str = "",
    phone: str = "",
    notes: str = "",
) -> ContactView:
    """Create (``contact_id`` None) or change a contact, with its "no marketing" mark,
    in one transaction (the contact rules of ``contacts`` apply unchanged)."""
    require(actor, Permission.MANAGE_CONTACTS)
    values = {"name": name, "email": email, "phone": phone, "notes": notes}
    if contact_id is None:
        view = create_contact(session, actor, **values)
    else:
        view = update_contact(session, actor, contact_id, **values)
    row = session.get(Contact, view.id)
    assert row is not None  # written just above
    if row.no_marketing != no_marketing:
        row.no_marketing = no_marketing
        session.flush()
        action = "no_marketing_on" if no_marketing else "no_marketing_off"
        audit.record(session, actor, action, "contact", row.id)
        events.record(session, events.ContactChanged(row.id, "updated"))
    return replace(view, no_marketing=no_marketing)
