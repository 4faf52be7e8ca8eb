"""The database a command works on: shared by ``cli``, ``cli_user`` and ``cli_reports``.

A module of its own so that the command modules need not import ``cli`` (which
imports them to register their commands).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from careops_desktop.core.db import Database


def open_database(args: argparse.Namespace) -> Database:
    """Open (and migrate, backing up an existing file first) the database named by
    ``args.db``, which :func:`careops_desktop.cli.main` has filled with ``--db`` or
    the default. The caller closes it."""
    from careops_desktop.config import backups_dir
    from careops_desktop.core.db import Database
    from careops_desktop.core.schema import upgrade_to_head

    database = Database(args.db)
    upgrade_to_head(database.engine, backup_dir=backups_dir())
    return database
