"""The log file: rotating, in the log folder, and scrubbed of secrets."""

from __future__ import annotations

import logging
from pathlib import Path

from careops_desktop.logging_setup import configure_logging


def test_secrets_are_scrubbed_from_the_log_file(tmp_path: Path) -> None:
    path = configure_logging(console=False, folder=tmp_path)
    try:
        log = logging.getLogger("careops.test")
        log.info("connecting with password=%s to %s", "hunter2-secret", "smtp")
        log.info("db postgresql://desk:pg-s3cret@server/careops")
        log.info("auth_token: abc123token")
        for handler in logging.getLogger().handlers:
            handler.flush()
        text = path.read_text(encoding="utf-8")
    finally:
        for handler in list(logging.getLogger().handlers):
            if getattr(handler, "_careops", False):
                logging.getLogger().removeHandler(handler)
                handler.close()
    assert "connecting with password=***" in text
    assert "hunter2-secret" not in text
    assert "pg-s3cret" not in text and "postgresql://desk:***@server" in text
    assert "abc123token" not in text
