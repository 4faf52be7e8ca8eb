"""What an import is asked to do, and what it did (or would do) with each row."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from careops_desktop.core.i18n import _

DUPLICATE_CHOICES = ("merge", "skip", "anyway")
PROBLEM_CHOICES = ("override", "skip")

# what happens to a row
ADD = "add"  # a new contact, or a future booking
HISTORY = "history"  # a past visit, imported as completed
OVERRIDE = "override"  # a future booking outside hours, imported as a desk override
MERGE = "merge"  # merged into an existing contact
SKIP = "skip"  # left out (a duplicate, a clash, cancelled, or the person's choice)
ALREADY = "already"  # an earlier import brought this row in already
REFUSE = "refuse"  # cannot be imported; ``reason`` says why


@dataclass(frozen=True)
class ImportOptions:
    """The person's choices: the kind, each column's field, and what to do with
    duplicates (contacts) and with clashes or times outside hours (bookings).

    ``choices`` overrides the general choice for single rows (row number → choice).
    ``type_names``/``provider_names`` map a name in the file to a booking type or
    provider id when the names differ from the ones in CareOps.
    """

    kind: str
    mapping: tuple[str, ...]
    duplicates: str = "skip"
    problems: str = "skip"
    choices: Mapping[int, str] = field(default_factory=dict)
    type_names: Mapping[str, int] = field(default_factory=dict)
    provider_names: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class RowOutcome:
    """One row of the file: what happens to it, why, and its values as they will be stored."""

    number: int  # 1 = the first row under the header
    action: str
    reason: str = ""
    problem: str = ""  # "duplicate", "clash", "outside_hours" (a choice was applied) or ""
    values: tuple[tuple[str, str], ...] = ()  # (field label, value as stored)
    match_id: int | None = None  # the existing contact a duplicate matches


@dataclass(frozen=True)
class ImportResult:
    """An import's outcome: every row, the counts, and the batch (None for a dry run)."""

    kind: str
    file_name: str
    layout: str
    rows: tuple[RowOutcome, ...]
    batch_id: int | None
    dry_run: bool
    already_imported_batch: int | None = None  # an earlier batch of the very same file
    future_bookings: int = 0  # future bookings added (confirmations may be sent to them)

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)

    @property
    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for row in self.rows:
            out[row.action] = out.get(row.action, 0) + 1
        return out

    def refused(self) -> list[RowOutcome]:
        return [row for row in self.rows if row.action == REFUSE]

    def with_problems(self) -> list[RowOutcome]:
        """Rows that needed a choice (duplicates, clashes, outside hours)."""
        return [row for row in self.rows if row.problem]

    def summary(self) -> str:
        """One sentence a person reads after the import (or the dry run)."""
        c = self.counts
        skipped = c.get(SKIP, 0) + c.get(ALREADY, 0)
        refused = c.get(REFUSE, 0)
        if self.kind == "contacts":
            text = (
                _(
                    "The import of {file} would add {added} contacts, merge {merged} into "
                    "existing ones, skip {skipped} rows and refuse {refused} rows."
                )
                if self.dry_run
                else _(
                    "The import of {file} added {added} contacts, merged {merged} into existing "
                    "ones, skipped {skipped} rows and refused {refused} rows."
                )
            )
            return text.format(
                file=self.file_name,
                added=c.get(ADD, 0),
                merged=c.get(MERGE, 0),
                skipped=skipped,
                refused=refused,
            )
        text = (
            _(
                "The import of {file} would add {added} bookings ({past} of them past visits), "
                "skip {skipped} rows and refuse {refused} rows."
            )
            if self.dry_run
            else _(
                "The import of {file} added {added} bookings ({past} of them past visits), "
                "skipped {skipped} rows and refused {refused} rows."
            )
        )
        return text.format(
            file=self.file_name,
            added=c.get(ADD, 0) + c.get(OVERRIDE, 0) + c.get(HISTORY, 0),
            past=c.get(HISTORY, 0),
            skipped=skipped,
            refused=refused,
        )


def choice_for(options: ImportOptions, number: int, general: str) -> str:
    """The choice for row ``number``: its own, else the general one."""
    return options.choices.get(number, general)


def source_key(kind: str, parts: Sequence[str]) -> str:
    """A row's digest: the same row of the same kind always gives the same key."""
    text = "\x1f".join([kind, *parts])
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
