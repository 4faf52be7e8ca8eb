"""The drag-and-drop rules of one calendar page, built with the page on the database worker.

:func:`drop_rules` turns the page's providers (hours), closures and outside busy time
into :class:`~careops_desktop.ui.widgets.calendar_drop_rules.DropRules`, which the
calendar checks on every mouse move without asking the database.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from careops_desktop.ui.widgets.calendar_drop_rules import BusyTime, DropRules, ProviderDay

if TYPE_CHECKING:
    from careops_desktop.ui.bookings.page_data import PageData


def drop_rules(
    page: PageData, days: Sequence[date], offers: Sequence[tuple[int, int]] = ()
) -> DropRules:
    """Each shown provider's hours and closures on ``days``, their busy time, the grid;
    ``offers``: (provider id, booking type id) for every type each provider offers."""
    provider_days = []
    for provider in page.providers:
        for day in days:
            closed = None
            for closure in page.closures:
                whole_day = getattr(closure, "start_time", None) is None  # partial: the core checks
                if (
                    closure.provider_id in (None, provider.id)
                    and closure.start_date <= day <= closure.end_date
                    and whole_day
                ):
                    closed = closure.reason
                    break
            ranges = tuple((h.start, h.end) for h in provider.hours if h.weekday == day.weekday())
            provider_days.append(ProviderDay(provider.id, day, ranges, closed))
    busy = tuple(
        BusyTime(
            block.provider_id,
            block.start.astimezone(page.zone).replace(tzinfo=None),
            block.end.astimezone(page.zone).replace(tzinfo=None),
            block.calendar_name,
        )
        for block in page.busy
    )
    single_day = page.request.days == 1
    return DropRules(
        step_minutes=max(1, page.step_minutes),
        days=tuple(provider_days),
        busy=busy,
        provider_names=tuple((p.id, p.name) for p in page.providers),
        column_providers=tuple((f"p{p.id}", p.id) for p in page.providers) if single_day else (),
        offers=tuple(offers),
    )
