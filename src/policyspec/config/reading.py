"""Reading a project's configuration: TOML in, :class:`~.settings.Settings` out, or every problem
as a positioned diagnostic (PS014 an unknown key, PS015 a value of the wrong type or outside its
bounds, or text that is not TOML). ``tomllib`` (``tomli`` before Python 3.11) gives no positions,
so :mod:`.positions` finds each key's line in the text."""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from policyspec._fs.display import display_name
from policyspec.codes import CodeId
from policyspec.config.positions import key_position, syntax_error_position
from policyspec.config.selection import UnknownCode, parse_entry
from policyspec.config.settings import ConfigError, ReleaseSettings, Settings
from policyspec.diagnostics import Diagnostic
from policyspec.limits import LIMIT_CEILINGS

__all__ = ["LIMIT_KEYS", "SETTINGS_KEYS", "parse_toml", "read_settings"]

# The limits a configuration may set: the key is the command line's option without its dashes.
LIMIT_KEYS = {name.replace("_", "-"): name for name in LIMIT_CEILINGS if name != "max_documents"}
SETTINGS_KEYS = ("specs", "sources", "select", "ignore", *LIMIT_KEYS, "release")
RELEASE_KEYS = ("name", "title", "version", "license")

_RELEASE_PATTERNS = {
    "name": (r"[a-z0-9._-]+", "a Data Package name: lower-case letters, digits, '-', '.' and '_'"),
    "title": (r"[^\n]*\S[^\n]*", "one line of text"),
    "version": (
        r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?",
        "a semantic version such as 1.2.0",
    ),
    "license": (r"[A-Za-z0-9][A-Za-z0-9.+-]*", "an SPDX license identifier such as CC-BY-4.0"),
}

_TOML_HINT = 'see https://toml.io; strings need quotes, lists are written ["PS214", "PS2"]'


def parse_toml(path: Path, text: str) -> dict[str, Any]:
    """The TOML document, or :class:`ConfigError` (PS015) at the position the parser names."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10
        import tomli as tomllib
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message, (line, column) = syntax_error_position(str(error))
        diagnostic = Diagnostic(
            display_name(path), line, column, "PS015", f"not valid TOML: {message}", hint=_TOML_HINT
        )
        raise ConfigError([diagnostic]) from None


@dataclass
class _Reader:
    """The diagnostics found so far in one configuration file, and how to position them."""

    path: Path
    text: str
    table: tuple[str, ...]  # ("tool", "policyspec") in pyproject.toml, () in policyspec.toml
    problems: list[Diagnostic]

    def where(self, table: tuple[str, ...]) -> str:
        return f"[{'.'.join(table)}]" if table else display_name(self.path)

    def report(
        self, table: tuple[str, ...], key: str, code: CodeId, message: str, hint: str | None = None
    ) -> None:
        line, column = key_position(self.text, table, key)
        self.problems.append(Diagnostic(display_name(self.path), line, column, code, message, hint=hint))

    def unknown_keys(self, table: tuple[str, ...], values: Mapping[str, Any], known: tuple[str, ...]) -> None:
        import difflib

        for key in values:
            if key in known:
                continue
            close = difflib.get_close_matches(key, known, n=1)
            guess = f"; did you mean {close[0]!r}?" if close else ""
            hint = "the keys are: " + ", ".join(known)
            self.report(table, key, "PS014", f"unknown key {key!r} in {self.where(table)}{guess}", hint)


def _kind(value: object) -> str:
    names = {bool: "a boolean", int: "a number", float: "a number", str: "a string", list: "a list"}
    return names.get(type(value), "a table" if isinstance(value, dict) else "a date or time")


def read_settings(path: Path, text: str, data: Mapping[str, Any], table: tuple[str, ...]) -> Settings:
    """The settings of ``data`` (the table of the file that configures policyspec), checked."""
    reader = _Reader(path, text, table, [])
    reader.unknown_keys(table, data, SETTINGS_KEYS)
    root = path.parent
    folders = {key: _folder(reader, root, key, data[key]) for key in ("specs", "sources") if key in data}
    codes = {key: _codes(reader, key, data[key]) for key in ("select", "ignore") if key in data}
    limits = {name: _limit(reader, key, data[key]) for key, name in LIMIT_KEYS.items() if key in data}
    release = _release(reader, data.get("release", {}))
    if reader.problems:
        raise ConfigError(sorted(reader.problems))
    return Settings(
        specs=folders.get("specs"),
        sources=folders.get("sources"),
        select=codes.get("select"),
        ignore=codes.get("ignore") or (),
        limits={name: value for name, value in limits.items() if value is not None},
        release=release,
    )


def _folder(reader: _Reader, root: Path, key: str, value: object) -> Path | None:
    if not isinstance(value, str) or not value.strip():
        reader.report(reader.table, key, "PS015", f"{key!r} must be a folder (a string), not {_kind(value)}")
        return None
    folder = (root / value).absolute()
    if not folder.is_dir():
        hint = f"folders are relative to {root}, where {reader.path.name} is"
        reader.report(reader.table, key, "PS015", f"{key!r}: there is no folder {value!r}", hint)
        return None
    return folder


def _codes(reader: _Reader, key: str, value: object) -> tuple[str, ...] | None:
    if not isinstance(value, list) or not all(isinstance(entry, str) for entry in value):
        message = f'{key!r} must be a list of codes such as ["PS214", "PS2"], not {_kind(value)}'
        reader.report(reader.table, key, "PS015", message)
        return None
    entries = []
    for entry in value:
        try:
            entries.append(parse_entry(entry))
        except UnknownCode as error:
            reader.report(reader.table, key, "PS015", f"{key!r}: {error}")
    return tuple(entries)


def _limit(reader: _Reader, key: str, value: object) -> int | None:
    ceiling = LIMIT_CEILINGS[LIMIT_KEYS[key]]
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= ceiling:
        shown = repr(value) if isinstance(value, (int, float, str)) else _kind(value)
        message = f"{key!r} must be a whole number from 1 to {ceiling}, not {shown}"
        reader.report(reader.table, key, "PS015", message)
        return None
    return value


def _release(reader: _Reader, value: object) -> ReleaseSettings:
    table = (*reader.table, "release")
    if not isinstance(value, dict):
        reader.report(reader.table, "release", "PS015", f"'release' must be a table, not {_kind(value)}")
        return ReleaseSettings()
    reader.unknown_keys(table, value, RELEASE_KEYS)
    found: dict[str, str] = {}
    for key in RELEASE_KEYS:
        if key not in value:
            continue
        pattern, meaning = _RELEASE_PATTERNS[key]
        given = value[key]
        if isinstance(given, str) and re.fullmatch(pattern, given):
            found[key] = given
        else:
            shown = repr(given) if isinstance(given, str) else _kind(given)
            reader.report(table, key, "PS015", f"release {key!r} must be {meaning}, not {shown}")
    return ReleaseSettings(**found)
