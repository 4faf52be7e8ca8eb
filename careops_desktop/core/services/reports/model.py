"""What a report is: key figures and sections of typed rows, plain frozen data.

Reports carry values, not formatting: a money value is an ``int`` of minor
units (pence), a rate a ``float`` fraction (0.25 is 25 %), a date a ``date``,
a time of day a ``datetime`` in the report's time zone. The writers in
``careops_desktop.exports`` and the Reports tab decide how to show them from
each column's ``kind``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Literal

from careops_desktop.core.i18n import _
from careops_desktop.core.i18n.formats import date_text

Kind = Literal["text", "int", "float", "money", "percent", "minutes", "hours", "date", "datetime"]
Value = str | int | float | date | datetime | None


@dataclass(frozen=True)
class Column:
    """One column of a section: ``key`` for code, ``title`` for people, ``kind`` for writers."""

    key: str
    title: str
    kind: Kind = "text"


def translated(columns: tuple[Column, ...]) -> tuple[Column, ...]:
    """``columns`` (a constant whose titles are marked with ``N_``) in the current language."""
    return tuple(replace(column, title=_(column.title)) for column in columns)


@dataclass(frozen=True)
class Chart:
    """Draw a section as bars: labels from ``label`` column, heights from ``values`` columns."""

    label: str
    values: tuple[str, ...]
    title: str = ""


@dataclass(frozen=True)
class Section:
    """A table of the report; ``rows`` hold values in the order of ``columns``."""

    key: str
    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Value, ...], ...]
    chart: Chart | None = None
    note: str = ""  # shown when there are no rows
    new_page: bool = False  # printed from the top of a page (a day of a day sheet)

    def column_index(self, key: str) -> int:
        """The position of the column ``key``; ``KeyError`` if there is none."""
        for index, column in enumerate(self.columns):
            if column.key == key:
                return index
        raise KeyError(key)

    def values(self, key: str) -> list[Value]:
        """Every row's value in the column ``key``."""
        index = self.column_index(key)
        return [row[index] for row in self.rows]

    def total(self, key: str) -> float:
        """The sum of the numbers in the column ``key`` (blanks count as nothing)."""
        return sum(
            v for v in self.values(key) if isinstance(v, int | float) and not isinstance(v, bool)
        )


@dataclass(frozen=True)
class KeyFigure:
    """One headline number of the report."""

    key: str
    label: str
    value: Value
    kind: Kind = "int"


@dataclass(frozen=True)
class Report:
    """A computed report over local dates ``start``..``end`` (both included)."""

    name: str
    title: str
    business_name: str
    currency: str
    timezone: str
    start: date
    end: date
    generated_at: datetime
    figures: tuple[KeyFigure, ...] = ()
    sections: tuple[Section, ...] = ()
    notes: tuple[str, ...] = field(default=())

    def figure(self, key: str) -> KeyFigure:
        """The key figure ``key``; ``KeyError`` if there is none."""
        for figure in self.figures:
            if figure.key == key:
                return figure
        raise KeyError(key)

    def section(self, key: str) -> Section:
        """The section ``key``; ``KeyError`` if there is none."""
        for section in self.sections:
            if section.key == key:
                return section
        raise KeyError(key)

    @property
    def period_label(self) -> str:
        """The period for a person in the current language, e.g. "1 Mar 2025 – 31 Mar 2025"
        or "10 Apr 2025" (German: "01.03.2025 – 31.03.2025")."""
        if self.start == self.end:
            return date_text(self.start, "medium")
        return f"{date_text(self.start, 'medium')} – {date_text(self.end, 'medium')}"
