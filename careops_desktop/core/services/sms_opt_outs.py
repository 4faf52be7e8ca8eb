"""Numbers that replied STOP: no text goes to them but the STOP confirmation.

Carriers require it (CTIA): after STOP, one confirmation and then silence until
the number sends START. :func:`outbox.enqueue` asks :func:`is_blocked` for every
text and writes a row it may not send as failed, with the reason in words, so
the desk sees why a customer was not texted; the automations skip such numbers
before they get that far.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from careops_desktop.core.i18n import N_
from careops_desktop.core.models import Contact, SmsOptOut

# the only outbox kinds that may still go to a number that replied STOP
EXEMPT_KINDS = frozenset({"sms_stop_confirmation"})
BLOCKED_ERROR = N_(
    "Not sent: this number replied STOP and gets no more texts until it sends START."
)


def is_blocked(session: Session, phone: str) -> bool:
    """True when ``phone`` replied STOP and has not sent START since."""
    return session.scalar(select(SmsOptOut.phone).where(SmsOptOut.phone == phone)) is not None


def stop(session: Session, phone: str, now: datetime) -> bool:
    """Block texts to ``phone`` and mark its contacts "no marketing"; True if newly blocked."""
    session.execute(
        update(Contact).where(Contact.phone == phone).values(no_marketing=True, updated_at=now)
    )
    if is_blocked(session, phone):
        return False
    session.add(SmsOptOut(phone=phone, stopped_at=now))
    session.flush()
    return True


def start(session: Session, phone: str) -> bool:
    """Allow texts to ``phone`` again; True if it was blocked.

    The contacts' "no marketing" mark stays: START asks for texts about visits again,
    not for follow-ups; the desk clears the mark when the customer asks.
    """
    result = session.execute(delete(SmsOptOut).where(SmsOptOut.phone == phone))
    return bool(getattr(result, "rowcount", 0))
