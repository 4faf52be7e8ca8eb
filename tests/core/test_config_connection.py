"""The saved database connection: config.default_database_url honours it, safely."""

from __future__ import annotations

import pytest

from careops_desktop import config

PG = "postgresql+psycopg://desk@db.example.org:5432/careops"


def test_no_saved_connection_means_the_sqlite_file() -> None:
    assert config.saved_connection() is None
    assert config.default_database_url() == (
        "sqlite:///" + str((config.data_dir() / "careops.sqlite3").resolve())
    )


def test_a_saved_connection_is_the_default_unless_careops_db_says_otherwise(
    monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:
    config.save_connection(PG)
    assert config.saved_connection() == (PG, False)
    assert config.default_database_url() == PG
    monkeypatch.setenv("CAREOPS_DB", str(tmp_path / "other.sqlite3"))
    assert config.default_database_url().endswith("other.sqlite3")
    config.save_connection(None)
    monkeypatch.delenv("CAREOPS_DB")
    assert config.default_database_url().startswith("sqlite:///")


def test_plain_postgresql_urls_get_the_installed_driver() -> None:
    assert config.database_url_from("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert config.database_url_from("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert config.database_url_from(PG) == PG


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        '["a list"]',
        '{"url": 42}',
        '{"url": "sqlite:////etc/passwd"}',
        '{"url": "mysql://root@h/db"}',
        "",
    ],
)
def test_a_broken_or_foreign_file_is_ignored(content: str) -> None:
    config.saved_connection_path().write_text(content, encoding="utf-8")
    assert config.saved_connection() is None
    assert config.default_database_url().startswith("sqlite:///")


def test_a_password_is_never_written_to_the_file() -> None:
    with pytest.raises(ValueError):
        config.save_connection("postgresql+psycopg://desk:hunter2@h/careops")
    assert not config.saved_connection_path().exists()


def test_no_keyring_gives_the_url_without_password() -> None:
    # the test default is "no keyring backend": the address alone, no crash
    config.save_connection(PG, password_in_keyring=True)
    assert config.saved_connection() == (PG, True)
    assert config.default_database_url() == PG
