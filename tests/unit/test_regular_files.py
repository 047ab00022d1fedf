"""Only regular files are read, and never more than the limit."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from policyspec._fs.regular_files import FileTooLarge, Unreadable, read_regular_file


def test_a_regular_file_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"x" * 3_000_000)
    assert read_regular_file(path, 3_000_000) == b"x" * 3_000_000


def test_one_byte_over_the_limit_is_too_large(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"x" * 11)
    with pytest.raises(FileTooLarge):
        read_regular_file(path, 10)


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "p.yaml")
    with pytest.raises(Unreadable, match="named pipe") as raised:
        read_regular_file(tmp_path / "p.yaml", 100)
    assert raised.value.special


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_that_never_ends_is_refused() -> None:
    with pytest.raises(Unreadable, match="character device"):
        read_regular_file("/dev/zero", 100)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(Unreadable, match="folder"):
        read_regular_file(tmp_path, 100)


def test_a_symbolic_link_loop_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    with pytest.raises(Unreadable, match="symbolic links") as raised:
        read_regular_file(tmp_path / "a", 100)
    assert not raised.value.special


def test_a_missing_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(Unreadable, match="No such file"):
        read_regular_file(tmp_path / "missing", 100)
