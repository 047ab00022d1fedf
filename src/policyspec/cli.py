"""The ``policyspec`` command. Exit codes are decided here and nowhere else.

0: clean; 1: problems found in the input; 2: usage error. Heavy modules are imported inside
the command that needs them, so start-up stays fast for the pre-commit hook.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from policyspec.diagnostics import Diagnostic
    from policyspec.limits import Limits
    from policyspec.validate import CheckedSpec

__all__ = ["main"]

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2

Command = Callable[[argparse.Namespace], int]


def _limits(args: argparse.Namespace) -> Limits:
    from policyspec.limits import Limits

    return Limits(
        max_bytes=args.max_bytes,
        max_depth=args.max_depth,
        max_aliases=args.max_aliases,
        max_nodes=args.max_nodes,
    )


def _check(args: argparse.Namespace) -> tuple[list[CheckedSpec], int]:
    from policyspec.corpus import check_paths, expand_paths

    paths = expand_paths(args.paths or None)
    return check_paths(paths, sources=args.sources, limits=_limits(args)), len(paths)


def cmd_validate(args: argparse.Namespace) -> int:
    from policyspec.batch import check_many, duplicate_document_ids
    from policyspec.corpus import expand_paths
    from policyspec.diagnostics import has_errors
    from policyspec.reporters import REPORTERS_BY_NAME

    paths = expand_paths(args.paths or None)
    diagnostics: list[Diagnostic] = []
    ids: list[tuple[Path, str | None]] = []
    for outcome in check_many(paths, sources=args.sources, limits=_limits(args), jobs=args.jobs):
        diagnostics.extend(outcome.diagnostics)
        ids.append((outcome.path, outcome.document_id))
    diagnostics = sorted([*diagnostics, *duplicate_document_ids(ids)])
    print(REPORTERS_BY_NAME[args.format](diagnostics, len(paths)))
    return EXIT_PROBLEMS if has_errors(diagnostics) else EXIT_OK


def cmd_indicators(args: argparse.Namespace) -> int:
    from policyspec.diagnostics import has_errors
    from policyspec.records import indicator_records
    from policyspec.reporters import report_text
    from policyspec.tables import render_indicators

    checked, files = _check(args)
    diagnostics = sorted(d for spec in checked for d in spec.diagnostics)
    if has_errors(diagnostics):
        print(report_text(diagnostics, files), file=sys.stderr)
        return EXIT_PROBLEMS
    documents = sorted((spec.document for spec in checked if spec.document is not None), key=lambda d: d.id)
    records = [record for document in documents for record in indicator_records(document)]
    sys.stdout.write(render_indicators(records, args.format))
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from policyspec.schema import schema_text

    sys.stdout.write(schema_text())
    return EXIT_OK


def _add_input_options(parser: argparse.ArgumentParser) -> None:
    from policyspec.limits import DEFAULT_LIMITS as D

    parser.add_argument("paths", nargs="*", help="spec files or folders (default: the bundled corpus)")
    parser.add_argument(
        "--sources",
        action="append",
        type=Path,
        default=[],
        metavar="DIR",
        help="folder holding the archived source texts (default: sources/ beside the specs folder)",
    )
    limits = parser.add_argument_group("limits for hostile input")
    limits.add_argument("--max-bytes", type=int, default=D.max_bytes, help="largest spec file (bytes)")
    limits.add_argument("--max-depth", type=int, default=D.max_depth, help="deepest nesting of collections")
    limits.add_argument("--max-aliases", type=int, default=D.max_aliases, help="most YAML aliases in a file")
    limits.add_argument("--max-nodes", type=int, default=D.max_nodes, help="most nodes after alias expansion")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="policyspec",
        description="Validate, query and release policy documents encoded as YAML specs.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    validate = commands.add_parser("validate", help="check specs: schema, quotes and semantic rules")
    _add_input_options(validate)
    validate.add_argument("--format", choices=("text", "json", "github"), default="text")
    validate.add_argument(
        "--jobs", type=int, default=1, metavar="N", help="check files in N worker processes (large corpora)"
    )
    validate.set_defaults(run=cmd_validate)

    indicators = commands.add_parser("indicators", help="print the flat indicator view")
    _add_input_options(indicators)
    indicators.add_argument("--format", choices=("jsonl", "table"), default="table")
    indicators.set_defaults(run=cmd_indicators)

    schema = commands.add_parser("schema", help="print the JSON Schema of spec files")
    schema.set_defaults(run=cmd_schema)
    return parser


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("policyspec")
    except PackageNotFoundError:
        return "unknown"


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    for limit in ("max_bytes", "max_depth", "max_aliases", "max_nodes", "jobs"):
        if getattr(args, limit, 1) < 1:
            parser.error(f"--{limit.replace('_', '-')} must be at least 1")
    run: Command = args.run
    try:
        return run(args)
    except BrokenPipeError:  # `policyspec indicators | head` is not an error
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
