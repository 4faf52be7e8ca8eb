"""Imports: contacts and bookings brought in from the tool a business used before.

``reading`` turns a CSV, vCard or iCalendar file into a plain table (no database),
``layouts`` knows the columns of common exports and guesses the rest, ``running``
checks and writes the rows (``contact_rows``, ``booking_rows``) in one batch, and
``batches`` undoes a batch or sends the confirmations of its future bookings.
The window's wizard and ``careops import`` both use this package, never a module
inside it.
"""

from __future__ import annotations

from careops_desktop.core.services.imports.batches import (
    UndoRefused,
    batch_info,
    send_confirmations,
    undo_blockers,
    undo_import,
)
from careops_desktop.core.services.imports.booking_rows import booking_names, names_in_file
from careops_desktop.core.services.imports.layouts import (
    BOOKING_FIELDS,
    CONTACT_FIELDS,
    KINDS,
    LAYOUTS,
    Layout,
    apply_overrides,
    fields_for,
    guess_kind,
    guess_mapping,
    recognise,
)
from careops_desktop.core.services.imports.plan import (
    ADD,
    ALREADY,
    DUPLICATE_CHOICES,
    HISTORY,
    MERGE,
    OVERRIDE,
    PROBLEM_CHOICES,
    REFUSE,
    SKIP,
    ImportOptions,
    ImportResult,
    RowOutcome,
)
from careops_desktop.core.services.imports.reading import (
    MAX_BYTES,
    ImportRefused,
    SourceTable,
    read_bytes,
    read_source,
)
from careops_desktop.core.services.imports.running import check_options, run_import

__all__ = [
    "ADD",
    "ALREADY",
    "BOOKING_FIELDS",
    "CONTACT_FIELDS",
    "DUPLICATE_CHOICES",
    "HISTORY",
    "KINDS",
    "LAYOUTS",
    "MAX_BYTES",
    "MERGE",
    "OVERRIDE",
    "PROBLEM_CHOICES",
    "REFUSE",
    "SKIP",
    "ImportOptions",
    "ImportRefused",
    "ImportResult",
    "Layout",
    "RowOutcome",
    "SourceTable",
    "UndoRefused",
    "apply_overrides",
    "batch_info",
    "booking_names",
    "check_options",
    "fields_for",
    "guess_kind",
    "guess_mapping",
    "names_in_file",
    "read_bytes",
    "read_source",
    "recognise",
    "run_import",
    "send_confirmations",
    "undo_blockers",
    "undo_import",
]
