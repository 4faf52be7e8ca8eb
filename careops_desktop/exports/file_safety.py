"""Export files written whole or not at all, and file-system errors in words.

A file is written under a temporary name in the folder of the target and moved
over the target only when complete, so a cancelled or failed export leaves no
half-written file behind, and an older file of that name stays as it was.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from careops_desktop.core.errors import CareOpsError
from careops_desktop.core.i18n import _


class ExportFailed(CareOpsError):
    """An export file could not be written; the message says why and what to do."""


def temporary_name(path: Path) -> Path:
    """A fresh name beside ``path`` for the file while it is being written."""
    return path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; when the block ends normally, the file
    written there replaces ``path``. On any error (or cancel) the temporary file is
    removed and ``path`` is untouched. File-system errors become :class:`ExportFailed`.
    """
    if path.is_dir():
        raise ExportFailed(_("{path} is a folder. Choose a file name.").format(path=path))
    temp = temporary_name(path)
    stage = "create"
    try:
        with open(temp, "xb"):  # the folder takes a new file (read-only folders say so here)
            pass
        stage = "write"
        yield temp
        stage = "replace"
        os.replace(temp, path)
    except OSError as exc:
        raise ExportFailed(explain(exc, path, stage)) from exc
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)  # gone already once it replaced the target


def explain(exc: OSError, path: Path, stage: str = "write") -> str:
    """Words for a person about why ``path`` could not be written, and what to do.

    ``stage`` is where it failed: "create" (a new file in the folder), "write" or
    "replace" (moving the finished file over an existing one).
    """
    folder = path.parent
    if exc.errno == errno.ENOSPC:
        return _(
            "The disk is full, so {file} could not be written. "
            "Free some space or choose another drive."
        ).format(file=path.name)
    if isinstance(exc, FileNotFoundError) or exc.errno == errno.ENOENT:
        return _("The folder {folder} does not exist (any more). Choose another folder.").format(
            folder=folder
        )
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        if stage == "replace":
            return _(
                "{file} could not be replaced: it is probably open in another program "
                "(such as Excel or a PDF viewer). Close the file in the other program and try "
                "again, or save under another name."
            ).format(file=path.name)
        return _(
            "You cannot save files in the folder {folder}: it is read-only or belongs to "
            "someone else. Choose another folder, such as Documents."
        ).format(folder=folder)
    reason = exc.strerror or type(exc).__name__
    return _("{file} could not be written: {reason}.").format(file=path.name, reason=reason)
