"""The booking page and international addresses: what it accepts, a confirmation reaches.

``anna@müller.example`` is booked (the relay sends it in IDNA form); ``zoë@exämple.com``
is refused at the field, in words, unless the mail server is known to offer SMTPUTF8
(see ``tests/jobs/test_intl_addresses.py`` for the sending side against aiosmtpd).
"""

from __future__ import annotations

import html
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from careops_desktop.core.db import Database
from careops_desktop.core.models import Booking, OutboxMessage
from careops_desktop.core.services import mail_addresses
from careops_desktop.integrations import integration_settings as cfg
from tests.actors import OWNER
from tests.web.conftest import AppClient, post_form
from tests.web.seed import Shop
from tests.web.test_booking import open_details

pytestmark = pytest.mark.asyncio
ZOE = {"name": "Zoë Brontë", "email": "zoë@exämple.com", "phone": "", "notes": ""}
ANNA = {"name": "Anna Müller", "email": "anna@müller.example", "phone": "", "notes": ""}


def _server(db: Database, *, smtputf8: bool | None) -> None:
    db.call(
        cfg.save_smtp,
        OWNER,
        cfg.SmtpSettings(host="smtp.example.org", port=587, from_address="desk@example.org"),
    )
    if smtputf8 is not None:
        with db.write_session() as s:
            mail_addresses.record_smtp_server(
                s, "smtp.example.org", 587, smtputf8, datetime.now(UTC)
            )


def _confirmations(db: Database) -> list[str]:
    with db.session() as s:
        return list(
            s.scalars(select(OutboxMessage.recipient).where(OutboxMessage.channel == "email"))
        )


@pytest.mark.parametrize("smtputf8", [None, False])
async def test_a_local_part_beyond_ascii_is_refused_at_the_field(
    db: Database, shop: Shop, make_client: AppClient, smtputf8: bool | None
) -> None:
    _server(db, smtputf8=smtputf8)
    client = await make_client()
    page = await open_details(client, shop, shop.local(shop.day(2), 10))
    response = await post_form(client, page, f"/book/{shop.checkup_slug}", ZOE)
    text = await response.text()
    assert response.status == 400
    assert 'id="f-email-error"' in text
    assert mail_addresses.CUSTOMER_WORDS in html.unescape(text)
    assert "Zoë Brontë" in html.unescape(text)  # what was typed is kept
    with db.session() as s:
        assert s.scalars(select(Booking)).first() is None
    assert _confirmations(db) == []


async def test_an_internationalised_domain_is_booked(
    db: Database, shop: Shop, make_client: AppClient
) -> None:
    client = await make_client()
    page = await open_details(client, shop, shop.local(shop.day(2), 10))
    response = await post_form(client, page, f"/book/{shop.checkup_slug}", ANNA)
    assert response.status == 303
    assert "anna@müller.example" in _confirmations(db)


async def test_zoe_is_booked_when_the_server_offers_smtputf8(
    db: Database, shop: Shop, make_client: AppClient
) -> None:
    _server(db, smtputf8=True)
    client = await make_client()
    page = await open_details(client, shop, shop.local(shop.day(2), 10))
    response = await post_form(client, page, f"/book/{shop.checkup_slug}", ZOE)
    assert response.status == 303
    assert "zoë@exämple.com" in _confirmations(db)
