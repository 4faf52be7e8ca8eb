"""Removed blocked time frees time: its coming occurrences are offered to the waitlist.

Called by ``time_blocks.remove_block`` with the block's occurrences read before it was
marked removed; offers are made after, once the time is free. Held like any desk change
(the removal can be undone: ``restore_block`` withdraws them).
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from careops_desktop.core.models import Provider
from careops_desktop.core.services.time_blocks.occurrences import BlockOccurrence
from careops_desktop.core.services.waitlist.offers import time_freed

OCCURRENCES_MAX = 20  # the next weeks of a series; further ones are a job for the desk


def block_occurrences_ahead(
    found: list[BlockOccurrence], block_id: int, now: datetime
) -> list[BlockOccurrence]:
    """This block's occurrences that have not ended, soonest first, at most a few."""
    mine = [o for o in found if o.block_id == block_id and o.end > now]
    return sorted(mine, key=lambda o: o.start)[:OCCURRENCES_MAX]


def offer_freed_blocks(
    session: Session, block_id: int, occurrences: list[BlockOccurrence], now: datetime | None = None
) -> list[int]:
    """Offer each freed occurrence of block ``block_id`` (each of its providers) to the waitlist."""
    now = now or datetime.now(UTC)
    offers: list[int] = []
    for occ in block_occurrences_ahead(occurrences, block_id, now):
        if occ.provider_id is not None:
            providers = [occ.provider_id]
        else:
            providers = list(
                session.scalars(select(Provider.id).where(Provider.is_active.is_(True)))
            )
        for provider_id in providers:
            made = time_freed(
                session,
                provider_id,
                occ.start,
                occ.end,
                now,
                freed_by=f"block:{block_id}",
                hold=True,
            )
            if made is not None:
                offers.append(made)
    return offers
