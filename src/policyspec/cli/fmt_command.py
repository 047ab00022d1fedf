"""``policyspec fmt``: rewrite specs in the canonical layout, list what would change (``--check``)
or show it as a unified diff (``--diff``); neither of those writes anything.

Without paths fmt follows the one rule every command follows, with one difference: outside a
policyspec project it would rewrite the bundled corpus, which belongs to the installed package,
so it refuses unless asked only to look (``--check``, ``--diff``).
"""

from __future__ import annotations

import argparse
import sys

from policyspec.cli.arguments import EXIT_OK, EXIT_PROBLEMS, UsageError
from policyspec.cli.inputs import resolve_inputs

__all__ = ["cmd_fmt", "unified_diff"]


def cmd_fmt(args: argparse.Namespace) -> int:
    from policyspec.cli.color import paint_for
    from policyspec.cli.reporters import diagnostic_text
    from policyspec.fmt.format import format_file, report_fmt, write_formatted

    looking = args.check or args.diff
    inputs = resolve_inputs(args)
    if inputs.corpus is not None and not inputs.corpus.project and not looking:
        raise UsageError(
            "not in a policyspec project: fmt would rewrite the bundled corpus; give spec files or "
            "folders, or look with --check or --diff"
        )
    results = [format_file(path, limits=inputs.options.limits) for path in inputs.paths]
    if not looking:
        results = [write_formatted(result) for result in results]
    if args.diff:
        sys.stdout.write("".join(unified_diff(r.path, r.original, r.formatted) for r in results if r.changed))
    paint = paint_for(args.color, sys.stderr if args.diff else sys.stdout)
    report = report_fmt(results, check=looking, render=lambda d: diagnostic_text(d, paint))
    print(report, file=sys.stderr if args.diff else sys.stdout)
    failed = any(result.diagnostic is not None for result in results)
    return EXIT_PROBLEMS if failed or (looking and any(r.changed for r in results)) else EXIT_OK


def unified_diff(path: object, before: bytes | None, after: bytes | None) -> str:
    """What formatting changes in one file, as ``diff -u`` shows it (``--- a/…``, ``+++ b/…``)."""
    import difflib
    from pathlib import Path

    from policyspec._fs.display import display_name

    name = display_name(Path(str(path)))
    old = (before or b"").decode("utf-8", errors="replace").splitlines(keepends=True)
    new = (after or b"").decode("utf-8", errors="replace").splitlines(keepends=True)
    lines = difflib.unified_diff(old, new, fromfile=f"a/{name}", tofile=f"b/{name}")
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    )
