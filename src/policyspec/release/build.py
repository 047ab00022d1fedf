"""``policyspec release``: the data of a corpus as reproducible files, moved into place atomically.

Documents stream through: each is rendered as soon as it is validated (:mod:`.parts`) and its
source text copied into ``sources/``, then its model is let go, so what stays in memory is some
hundreds of bytes per document (its id and its source's record, and its identity until every file
is checked; see docs/scaling.md). Once every document is in, policyspec.json and the tables are
written in one pass over the parts in id order, then each Parquet file from its table's JSON
Lines, every file hashed as it is written (:mod:`.staging`), into a staging folder that is swapped
into place whole (:func:`~.staging.publish`). Every byte comes from the validated documents alone:
no clock, no host name, no absolute path, so the same corpus gives the same bytes on any machine.
A release replaces only what an earlier release wrote (:mod:`.manifest`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from contextlib import ExitStack
from dataclasses import dataclass
from functools import partial
from itertools import pairwise
from pathlib import Path

from policyspec.bundled import bundled_dir
from policyspec.loading.collector import collector_paused
from policyspec.release.datapackage import datapackage_chunks
from policyspec.release.envelope import DOCUMENT_SEPARATOR, SCHEMA_FILE, envelope_head, envelope_tail
from policyspec.release.identity import BUNDLED_IDENTITY, ReleaseIdentity
from policyspec.release.inputs import CheckedInputs, ReleaseError, ReleaseInput, release_inputs
from policyspec.release.json_schemas import RELEASE_SCHEMAS
from policyspec.release.manifest import MANIFEST, ReleaseRefused
from policyspec.release.parquet import INSTALL_HINT, pyarrow_missing, system_allocator, write_parquet
from policyspec.release.parts import PartStore, render_part
from policyspec.release.resources import SCHEMAS, SITE, SOURCES, resources
from policyspec.release.staging import SCRATCH, StagedRelease, publish
from policyspec.release.table_files import TableFiles, TableRenderer, WriteOptions, table_path
from policyspec.release.tables import FORMATS, TABLES
from policyspec.release.version import package_version

__all__ = [
    "RELEASE_FILES",
    "SCHEMA_FILE",
    "CheckedInputs",
    "Release",
    "ReleaseError",
    "ReleaseInput",
    "ReleaseRefused",
    "WriteOptions",
    "is_release_path",
    "release_inputs",
    "render_part",
    "write_release",
]

RELEASE_FILES = (
    "policyspec.json",
    *(table_path(table, form) for table in TABLES for form in FORMATS),
    SCHEMA_FILE,
    "datapackage.json",
    MANIFEST,
)
"""Every file a release may write at its top level (the Parquet files only where pyarrow is)."""

RELEASE_FOLDERS = (SCHEMAS, SOURCES, SITE, SCRATCH)
"""The folders a release writes files into (and the writer's scratch folder, in staging only)."""

Generated = Callable[[StagedRelease], Iterable[tuple[str, bytes]]]
"""More files made from the release once its data files are written (it may read them from
``staged.folder``): each ``(path relative to its folder, bytes)`` yielded is written as it comes."""


@dataclass(frozen=True)
class Release:
    """What was released, and what was left out (``skipped``: why, and what to do about it)."""

    name: str
    version: str
    documents: int
    indicators: int
    files: int
    skipped: tuple[str, ...] = ()


def is_release_path(path: str) -> bool:
    """Whether a release writes a file at ``path`` (relative): what a killed run may leave behind."""
    return path in RELEASE_FILES or ("/" in path and path.split("/", 1)[0] in RELEASE_FOLDERS)


def write_release(
    inputs: Iterable[ReleaseInput],
    out: Path,
    *,
    identity: ReleaseIdentity = BUNDLED_IDENTITY,
    options: WriteOptions = WriteOptions(),  # noqa: B008 (frozen, so one default is safe)
    generated: Mapping[str, Generated] | None = None,
) -> Release:
    """Write the documents of ``inputs`` as a release at ``out``, consuming them one at a time.

    ``generated`` maps a folder of the release (such as :data:`SITE`) to what makes its files;
    they are hashed, listed in SHA256SUMS and datapackage.json like the others.

    ``out`` is replaced only when it is missing, empty or an unchanged earlier release; otherwise
    :class:`ReleaseRefused` is raised and nothing is touched. An exception from ``inputs`` (such
    as :class:`CheckedInputs` refusing specs with errors) leaves ``out`` as it was too.
    """
    out = Path(os.path.abspath(out))
    if not out.name:
        raise ReleaseError(f"cannot release into {out}")
    formats: tuple[str, ...] = FORMATS
    skipped: tuple[str, ...] = ()
    if not options.parquet:
        formats = tuple(form for form in FORMATS if form != "parquet")
    elif (missing := pyarrow_missing()) is not None:
        formats = tuple(form for form in FORMATS if form != "parquet")
        skipped = (f"Parquet files skipped: {missing}; to write them, {INSTALL_HINT}",)
    unknown = sorted(set(generated or {}) - {SITE})
    if unknown:
        raise ReleaseError(
            f"cannot generate files into {unknown[0]}/: a release's generated files go to {SITE}/"
        )
    write = partial(
        _write, inputs, identity=identity, options=options, formats=formats, generated=generated or {}
    )
    release: Release = publish(out, write, is_release_path=is_release_path)
    return Release(
        release.name, release.version, release.documents, release.indicators, release.files, skipped
    )


def _write(
    inputs: Iterable[ReleaseInput],
    staged: StagedRelease,
    *,
    identity: ReleaseIdentity,
    options: WriteOptions,
    formats: tuple[str, ...],
    generated: Mapping[str, Generated],
) -> Release:
    renderers = [TableRenderer(table, formats) for table in TABLES]
    with PartStore(staged.scratch()) as parts:
        documents = iter(inputs)
        while True:
            # The collector stays paused from a document's check to its release, as during a check
            # alone (policyspec.loading.collector): resumed with the document alive, it would walk
            # its tens of thousands of objects, and again and again as they aged.
            with collector_paused():
                entry = next(documents, None)
                if entry is None:
                    break
                parts.put(*render_part(entry, renderers))
                _ship_source(staged, entry)
                del entry
        if not len(parts):
            raise ReleaseError("no documents to release: no spec files were given or found")
        ids = parts.ids()
        repeated = sorted({a for a, b in pairwise(ids) if a == b})
        if repeated:
            raise ReleaseError(f"document id {repeated[0]!r} is used by more than one document")
        _write_documents_and_tables(staged, parts, identity=identity, options=options, formats=formats)
        _ship_schemas(staged)
        for folder, make in generated.items():
            for path, data in make(staged):
                staged.add(f"{folder}/{path}", data)
        counts = (len(parts), parts.indicators)
        entries = resources(staged, formats=formats, options=options)
        staged.add(
            "datapackage.json",
            datapackage_chunks(entries, parts.summaries(), identity=identity, counts=counts),
        )
    return Release(identity.name, identity.version, *counts, len(staged.written) + 1)


def _ship_schemas(staged: StagedRelease) -> None:
    """The spec's JSON Schema, and those of policyspec.json and of each table's rows (schemas/)."""
    folder = bundled_dir("schemas")
    for path, name in [
        (SCHEMA_FILE, SCHEMA_FILE),
        *((f"{SCHEMAS}/{n}", f"release/{n}") for n in RELEASE_SCHEMAS),
    ]:
        text = (folder / name).read_text(encoding="utf-8").replace("\r\n", "\n")  # as committed, on any OS
        staged.add(path, text.encode("utf-8"))


def _ship_source(staged: StagedRelease, entry: ReleaseInput) -> None:
    """The source text the quotes are anchored in, byte for byte as validated, once per file."""
    source = entry.document.source
    path = f"{SOURCES}/{source.file}"
    if staged.has(path):
        if staged.file(path).sha256 != source.sha256:
            raise ReleaseError(f"two different source texts are named {source.file}")
        return
    assert entry.source_text is not None  # render_part refuses an input without it
    written = staged.add(path, entry.source_text.encode("utf-8"))
    if written.sha256 != source.sha256:
        raise ReleaseError(f"{entry.spec_file}: source text {source.file} is not the one its spec pins")


def _write_documents_and_tables(
    staged: StagedRelease,
    parts: PartStore,
    *,
    identity: ReleaseIdentity,
    options: WriteOptions,
    formats: tuple[str, ...],
) -> None:
    """policyspec.json and every table file, in one pass over the documents in id order; then
    each table's Parquet file from its JSON Lines, one table at a time."""
    with ExitStack() as stack:
        envelope = stack.enter_context(staged.open("policyspec.json"))
        tables = [TableFiles(table, staged, stack, options, formats) for table in TABLES]
        for chunk in envelope_head(parts.summaries, identity, policyspec_version=package_version()):
            envelope.write(chunk)
        for number, part in enumerate(parts.in_id_order()):
            envelope.write(DOCUMENT_SEPARATOR + part.json if number else part.json)
            for files in tables:
                files.write(part.tables[files.table.name])
        envelope.write(envelope_tail())
    if "parquet" in formats:
        with system_allocator():
            for table in TABLES:
                with (
                    (staged.folder / table_path(table, "jsonl")).open("rb") as json_lines,
                    staged.open(table_path(table, "parquet")) as out,
                ):
                    write_parquet(table, json_lines, out)
