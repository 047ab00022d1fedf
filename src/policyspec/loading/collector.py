"""Python's cycle collector paused while one file is checked.

Checking a spec makes tens of thousands of containers — the parsed tree, its positions, the
document — and frees them all by reference counting once the file is done: none is part of a
cycle. With the collector running, it is set off every few hundred allocations and walks the
growing tree again and again, a tenth of a file's check. Paused for the file and resumed after,
it runs once, when little is left to walk; whatever cycles a check does leave are still collected.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_paused"]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cycle collector for the block, unless it is already paused (then leave it be)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
