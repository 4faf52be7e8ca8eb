"""Where things live and which settings are in force. No Qt here.

Settings come from command-line flags first, then ``CAREOPS_*`` environment
variables, then defaults under the user's platform folders (platformdirs).
``resource_dir()`` and ``migrations_dir()`` find the shipped files whether the
package runs from a source checkout (editable install), an installed wheel or a
PyInstaller bundle.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

import platformdirs

from careops_desktop import APP_ID

_PACKAGE_DIR = Path(__file__).resolve().parent


def _shipped_dir(name: str) -> Path:
    """Return the folder ``name`` (``resources`` or ``migrations``) as shipped.

    Looked for, in order: inside a PyInstaller bundle (``sys._MEIPASS``), inside
    the installed package (a wheel maps both folders into it), and beside the
    package in a source checkout.
    """
    candidates: list[Path] = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.append(Path(frozen_root) / "careops_desktop" / name)
        candidates.append(Path(frozen_root) / name)
    candidates.append(_PACKAGE_DIR / name)
    candidates.append(_PACKAGE_DIR.parent / name)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"CareOps cannot find its {name!r} folder; looked in: "
        + ", ".join(str(c) for c in candidates)
    )


def resource_dir() -> Path:
    """The ``resources/`` folder: icons, styles, web and email templates."""
    return _shipped_dir("resources")


def resource_path(*parts: str) -> Path:
    """A file inside ``resources/``."""
    return resource_dir().joinpath(*parts)


def migrations_dir() -> Path:
    """The Alembic ``migrations/`` folder (holds ``env.py`` and ``versions/``)."""
    return _shipped_dir("migrations")


def data_dir() -> Path:
    """The user data folder (database, backups); ``CAREOPS_HOME`` overrides it."""
    override = os.environ.get("CAREOPS_HOME")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_ID, False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    """The folder for the rotating log file."""
    override = os.environ.get("CAREOPS_HOME")
    path = Path(override) / "logs" if override else Path(platformdirs.user_log_dir(APP_ID, False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def backups_dir() -> Path:
    """The folder that holds automatic and manual backups."""
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


PasswordReader = Callable[[], str | None]
"""Gives the saved connection's password (or None); called only when one is saved."""


def default_database_url(read_password: PasswordReader | None = None) -> str:
    """The database in force when no ``--db`` flag is given.

    ``CAREOPS_DB`` may hold a SQLAlchemy URL or a plain file path; then the connection
    saved under Settings → Database connection; then the SQLite file in the data folder.
    ``read_password`` is asked for the saved connection's password only when the
    saved connection says it has one (this module reads no keyring: the caller,
    e.g. the command line, passes :func:`careops_desktop.integrations.secrets.database_password`).
    """
    env = os.environ.get("CAREOPS_DB")
    if env:
        return database_url_from(env)
    saved = saved_database_url(read_password)
    if saved:
        return saved
    return database_url_from(str(data_dir() / "careops.sqlite3"))


CONNECTION_FILE = "connection.json"


def saved_connection_path() -> Path:
    """This computer's saved database connection: ``{"url": ..., "password_in_keyring": ...}``.

    Written by Settings → Database connection; the URL in it never holds a password
    (that stays in the OS keyring).
    """
    return data_dir() / CONNECTION_FILE


def save_connection(url: str | None, *, password_in_keyring: bool = False) -> None:
    """Make ``url`` (a PostgreSQL URL without password) this computer's default database;
    None goes back to the SQLite file."""
    path = saved_connection_path()
    if url is None:
        path.unlink(missing_ok=True)
        return
    from sqlalchemy.engine import make_url

    if make_url(url).password is not None:
        raise ValueError("the saved URL must not hold a password (it goes to the keyring)")
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(
        json.dumps({"url": url, "password_in_keyring": password_in_keyring}), encoding="utf-8"
    )
    tmp.replace(path)


def saved_connection() -> tuple[str, bool] | None:
    """The saved PostgreSQL URL (without password) and whether a password is in the keyring."""
    try:
        data = json.loads(saved_connection_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    url = data.get("url") if isinstance(data, dict) else None
    if not isinstance(url, str) or not url.startswith(("postgresql://", "postgresql+")):
        return None
    return database_url_from(url), bool(data.get("password_in_keyring"))


def saved_database_url(read_password: PasswordReader | None = None) -> str | None:
    """The saved connection with the password from ``read_password`` put in (None: none saved).

    ``read_password`` is called only when the saved connection has a password in the
    keyring. Without a reader, or when it gives None (no usable keyring), the URL is
    returned without password (the server may still accept it, e.g. through
    ``~/.pgpass``).
    """
    saved = saved_connection()
    if saved is None:
        return None
    url, has_password = saved
    if not has_password or read_password is None:
        return url
    from sqlalchemy.engine import make_url

    password = read_password()
    if not password:
        return url
    return make_url(url).set(password=password).render_as_string(hide_password=False)


def demo_database_url() -> str:
    """The separate demo database that ``careops --demo`` opens."""
    return database_url_from(str(data_dir() / "careops-demo.sqlite3"))


def database_url_from(value: str) -> str:
    """Turn a ``--db`` value into a SQLAlchemy URL: URLs pass, paths become sqlite URLs.

    ``postgresql://`` and ``postgres://`` get the installed driver (psycopg 3).
    """
    for plain in ("postgresql://", "postgres://"):
        if value.startswith(plain):
            return "postgresql+psycopg://" + value[len(plain) :]
    if "://" in value:
        return value
    return "sqlite:///" + str(Path(value).expanduser().resolve())


# The signed release feed the opt-in update check reads (Settings → Updates may change it).
# A placeholder until the project publishes its feed: the reserved name never resolves.
DEFAULT_RELEASE_FEED_URL = "https://releases.careops.example/release-feed.json"
