"""Where a SQLite file may live: never on a network drive.

SQLite's WAL mode needs shared memory that network file systems (SMB/CIFS,
NFS, AFP, WebDAV, SSHFS) do not provide safely, so two desks on one shared
file would corrupt it. Such a location is refused with the way out: one
PostgreSQL server for several desks.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from careops_desktop.core.errors import CareOpsError
from careops_desktop.core.i18n import _

NETWORK_FS = {
    "nfs",
    "nfs4",
    "cifs",
    "smb",
    "smbfs",
    "smb2",
    "smb3",
    "afpfs",
    "webdav",
    "davfs",
    "fuse.sshfs",
    "sshfs",
    "9p",
    "fuse.rclone",
    "ncpfs",
    "coda",
    "afs",
    "glusterfs",
    "fuse.glusterfs",
    "ceph",
    "fuse.ceph",
}


class NetworkDriveRefused(CareOpsError):
    """The database file is on a network drive, where SQLite is not safe."""

    def __init__(self, path: Path, fstype: str) -> None:
        self.path = path
        self.fstype = fstype
        super().__init__(
            _(
                "The database {path} is on a network drive ({fstype}). SQLite is not safe "
                "there: two computers writing one file over the network can corrupt it. Keep "
                "the file on this computer's own disk, or put every front desk on one "
                "PostgreSQL server with --db postgresql://user@server/careops (see the "
                "README, 'Several front desks')."
            ).format(path=path, fstype=fstype)
        )


def filesystem_type(path: Path, mounts: str | None = None) -> str:
    """The file-system type holding ``path`` ("" when unknown).

    On Linux the longest matching mount point in ``/proc/mounts`` (or the
    ``mounts`` text given) decides; on Windows a UNC path or a remote drive
    letter reads as "smb".
    """
    path = path.resolve() if path.exists() else path.parent.resolve() / path.name
    if sys.platform == "win32" and mounts is None:
        return _windows_type(path)
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
    best, best_type = "", ""
    text = str(path)
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = parts[1].replace("\\040", " ")
        prefix = mount_point.rstrip("/") + "/"
        if (text == mount_point or text.startswith(prefix) or mount_point == "/") and len(
            mount_point
        ) > len(best):
            best, best_type = mount_point, parts[2]
    return best_type


def _windows_type(path: Path) -> str:
    text = str(path)
    if text.startswith("\\\\"):
        return "smb"
    try:
        import ctypes

        drive = os.path.splitdrive(text)[0] + "\\"
        drive_remote = 4
        if ctypes.windll.kernel32.GetDriveTypeW(drive) == drive_remote:  # type: ignore[attr-defined]
            return "smb"
    except (AttributeError, OSError):
        return ""
    return ""


def check_local_file(path: Path, mounts: str | None = None) -> None:
    """Raise :class:`NetworkDriveRefused` if ``path`` lies on a network file system."""
    fstype = filesystem_type(path, mounts)
    if fstype.lower() in NETWORK_FS:
        raise NetworkDriveRefused(path, fstype)
