"""``careops import contacts|bookings FILE``: move in from another tool on the command line.

The same core service as File → Import… in the window (``core.services.imports``):
the file is read and its columns guessed (``--map COLUMN=FIELD`` corrects a guess),
a dry run lists every row that would be refused or needs a choice, and only then,
after a yes (``--yes`` for scripts), the import runs in one batch. ``--dry-run``
stops after the list. No customer is messaged unless ``--send-confirmations`` is given.
``careops import undo BATCH`` undoes a whole batch while nothing refers to its rows;
``careops import confirm BATCH`` sends the confirmations of its future bookings, once.
Runs as the system actor, like the other commands (see ``cli_user.py``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from careops_desktop.core.services.imports import ImportResult

SHOWN = 50  # rows listed per kind of problem


def _pairs(items: list[str]) -> dict[str, str]:
    """``COLUMN=FIELD`` arguments as a dict; ``COLUMN=`` leaves a column out."""
    out: dict[str, str] = {}
    for item in items:
        column, sep, field = item.partition("=")
        if not sep or not column.strip():
            raise argparse.ArgumentTypeError(f"--map {item!r}: write it as COLUMN=FIELD")
        out[column] = field.strip()
    return out


def _names(pairs: dict[str, str], known: dict[str, int], what: str) -> dict[str, int]:
    """``NAME_IN_FILE=NAME_IN_CAREOPS`` pairs as name → id; LookupError for an unknown name."""
    by_name = {name.casefold(): key for name, key in known.items()}
    out: dict[str, int] = {}
    for in_file, ours in pairs.items():
        key = by_name.get(ours.strip().casefold())
        if key is None:
            raise LookupError(f"there is no {what} called {ours!r} in CareOps.")
        out[in_file] = key
    return out


def _print_rows(result: ImportResult) -> None:
    refused = result.refused()
    if refused:
        print(
            f"{len(refused)} rows would be refused:"
            if result.dry_run
            else f"{len(refused)} rows were refused:"
        )
        for row in refused[:SHOWN]:
            print(f"  row {row.number}: {row.reason}")
        if len(refused) > SHOWN:
            print(f"  … and {len(refused) - SHOWN} more.")
    problems = [row for row in result.rows if row.problem]
    if problems:
        print(f"{len(problems)} rows need a choice (duplicates, clashes, times outside hours):")
        for row in problems[:SHOWN]:
            print(f"  row {row.number}: {row.reason} ({row.action})")
        if len(problems) > SHOWN:
            print(f"  … and {len(problems) - SHOWN} more.")


def cmd_import(args: argparse.Namespace) -> int:
    """Read, dry-run, confirm, import (see the module docstring)."""
    from careops_desktop.cli_database import open_database
    from careops_desktop.core.permissions import Actor
    from careops_desktop.core.services import imports

    try:
        overrides = _pairs(args.map or [])
    except argparse.ArgumentTypeError as exc:
        print(f"careops: {exc}", file=sys.stderr)
        return 2
    table = imports.read_source(Path(args.file))
    mapping = imports.guess_mapping(table.headers, args.kind)
    try:
        mapping = imports.apply_overrides(table.headers, mapping, overrides, args.kind)
    except KeyError as exc:
        print(f"careops: the file has no column called {exc.args[0]!r}.", file=sys.stderr)
        return 2
    except ValueError as exc:
        fields = ", ".join(imports.fields_for(args.kind))
        print(f"careops: {exc.args[0]!r} is not a field; use one of: {fields}.", file=sys.stderr)
        return 2
    layout = imports.recognise(table.headers)
    print(
        f"{table.file_name}: {len(table.rows)} rows, "
        f"{layout.title if layout else 'layout not known'}."
    )
    for header, field in zip(table.headers, mapping, strict=True):
        label = imports.fields_for(args.kind).get(field, "not imported")
        print(f"  {header} → {label}")
    actor = Actor.system("Command line")
    database = open_database(args)
    try:
        types, providers = database.call(imports.booking_names)
        try:
            type_names = _names(_pairs(args.type or []), types, "booking type")
            provider_names = _names(_pairs(args.provider or []), providers, "provider")
        except (argparse.ArgumentTypeError, LookupError) as exc:
            print(f"careops: {exc}", file=sys.stderr)
            return 2
        options = imports.ImportOptions(
            args.kind,
            mapping,
            duplicates=args.duplicates,
            problems=args.outside_hours,
            type_names=type_names,
            provider_names=provider_names,
        )
        dry = database.call(imports.run_import, actor, table, options, dry_run=True)
        print(dry.summary())
        if dry.already_imported_batch is not None:
            print(f"This file was imported before (import {dry.already_imported_batch}).")
        _print_rows(dry)
        if args.dry_run:
            return 0
        if not args.yes:
            if not sys.stdin.isatty():
                print(
                    "careops: nothing imported; add --yes to import without being asked.",
                    file=sys.stderr,
                )
                return 1
            if input("Import now? [y/N] ").strip().lower() not in ("y", "yes"):
                print("Nothing was imported.")
                return 1
        result = database.call(imports.run_import, actor, table, options)
        print(result.summary())
        print(
            f"Import {result.batch_id}: undo it with `careops import undo {result.batch_id}` "
            "or in Settings → Audit log."
        )
        if result.future_bookings:
            if args.send_confirmations:
                from datetime import UTC, datetime

                sent = database.call(
                    imports.send_confirmations, actor, result.batch_id, datetime.now(UTC)
                )
                print(f"{sent} confirmations are queued to be sent.")
            else:
                print(
                    f"No message was sent. To send confirmations to the {result.future_bookings} "
                    f"imported future bookings: careops import confirm {result.batch_id}"
                )
    finally:
        database.close()
    return 0


def cmd_import_undo(args: argparse.Namespace) -> int:
    """Undo a whole import batch."""
    from careops_desktop.cli_database import open_database
    from careops_desktop.core.permissions import Actor
    from careops_desktop.core.services import imports

    database = open_database(args)
    try:
        counts = database.call(imports.undo_import, Actor.system("Command line"), args.batch)
    finally:
        database.close()
    print(
        f"Import {args.batch} undone: {counts['contacts']} contacts and {counts['bookings']} "
        f"bookings removed, {counts['restored']} merged contacts restored."
    )
    return 0


def cmd_import_confirm(args: argparse.Namespace) -> int:
    """Send the confirmations of a batch's future bookings (once)."""
    from datetime import UTC, datetime

    from careops_desktop.cli_database import open_database
    from careops_desktop.core.permissions import Actor
    from careops_desktop.core.services import imports

    database = open_database(args)
    try:
        sent = database.call(
            imports.send_confirmations, Actor.system("Command line"), args.batch, datetime.now(UTC)
        )
    finally:
        database.close()
    print(f"{sent} confirmations are queued to be sent (each import sends them once).")
    return 0


def add_import_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register ``careops import contacts|bookings FILE`` and ``careops import undo BATCH``."""
    command = commands.add_parser("import", help="bring in contacts or bookings from another tool")
    kinds = command.add_subparsers(title="what", metavar="WHAT", required=True)
    for kind in ("contacts", "bookings"):
        sub = kinds.add_parser(kind, help=f"import {kind} from a CSV, vCard or .ics file")
        sub.add_argument("file", help="the file to import")
        sub.add_argument(
            "--map",
            action="append",
            metavar="COLUMN=FIELD",
            help="say which field a column holds (COLUMN= leaves it out); may repeat",
        )
        if kind == "bookings":
            sub.add_argument(
                "--type",
                action="append",
                metavar="NAME=TYPE",
                help="a service name in the file is this CareOps booking type; may repeat",
            )
            sub.add_argument(
                "--provider",
                action="append",
                metavar="NAME=PROVIDER",
                help="a staff name in the file is this CareOps provider; may repeat",
            )
        sub.add_argument(
            "--dry-run", action="store_true", help="list what would happen; import nothing"
        )
        sub.add_argument("--yes", action="store_true", help="import without asking")
        sub.add_argument(
            "--duplicates",
            choices=("merge", "skip", "anyway"),
            default="skip",
            help="a row with the same email or phone as a contact (default: skip)",
        )
        sub.add_argument(
            "--outside-hours",
            choices=("override", "skip"),
            default="skip",
            help="a future visit outside the provider's hours (default: skip); clashes are skipped",
        )
        sub.add_argument(
            "--send-confirmations",
            action="store_true",
            help="after the import, send confirmations to the imported future bookings",
        )
        sub.set_defaults(handler=cmd_import, kind=kind, type=None, provider=None)
    undo = kinds.add_parser("undo", help="undo a whole import while nothing refers to its rows")
    undo.add_argument("batch", type=int, help="the import's number")
    undo.set_defaults(handler=cmd_import_undo)
    confirm = kinds.add_parser(
        "confirm", help="send confirmations to the future bookings of an import (once)"
    )
    confirm.add_argument("batch", type=int, help="the import's number")
    confirm.set_defaults(handler=cmd_import_confirm)
