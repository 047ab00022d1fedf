"""``policyspec release``: the data of a corpus as reproducible files, moved into place atomically.

Documents stream through: each is rendered as soon as it is validated (:mod:`.parts`), its model
then let go, so memory does not grow with the corpus. Once every document is in, the files are
written in one pass over the parts in id order, hashed as they are written (:mod:`.staging`), into
a staging folder that is swapped into place whole (:func:`~.staging.publish`). Every byte comes
from the validated documents alone: no clock, no host name, no absolute path, so the same corpus
gives the same bytes on any machine. A release replaces only what an earlier release wrote
(:mod:`.manifest`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from contextlib import ExitStack
from dataclasses import dataclass
from functools import partial
from itertools import pairwise
from pathlib import Path

from policyspec.bundled import bundled_dir
from policyspec.release.datapackage import (
    datapackage_descriptor,
    datapackage_text,
    file_resource,
    table_resource,
)
from policyspec.release.envelope import (
    DOCUMENT_SEPARATOR,
    SCHEMA_FILE,
    DocumentSummary,
    document_json,
    envelope_head,
    envelope_tail,
)
from policyspec.release.identity import BUNDLED_IDENTITY, ReleaseIdentity
from policyspec.release.inputs import CheckedInputs, ReleaseError, ReleaseInput, release_inputs
from policyspec.release.manifest import MANIFEST, ReleaseRefused
from policyspec.release.parts import DocumentPart, PartStore
from policyspec.release.staging import SCRATCH, StagedRelease, publish
from policyspec.release.table_files import TableFiles, WriteOptions, table_path
from policyspec.release.tables import INDICATORS, TABLES, document_rows
from policyspec.release.version import package_version

__all__ = [
    "RELEASE_FILES",
    "SCHEMA_FILE",
    "CheckedInputs",
    "Release",
    "ReleaseError",
    "ReleaseInput",
    "ReleaseRefused",
    "document_part",
    "is_release_path",
    "release_inputs",
    "write_release",
]

RELEASE_FILES = (
    "policyspec.json",
    *(table_path(table, form) for table in TABLES for form in table.formats),
    SCHEMA_FILE,
    "datapackage.json",
    MANIFEST,
)
# Folders a release writes into, and the writer's scratch folder (in a staging folder only).
RELEASE_FOLDERS = (SCRATCH,)


@dataclass(frozen=True)
class Release:
    """What was released: the data version, how many documents and indicators, how many files."""

    name: str
    version: str
    documents: int
    indicators: int
    files: int


def is_release_path(path: str) -> bool:
    """Whether a release writes a file at ``path`` (relative): what a killed run may leave behind."""
    return path in RELEASE_FILES or (path.split("/", 1)[0] in RELEASE_FOLDERS and "/" in path)


def document_part(entry: ReleaseInput) -> tuple[DocumentPart, DocumentSummary]:
    """One document rendered for every file of the release, and what is kept of it afterwards."""
    document = entry.document
    part = DocumentPart(
        document.id,
        document_json(document.model_dump(mode="json")),
        document_rows(document, entry.coverage),
    )
    summary = DocumentSummary(
        id=document.id,
        title_zh=document.title.zh,
        title_en=document.title.en,
        source_file=document.source.file,
        source_sha256=document.source.sha256,
        spec_file=entry.spec_file,
        spec_sha256=entry.spec_sha256,
        indicators=len(document.indicators),
    )
    return part, summary


def write_release(
    inputs: Iterable[ReleaseInput],
    out: Path,
    *,
    identity: ReleaseIdentity = BUNDLED_IDENTITY,
    options: WriteOptions = WriteOptions(),  # noqa: B008 (frozen, so one default is safe)
) -> Release:
    """Write the documents of ``inputs`` as a release at ``out``, consuming them one at a time.

    ``out`` is replaced only when it is missing, empty or an unchanged earlier release; otherwise
    :class:`ReleaseRefused` is raised and nothing is touched. An exception from ``inputs`` (such
    as :class:`CheckedInputs` refusing specs with errors) leaves ``out`` as it was too.
    """
    out = Path(os.path.abspath(out))
    if not out.name:
        raise ReleaseError(f"cannot release into {out}")
    write = partial(_write, inputs, identity=identity, options=options)
    return publish(out, write, is_release_path=is_release_path)


def _write(
    inputs: Iterable[ReleaseInput], staged: StagedRelease, *, identity: ReleaseIdentity, options: WriteOptions
) -> Release:
    summaries: list[DocumentSummary] = []
    with PartStore(staged.scratch()) as parts:
        for entry in inputs:
            part, summary = document_part(entry)
            parts.put(part)
            summaries.append(summary)
        if not summaries:
            raise ReleaseError("no documents to release: no spec files were given or found")
        ids = parts.ids()
        repeated = sorted({a for a, b in pairwise(ids) if a == b})
        if repeated:
            raise ReleaseError(f"document id {repeated[0]!r} is used by more than one document")
        summaries.sort(key=lambda s: s.id)
        _write_documents_and_tables(staged, parts, summaries, identity=identity, options=options)
    schema = (bundled_dir("schemas") / SCHEMA_FILE).read_text(encoding="utf-8").replace("\r\n", "\n")
    staged.add(SCHEMA_FILE, schema.encode("utf-8"))
    descriptor = datapackage_descriptor(_resources(staged), documents=summaries, identity=identity)
    staged.add("datapackage.json", datapackage_text(descriptor))
    indicators = sum(s.indicators for s in summaries)
    return Release(identity.name, identity.version, len(summaries), indicators, len(staged.written) + 1)


def _write_documents_and_tables(
    staged: StagedRelease,
    parts: PartStore,
    summaries: list[DocumentSummary],
    *,
    identity: ReleaseIdentity,
    options: WriteOptions,
) -> None:
    """policyspec.json and every table file, in one pass over the documents in id order."""
    with ExitStack() as stack:
        envelope = stack.enter_context(staged.open("policyspec.json"))
        tables = [TableFiles(table, staged, stack, options, table.formats) for table in TABLES]
        envelope.write(envelope_head(summaries, identity, policyspec_version=package_version()))
        for number, part in enumerate(parts.in_id_order()):
            envelope.write(DOCUMENT_SEPARATOR + part.json if number else part.json)
            for files in tables:
                files.write(part.rows[files.table.name])
        envelope.write(envelope_tail())


def _resources(staged: StagedRelease) -> list[dict[str, object]]:
    """The datapackage.json entries of the files written, in the order a reader meets them."""
    resources = [
        file_resource(
            staged.file("policyspec.json"),
            name="policyspec",
            form="json",
            mediatype="application/json",
            title="Every document in full",
            description="All the specs say, document by document (valid against policyspec.schema.json), "
            "with the data version and the files the release was built from.",
        )
    ]
    for table in TABLES:
        for form in table.formats:
            written = staged.file(table_path(table, form))
            if form == "csv":
                resources.append(table_resource(written, table))
            elif table is INDICATORS and form == "jsonl":
                resources.append(
                    file_resource(
                        written,
                        name="indicators-jsonl",
                        form="file",
                        mediatype="application/jsonl",
                        title="Indicators as JSON Lines",
                        description="The rows of indicators.csv, one JSON object per line with the same keys "
                        "in the same order; lists are arrays, value is a number or an exact 'p/q' string.",
                    )
                )
    resources.append(
        file_resource(
            staged.file(SCHEMA_FILE),
            name="policyspec-schema",
            form="json",
            mediatype="application/schema+json",
            title="JSON Schema of a document",
            description="The JSON Schema (draft 2020-12) each document of policyspec.json follows.",
        )
    )
    return resources
