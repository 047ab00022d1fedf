"""The folder swap: one step where Linux can, two renames elsewhere, one writer at a time."""

from __future__ import annotations

import ctypes
import errno
import os
import platform
import sys
import threading
import time
from pathlib import Path

import pytest

from policyspec._fs import folder_swap
from policyspec._fs.folder_swap import exchange, folder_lock, install_folder, make_staging, staging_leftovers

linux_only = pytest.mark.skipif(
    folder_swap._renameat2() is None, reason="renameat2 is Linux-only (elsewhere the fallback runs)"
)


def _folder(path: Path, name: str) -> Path:
    path.mkdir()
    (path / "file").write_text(name, encoding="utf-8")
    return path


def _content(path: Path) -> str:
    return (path / "file").read_text(encoding="utf-8")


def _never(out: Path) -> None:
    raise AssertionError(f"no recheck expected for {out}")


@linux_only
def test_exchange_swaps_two_folders_in_one_step(tmp_path: Path) -> None:
    first, second = _folder(tmp_path / "a", "a"), _folder(tmp_path / "b", "b")
    assert exchange(first, second)
    assert (_content(first), _content(second)) == ("b", "a")


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or platform.machine() not in folder_swap._SYS_RENAMEAT2,
    reason="the system call number is known for Linux machines only",
)
def test_without_the_libc_wrapper_the_system_call_number_is_used(tmp_path: Path) -> None:
    class OldLibc:  # a C library older than glibc 2.28: syscall, no renameat2
        syscall = ctypes.CDLL(None, use_errno=True).syscall

    rename = folder_swap._rename_function(OldLibc(), platform.machine())
    assert rename is not None
    first, second = _folder(tmp_path / "a", "a"), _folder(tmp_path / "b", "b")
    assert rename(os.fsencode(first), os.fsencode(second), 2) == 0
    assert (_content(first), _content(second)) == ("b", "a")


def test_no_renameat2_at_all_means_no_exchange(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert folder_swap._rename_function(object(), "x86_64") is None
    assert folder_swap._rename_function(object(), "pdp11") is None
    monkeypatch.setattr(folder_swap, "_renameat2", lambda: None)
    first, second = _folder(tmp_path / "a", "a"), _folder(tmp_path / "b", "b")
    assert not exchange(first, second)
    assert (_content(first), _content(second)) == ("a", "b")


@pytest.mark.parametrize("code", [errno.EINVAL, errno.ENOSYS])
def test_a_file_system_without_the_exchange_means_fall_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    def refuse(old: bytes, new: bytes, flags: int) -> int:
        ctypes.set_errno(code)
        return -1

    monkeypatch.setattr(folder_swap, "_renameat2", lambda: refuse)
    first, second = _folder(tmp_path / "a", "a"), _folder(tmp_path / "b", "b")
    assert not exchange(first, second)
    old = _folder(tmp_path / "out", "old")
    staging = _folder(tmp_path / ".out.x.tmp", "new")
    retired = install_folder(staging, old, recheck=_never)
    assert retired == tmp_path / ".out.x.tmp.old"
    assert (_content(old), _content(retired)) == ("new", "old")


def test_other_errors_of_the_exchange_are_raised(tmp_path: Path) -> None:
    if folder_swap._renameat2() is None:
        pytest.skip("no renameat2 here")
    with pytest.raises(FileNotFoundError):
        exchange(tmp_path / "missing", _folder(tmp_path / "b", "b"))


def test_a_new_destination_is_a_plain_rename(tmp_path: Path) -> None:
    staging = _folder(tmp_path / ".out.x.tmp", "new")
    assert install_folder(staging, tmp_path / "out", recheck=_never) is None
    assert _content(tmp_path / "out") == "new"
    assert not staging.exists()


@linux_only
def test_an_existing_destination_is_exchanged_and_its_contents_returned(tmp_path: Path) -> None:
    out, staging = _folder(tmp_path / "out", "old"), _folder(tmp_path / ".out.x.tmp", "new")
    assert install_folder(staging, out, recheck=_never) == staging
    assert (_content(out), _content(staging)) == ("new", "old")


def test_a_destination_that_turns_up_meanwhile_is_rechecked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found missing, then another process made it: recheck decides, refusing leaves it alone."""
    out, staging = _folder(tmp_path / "out", "theirs"), _folder(tmp_path / ".out.x.tmp", "new")
    monkeypatch.setattr(os.path, "lexists", lambda path: False)
    checked: list[Path] = []

    def refuse(path: Path) -> None:
        checked.append(path)
        raise FileExistsError("not ours")

    with pytest.raises(FileExistsError, match="not ours"):
        install_folder(staging, out, recheck=refuse)
    assert checked == [out]
    assert (_content(out), _content(staging)) == ("theirs", "new")
    retired = install_folder(staging, out, recheck=checked.append)
    assert _content(out) == "new"
    assert retired is not None
    assert _content(retired) == "theirs"


def test_the_fallback_puts_the_destination_back_when_the_second_rename_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out, staging = _folder(tmp_path / "out", "old"), _folder(tmp_path / ".out.x.tmp", "new")
    original = os.rename

    def rename(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        if Path(source) == staging:
            raise OSError(errno.EIO, "Input/output error")
        original(source, target)

    monkeypatch.setattr(folder_swap, "exchange", lambda first, second: False)
    monkeypatch.setattr(os, "rename", rename)
    with pytest.raises(OSError, match="Input/output error"):
        install_folder(staging, out, recheck=_never)
    assert (_content(out), _content(staging)) == ("old", "new")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.x.tmp", "out"]


def test_staging_folders_are_hidden_beside_the_destination_and_found_again(tmp_path: Path) -> None:
    out = tmp_path / "out"
    staging = make_staging(out)
    assert staging.parent == tmp_path
    assert staging.name.startswith(".out.")
    assert staging.name.endswith(".tmp")
    (tmp_path / f"{staging.name}.old").mkdir()
    (tmp_path / ".out.file.tmp").write_text("a file, not a staging folder", encoding="utf-8")
    (tmp_path / ".outer.x.tmp").mkdir()  # another folder's name
    (tmp_path / ".out.link.tmp").symlink_to(staging, target_is_directory=True)
    assert staging_leftovers(out) == sorted([staging, tmp_path / f"{staging.name}.old"])


def test_the_lock_is_exclusive_and_leaves_nothing_on_disk(tmp_path: Path) -> None:
    fcntl = pytest.importorskip("fcntl")
    before = list(tmp_path.iterdir())
    order: list[str] = []

    def second() -> None:
        with folder_lock(tmp_path):
            order.append("second")

    with folder_lock(tmp_path):
        descriptor = os.open(tmp_path, os.O_RDONLY)
        try:
            with pytest.raises(BlockingIOError):
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        finally:
            os.close(descriptor)
        thread = threading.Thread(target=second)
        thread.start()
        time.sleep(0.1)  # time enough for the second to append, were it not waiting for the lock
        order.append("first")
    thread.join(10)
    assert order == ["first", "second"]
    assert list(tmp_path.iterdir()) == before
