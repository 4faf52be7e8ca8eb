"""Fixtures shared by the core tests.

``world`` is the clinic of ``booking_world.py`` built in the test's database; a module
that needs another world (test_forms.py, test_inventory.py build a smaller one by hand)
defines its own ``world``, which overrides this one there.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from careops_desktop.core import events
from careops_desktop.core.db import Database
from tests.core.booking_world import World, build_in


@pytest.fixture
def world(db: Database) -> World:
    """The clinic of booking_world.py, committed in the test's database."""
    return build_in(db)


@pytest.fixture
def published() -> Iterator[list[events.DomainEvent]]:
    """Events published on the bus during the test, in order."""
    seen: list[events.DomainEvent] = []
    unsubscribe = events.bus.subscribe(seen.append)
    yield seen
    unsubscribe()
