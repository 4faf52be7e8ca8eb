"""Failures of the outside world (mail server, Twilio, mailbox) reach the person in their
own words through Ops, not as "Something went wrong"."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy.orm import Session

from careops_desktop.core.db import read_only
from careops_desktop.integrations.email_in import MailboxError
from careops_desktop.integrations.email_out import send_test_email
from careops_desktop.integrations.integration_settings import SmtpSettings
from careops_desktop.integrations.sms import SmsError
from careops_desktop.ui.ops import UNEXPECTED_TEXT, ProgressReporter
from tests.integrations.smtp_server import RecordingHandler, start_smtp_server
from tests.ui.conftest import wait_task


def _shown_boxes() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


def test_a_send_error_from_a_real_mail_server_is_shown_in_its_words(ops, qtbot) -> None:
    server, controller = start_smtp_server(RecordingHandler(refuse={"nobody@example.com"}))
    settings = SmtpSettings(
        host=server.host, port=server.port, security="none", from_address="desk@example.org"
    )

    def send(progress: ProgressReporter) -> str:
        return send_test_email(settings, None, "nobody@example.com", "Harbour Physio")

    shown: list[str] = []
    ops.errorShown.connect(shown.append)
    try:
        wait_task(qtbot, ops.progress_task(send, title="T", label="L", use_database=False))
    finally:
        controller.stop()
    boxes = _shown_boxes()
    try:
        assert shown == ["The mail server refused the recipient (550 5.1.1 No such user here)."]
        assert [b.text() for b in boxes] == shown
        assert boxes[0].textFormat() == Qt.TextFormat.PlainText
        assert UNEXPECTED_TEXT not in boxes[0].text() and not boxes[0].detailedText()
    finally:
        for box in boxes:
            box.close()


@pytest.mark.parametrize(
    "error",
    [
        SmsError("Twilio did not answer in time."),
        MailboxError("The mail server did not accept the user name and password."),
    ],
)
def test_sms_and_mailbox_errors_go_to_on_error_with_their_words(ops, qtbot, error) -> None:
    @read_only
    def fails(session: Session) -> None:
        raise error

    seen: list[Any] = []
    wait_task(qtbot, ops.query(fails, on_error=seen.append))
    assert seen == [error]
    assert _shown_boxes() == []
