"""The command line's shared options and what they turn into: exit codes, spec paths, the
check options (limits, sources, jobs) and the indicator filters. Absurd values are usage
errors (exit 2) caught by argparse, never tracebacks later."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from policyspec.loading.options import CheckOptions

__all__ = [
    "EXIT_OK",
    "EXIT_PROBLEMS",
    "EXIT_USAGE",
    "UsageError",
    "add_filter_options",
    "add_input_options",
    "add_limit_options",
    "check_options",
    "spec_paths",
    "whole_number",
]

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """The command line asks for something that cannot be done; exit 2 with the message."""


def spec_paths(args: argparse.Namespace, default: list[str] | None = None) -> list[Path]:
    """The spec files the paths given name (no paths: ``default``, or the bundled corpus)."""
    from policyspec.loading.paths import SpecPathError, expand_paths

    try:
        return expand_paths(args.paths or default)
    except SpecPathError as error:
        raise UsageError(str(error)) from None


def check_options(args: argparse.Namespace) -> CheckOptions:
    """The one options value a check takes, from the options this command has."""
    from policyspec.limits import Limits
    from policyspec.loading.options import CheckOptions

    limits = Limits(**{name: getattr(args, name) for name in _LIMIT_OPTIONS if hasattr(args, name)})
    return CheckOptions(limits, tuple(getattr(args, "sources", ())), getattr(args, "jobs", 1))


def add_input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", help="spec files or folders (default: the bundled corpus)")
    parser.add_argument(
        "--sources",
        action="append",
        type=Path,
        default=[],
        metavar="DIR",
        help="folder holding the archived source texts (default: sources/ beside the specs folder)",
    )
    add_limit_options(parser)


# The limit options: each --option is the Limits field of the same name, with what it bounds.
_LIMIT_OPTIONS: dict[str, str] = {
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

    limits = parser.add_argument_group("limits for hostile input")
    for name, meaning in _LIMIT_OPTIONS.items():
        default = getattr(DEFAULT_LIMITS, name)
        limits.add_argument(
            "--" + name.replace("_", "-"),
            type=whole_number(1, LIMIT_CEILINGS[name]),
            default=default,
            metavar="N",
            help=f"{meaning}; default {default}",
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
