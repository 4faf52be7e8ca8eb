"""A SQLite file on a network drive is refused, with the PostgreSQL way out."""

from __future__ import annotations

from pathlib import Path

import pytest

from careops_desktop.core.storage import NetworkDriveRefused, check_local_file, filesystem_type

MOUNTS = """\
/dev/vda / ext4 rw,relatime 0 0
tmpfs /tmp tmpfs rw 0 0
//nas/office /mnt/office cifs rw,vers=3.0 0 0
server:/export /srv/share nfs4 rw 0 0
/dev/vdb /mnt/office-local ext4 rw 0 0
"""


def test_the_longest_mount_point_decides() -> None:
    assert filesystem_type(Path("/mnt/office/careops.sqlite3"), MOUNTS) == "cifs"
    assert filesystem_type(Path("/mnt/office-local/careops.sqlite3"), MOUNTS) == "ext4"
    assert filesystem_type(Path("/srv/share/a/b.sqlite3"), MOUNTS) == "nfs4"
    assert filesystem_type(Path("/home/x/careops.sqlite3"), MOUNTS) == "ext4"


def test_network_drives_are_refused_with_the_reason_and_the_way_out() -> None:
    with pytest.raises(NetworkDriveRefused) as info:
        check_local_file(Path("/mnt/office/careops.sqlite3"), MOUNTS)
    text = str(info.value)
    assert "network drive (cifs)" in text
    assert "postgresql://" in text
    check_local_file(Path("/mnt/office-local/careops.sqlite3"), MOUNTS)


def test_this_machines_temp_folder_is_accepted(tmp_path: Path) -> None:
    check_local_file(tmp_path / "careops.sqlite3")
    assert filesystem_type(tmp_path / "careops.sqlite3") != ""
