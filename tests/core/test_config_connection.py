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


def test_the_password_comes_from_the_caller_and_only_when_one_is_saved() -> None:
    asked: list[str] = []

    def read_password() -> str | None:
        asked.append("asked")
        return "s3cret"

    config.save_connection(PG, password_in_keyring=False)
    assert config.default_database_url(read_password) == PG
    assert asked == []
    config.save_connection(PG, password_in_keyring=True)
    assert config.default_database_url(read_password) == (
        "postgresql+psycopg://desk:s3cret@db.example.org:5432/careops"
    )
    assert asked == ["asked"]
    assert config.default_database_url(lambda: None) == PG


def test_the_command_line_puts_the_keyring_password_in(monkeypatch: pytest.MonkeyPatch) -> None:
    from careops_desktop import cli
    from careops_desktop.integrations import secrets

    seen: list[str] = []
    monkeypatch.setattr(secrets, "database_password", lambda: "from-keyring")
    monkeypatch.setattr(cli, "cmd_migrate", lambda args: seen.append(args.db) or 0)
    config.save_connection(PG, password_in_keyring=True)
    parser_main = cli.main
    assert parser_main(["migrate"]) == 0
    assert seen == ["postgresql+psycopg://desk:from-keyring@db.example.org:5432/careops"]


def test_config_reads_no_keyring() -> None:
    import ast
    from pathlib import Path

    tree = ast.parse(Path(config.__file__).read_text(encoding="utf-8"))
    imported = [
        getattr(node, "module", None) or ",".join(a.name for a in node.names)
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
    ]
    assert not [n for n in imported if "keyring" in n or "integrations" in n]
