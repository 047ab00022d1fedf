"""Write a file so that readers see the old bytes or the new ones, never a half-written file.

The bytes go to a temporary file in the destination's own folder (``os.replace`` is atomic only
within one file system), are flushed and fsynced, then renamed over the destination. On any
error — or an interruption such as Ctrl-C — the temporary file is removed and the destination
is left exactly as it was.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

__all__ = ["atomic_write_bytes", "fsync_folder"]

_DIRECTORY_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0)


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically.

    An existing file keeps its permission bits; a new one gets the usual ones (0o666 less the
    umask), not the owner-only bits of a temporary file. A symbolic link is followed: the file it
    points to is replaced, and the link stays.
    """
    target = Path(os.path.realpath(path))
    mode = _mode_for(target)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:  # KeyboardInterrupt too: never leave the temporary file behind
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    fsync_folder(target.parent)


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0o022)  # reading the umask means setting it; put it straight back
        os.umask(umask)
        return 0o666 & ~umask


def fsync_folder(folder: Path) -> None:
    """Make renames and new entries in ``folder`` durable; some platforms cannot, which is fine."""
    try:
        descriptor = os.open(folder, _DIRECTORY_FLAGS)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(descriptor)
    finally:
        os.close(descriptor)
