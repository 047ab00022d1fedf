"""Code-point offsets in a text to the line and column an editor shows (both from 1), the one
conversion the parser, the coverage rule, ``policyspec coverage`` and ``policyspec new`` share."""

from __future__ import annotations

import bisect
import re

__all__ = ["LineIndex", "Position"]

Position = tuple[int, int]  # 1-based line, column

_BREAK = re.compile(r"\r\n|\r|\n")


class LineIndex:
    """Character offsets to line and column as editors count lines: CR, LF and CRLF break them."""

    def __init__(self, text: str) -> None:
        self.size = len(text)
        self.starts = [0, *(match.end() for match in _BREAK.finditer(text))]

    def position(self, offset: int) -> Position:
        offset = min(max(offset, 0), self.size)
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1
