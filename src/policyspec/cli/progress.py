"""A counter on standard error while a long check runs, for a person watching a terminal.

Nothing at all when standard error is not a terminal (CI logs, pipes, editors) and nothing for a
short run: the counter appears once the run has taken a second, or at once for a corpus of more
than :data:`MANY_FILES` files, is redrawn at most ten times a second, and is erased at the end, so
the lines that follow are exactly the lines a run without a terminal prints.
"""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import TextIO

__all__ = ["MANY_FILES", "Progress", "is_terminal"]

MANY_FILES = 500
_DELAY = 1.0  # seconds before a short run would show anything
_REDRAW = 0.1


class Progress:
    """``with Progress(total) as progress: check_files(..., progress=progress)``."""

    def __init__(self, total: int, stream: TextIO | None = None, *, delay: float = _DELAY) -> None:
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = is_terminal(self.stream)
        self._start = time.monotonic()
        self._delay = 0.0 if total > MANY_FILES else delay
        self._drawn_at: float | None = None

    def __call__(self, done: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._start < self._delay:
            return
        if self._drawn_at is not None and now - self._drawn_at < _REDRAW and done < self.total:
            return
        self._drawn_at = now
        self._write(f"\rchecking {done}/{self.total} files …")

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._drawn_at is not None:
            self._write("\r\x1b[K")  # erase the counter's line

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):  # a progress line is never worth failing a run for
            self.enabled = False


def is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False
