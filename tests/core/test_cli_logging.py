"""``careops`` logs to the rotating file in the log folder; message bodies never reach it."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from careops_desktop.cli import main
from careops_desktop.config import log_dir
from careops_desktop.core.db import Database
from careops_desktop.core.errors import NotFound
from careops_desktop.core.services import auth, business, contacts, inbox
from careops_desktop.core.services.inbox import IncomingMessage, record_incoming
from careops_desktop.logging_setup import LOG_FILE_NAME

BODY_OUT = "Reply body: your x-ray shows a hairline fracture 7731"
BODY_IN = "Incoming body: my card number is 4111 1111 1111 1111"


@pytest.fixture(autouse=True)
def _drop_log_handlers() -> Iterator[None]:
    yield
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_careops", False):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(logging.WARNING)


def _log_text() -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return (log_dir() / LOG_FILE_NAME).read_text(encoding="utf-8")


def test_commands_log_to_the_file_and_the_console(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db_file = tmp_path / "clinic.sqlite3"
    assert main(["--db", str(db_file), "migrate"]) == 0
    assert logging.getLogger().level == logging.INFO
    text = _log_text()
    assert "database upgraded from" in text
    assert "database upgraded from" in capsys.readouterr().err  # a command: the console too
    assert main(["--verbose", "--db", str(db_file), "migrate"]) == 0
    assert logging.getLogger().level == logging.DEBUG
    # configure_logging replaces its own handlers: one file and one console handler, not two
    ours = [h for h in logging.getLogger().handlers if getattr(h, "_careops", False)]
    assert len(ours) == 2


def test_message_bodies_stay_out_of_the_log_at_the_default_level(tmp_path: Path) -> None:
    db_file = tmp_path / "clinic.sqlite3"
    assert main(["--db", str(db_file), "migrate"]) == 0
    database = Database(f"sqlite:///{db_file}")
    try:
        database.call(business.ensure_business, "Riverside Clinic", "Europe/London")
        owner = database.call(
            auth.create_first_owner,
            email="ada@example.com",
            password="a long enough password",
            full_name="Ada Lovelace",
        )
        contact, _ = database.call(
            contacts.find_or_create_contact,
            owner,
            name="Grace Hopper",
            email="grace@example.com",
            phone="",
        )
        conversation = database.call(inbox.open_conversation_for, contact.id)
        database.call(inbox.reply, owner, conversation, BODY_OUT)
        database.call(
            record_incoming,
            IncomingMessage("email", "grace@example.com", "Grace Hopper", "Re: x", BODY_IN),
        )
        with pytest.raises(NotFound):  # a refused reply: nobody logs its body
            database.call(inbox.reply, owner, 999_999, BODY_OUT)
    finally:
        database.close()
    logging.getLogger("careops.test").info("marker after the work")
    text = _log_text()
    assert "marker after the work" in text
    assert "7731" not in text and "hairline" not in text
    assert "4111" not in text
