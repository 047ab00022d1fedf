"""Tabs in indentation: refused by name, because YAML may read them as something else silently.

YAML indents with spaces only, but a tab after the indentation is separation, and the parser
accepts it in many places (``a: b`` then a line ``\\tc`` continues the scalar as ``"b c"``): the
file then means something other than what the editor sees. A spec never needs a tab there, so
any line whose leading whitespace holds a tab is refused — except inside a block scalar
(``|``, ``>``), where a tab after the indentation is content.
"""

from __future__ import annotations

import re
from collections.abc import Container

__all__ = ["first_indenting_tab"]

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_LEADING = re.compile(r"[ \t]*")


def first_indenting_tab(
    text: str, *, block_lines: Container[int] = (), up_to_line: int | None = None
) -> tuple[int, int] | None:
    """The 1-based line and column of the first tab in a line's indentation, or None.

    Blank and comment lines are skipped, and so are the lines in ``block_lines`` (1-based) —
    except the line of a syntax error (``up_to_line``): libyaml refuses a tab even there, and the
    tab is what to name.
    """
    if "\t" not in text:
        return None
    for number, match in enumerate(_LINE.finditer(text), start=1):
        if up_to_line is not None and number > up_to_line:
            break
        line = match.group()
        leading = _LEADING.match(line)
        assert leading is not None  # it matches the empty string at worst
        rest = line[leading.end() :].strip("\r\n")
        holds_content = bool(rest) and not rest.startswith("#")
        if "\t" in leading.group() and (holds_content or number == up_to_line) and number not in block_lines:
            return number, leading.group().index("\t") + 1
        if not line:
            break
    return None
