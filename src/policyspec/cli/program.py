"""The ``policyspec`` command. Exit codes are decided here and nowhere else.

0: clean; 1: problems found in the input; 2: usage error. Heavy modules are imported inside
the command that needs them, so start-up stays fast for the pre-commit hook.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from policyspec.diagnostics import Diagnostic
    from policyspec.limits import Limits
    from policyspec.loading.check import CheckedSpec
    from policyspec.model.documents import Document

__all__ = ["main"]

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
_MAX_JOBS = 256

Command = Callable[[argparse.Namespace], int]


class UsageError(Exception):
    """The command line asks for something that cannot be done; exit 2 with the message."""


def _limits(args: argparse.Namespace) -> Limits:
    from policyspec.limits import Limits

    return Limits(**{name: getattr(args, name) for name in _LIMIT_OPTIONS if hasattr(args, name)})


def _spec_paths(args: argparse.Namespace, default: list[str] | None = None) -> list[Path]:
    """The spec files the paths given name (no paths: ``default``, or the bundled corpus)."""
    from policyspec.loading.paths import SpecPathError, expand_paths

    try:
        return expand_paths(args.paths or default)
    except SpecPathError as error:
        raise UsageError(str(error)) from None


def _check(args: argparse.Namespace) -> tuple[list[CheckedSpec], int]:
    from policyspec.api.corpus import check_paths

    paths = _spec_paths(args)
    return check_paths(paths, sources=args.sources, limits=_limits(args)), len(paths)


def cmd_validate(args: argparse.Namespace) -> int:
    from policyspec.cli.reporters import REPORTERS_BY_NAME
    from policyspec.diagnostics import has_errors
    from policyspec.loading.batch import check_many, duplicate_document_ids

    paths = _spec_paths(args)
    diagnostics: list[Diagnostic] = []
    ids: list[tuple[Path, str | None]] = []
    for outcome in check_many(paths, sources=args.sources, limits=_limits(args), jobs=args.jobs):
        diagnostics.extend(outcome.diagnostics)
        ids.append((outcome.path, outcome.document_id))
    diagnostics = sorted([*diagnostics, *duplicate_document_ids(ids)])
    print(REPORTERS_BY_NAME[args.format](diagnostics, len(paths)))
    return EXIT_PROBLEMS if has_errors(diagnostics) else EXIT_OK


def _documents(args: argparse.Namespace) -> list[Document] | None:
    """The checked documents by id, or None once their errors are printed to stderr."""
    from policyspec.cli.reporters import report_text
    from policyspec.diagnostics import has_errors

    checked, files = _check(args)
    diagnostics = sorted(d for spec in checked for d in spec.diagnostics)
    if has_errors(diagnostics):
        print(report_text(diagnostics, files), file=sys.stderr)
        return None
    return sorted((spec.document for spec in checked if spec.document is not None), key=lambda d: d.id)


def cmd_indicators(args: argparse.Namespace) -> int:
    from policyspec.api.query import IndicatorFilter, QueryError, select_indicators
    from policyspec.cli.terminal_tables import render_indicators

    documents = _documents(args)
    if documents is None:
        return EXIT_PROBLEMS
    criteria = IndicatorFilter(**{name: getattr(args, name) for name in _FILTERS})
    try:
        records = select_indicators(documents, criteria)
    except QueryError as error:  # a --document that is not among the specs
        print(f"policyspec indicators: {error}", file=sys.stderr)
        return EXIT_USAGE
    sys.stdout.write(render_indicators(records, args.format))
    return EXIT_OK


def cmd_compare(args: argparse.Namespace) -> int:
    import json

    from policyspec.api.compare import compare, comparison_table
    from policyspec.cli.terminal_tables import render_table

    documents = _documents(args)
    if documents is None:
        return EXIT_PROBLEMS
    rows = compare(documents, args.topic)
    if args.format == "jsonl":
        sys.stdout.write("".join(json.dumps(row.as_dict(), ensure_ascii=False) + "\n" for row in rows))
    else:
        sys.stdout.write(render_table(*comparison_table(rows)))
    return EXIT_OK


def cmd_release(args: argparse.Namespace) -> int:
    from policyspec.cli.reporters import report_text
    from policyspec.diagnostics import has_errors
    from policyspec.release.build import ReleaseError, build_release, release_inputs, write_release
    from policyspec.release.manifest import ReleaseRefused

    checked, files = _check(args)
    diagnostics = sorted(d for spec in checked for d in spec.diagnostics)
    if diagnostics:  # errors refuse the release; warnings are shown and do not
        print(report_text(diagnostics, files), file=sys.stderr)
    if has_errors(diagnostics):
        return EXIT_PROBLEMS
    try:
        release = build_release(release_inputs(checked))
        write_release(release, args.out)
    except ReleaseRefused as error:  # --out holds files this project did not write: left untouched
        print(f"policyspec release: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    except ReleaseError as error:  # nothing to release, or --out is not a release folder
        print(f"policyspec release: {error}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as error:
        print(f"policyspec release: cannot write {args.out}: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(
        f"policyspec data {release.version}: {release.documents} document(s), "
        f"{release.indicators} indicator(s), {len(release.files)} files in {args.out}"
    )
    return EXIT_OK


def cmd_diff(args: argparse.Namespace) -> int:
    from policyspec.cli.reporters import report_text
    from policyspec.diagnostics import PolicyspecError
    from policyspec.release.diff import DiffError, diff_sides, load_side
    from policyspec.release.diff_report import RENDERERS_BY_NAME

    try:
        old, new = load_side(args.old), load_side(args.new)
    except PolicyspecError as error:
        diagnostics = sorted(error.diagnostics)
        print(report_text(diagnostics, len({d.file for d in diagnostics})), file=sys.stderr)
        return EXIT_PROBLEMS
    except DiffError as error:
        print(f"policyspec diff: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    sys.stdout.write(RENDERERS_BY_NAME[args.format](diff_sides(old, new)))
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from policyspec.model.schema import schema_text

    sys.stdout.write(schema_text())
    return EXIT_OK


def cmd_fmt(args: argparse.Namespace) -> int:
    from policyspec.fmt.format import format_file, report_fmt, write_formatted

    if not args.paths and not Path("specs").is_dir():
        raise UsageError("give spec files or folders (there is no specs/ folder here)")
    results = [format_file(path, limits=_limits(args)) for path in _spec_paths(args, ["specs"])]
    if not args.check:
        results = [write_formatted(result) for result in results]
    print(report_fmt(results, check=args.check))
    failed = any(result.diagnostic is not None for result in results)
    return EXIT_PROBLEMS if failed or (args.check and any(r.changed for r in results)) else EXIT_OK


def _add_input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", help="spec files or folders (default: the bundled corpus)")
    parser.add_argument(
        "--sources",
        action="append",
        type=Path,
        default=[],
        metavar="DIR",
        help="folder holding the archived source texts (default: sources/ beside the specs folder)",
    )
    _add_limit_options(parser)


# The limit options: each --option is the Limits field of the same name, with what it bounds.
_LIMIT_OPTIONS: dict[str, str] = {
    "max_bytes": "largest spec file (bytes)",
    "max_source_bytes": "largest archived source text (bytes)",
    "max_depth": "deepest nesting of collections",
    "max_aliases": "most YAML aliases in a file",
    "max_nodes": "most nodes after alias expansion",
}


def _whole_number(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from ``low`` to ``high`` (absurd values are usage errors)."""

    def parse(text: str) -> int:
        if not text.strip().isdigit() or len(text.strip()) > 20 or not low <= int(text) <= high:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number from {low} to {high}")
        return int(text)

    return parse


def _add_limit_options(parser: argparse.ArgumentParser) -> None:
    from policyspec.limits import DEFAULT_LIMITS, LIMIT_CEILINGS

    limits = parser.add_argument_group("limits for hostile input")
    for name, meaning in _LIMIT_OPTIONS.items():
        default = getattr(DEFAULT_LIMITS, name)
        limits.add_argument(
            "--" + name.replace("_", "-"),
            type=_whole_number(1, LIMIT_CEILINGS[name]),
            default=default,
            metavar="N",
            help=f"{meaning}; default {default}",
        )


# The indicator filters: each --option is the IndicatorFilter field of the same name.
_FILTERS: tuple[str, ...] = ("document", "level", "due_by", "due_after", "per", "unit", "operator")
_FILTERS += ("topic", "lead_unit", "text")


def _duration(text: str) -> str:
    import re

    if not re.fullmatch(r"P[1-9][0-9]*[YMWD]", text):
        raise argparse.ArgumentTypeError(f"{text!r} is not an ISO 8601 duration such as P1Y or P6M")
    return text


def _add_filter_options(parser: argparse.ArgumentParser) -> None:
    from typing import get_args

    from policyspec.model.vocabulary import OPERATORS, TOPICS, UNITS, IssuerLevel

    keep = parser.add_argument_group("filters (all given must hold)")
    keep.add_argument("--document", metavar="ID", help="the document's id")
    keep.add_argument("--level", choices=get_args(IssuerLevel), help="an issuer's level")
    keep.add_argument(
        "--due-by", type=_whole_number(1, 9999), metavar="YEAR", help="deadline in or before YEAR"
    )
    keep.add_argument("--due-after", type=_whole_number(1, 9999), metavar="YEAR", help="deadline after YEAR")
    keep.add_argument("--per", type=_duration, metavar="DURATION", help="recurrence, such as P1Y or P6M")
    keep.add_argument("--unit", choices=UNITS, metavar="UNIT", help="unit of the target, such as percent")
    keep.add_argument("--operator", choices=OPERATORS, help="operator of the target")
    keep.add_argument("--topic", choices=TOPICS, metavar="TOPIC", help="a topic tag, such as cadre-training")
    keep.add_argument("--lead-unit", metavar="TEXT", help="part of a lead unit's name (zh or en)")
    keep.add_argument("--text", metavar="TEXT", help="part of the quote or of what is measured (zh or en)")


class _VersionAction(argparse.Action):
    """Looks the version up only when asked: importlib.metadata costs start-up time on every run."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from policyspec.release.version import DATA_VERSION, package_version

        parser.exit(message=f"policyspec {package_version()} (data {DATA_VERSION})\n")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="policyspec",
        description="Validate, query and release policy documents encoded as YAML specs.",
    )
    parser.add_argument("--version", action=_VersionAction, nargs=0, help="show the version and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    validate = commands.add_parser("validate", help="check specs: schema, quotes and semantic rules")
    _add_input_options(validate)
    validate.add_argument("--format", choices=("text", "json", "github"), default="text")
    validate.add_argument(
        "--jobs",
        type=_whole_number(1, _MAX_JOBS),
        default=1,
        metavar="N",
        help="check files in N worker processes (large corpora)",
    )
    validate.set_defaults(run=cmd_validate)

    indicators = commands.add_parser("indicators", help="print the flat indicator view")
    _add_input_options(indicators)
    indicators.add_argument("--format", choices=("jsonl", "table"), default="table")
    _add_filter_options(indicators)
    indicators.set_defaults(run=cmd_indicators)

    from policyspec.model.vocabulary import TOPICS

    compare = commands.add_parser("compare", help="one topic's indicators side by side across documents")
    compare.add_argument("topic", choices=TOPICS, metavar="TOPIC", help="a topic tag, such as research-time")
    _add_input_options(compare)
    compare.add_argument("--format", choices=("jsonl", "table"), default="table")
    compare.set_defaults(run=cmd_compare)

    release = commands.add_parser(
        "release",
        help="write a versioned, reproducible data release (JSON, CSV, JSON Lines, datapackage.json)",
        description="Write the documents as a data release into DIR, replacing an earlier release "
        "there only once the new one is complete. Exit 1 when a spec has errors (nothing is "
        "written), 2 when there is nothing to release or DIR holds something else.",
    )
    _add_input_options(release)
    release.add_argument("--out", required=True, type=Path, metavar="DIR", help="the release folder")
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
    diff.add_argument("--format", choices=("text", "json"), default="text")
    diff.set_defaults(run=cmd_diff)

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
    _add_limit_options(fmt)
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
