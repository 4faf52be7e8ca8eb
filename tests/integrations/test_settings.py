"""Integration settings: validated, stored without secrets, state kept per job."""

from __future__ import annotations

import pytest

from careops_desktop.core.db import Database
from careops_desktop.core.errors import PermissionDenied, ValidationError
from careops_desktop.core.models import AuditEntry, Integration
from careops_desktop.core.permissions import Actor, Role
from careops_desktop.integrations import integration_settings as cfg
from tests.actors import OWNER

CLERK = Actor(user_id=None, name="Clerk", role=Role.STAFF)


def test_defaults_before_anything_is_saved(db: Database) -> None:
    assert db.call(cfg.get_smtp) == cfg.SmtpSettings()
    assert not db.call(cfg.get_smtp).configured
    assert not db.call(cfg.get_imap).configured
    assert db.call(cfg.get_sms).base_url == "https://api.twilio.com"
    assert db.call(cfg.get_state, "email", "imap") == {}
    assert db.call(cfg.get_health, "email") == (False, "")


def test_save_and_read_back_smtp(db: Database) -> None:
    preset = cfg.SMTP_PRESETS["outlook"]
    wanted = cfg.SmtpSettings(
        host=preset.host,
        port=preset.port,
        security=preset.security,
        username="desk@clinic.example.org",
        from_address=" Desk@Clinic.example.org ",
        from_name="Harbour Physio",
    )
    saved = db.call(cfg.save_smtp, OWNER, wanted)
    assert saved.from_address == "Desk@clinic.example.org"
    assert db.call(cfg.get_smtp) == saved
    assert saved.configured
    with db.session() as s:
        rows = s.query(AuditEntry).all()
        assert [(r.action, r.details) for r in rows] == [("integration.updated", {"part": "smtp"})]


def test_every_bad_field_is_named(db: Database) -> None:
    bad = cfg.SmtpSettings(
        host="smtp example.com",
        port=70000,
        security="tls9",
        username="x",
        from_address="not-an-address",
        from_name="Desk\r\nBcc: victim@example.com",
        timeout_seconds=1,
    )
    with pytest.raises(ValidationError) as caught:
        db.call(cfg.save_smtp, OWNER, bad)
    assert set(caught.value.fields) == {
        "host",
        "port",
        "security",
        "from_address",
        "from_name",
        "timeout_seconds",
    }
    assert db.call(cfg.get_smtp) == cfg.SmtpSettings()


def test_staff_without_settings_permission_cannot_save(db: Database) -> None:
    good = cfg.SmtpSettings(host="smtp.clinic.example.org", from_address="desk@clinic.example.org")
    with pytest.raises(PermissionDenied):
        db.call(cfg.save_smtp, CLERK, good)


def test_imap_and_sms_validation(db: Database) -> None:
    with pytest.raises(ValidationError) as caught:
        db.call(cfg.save_imap, OWNER, cfg.ImapSettings(host="", username="", folder='IN"BOX'))
    assert {"host", "username", "folder"} <= set(caught.value.fields)
    with pytest.raises(ValidationError) as caught:
        db.call(cfg.save_sms, OWNER, cfg.SmsSettings(from_number="12", base_url="ftp://x"))
    assert set(caught.value.fields) == {"from_number", "base_url"}
    sms = db.call(
        cfg.save_sms,
        OWNER,
        cfg.SmsSettings(
            enabled=True, from_number="+44 7700 900123", base_url="http://127.0.0.1:1/"
        ),
    )
    assert sms.from_number == "+447700900123"
    assert sms.base_url == "http://127.0.0.1:1"
    assert db.call(cfg.get_sms).configured


def test_new_mailbox_forgets_the_uid_state(db: Database) -> None:
    imap = cfg.ImapSettings(enabled=True, host="imap.clinic.example.org", username="desk")
    db.call(cfg.save_imap, OWNER, imap)
    db.call(cfg.set_state, "email", "imap", {"uidvalidity": 7, "last_uid": 42})
    db.call(cfg.save_imap, OWNER, cfg.ImapSettings(**{**imap.__dict__, "poll_seconds": 60}))
    assert db.call(cfg.get_state, "email", "imap") == {"uidvalidity": 7, "last_uid": 42}
    db.call(cfg.save_imap, OWNER, cfg.ImapSettings(**{**imap.__dict__, "folder": "Replies"}))
    assert db.call(cfg.get_state, "email", "imap") == {}


def test_stored_junk_falls_back_to_defaults(db: Database) -> None:
    with db.write_session() as s:
        s.add(Integration(kind="email", config={"smtp": {"port": "25", "host": 7, "x": 1}}))
    assert db.call(cfg.get_smtp) == cfg.SmtpSettings()


def test_health_is_recorded(db: Database) -> None:
    db.call(cfg.record_health, "sms", "Twilio refused the credentials (401)")
    assert db.call(cfg.get_health, "sms") == (False, "Twilio refused the credentials (401)")
    db.call(cfg.record_health, "sms", "")
    assert db.call(cfg.get_health, "sms") == (True, "")
