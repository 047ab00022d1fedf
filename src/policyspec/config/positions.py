"""Where a key of a TOML file is written: the line and column a message about it points at.

``tomllib`` returns plain data without positions, so the text is scanned here for the line that
sets the key: under its table header (``[tool.policyspec]``), as a dotted key (``release.name =``)
or inside an inline table (``release = {name = ...}``). Multi-line strings are skipped, so a key
quoted inside one is not taken for a setting. When a key cannot be found (an unusual layout),
its table's header is the next best place, and the file's first line the last resort.
"""

from __future__ import annotations

import re

__all__ = ["key_position", "syntax_error_position"]

Position = tuple[int, int]

_BARE_KEY = r"[A-Za-z0-9_-]+"
_KEY = rf"(?:{_BARE_KEY}|\"[^\"\n]*\"|'[^'\n]*')"
_DOTTED = re.compile(rf"\s*({_KEY}(?:\s*\.\s*{_KEY})*)\s*=")
_HEADER = re.compile(rf"\s*\[\[?\s*({_KEY}(?:\s*\.\s*{_KEY})*)\s*\]\]?")
_KEY_PART = re.compile(_KEY)
_TRIPLE = re.compile(r'"""|\'\'\'')
_ERROR_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


def _parts(dotted: str) -> tuple[str, ...]:
    return tuple(part.strip("\"'") for part in _KEY_PART.findall(dotted))


def _settings_lines(text: str) -> list[tuple[int, str]]:
    """Numbered lines outside multi-line strings (where every line may set something)."""
    lines: list[tuple[int, str]] = []
    inside: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if inside is None:
            lines.append((number, line))
        for quote in _TRIPLE.findall(line):
            if inside is None:
                inside = quote
            elif quote == inside:
                inside = None
    return lines


def key_position(text: str, table: tuple[str, ...], key: str) -> Position:
    """Line and column (1-based) of ``key`` in ``table``, else the table's header, else (1, 1)."""
    current: tuple[str, ...] = ()
    header: Position | None = None
    for number, line in _settings_lines(text):
        found_header = _HEADER.match(line)
        if found_header and not _DOTTED.match(line):
            current = _parts(found_header.group(1))
            if current == table and header is None:
                header = (number, found_header.start(1) + 1)
            continue
        setting = _DOTTED.match(line)
        if setting is None:
            continue
        path = current + _parts(setting.group(1))
        if path == (*table, key):
            return number, setting.start(1) + 1
        # an inline table: `release = {name = "x"}` sets release.name on this line
        if path == table:
            inline = re.search(rf"[{{,]\s*(\"?{re.escape(key)}\"?)\s*=", line[setting.end() :])
            if inline:
                return number, setting.end() + inline.start(1) + 1
    return header or (1, 1)


def syntax_error_position(message: str) -> tuple[str, Position]:
    """A TOML parser's message without its ``(at line L, column C)`` suffix, and that position."""
    found = _ERROR_AT.search(message)
    if found is None:
        return message, (1, 1)
    return message[: found.start()], (int(found.group(1)), int(found.group(2)))
