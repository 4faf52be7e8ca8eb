"""Whether an email address can get mail from the business's mail server.

An address with an internationalised domain (``anna@müller.example``) always
can: the sender writes the domain in IDNA form (``xn--mller-kva.example``). An
address whose local part (before the @) has letters beyond ASCII (``zoë@…``)
can only be delivered through a server that offers SMTPUTF8 (RFC 6531), and
most small-business servers do not. Accepting such an address and then failing
every send is worse than asking for another address at once, so the booking
page and the desk refuse it unless the server is *known* to offer SMTPUTF8.

What the server offers is learnt by the outbox relay whenever it talks to the
server (each send, and a short check when nothing has been sent yet) and kept
in the email integration's state with the host and port it was learnt from.
Until it is known, or after the server was changed in Settings, the answer is
"not known", and such an address is refused; once the relay has connected to a
server that offers SMTPUTF8, it is accepted.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from careops_desktop.core.errors import ValidationError
from careops_desktop.core.i18n import N_, _
from careops_desktop.core.models import Integration

STATE_KEY = "smtp_server"

CUSTOMER_WORDS = N_(
    "We cannot send email to an address with letters such as “ë” before the @ yet. "
    "Please use another email address, or leave it out and give your mobile number."
)
DESK_WORDS_UNKNOWN = N_(
    "This address has letters such as “ë” before the @. Such an address gets mail only "
    "through a mail server that offers SMTPUTF8, and the server in Settings → Integrations "
    "has not been checked yet. Use another address for now, or only a phone number."
)
DESK_WORDS_REFUSED = N_(
    "This address has letters such as “ë” before the @, and the mail server in Settings → "
    "Integrations cannot deliver to such addresses (it does not offer SMTPUTF8). "
    "Use another address for this contact, or only a phone number."
)


def needs_smtputf8(address: str) -> bool:
    """Whether ``address`` has a local part (before the last @) beyond ASCII."""
    return not address.rpartition("@")[0].isascii()


def _email_row(session: Session) -> Integration | None:
    return session.scalars(select(Integration).where(Integration.kind == "email")).first()


def _server_of(row: Integration) -> tuple[Any, Any]:
    smtp = (row.config or {}).get("smtp")
    if not isinstance(smtp, dict):
        return None, None
    return smtp.get("host"), smtp.get("port")


def smtputf8_offered(session: Session) -> bool | None:
    """Whether the mail server now in Settings offers SMTPUTF8; ``None`` when not known."""
    row = _email_row(session)
    if row is None:
        return None
    learnt = (row.state or {}).get(STATE_KEY)
    if not isinstance(learnt, dict) or (learnt.get("host"), learnt.get("port")) != _server_of(row):
        return None
    value = learnt.get("smtputf8")
    return value if isinstance(value, bool) else None


def record_smtp_server(
    session: Session, host: str, port: int, smtputf8: bool, now: datetime
) -> None:
    """Remember what the server at ``host:port`` offers (called by the relay after talking
    to it). Writes only when something changed."""
    row = _email_row(session)
    if row is None:
        return
    state = dict(row.state or {})
    before = state.get(STATE_KEY)
    wanted = {"host": host, "port": port, "smtputf8": smtputf8}
    if isinstance(before, dict) and all(before.get(k) == v for k, v in wanted.items()):
        return
    state[STATE_KEY] = {"host": host, "port": port, "smtputf8": smtputf8, "at": now.isoformat()}
    row.state = state


def check_deliverable(session: Session, address: str, *, field: str = "email", desk: bool) -> None:
    """Raise :class:`ValidationError` on ``field`` when ``address`` (already valid) cannot
    get mail from the business's server: a non-ASCII local part without SMTPUTF8.

    ``desk`` picks the words: the desk's name the server; the customer's do not.
    Costs nothing for an ASCII address (no query).
    """
    if not needs_smtputf8(address):
        return
    offered = smtputf8_offered(session)
    if offered:
        return
    if not desk:
        raise ValidationError({field: _(CUSTOMER_WORDS)})
    words = DESK_WORDS_UNKNOWN if offered is None else DESK_WORDS_REFUSED
    raise ValidationError({field: _(words)})
