"""A real IMAP server for the tests: Debian's Dovecot, started on a free loopback port.

One Dovecot per test session; each test gets the next of its users, with an empty
mailbox. The fixture writes a minimal ``dovecot.conf`` into a temporary folder (a
passwd-file user, Maildir storage in the same folder, plain-text login on
loopback only), runs ``dovecot -F -c <conf>`` as a child process and stops it
afterwards. Mail is put into the mailbox with IMAP APPEND, as a mail server
delivering it would leave it. Skipped when Dovecot is not installed
(``scripts/system-packages.sh`` installs it).
"""

from __future__ import annotations

import imaplib
import itertools
import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.integrations.smtp_server import free_port

DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"
PASSWORD = "imap-test-pass"
MAX_USERS = 200


def _user(n: int) -> str:
    return f"desk{n}@harbour.example.org"


@dataclass
class ImapServer:
    host: str
    port: int
    user: str
    password: str
    root: Path

    def client(self) -> imaplib.IMAP4:
        client = imaplib.IMAP4(self.host, self.port, timeout=10)
        client.login(self.user, self.password)
        return client

    def deliver(self, raw: bytes, folder: str = "INBOX") -> None:
        """Put ``raw`` into ``folder`` (unread) as a mail server delivering it would."""
        client = self.client()
        try:
            status, data = client.append(folder, "", None, raw)
            assert status == "OK", data
        finally:
            client.logout()

    def seen_flags(self, folder: str = "INBOX") -> list[bool]:
        client = self.client()
        try:
            client.select(folder, readonly=True)
            _, data = client.fetch("1:*", "(FLAGS)")
            return [b"\\Seen" in item for item in data if isinstance(item, bytes)]
        finally:
            client.logout()


def _config(root: Path, port: int) -> str:
    if os.getuid() == 0:
        mail_user = pwd.getpwnam("nobody")
        internal, login = "dovecot", "dovenull"
        chroot = ""
    else:  # an ordinary developer account runs every Dovecot process as itself
        mail_user = pwd.getpwuid(os.getuid())
        internal = login = mail_user.pw_name
        chroot = "  chroot =\n"
    os.chown(root / "mail", mail_user.pw_uid, mail_user.pw_gid)
    return f"""
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
login_trusted_networks = 127.0.0.0/8
listen = 127.0.0.1
protocols = imap
first_valid_uid = 1
default_internal_user = {internal}
default_login_user = {login}
mail_location = maildir:{root}/mail/%u/Maildir
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={mail_user.pw_uid} gid={mail_user.pw_gid} home={root}/mail/%u
}}
service imap-login {{
{chroot}  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
"""


def _wait_ready(port: int, process: subprocess.Popen[bytes], root: Path) -> None:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log = (root / "dovecot.log").read_text() if (root / "dovecot.log").exists() else ""
            raise RuntimeError(f"dovecot exited with {process.returncode}: {log[-2000:]}")
        try:
            client = imaplib.IMAP4("127.0.0.1", port, timeout=2)
            client.logout()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("dovecot did not start listening within 15 s")


@dataclass
class _Dovecot:
    root: Path
    port: int


@contextmanager
def running_dovecot() -> Iterator[_Dovecot]:
    """Start Dovecot in a temporary folder and stop it afterwards (also for benchmarks)."""
    root = Path(tempfile.mkdtemp(prefix="careops-dovecot-"))
    os.chmod(root, 0o755)  # the mail user (not the test's user) must reach its Maildir
    for name in ("run", "state", "mail"):
        (root / name).mkdir()
    users = "".join(f"{_user(n)}:{{PLAIN}}{PASSWORD}\n" for n in range(1, MAX_USERS + 1))
    (root / "passwd").write_text(users)
    port = free_port()
    (root / "dovecot.conf").write_text(_config(root, port))
    process = subprocess.Popen(
        [DOVECOT, "-F", "-c", str(root / "dovecot.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        _wait_ready(port, process, root)
        yield _Dovecot(root, port)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def _dovecot() -> Iterator[_Dovecot]:
    """One Dovecot process for the test session; each test gets its own user and mailbox."""
    if not os.path.exists(DOVECOT):
        pytest.skip("Dovecot is not installed (bash scripts/system-packages.sh installs it)")
    with running_dovecot() as server:
        yield server


_users = itertools.count(1)


def mailbox(server: _Dovecot, n: int) -> ImapServer:
    """User ``n``'s mailbox on ``server`` (the fixtures hand out each number once)."""
    return ImapServer("127.0.0.1", server.port, _user(n), PASSWORD, server.root)


@pytest.fixture
def imap_server(_dovecot: _Dovecot) -> ImapServer:
    """A fresh, empty mailbox on the session's Dovecot (a new user for each test)."""
    n = next(_users)
    assert n <= MAX_USERS, "raise MAX_USERS in tests/integrations/dovecot_server.py"
    return mailbox(_dovecot, n)
