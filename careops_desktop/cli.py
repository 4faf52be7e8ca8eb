"""The command line: ``careops`` with no command opens the window.

Commands: ``migrate``. Each command lives in a small function here and calls
the core (or the runtime) only; the window is imported only when it is opened.
"""

from __future__ import annotations

import argparse
import gc
import logging
import sys
from collections.abc import Callable, Sequence

from careops_desktop import __version__
from careops_desktop.cli_database import open_database
from careops_desktop.config import database_url_from, default_database_url

log = logging.getLogger("careops")

CommandFn = Callable[[argparse.Namespace], int]


def _saved_connection_password() -> str | None:
    """The keyring's password for the saved connection (keyring imported only when asked)."""
    from careops_desktop.integrations.secrets import database_password

    return database_password()


def cmd_migrate(args: argparse.Namespace) -> int:
    """Bring the database schema to the newest version (backing up an existing file first)."""
    from careops_desktop.config import backups_dir
    from careops_desktop.core.db import Database
    from careops_desktop.core.schema import current_revision, head_revision, upgrade_to_head

    database = Database(args.db)
    try:
        before = current_revision(database.engine)
        backup = upgrade_to_head(database.engine, backup_dir=backups_dir())
        after = current_revision(database.engine)
    finally:
        database.close()
    if before == after:
        print(f"The database is up to date (revision {after}).")
    else:
        print(f"Database upgraded from {before or 'empty'} to {after} (head {head_revision()}).")
    if backup:
        print(f"A copy of the database before the upgrade: {backup}")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    """Write a backup of the SQLite database now (online, safe while the app runs)."""
    from pathlib import Path

    from careops_desktop.config import backups_dir
    from careops_desktop.core import backup
    from careops_desktop.core.db import Database

    database = Database(args.db)
    try:
        folder = Path(args.output) if args.output else backups_dir()
        path = backup.take_backup(database.engine, folder, kind="manual")
    finally:
        database.close()
    print(f"Backup written: {path}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """Restore the database from a backup file, keeping a copy of the current one."""
    from pathlib import Path

    from sqlalchemy.engine import make_url

    from careops_desktop.config import backups_dir
    from careops_desktop.core import backup

    if not args.db.startswith("sqlite"):
        print("careops: restore works on the SQLite database file only.", file=sys.stderr)
        return 2
    target = Path(make_url(args.db).database or "")
    if not args.yes:
        answer = input(f"Replace {target} with {args.file}? A copy of it is kept. [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("Nothing restored.")
            return 1
    safety = backup.restore_backup(Path(args.file), target, backups_dir())
    print(f"Restored {target} from {args.file}.")
    print(f"The database as it was before: {safety}")
    return 0


def cmd_window(args: argparse.Namespace) -> int:
    """Open the desktop window."""
    from careops_desktop.ui import early_check

    # SQLite checks the file (C code, no GIL) while the window's modules are imported
    early_check.start(args.db)
    # importing makes ~10^6 objects that live as long as the process and hardly any garbage:
    # no collections meanwhile (they cost ~0.1 s), then keep them out of later ones
    gc.disable()
    try:
        from careops_desktop.ui.app import run_app
    finally:
        gc.freeze()
        gc.enable()

    return int(run_app(args))


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; commands are added by :func:`add_commands`."""
    parser = argparse.ArgumentParser(
        prog="careops",
        description="CareOps Desktop: the front office of one service business.",
    )
    parser.add_argument("--version", action="version", version=f"CareOps Desktop {__version__}")
    parser.add_argument(
        "--db",
        type=database_url_from,
        default=None,
        help="database file or URL (sqlite:///path, postgresql://...); default: CAREOPS_DB "
        "or the user data folder",
    )
    parser.add_argument("--verbose", action="store_true", help="log more detail")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation end to end on a temporary database, then exit",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the separate demo database (created and filled when missing)",
    )
    parser.set_defaults(handler=cmd_window)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    add_commands(commands)
    return parser


def add_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register every command that works today."""
    migrate = commands.add_parser("migrate", help="upgrade the database schema to the newest")
    migrate.set_defaults(handler=cmd_migrate)
    backup = commands.add_parser("backup", help="write a backup of the database now")
    backup.add_argument("-o", "--output", help="folder for the backup (default: backups folder)")
    backup.set_defaults(handler=cmd_backup)
    restore = commands.add_parser("restore", help="restore the database from a backup file")
    restore.add_argument("file", help="the backup file (.sqlite3)")
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    restore.set_defaults(handler=cmd_restore)

    def cmd_serve(args: argparse.Namespace) -> int:
        """Run the booking page and the background jobs without a window."""
        from careops_desktop.runtime import serve_command

        return serve_command(args.db, args.host, args.port, cpu=args.cpu)

    serve = commands.add_parser(
        "serve", help="run the booking page and the background jobs without a window"
    )
    serve.add_argument("--host", help="address to listen on (default: Settings, else 0.0.0.0)")
    serve.add_argument("--port", type=int, help="port to listen on (default: Settings, else 8765)")
    serve.add_argument(
        "--cpu",
        type=int,
        help="keep the listener on this CPU (Linux; 10-15%% more bookings/s on a machine "
        "that serves the page; default: let the system move it)",
    )
    serve.set_defaults(handler=cmd_serve)

    def cmd_demo(args: argparse.Namespace) -> int:
        """Fill an empty database with the demo business; prints progress and the summary."""
        from careops_desktop.core.demo.cli_output import demo_progress_printer, summary_lines

        database = open_database(args)
        try:
            from careops_desktop.core.demo import build_demo

            summary = build_demo(database, args.size, progress=demo_progress_printer())
        finally:
            database.close()
        where = database.engine.url.render_as_string(hide_password=True)
        print("\n".join(summary_lines(summary, where)))
        return 0

    demo = commands.add_parser(
        "demo", help="fill an empty database with the demo business (default: the demo database)"
    )
    demo.add_argument(
        "--size", choices=("small", "large"), default="small", help="how much history"
    )
    demo.set_defaults(handler=cmd_demo, demo=True)

    from careops_desktop.cli_user import add_user_commands

    add_user_commands(commands)

    from careops_desktop.cli_reports import add_report_commands

    add_report_commands(commands)

    from careops_desktop.cli_import import add_import_commands

    add_import_commands(commands)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``careops`` and ``python -m careops_desktop``; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        from careops_desktop.ui.selftest import run_self_test

        return run_self_test()
    if args.db is None:
        if args.demo:
            from careops_desktop.config import demo_database_url

            args.db = demo_database_url()
        else:
            # config reads no keyring: the saved connection's password is read here
            args.db = default_database_url(_saved_connection_password)
    from careops_desktop.logging_setup import configure_logging

    handler: CommandFn = args.handler
    # the rotating log file always; the console too for commands, not for the window
    configure_logging(verbose=args.verbose, console=handler is not cmd_window)
    try:
        return handler(args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the last line of defence: words, not a traceback
        from careops_desktop.core.errors import CareOpsError

        if isinstance(exc, CareOpsError):
            print(f"careops: {exc}", file=sys.stderr)
            return 2
        raise


if __name__ == "__main__":
    sys.exit(main())
