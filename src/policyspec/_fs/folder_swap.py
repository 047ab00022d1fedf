"""Put a finished folder in the place of another all at once, one writer at a time.

:func:`install_folder` swaps a staging folder with the destination in one step on Linux
(``renameat2`` with ``RENAME_EXCHANGE``): a reader sees the old folder or the new one, and a
process killed at any moment leaves one of the two complete at the destination. Where the exchange
is missing (macOS, Windows, a C library and kernel without it, file systems that answer EINVAL or
ENOSYS such as some network and FUSE ones) it falls back to two renames, between which the
destination is missing for a moment: a run killed right then leaves the previous folder at
``.NAME.*.tmp.old`` and the new one at ``.NAME.*.tmp``.

:func:`folder_lock` serializes the runs that write into one folder with ``flock`` on a read-only
descriptor of that folder, so no lock file is left behind.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import functools
import os
import platform
import re
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

__all__ = ["exchange", "folder_lock", "install_folder", "make_staging", "staging_leftovers"]

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
# renameat2 by system call number, for a C library older than glibc 2.28 that lacks the wrapper.
_SYS_RENAMEAT2 = {
    "x86_64": 316,
    "aarch64": 276,
    "riscv64": 276,
    "i386": 353,
    "i686": 353,
    "armv7l": 382,
    "ppc64le": 357,
    "s390x": 347,
}
# The exchange is not available here (kernel, file system): fall back, nothing has changed.
_UNSUPPORTED = {errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.ENOTSUP}
# A rename onto a destination that turned up meanwhile.
_TAKEN = {errno.EEXIST, errno.ENOTEMPTY, errno.ENOTDIR, errno.EISDIR}
# flock cannot lock on this file system (some network ones): go on unlocked rather than fail.
_NO_LOCKS = {errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EINVAL}
_DIRECTORY_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0)

Rename = Callable[[bytes, bytes, int], int]  # (old, new, flags) -> 0, or -1 with errno set


@functools.cache
def _renameat2() -> Rename | None:
    """The libc wrapper, else the raw system call, else None (not Linux, or an unknown machine)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None
    return _rename_function(libc, platform.machine())


def _rename_function(libc: object, machine: str) -> Rename | None:
    """``renameat2`` from ``libc``: its wrapper if it has one, else ``syscall`` by number."""
    wrapper = getattr(libc, "renameat2", None)
    if wrapper is not None:
        wrapper.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
        wrapper.restype = ctypes.c_int

        def by_wrapper(old: bytes, new: bytes, flags: int) -> int:
            return int(wrapper(_AT_FDCWD, old, _AT_FDCWD, new, flags))

        return by_wrapper
    number, syscall = _SYS_RENAMEAT2.get(machine), getattr(libc, "syscall", None)
    if number is None or syscall is None:
        return None
    syscall.restype = ctypes.c_long

    def by_number(old: bytes, new: bytes, flags: int) -> int:
        fd = ctypes.c_int(_AT_FDCWD)
        return int(syscall(ctypes.c_long(number), fd, old, fd, new, ctypes.c_uint(flags)))

    return by_number


def exchange(first: Path, second: Path) -> bool:
    """Swap two existing paths in one step; False, having changed nothing, where that is impossible."""
    rename = _renameat2()
    if rename is None:
        return False
    if rename(os.fsencode(first), os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in _UNSUPPORTED:
        return False
    raise OSError(code, os.strerror(code), str(first), None, str(second))


def install_folder(staging: Path, out: Path, *, recheck: Callable[[Path], None]) -> Path | None:
    """Put ``staging`` at ``out``; return where out's previous contents now are (None: out was new).

    ``recheck`` runs when ``out`` turned up after the caller had found it missing (another
    process made it) and raises if that folder may not be replaced.
    """
    if not os.path.lexists(out):
        try:
            os.rename(staging, out)
        except OSError as error:
            if error.errno not in _TAKEN:
                raise
            recheck(out)
        else:
            return None
    if exchange(staging, out):
        return staging
    return _two_renames(staging, out)


def _two_renames(staging: Path, out: Path) -> Path:
    """The fallback: ``out`` is missing between the two renames (put back if the second fails)."""
    retired = staging.with_name(staging.name + ".old")
    os.rename(out, retired)
    try:
        os.rename(staging, out)
    except BaseException:
        os.rename(retired, out)
        raise
    return retired


def make_staging(out: Path) -> Path:
    """A new empty folder beside ``out`` (same file system, so the swap is a rename)."""
    return Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent))


def staging_leftovers(out: Path) -> list[Path]:
    """Folders beside ``out`` named like its staging folders (or their fallback ``.old``), sorted."""
    pattern = re.compile(rf"\.{re.escape(out.name)}\.[a-z0-9_]+\.tmp(?:\.old)?")
    with os.scandir(out.parent) as entries:
        return sorted(
            Path(e.path) for e in entries if pattern.fullmatch(e.name) and e.is_dir(follow_symlinks=False)
        )


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold an exclusive advisory lock on ``folder`` (released when the descriptor closes)."""
    try:
        import fcntl
    except ImportError:  # Windows: no flock; concurrent runs are not serialized there
        yield
        return
    descriptor = os.open(folder, _DIRECTORY_FLAGS)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        except OSError as error:
            if error.errno not in _NO_LOCKS:
                raise
        yield
    finally:
        os.close(descriptor)
