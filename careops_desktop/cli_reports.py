"""``careops report NAME ...`` and ``careops export all ...``: reports and the whole data set.

Whoever can run commands on the machine that holds the database is trusted
as its administrator (see ``cli_user.py``), so these run as the system actor.
Heavy modules (the reports, openpyxl, Qt for PDF) load only when a command runs.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

REPORT_NAMES = ("bookings", "inbox", "forms", "inventory", "contacts", "day_sheet")
FORMATS = ("csv", "xlsx", "pdf")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date; write it as YYYY-MM-DD"
        ) from None


def cmd_report(args: argparse.Namespace) -> int:
    """Compute one report for the period and write it as CSV, XLSX or PDF."""
    from careops_desktop.cli_database import open_database
    from careops_desktop.core.permissions import Actor
    from careops_desktop.core.services.reports import run_report
    from careops_desktop.exports.report_files import format_for, write_report

    output: Path = args.output
    fmt = format_for(output, args.format)  # refuse a bad format before any work
    database = open_database(args)
    try:
        report = database.call(
            run_report, Actor.system("Command line"), args.name, args.start, args.end
        )
    finally:
        database.close()
    pdf_writer = None
    if fmt == "pdf":
        from careops_desktop.ui.printing.report_pdf import write_report_pdf

        pdf_writer = write_report_pdf
    write_report(output, report, fmt, excel=not args.plain_csv, pdf_writer=pdf_writer)
    print(f"{report.title} for {report.period_label} written to {output} ({fmt.upper()}).")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Write every table as CSV and the bookings as one .ics into a folder."""
    from careops_desktop.cli_database import open_database
    from careops_desktop.core.permissions import Actor
    from careops_desktop.exports.everything import export_all

    database = open_database(args)
    try:
        with database.session() as session:
            summary = export_all(
                session,
                Actor.system("Command line"),
                args.output,
                excel=args.excel,
                raw=args.raw,
            )
    finally:
        database.close()
    rows = sum(summary.files.values())
    print(f"{len(summary.files)} files ({rows:,} rows) written to {summary.directory}.")
    for table, columns in sorted(summary.left_out.items()):
        print(f"  left out of {table}: {', '.join(columns)}")
    if args.raw:
        print("Text is exactly as stored (--raw): read README.txt before opening a spreadsheet.")
    print("See README.txt in that folder for what each file holds.")
    return 0


def add_report_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register ``report`` and ``export``."""
    report = commands.add_parser("report", help="write a report as CSV, XLSX or PDF")
    report.add_argument("name", choices=REPORT_NAMES, help="which report")
    report.add_argument("--from", dest="start", type=_date, required=True, help="first day")
    report.add_argument("--to", dest="end", type=_date, required=True, help="last day (included)")
    report.add_argument("--format", choices=FORMATS, help="default: from the file name")
    report.add_argument("-o", "--output", type=Path, required=True, help="the file to write")
    report.add_argument(
        "--plain-csv", action="store_true", help="CSV exactly as stored (no BOM, LF, no guard)"
    )
    report.set_defaults(handler=cmd_report)
    export = commands.add_parser(
        "export", help="write all data: every table as CSV, bookings as .ics"
    )
    export.add_argument("what", choices=("all",), help="what to export")
    export.add_argument("-o", "--output", type=Path, required=True, help="the folder to write")
    export.add_argument("--excel", action="store_true", help="CSV for spreadsheets (BOM, CRLF)")
    export.add_argument(
        "--raw",
        action="store_true",
        help="text exactly as stored: no apostrophe before text a spreadsheet would run "
        "as a formula (guarded by default)",
    )
    export.set_defaults(handler=cmd_export)
