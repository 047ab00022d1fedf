"""The command line's shared options and exit codes. Absurd values are usage errors (exit 2)
caught by argparse, never tracebacks later. Options a project may also configure (limits,
sources, select, ignore) default to None here, so :mod:`policyspec.cli.inputs` can tell an
option given from one left to the project's configuration."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

__all__ = [
    "EXIT_OK",
    "EXIT_PROBLEMS",
    "EXIT_USAGE",
    "LIMIT_OPTIONS",
    "UsageError",
    "add_color_option",
    "add_filter_options",
    "add_input_options",
    "add_limit_options",
    "add_selection_options",
    "code_list",
    "whole_number",
]

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """The command line asks for something that cannot be done; exit 2 with the message."""


def add_input_options(parser: argparse.ArgumentParser, *, selection: bool = True) -> None:
    """Spec paths, where their sources are, the limits, which codes to report, and colour."""
    parser.add_argument(
        "paths",
        nargs="*",
        help="spec files or folders (default: the project's specs folder inside a policyspec "
        "project, else the bundled corpus)",
    )
    parser.add_argument(
        "--sources",
        action="append",
        type=Path,
        metavar="DIR",
        help="folder holding the archived source texts, searched first; repeatable (default: the "
        "project's 'sources', then sources/ beside the specs folder)",
    )
    if selection:
        add_selection_options(parser)
    add_color_option(parser)
    add_limit_options(parser)


# The limit options: each --option is the Limits field of the same name, with what it bounds.
LIMIT_OPTIONS: dict[str, str] = {
    "max_bytes": "largest spec file (bytes)",
    "max_source_bytes": "largest archived source text (bytes)",
    "max_depth": "deepest nesting of collections",
    "max_aliases": "most YAML aliases in a file",
    "max_nodes": "most nodes after alias expansion",
}


def whole_number(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from ``low`` to ``high`` (absurd values are usage errors)."""

    def parse(text: str) -> int:
        if not text.strip().isdigit() or len(text.strip()) > 20 or not low <= int(text) <= high:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number from {low} to {high}")
        return int(text)

    return parse


def add_limit_options(parser: argparse.ArgumentParser) -> None:
    from policyspec.limits import DEFAULT_LIMITS, LIMIT_CEILINGS

    limits = parser.add_argument_group("limits for hostile input (a project may set them too)")
    for name, meaning in LIMIT_OPTIONS.items():
        option = name.replace("_", "-")
        limits.add_argument(
            "--" + option,
            type=whole_number(1, LIMIT_CEILINGS[name]),
            metavar="N",
            help=f"{meaning} (default: {getattr(DEFAULT_LIMITS, name)}, or the project's {option})",
        )


def code_list(text: str) -> tuple[str, ...]:
    """An argparse type: codes or prefixes, comma-separated (``PS201,PS2``); unknown ones refused."""
    from policyspec.config.selection import UnknownCode, parse_code_list

    try:
        return parse_code_list(text)
    except UnknownCode as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def add_selection_options(parser: argparse.ArgumentParser) -> None:
    codes = parser.add_argument_group("which codes to report (as ruff: a code, a prefix such as PS2, or ALL)")
    codes.add_argument(
        "--select",
        type=code_list,
        action="extend",
        metavar="CODE",
        help="report only these codes; comma-separated or repeated; replaces the project's 'select' "
        "(default: every code)",
    )
    codes.add_argument(
        "--ignore",
        type=code_list,
        action="extend",
        metavar="CODE",
        help="do not report these codes, on top of the project's 'ignore'; comma-separated or repeated",
    )


def add_color_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour severities, codes and paths: auto colours a terminal unless NO_COLOR is set, "
        "and FORCE_COLOR colours anything",
    )


def _duration(text: str) -> str:
    import re

    from policyspec.model.vocabulary import DURATION_PATTERN

    if not re.fullmatch(DURATION_PATTERN, text):
        raise argparse.ArgumentTypeError(f"{text!r} is not an ISO 8601 duration such as P1Y or P6M")
    return text


def add_filter_options(parser: argparse.ArgumentParser) -> None:
    """One option per criterion of :data:`policyspec.api.query.CRITERIA`, declared there once."""
    from policyspec.api.criteria import CRITERIA

    parse_by_kind: dict[str, Callable[[str], object]] = {
        "text": str,
        "year": whole_number(1, 9999),
        "duration": _duration,
    }
    keep = parser.add_argument_group("filters (all given must hold)")
    for criterion in CRITERIA:
        keep.add_argument(
            "--" + criterion.name.replace("_", "-"),
            type=parse_by_kind[criterion.kind],
            choices=criterion.choices or None,
            metavar=criterion.metavar,
            help=criterion.help,
        )
