"""The app's log: a rotating file in the log folder, plus the console for the CLI.

At the default level nothing personal is logged: no message bodies, no
passwords or tokens. ``RedactingFilter`` also scrubs anything that looks like a
secret (``password=...``, ``token ...``, URLs with credentials) in case a
library puts one into a message.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
import sys
from pathlib import Path

from careops_desktop.config import log_dir

LOG_FILE_NAME = "careops.log"
_PATTERNS = (
    re.compile(r"(?i)(password|passwd|pwd|secret|token|auth_token|api_key)(\s*[=:]\s*)(\S+)"),
    re.compile(r"(?i)(://[^:/\s]+:)([^@/\s]+)(@)"),
)


class _ConsoleHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever ``sys.stderr`` is when a record is emitted (not when created)."""

    @property
    def stream(self) -> object:
        return sys.stderr

    @stream.setter
    def stream(self, _value: object) -> None:
        pass


class RedactingFilter(logging.Filter):
    """Replaces secret-looking values in log records with ``***``."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = _PATTERNS[0].sub(lambda m: m.group(1) + m.group(2) + "***", message)
        cleaned = _PATTERNS[1].sub(lambda m: m.group(1) + "***" + m.group(3), cleaned)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


def configure_logging(
    *, verbose: bool = False, console: bool = True, folder: Path | None = None
) -> Path:
    """Set up the root logger once; returns the log file's path."""
    folder = folder or log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_FILE_NAME
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_careops", False):
            root.removeHandler(handler)
            handler.close()
    level = logging.DEBUG if verbose else logging.INFO
    root.setLevel(level)
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    file_handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handlers: list[logging.Handler] = [file_handler]
    if console:
        handlers.append(_ConsoleHandler())
    for handler in handlers:
        handler.setFormatter(formatter)
        handler.addFilter(RedactingFilter())
        handler._careops = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    # libraries that are chatty at INFO
    for noisy in ("aiohttp.access", "asyncio", "alembic"):
        logging.getLogger(noisy).setLevel(logging.DEBUG if verbose else logging.WARNING)
    return path
