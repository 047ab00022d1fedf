"""Reading input files as hostile input demands: regular files only, never more than a limit.

A spec, a source text or a release file may be a FIFO (``open`` would wait forever for a writer),
a device (``/dev/zero`` never ends), a folder named ``*.yaml`` or a symbolic-link loop. The file
is opened without blocking and checked on the open descriptor (so it cannot be swapped between
check and read), and at most ``max_bytes + 1`` bytes are read, so a 4 GB file costs no memory.
"""

from __future__ import annotations

import os
import stat

__all__ = ["FileTooLarge", "Unreadable", "read_regular_file"]

_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
_CHUNK = 1 << 20


class Unreadable(Exception):
    """The file cannot be read as a regular file; ``reason`` says why in a few words."""

    def __init__(self, reason: str, *, special: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.special = special  # it exists but is a folder, a FIFO, a device or a socket


class FileTooLarge(Exception):
    """The file holds more than the limit allows."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"larger than {limit} bytes")
        self.limit = limit


def read_regular_file(path: str | os.PathLike[str], max_bytes: int) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; raises Unreadable or FileTooLarge."""
    try:
        descriptor = os.open(path, _FLAGS)
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the path
        raise Unreadable(_reason(exc)) from None
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise Unreadable(f"not a regular file but {_kind(mode)}", special=True)
        chunks: list[bytes] = []
        size = 0
        while size <= max_bytes:
            chunk = os.read(descriptor, min(_CHUNK, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise Unreadable(_reason(exc)) from None
    finally:
        os.close(descriptor)
    if size > max_bytes:
        raise FileTooLarge(max_bytes)
    return b"".join(chunks)


def _reason(exc: OSError | ValueError) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or type(exc).__name__
    return str(exc)


def _kind(mode: int) -> str:
    kinds = (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    )
    return next((name for test, name in kinds if test(mode)), "a special file")
