"""Each command's arguments, one function per command, called only for the command being run
(building every command's options would cost every run their start-up time)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from policyspec.cli.arguments import (
    add_color_option,
    add_filter_options,
    add_input_options,
    add_limit_options,
    whole_number,
)

__all__ = [
    "compare_arguments",
    "completion_arguments",
    "coverage_arguments",
    "diff_arguments",
    "explain_arguments",
    "fmt_arguments",
    "indicators_arguments",
    "new_arguments",
    "no_arguments",
    "release_arguments",
    "validate_arguments",
]


def _format(parser: argparse.ArgumentParser, choices: tuple[str, ...], help: str) -> None:
    parser.add_argument("--format", choices=choices, default=choices[0], help=help)


def validate_arguments(parser: argparse.ArgumentParser) -> None:
    from policyspec.loading.options import MAX_JOBS

    add_input_options(parser)
    _format(
        parser,
        ("text", "json", "github", "sarif"),
        "text for people and editors, json for scripts, github for Actions annotations, sarif for "
        "code scanning",
    )
    parser.add_argument(
        "--jobs",
        type=whole_number(1, MAX_JOBS),
        default=1,
        metavar="N",
        help="check files in N worker processes (large corpora)",
    )
    parser.add_argument(
        "--stdin-filename",
        type=Path,
        metavar="PATH",
        help="with '-': the name of the spec read from standard input, for its positions and for "
        "finding its source text",
    )


def indicators_arguments(parser: argparse.ArgumentParser) -> None:
    add_input_options(parser)
    _format(
        parser, ("table", "jsonl", "json", "csv"), "a table for people; JSON Lines, JSON or CSV for tools"
    )
    add_filter_options(parser)


def compare_arguments(parser: argparse.ArgumentParser) -> None:
    from policyspec.model.vocabulary import TOPICS

    parser.add_argument("topic", choices=TOPICS, metavar="TOPIC", help="a topic tag, such as research-time")
    add_input_options(parser)
    _format(parser, ("table", "jsonl"), "a table for people, JSON Lines for tools")


def release_arguments(parser: argparse.ArgumentParser) -> None:
    add_input_options(parser)
    parser.add_argument("--out", required=True, type=Path, metavar="DIR", help="the release folder")
    identity = parser.add_argument_group(
        "identity (default: [tool.policyspec.release], else the bundled corpus's own; for other specs, "
        "the project folder's name, version 0.1.0 and no license)"
    )
    identity.add_argument(
        "--name", type=_identity("check_name"), help="package name: a-z, 0-9, '.', '_', '-'"
    )
    identity.add_argument("--title", type=_identity("check_title"), help="a one-line title")
    identity.add_argument(
        "--version", type=_identity("check_version"), metavar="SEMVER", help="the data version, such as 1.2.0"
    )
    identity.add_argument(
        "--license",
        type=_identity("check_license"),
        metavar="SPDX",
        help="an SPDX license id, such as CC-BY-4.0",
    )
    parser.add_argument(
        "--csv-bom",
        action="store_true",
        help="start each CSV file with a UTF-8 byte-order mark, so Excel opens it as UTF-8",
    )


def _identity(check: str) -> Callable[[str], str]:
    """An argparse type: the release identity check ``check`` (imported only when the option is
    given, so building the parser imports no release code); its error is a usage error (exit 2)."""

    def parse(text: str) -> str:
        from policyspec.release import identity

        try:
            checked: str = getattr(identity, check)(text)
        except identity.IdentityError as error:
            raise argparse.ArgumentTypeError(str(error)) from None
        return checked

    return parse


def diff_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("old", metavar="OLD", help="a release folder, its policyspec.json, or specs")
    parser.add_argument("new", metavar="NEW", help="a release folder, its policyspec.json, or specs")
    _format(parser, ("text", "json"), "text for people, json for tools")
    parser.add_argument(
        "--check-version",
        action="store_true",
        help="exit 1 when NEW's data version is lower than its changes call for (for CI); "
        "exit 2 when a side has no data version",
    )


def coverage_arguments(parser: argparse.ArgumentParser) -> None:
    add_input_options(parser)
    _format(parser, ("text", "json"), "text for people, json for tools")


def new_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", type=Path, metavar="SOURCE", help="the source text (UTF-8), e.g. plan.txt")
    parser.add_argument("--id", required=True, help="the document's id, kebab-case")
    parser.add_argument("--dir", type=Path, default=Path("."), metavar="DIR", help="the project folder")


def explain_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("code", metavar="CODE", help="a code such as PS219, or its name figure-not-in-quote")


def fmt_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        help="spec files or folders (default: the project's specs folder; outside a project only "
        "--check and --diff may look at the bundled corpus)",
    )
    looking = parser.add_mutually_exclusive_group()
    looking.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file would change")
    looking.add_argument(
        "--diff",
        action="store_true",
        help="write nothing; print a unified diff and exit 1 if a file would change",
    )
    add_color_option(parser)
    add_limit_options(parser)


def completion_arguments(parser: argparse.ArgumentParser) -> None:
    from policyspec.cli.completion import SCRIPTS_BY_SHELL

    parser.add_argument("shell", choices=tuple(SCRIPTS_BY_SHELL), metavar="SHELL", help="bash, zsh or fish")


def no_arguments(parser: argparse.ArgumentParser) -> None:
    """For a command that takes no arguments of its own (its --help still works)."""
