"""The standard streams as a command meets them: ASCII-only, closed, full or a broken pipe.

The command line must never end in a traceback, and a failed write must not pass for success:
:func:`guarded_output` lets a command write as usual and turns every failure to write its output
into :class:`OutputError`, which the command line reports with exit 1 (a broken pipe, as in
``policyspec indicators | head``, stays a :class:`BrokenPipeError`: not an error at all).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from typing import Any, TextIO

__all__ = ["OutputError", "guarded_output", "say", "silence_stdout"]


class OutputError(Exception):
    """Standard output cannot be written: closed, full, or failing."""


class _Guarded:
    """Standard output with its write failures (but a broken pipe) raised as OutputError."""

    def __init__(self, stream: TextIO | None) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        if self._stream is None:
            raise OutputError("standard output is closed")
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(exc.strerror or str(exc)) from None

    def flush(self) -> None:
        if self._stream is None:
            return
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(exc.strerror or str(exc)) from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextlib.contextmanager
def guarded_output() -> Iterator[None]:
    """Within the block, output that cannot be printed is escaped and write failures are OutputError.

    Characters the stream's encoding lacks (an ASCII-only locale, ``PYTHONIOENCODING=ascii``) are
    written as ``\\uXXXX`` escapes; everything is flushed before the block ends, so a late failure
    is reported rather than lost at interpreter exit.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    original = sys.stdout
    sys.stdout = _Guarded(original)  # type: ignore[assignment,unused-ignore]
    try:
        yield
        sys.stdout.flush()
    finally:
        sys.stdout = original


def silence_stdout() -> None:
    """Point file descriptor 1 at the null device, so Python's own flush at exit cannot fail again.

    Only when the process's own standard output is in use (not a caller's replacement of it).
    """
    if sys.stdout is not sys.__stdout__ or sys.__stdout__ is None:
        return
    with contextlib.suppress(OSError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.close(null)


def say(message: str) -> None:
    """A message on standard error, if there is one to write to."""
    if sys.stderr is not None:
        with contextlib.suppress(OSError):
            print(message, file=sys.stderr)
