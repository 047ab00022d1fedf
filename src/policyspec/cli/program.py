"""The ``policyspec`` command: the argument parser and ``main``. Exit codes are decided by the
commands (:mod:`policyspec.cli.commands`) and here, nowhere else.

0: clean; 1: problems found in the input; 2: usage error. A bug ends in a one-line internal
error (exit 1), never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from policyspec.cli.arguments import (
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    UsageError,
    add_filter_options,
    add_input_options,
    add_limit_options,
    whole_number,
)
from policyspec.cli.commands import (
    cmd_compare,
    cmd_coverage,
    cmd_diff,
    cmd_explain,
    cmd_fmt,
    cmd_indicators,
    cmd_lsp,
    cmd_new,
    cmd_release,
    cmd_schema,
    cmd_validate,
)
from policyspec.loading.options import MAX_JOBS

__all__ = ["build_parser", "main"]

Command = Callable[[argparse.Namespace], int]


class _VersionAction(argparse.Action):
    """Looks the version up only when asked: importlib.metadata costs start-up time on every run."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from policyspec.release.version import DATA_VERSION, package_version

        parser.exit(message=f"policyspec {package_version()} (data {DATA_VERSION})\n")


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


def _add_release_options(release: argparse.ArgumentParser) -> None:
    identity = release.add_argument_group(
        "identity (default: the bundled corpus's own; for other specs, the project folder's name, "
        "version 0.1.0 and no license)"
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
    release.add_argument(
        "--csv-bom",
        action="store_true",
        help="start each CSV file with a UTF-8 byte-order mark, so Excel opens it as UTF-8",
    )


def _add_diff_options(diff: argparse.ArgumentParser) -> None:
    diff.add_argument("--format", choices=("text", "json"), default="text")
    diff.add_argument(
        "--check-version",
        action="store_true",
        help="exit 1 when NEW's data version is lower than its changes call for (for CI); "
        "exit 2 when a side has no data version",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="policyspec",
        description="Validate, query and release policy documents encoded as YAML specs.",
    )
    parser.add_argument("--version", action=_VersionAction, nargs=0, help="show the version and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    validate = commands.add_parser("validate", help="check specs: schema, quotes and semantic rules")
    add_input_options(validate)
    validate.add_argument("--format", choices=("text", "json", "github"), default="text")
    validate.add_argument(
        "--jobs",
        type=whole_number(1, MAX_JOBS),
        default=1,
        metavar="N",
        help="check files in N worker processes (large corpora)",
    )
    validate.set_defaults(run=cmd_validate)

    indicators = commands.add_parser("indicators", help="print the flat indicator view")
    add_input_options(indicators)
    indicators.add_argument("--format", choices=("jsonl", "table"), default="table")
    add_filter_options(indicators)
    indicators.set_defaults(run=cmd_indicators)

    from policyspec.model.vocabulary import TOPICS

    compare = commands.add_parser("compare", help="one topic's indicators side by side across documents")
    compare.add_argument("topic", choices=TOPICS, metavar="TOPIC", help="a topic tag, such as research-time")
    add_input_options(compare)
    compare.add_argument("--format", choices=("jsonl", "table"), default="table")
    compare.set_defaults(run=cmd_compare)

    release = commands.add_parser(
        "release",
        help="write a versioned, reproducible data release (JSON, CSV, JSON Lines, datapackage.json)",
        description="Write the documents as a data release into DIR, replacing an earlier release "
        "there only once the new one is complete. Exit 1 when a spec has errors (nothing is "
        "written), 2 when there is nothing to release or DIR holds something else.",
    )
    add_input_options(release)
    release.add_argument("--out", required=True, type=Path, metavar="DIR", help="the release folder")
    _add_release_options(release)
    release.set_defaults(run=cmd_release)

    diff = commands.add_parser(
        "diff",
        help="what changed between two releases or folders of specs",
        description="List the documents, indicators, measures, goals, principles, sections and "
        "quality notes added, removed and changed from OLD to NEW, and the data version bump the "
        "changes call for. Exit 0 whenever both sides could be read, whether or not they differ; "
        "1 when a side cannot be read or its specs have errors; 2 on a usage error.",
    )
    diff.add_argument("old", metavar="OLD", help="a release folder, its policyspec.json, or specs")
    diff.add_argument("new", metavar="NEW", help="a release folder, its policyspec.json, or specs")
    _add_diff_options(diff)
    diff.set_defaults(run=cmd_diff)

    coverage = commands.add_parser(
        "coverage",
        help="every quantitative statement of each source: encoded, excluded or uncovered",
        description="Find every quantitative or time-bound statement in each spec's source text (one "
        "per figure, recurrence, deadline, start or placeholder) and say whether an indicator encodes it, "
        "the spec excludes it with a reason, or neither. Exit 1 when a statement is uncovered.",
    )
    add_input_options(coverage)
    coverage.add_argument("--format", choices=("text", "json"), default="text")
    coverage.set_defaults(run=cmd_coverage)

    new = commands.add_parser(
        "new",
        help="draft a spec from a source text: metadata, sections and every statement as a suggestion",
        description="Copy SOURCE into DIR/sources/ (refusing a different file of the same name) and draft "
        "DIR/specs/<name>.yaml: the metadata with the source's SHA-256, the printed headings as sections, "
        "and every statement the phrase reader finds as a commented indicator or exclusion. The draft "
        "parses; validate then lists what is left to do (PS223, PS224). Exit 1 when a file is in the way.",
    )
    new.add_argument("source", type=Path, metavar="SOURCE", help="the source text (UTF-8), e.g. plan.txt")
    new.add_argument("--id", required=True, help="the document's id, kebab-case")
    new.add_argument(
        "--dir", type=Path, default=Path("."), metavar="DIR", help="the project folder (default: .)"
    )
    new.set_defaults(run=cmd_new)

    explain = commands.add_parser(
        "explain",
        help="a diagnostic code's documentation: what it catches, a bad and a good example",
        description="Print what a code (PS204, or its name duplicate-id) catches, with a bad and a good "
        "example and what validate reports. Exit 2 for a code that does not exist.",
    )
    explain.add_argument("code", metavar="CODE", help="a code such as PS219, or its name")
    explain.set_defaults(run=cmd_explain)

    lsp = commands.add_parser(
        "lsp",
        help="a language server over stdio: validate's diagnostics, hovers and completion in editors",
        description="Serve the Language Server Protocol over stdio (see docs/editors.md). Needs the "
        "lsp extra: pip install 'policyspec[lsp]'.",
    )
    lsp.set_defaults(run=cmd_lsp)

    schema = commands.add_parser("schema", help="print the JSON Schema of spec files")
    schema.set_defaults(run=cmd_schema)

    fmt = commands.add_parser(
        "fmt",
        help="rewrite specs in the canonical layout, keeping every comment and value",
        description="Rewrite spec files in place (atomically) in the canonical layout: modeline first, "
        "keys in model order, two-space indentation, minimal double quoting. Exit 1 when a file cannot "
        "be parsed (it is left untouched) or, with --check, when a file would change.",
    )
    fmt.add_argument("paths", nargs="*", help="spec files or folders (default: specs/ in this folder)")
    fmt.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file would change")
    add_limit_options(fmt)
    fmt.set_defaults(run=cmd_fmt)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from policyspec.cli.terminal import OutputError, guarded_output, say, silence_stdout

    try:
        with guarded_output():
            return _run(argv)
    except BrokenPipeError:  # `policyspec indicators | head` is not an error
        silence_stdout()
        return EXIT_OK
    except OutputError as error:
        silence_stdout()
        say(f"policyspec: cannot write the output: {error}")
        return EXIT_PROBLEMS
    except Exception as error:  # a bug: say where, briefly, instead of a traceback (exit 1)
        say(f"policyspec: internal error: {_where(error)}: {type(error).__name__}: {str(error)[:200]}")
        say("    hint: please report this with the command and input; POLICYSPEC_DEBUG=1 shows the traceback")
        if os.environ.get("POLICYSPEC_DEBUG"):
            raise
        return EXIT_PROBLEMS


def _where(error: BaseException) -> str:
    """The innermost frame of an exception, as file:line."""
    traceback = error.__traceback__
    while traceback is not None and traceback.tb_next is not None:
        traceback = traceback.tb_next
    if traceback is None:
        return "?"
    return f"{Path(traceback.tb_frame.f_code.co_filename).name}:{traceback.tb_lineno}"


def _run(argv: Sequence[str] | None) -> int:
    from policyspec.cli.terminal import say

    parser = build_parser()
    args = parser.parse_args(argv)
    for folder in getattr(args, "sources", []):
        if not folder.is_dir():
            parser.error(f"--sources {folder}: no such folder")
    run: Command = args.run
    try:
        return run(args)
    except UsageError as error:
        say(f"policyspec {args.command}: {error}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
