"""One function per subcommand: arguments in, exit code out. Heavy modules are imported inside
the command that needs them, so start-up stays fast for the pre-commit hook. ``validate`` and
``fmt`` have modules of their own (:mod:`.validate`, :mod:`.fmt_command`)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from policyspec.cli.arguments import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UsageError
from policyspec.cli.inputs import Inputs, refused, reported, resolve_inputs

if TYPE_CHECKING:
    from collections.abc import Sequence

    from policyspec.diagnostics import Diagnostic
    from policyspec.loading.check import CheckedSpec
    from policyspec.model.documents import Document

__all__ = [
    "cmd_compare",
    "cmd_completion",
    "cmd_coverage",
    "cmd_diff",
    "cmd_explain",
    "cmd_indicators",
    "cmd_lsp",
    "cmd_new",
    "cmd_release",
    "cmd_schema",
]


def _check(args: argparse.Namespace, *, keep_documents: bool = True) -> tuple[list[CheckedSpec], Inputs]:
    """The specs the command works on, through the one front door, and what they were."""
    from policyspec.loading.check_files import check_files

    inputs = resolve_inputs(args)
    return check_files(inputs.paths, inputs.options, keep_documents=keep_documents), inputs


def _print_problems(args: argparse.Namespace, diagnostics: Sequence[Diagnostic], inputs: Inputs) -> None:
    """Diagnostics on standard error, where commands whose output is data put them."""
    from policyspec.cli.color import paint_for
    from policyspec.cli.reporters import report_text

    paint = paint_for(getattr(args, "color", None), sys.stderr)
    text = report_text(diagnostics, len(inputs.paths), corpus=inputs.label, paint=paint)
    print(text, file=sys.stderr)


def _documents(args: argparse.Namespace) -> list[Document] | None:
    """The checked documents by id, or None once their problems are printed to stderr."""
    checked, inputs = _check(args)
    if refused(checked, inputs.enabled):
        _print_problems(args, reported(checked, inputs.enabled), inputs)
        return None
    _say_which(args, inputs)
    return sorted((spec.document for spec in checked if spec.document is not None), key=lambda d: d.id)


def cmd_indicators(args: argparse.Namespace) -> int:
    from policyspec.api.query import CRITERIA, IndicatorFilter, QueryError, select_indicators
    from policyspec.cli.record_formats import INDICATOR_FORMATS

    documents = _documents(args)
    if documents is None:
        return EXIT_PROBLEMS
    criteria = IndicatorFilter(**{criterion.name: getattr(args, criterion.name) for criterion in CRITERIA})
    try:
        records = select_indicators(documents, criteria)
    except QueryError as error:  # a --document that is not among the specs
        print(f"policyspec indicators: {error}", file=sys.stderr)
        return EXIT_USAGE
    sys.stdout.write(INDICATOR_FORMATS[args.format](records))
    return EXIT_OK


def cmd_compare(args: argparse.Namespace) -> int:
    import json

    from policyspec.api.compare import compare
    from policyspec.cli.terminal_tables import comparison_table, render_table

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
    """Errors refuse a release, as validate reports them: an ignored code does not refuse it.

    Each document is checked, written and let go in turn (a release streams); the identity is the
    options', else the project's ``[tool.policyspec.release]``, else the default for the specs.
    """
    from policyspec.diagnostics import PolicyspecError
    from policyspec.release.build import CheckedInputs, ReleaseError, write_release
    from policyspec.release.identity import IdentityError, ReleaseIdentity, default_identity
    from policyspec.release.manifest import ReleaseRefused
    from policyspec.release.parquet import load_pyarrow_without_numpy
    from policyspec.release.table_files import WriteOptions

    if "pyarrow" not in sys.modules:  # Arrow's own allocator keeps tens of MiB it no longer needs
        os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")
    if "numpy" not in sys.modules:  # a pyarrow before 16 loads numpy, whose OpenBLAS starts a thread
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # per core that spins 0.1 s of CPU; none is used
    resolved = resolve_inputs(args)
    configured = resolved.project.settings.release if resolved.project is not None else None
    layers = [vars(configured) if configured is not None else {}]
    layers.append({key: getattr(args, key) for key in ("name", "title", "version", "license")})
    chosen = {key: value for layer in layers for key, value in layer.items() if value is not None}
    try:
        identity = ReleaseIdentity.from_mapping(chosen, base=default_identity(resolved.paths))
    except IdentityError as error:  # a configured value the project's checks let through
        print(f"policyspec release: {error}", file=sys.stderr)
        return EXIT_USAGE
    inputs = CheckedInputs(resolved.paths, resolved.options, enabled=resolved.enabled)
    load_pyarrow_without_numpy()  # this process is the command's own; a library caller's is not
    try:
        release = write_release(
            inputs, args.out, identity=identity, options=WriteOptions(csv_bom=args.csv_bom)
        )
    except PolicyspecError:  # a spec has errors: nothing was written
        release = None
    except ReleaseRefused as error:  # --out holds files this project did not write: left untouched
        print(f"policyspec release: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    except ReleaseError as error:  # nothing to release, or --out is not a release folder
        print(f"policyspec release: {error}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as error:
        print(f"policyspec release: cannot write {args.out}: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    if inputs.diagnostics:  # errors refuse the release; warnings are shown and do not
        _print_problems(args, inputs.diagnostics, resolved)
    if release is None:
        return EXIT_PROBLEMS
    for note in release.skipped:
        print(f"policyspec release: {note}", file=sys.stderr)
    print(
        f"{release.name} data {release.version}: {release.documents} document(s), "
        f"{release.indicators} indicator(s), {release.files} files in {args.out}"
        + (f" (from the {resolved.label})" if resolved.label else "")
    )
    return EXIT_OK


def cmd_diff(args: argparse.Namespace) -> int:
    from policyspec.cli.reporters import report_text
    from policyspec.diagnostics import PolicyspecError
    from policyspec.release.diff import DiffError, diff_sides, least_version, load_side, version_ok
    from policyspec.release.diff_report import RENDERERS_BY_NAME
    from policyspec.release.version import semver_key

    try:
        old, new = load_side(args.old), load_side(args.new)
    except PolicyspecError as error:
        diagnostics = sorted(error.diagnostics)
        print(report_text(diagnostics, len({d.file for d in diagnostics})), file=sys.stderr)
        return EXIT_PROBLEMS
    except DiffError as error:
        print(f"policyspec diff: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    diff = diff_sides(old, new)
    sys.stdout.write(RENDERERS_BY_NAME[args.format](diff))
    if not args.check_version:
        return EXIT_OK
    ok, least = version_ok(diff), least_version(diff)
    if ok is None:
        sides = [f"{side.label} has none" for side in (old, new) if semver_key(side.version) is None]
        print(
            f"policyspec diff: --check-version needs a data version on both sides: {'; '.join(sides)}",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if not ok:
        print(
            f"policyspec diff: {new.label} has data version {new.version}; its changes call for a "
            f"{diff.bump} release: {least} or later",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from policyspec.model.schema import schema_text

    sys.stdout.write(schema_text())
    return EXIT_OK


def cmd_coverage(args: argparse.Namespace) -> int:
    """Every quantitative statement of each spec's source: encoded, excluded or uncovered."""
    from policyspec.cli.coverage_report import RENDERERS_BY_NAME, document_coverage

    checked, inputs = _check(args)
    reports = [document_coverage(spec, inputs.options) for spec in checked if spec.document is not None]
    unreadable = [spec for spec in checked if spec.document is None]
    if unreadable:
        diagnostics = sorted(d for spec in unreadable for d in spec.diagnostics if d.severity == "error")
        _print_problems(args, diagnostics, inputs)
    _say_which(args, inputs)
    sys.stdout.write(RENDERERS_BY_NAME[args.format](reports))
    unaccounted = any(report.uncovered or report.problem is not None for report in reports)
    return EXIT_PROBLEMS if unreadable or unaccounted else EXIT_OK


def _say_which(args: argparse.Namespace, inputs: Inputs) -> None:
    """Which corpus a data command read when given no paths: on standard error, and only for a
    person at a terminal (the output itself is data that scripts read)."""
    from policyspec.cli.progress import is_terminal

    if inputs.label and is_terminal(sys.stderr):
        print(f"policyspec {args.command}: read {len(inputs.paths)} files ({inputs.label})", file=sys.stderr)


def cmd_lsp(args: argparse.Namespace) -> int:
    """Serve the Language Server Protocol over stdio until the editor says exit."""
    try:
        from policyspec.lsp.server import serve
    except ImportError as error:
        print(
            f"policyspec lsp: {error.name} is not installed: pip install 'policyspec[lsp]'", file=sys.stderr
        )
        return EXIT_USAGE
    serve()
    return EXIT_OK


def cmd_explain(args: argparse.Namespace) -> int:
    """A code's documentation, from the catalogue and docs/rules.md."""
    from policyspec.cli.explain import explain, find_code

    code = find_code(args.code)
    if isinstance(code, str):
        raise UsageError(code)
    sys.stdout.write(explain(code))
    return EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    """Draft a spec for a source text in a project folder: sources/NAME.txt and specs/NAME.yaml."""
    import re

    from policyspec._fs.atomic import atomic_write_bytes
    from policyspec._fs.regular_files import FileTooLarge, Unreadable, read_regular_file
    from policyspec.authoring.scaffold import scaffold
    from policyspec.loading.decoding import describe_failure

    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", args.id) or len(args.id) > 80:
        raise UsageError(f"--id {args.id!r} is not a kebab-case id (lowercase letters, digits, hyphens)")
    source: Path = args.source
    if not re.fullmatch(r"[A-Za-z0-9_.-]+\.txt", source.name):
        raise UsageError(
            f"{source.name}: a source text is named like 000_d1419bd5a6a19614.txt (letters, digits, _.-)"
        )
    try:
        raw = read_regular_file(source, 16 * 1024 * 1024)
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        failure = describe_failure(raw, error.start)
        print(f"policyspec new: {source}:{failure.line}:{failure.column}: {failure.message}", file=sys.stderr)
        print(f"    hint: {failure.hint}", file=sys.stderr)
        return EXIT_PROBLEMS
    except (Unreadable, FileTooLarge) as error:
        print(f"policyspec new: cannot use {source}: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    folder: Path = args.dir
    archived = folder / "sources" / source.name
    spec = folder / "specs" / (source.stem + ".yaml")
    if archived.exists() and archived.read_bytes() != raw:
        print(f"policyspec new: {archived} exists with other content; left as it is", file=sys.stderr)
        return EXIT_PROBLEMS
    if spec.exists():
        print(f"policyspec new: {spec} exists; left as it is (remove it to draft again)", file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        archived.parent.mkdir(parents=True, exist_ok=True)
        spec.parent.mkdir(parents=True, exist_ok=True)
        if not archived.exists():
            atomic_write_bytes(archived, raw)
        atomic_write_bytes(spec, scaffold(source.name, raw, args.id).encode("utf-8"))
    except OSError as error:
        print(f"policyspec new: cannot write in {folder}: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"drafted {spec} from {archived}; next: policyspec validate {spec} and policyspec coverage {spec}")
    return EXIT_OK


def cmd_completion(args: argparse.Namespace) -> int:
    """A shell's completion script, generated from the parser itself."""
    from policyspec.cli.completion import SCRIPTS_BY_SHELL
    from policyspec.cli.program import build_parser

    sys.stdout.write(SCRIPTS_BY_SHELL[args.shell](build_parser(every=True)))
    return EXIT_OK
