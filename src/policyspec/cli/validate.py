"""``policyspec validate``: check specs and report every selected diagnostic.

The specs are the paths given, the one rule's default corpus, or one spec read from standard
input (``-``, named by ``--stdin-filename`` for its positions and for finding its source text).
Exit 1 when a selected diagnostic is an error; warnings and ignored codes change nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from policyspec.cli.arguments import EXIT_OK, EXIT_PROBLEMS, UsageError
from policyspec.cli.inputs import Inputs, kept, resolve_inputs

if TYPE_CHECKING:
    from policyspec.loading.check import CheckedSpec

__all__ = ["STDIN_NAME", "cmd_validate"]

STDIN_NAME = "<stdin>"


def cmd_validate(args: argparse.Namespace) -> int:
    from policyspec.cli.color import PLAIN, paint_for
    from policyspec.cli.reporters import REPORTERS_BY_NAME
    from policyspec.diagnostics import has_errors

    if _reads_stdin(args):
        inputs = resolve_inputs(args, expand=False)
        checked, files = _check_stdin(args, inputs), 1
    else:
        inputs = resolve_inputs(args)
        checked, files = _check_paths(inputs), len(inputs.paths)
    diagnostics = kept((d for spec in checked for d in spec.diagnostics), inputs.enabled)
    paint = paint_for(args.color, sys.stdout) if args.format == "text" else PLAIN
    print(REPORTERS_BY_NAME[args.format](diagnostics, files, corpus=inputs.label, paint=paint))
    return EXIT_PROBLEMS if has_errors(diagnostics) else EXIT_OK


def _reads_stdin(args: argparse.Namespace) -> bool:
    """``-`` alone, or ``--stdin-filename`` without paths, as ruff takes it."""
    if "-" in args.paths and args.paths != ["-"]:
        raise UsageError("'-' reads one spec from standard input and cannot be combined with other paths")
    if args.stdin_filename is not None and args.paths not in ([], ["-"]):
        raise UsageError("--stdin-filename names standard input: give '-' as the only path")
    return args.paths == ["-"] or args.stdin_filename is not None


def _check_paths(inputs: Inputs) -> list[CheckedSpec]:
    from policyspec.cli.progress import Progress
    from policyspec.loading.check_files import check_files

    with Progress(len(inputs.paths)) as progress:
        return check_files(inputs.paths, inputs.options, keep_documents=False, progress=progress)


def _check_stdin(args: argparse.Namespace, inputs: Inputs) -> list[CheckedSpec]:
    from policyspec.loading.check_files import check_bytes

    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise UsageError("there is no standard input to read a spec from")
    # one byte more than the limit is enough to know the spec is too large (PS005)
    raw = stream.read(inputs.options.limits.max_bytes + 1)
    name = args.stdin_filename if args.stdin_filename is not None else Path(STDIN_NAME)
    return check_bytes(name, raw, inputs.options, keep_document=False)
