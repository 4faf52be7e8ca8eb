"""What every area's lazy-table reads share: ids read as plain ints, and ids in blocks.

Each area (``bookings``, ``inbox``, ``forms``, ``inventory``, ``contacts``) offers
``ids(session, actor, filter, order)`` — every id its list would show, in order,
ids only — and ``rows_by_id(session, actor, ids)`` — the very rows its list builds,
for a block of ids, keyed by id (ids that no longer exist are left out). The window's
tables (``ui/table_model.py``) hold the ids and load rows as they are drawn.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Select
from sqlalchemy.orm import Session

CHUNK = 500  # ids per IN (...) list: well inside every database's parameter limit


def id_blocks(ids: Sequence[int]) -> Iterator[list[int]]:
    """``ids`` without repeats, in blocks of at most :data:`CHUNK`."""
    unique = list(dict.fromkeys(int(i) for i in ids))
    for first in range(0, len(unique), CHUNK):
        yield unique[first : first + CHUNK]


def read_ids(session: Session, query: Select[Any]) -> list[int]:
    """The first column of every row, as ints (plain rows: no ORM result for 100,000 ids)."""
    return [int(row[0]) for row in session.connection().execute(query)]
