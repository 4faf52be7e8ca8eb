"""Small SQL building blocks shared by the reports (SQLite and PostgreSQL alike)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Float, case, cast, func, literal
from sqlalchemy.orm import Session

from careops_desktop.core.models import Business


def count_if(condition: ColumnElement[bool]) -> ColumnElement[Any]:
    """``SUM(CASE WHEN condition THEN 1 ELSE 0 END)``: a count of the rows that match."""
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def sum_if(condition: ColumnElement[bool], value: Any) -> ColumnElement[Any]:
    """The sum of ``value`` over the rows that match (0 when none do)."""
    return func.coalesce(func.sum(case((condition, value), else_=0)), 0)


def minutes_between(session: Session, earlier: Any, later: Any) -> ColumnElement[Any]:
    """Minutes from ``earlier`` to ``later`` (two UTC time columns), as a float."""
    if session.get_bind().dialect.name == "sqlite":
        return (func.julianday(later) - func.julianday(earlier)) * literal(1440.0)
    return cast(func.extract("epoch", later - earlier), Float) / literal(60.0)


def business_identity(session: Session) -> tuple[str, str]:
    """The business's name and currency (blank name, GBP before setup)."""
    row = session.execute(
        Business.__table__.select().with_only_columns(Business.name, Business.currency).limit(1)
    ).first()
    return (row[0], row[1] or "GBP") if row else ("", "GBP")


def rate(part: float, whole: float) -> float | None:
    """``part / whole``, or None when there is nothing to divide by."""
    return part / whole if whole else None


def percentile(values: list[float], fraction: float) -> float | None:
    """The ``fraction`` percentile (0.5 median, 0.9) by linear interpolation; None if empty."""
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * fraction
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def as_utc(value: datetime) -> datetime:
    """A timezone-aware datetime; naive ones are taken as UTC."""
    from datetime import UTC

    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def stored_text(moment: datetime) -> str:
    """How SQLite stores a UTC time (``2025-03-30 01:00:00.000000``); such texts sort as
    the times do, so stored values can be compared with it without parsing them."""
    from datetime import UTC

    return as_utc(moment).astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def plain_rows(session: Session, query: Any) -> list[Any]:
    """All rows of ``query`` as the driver gives them (SQLite: plain tuples of stored
    values, no SQLAlchemy row or type processing each); elsewhere Core rows."""
    connection = session.connection()
    result = connection.execute(query)
    try:
        if connection.dialect.name == "sqlite":
            return list(result.cursor.fetchall())
        return list(result.all())
    finally:
        result.close()
