"""What every report starts from: the permission check, the period and the business."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from careops_desktop.core.models import utcnow
from careops_desktop.core.permissions import Actor, Permission, require_any
from careops_desktop.core.services.reports.model import KeyFigure, Report, Section
from careops_desktop.core.services.reports.period import Period, make_period, resolve_zone
from careops_desktop.core.services.reports.sql import as_utc, business_identity


@dataclass(frozen=True)
class Context:
    """The period, the clock and the business a report is computed for."""

    period: Period
    now: datetime
    business_name: str
    currency: str

    def report(
        self,
        name: str,
        title: str,
        figures: list[KeyFigure],
        sections: list[Section],
        notes: tuple[str, ...] = (),
    ) -> Report:
        return Report(
            name=name,
            title=title,
            business_name=self.business_name,
            currency=self.currency,
            timezone=self.period.zone.key,
            start=self.period.start,
            end=self.period.end,
            generated_at=self.now,
            figures=tuple(figures),
            sections=tuple(sections),
            notes=notes,
        )


def open_report(
    session: Session,
    actor: Actor,
    start: date,
    end: date,
    tz: ZoneInfo | str | None,
    now: datetime | None,
    *,
    allowed: tuple[Permission, ...] = (Permission.VIEW_REPORTS,),
) -> Context:
    """Check the permission (one of ``allowed``; VIEW_REPORTS by default) and the period;
    ``tz`` None means the business's zone."""
    require_any(actor, *allowed)
    zone = resolve_zone(session, tz)
    period = make_period(start, end, zone)
    name, currency = business_identity(session)
    return Context(period, as_utc(now) if now else utcnow(), name, currency)
