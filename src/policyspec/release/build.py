"""``policyspec release``: the data of a corpus as reproducible files, moved into place atomically.

Every byte is computed in memory first (:func:`build_release`) from the validated documents
alone: no clock, no host name, no absolute path, so the same corpus gives the same bytes on any
machine. :func:`write_release` then writes them into a staging folder beside the target and
swaps it into place (:mod:`policyspec._fs.folder_swap`), so the target always holds a complete
release; it replaces only what an earlier release wrote (:mod:`policyspec.release.manifest`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from policyspec._fs.atomic import fsync_folder
from policyspec._fs.folder_swap import folder_lock, install_folder, make_staging, staging_leftovers
from policyspec.bundled import bundled_dir
from policyspec.diagnostics import PolicyspecError
from policyspec.loading.check import CheckedSpec
from policyspec.model.documents import SCHEMA_ID, Document
from policyspec.release.datapackage import (
    Resource,
    datapackage_descriptor,
    datapackage_text,
    file_resource,
    table_resource,
)
from policyspec.release.manifest import (
    MANIFEST,
    ReleaseRefused,
    check_replaceable,
    disposable_files,
    remove_folder,
    sha256sums,
)
from policyspec.release.tables import csv_text, jsonl_text, release_tables
from policyspec.release.version import DATA_VERSION, package_version
from policyspec.rules.coverage import CoverageCounts

__all__ = [
    "RELEASE_FILES",
    "SCHEMA_FILE",
    "Release",
    "ReleaseError",
    "ReleaseInput",
    "ReleaseRefused",
    "build_release",
    "release_inputs",
    "write_release",
]

SCHEMA_FILE = "policyspec.schema.json"
RELEASE_FILES = (
    "policyspec.json",
    "indicators.csv",
    "indicators.jsonl",
    "documents.csv",
    "measures.csv",
    SCHEMA_FILE,
    "datapackage.json",
    MANIFEST,
)


class ReleaseError(Exception):
    """The release cannot be built or put in place; the message says why."""


@dataclass(frozen=True)
class ReleaseInput:
    """A validated document and the spec file it came from, by name and hash (never by path)."""

    document: Document
    spec_file: str
    spec_sha256: str
    coverage: CoverageCounts | None = None  # the source's statements, encoded and excluded


@dataclass(frozen=True)
class Release:
    """The files of a release, in memory: relative path and bytes, SHA256SUMS (of all others) last."""

    version: str
    documents: int
    indicators: int
    files: tuple[tuple[str, bytes], ...]


def release_inputs(checked: Sequence[CheckedSpec]) -> list[ReleaseInput]:
    """The documents to release; refuses specs with errors and an empty corpus."""
    errors = [d for spec in checked for d in spec.diagnostics if d.severity == "error"]
    if errors:
        raise PolicyspecError(errors)
    inputs = []
    for spec in checked:
        if spec.document is None:
            continue
        if spec.sha256 is None:  # hash the bytes that were validated, never a second read
            raise ReleaseError(f"{spec.path.name}: no hash of the checked bytes (check it with check_spec)")
        inputs.append(ReleaseInput(spec.document, spec.path.name, spec.sha256, spec.coverage))
    if not inputs:
        raise ReleaseError("no documents to release: no spec files were given or found")
    return sorted(inputs, key=lambda i: i.document.id)


def _canonical(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _policyspec_json(inputs: Sequence[ReleaseInput], version: str) -> str:
    """Every document in full (the models' field order), with what the release was built from."""
    files = [
        {
            "document": i.document.id,
            "source_file": i.document.source.file,
            "source_sha256": i.document.source.sha256,
            "spec_file": i.spec_file,
            "spec_sha256": i.spec_sha256,
        }
        for i in inputs
    ]
    payload = {
        "name": "policyspec",
        "version": version,
        "schema": {"$id": SCHEMA_ID, "path": SCHEMA_FILE},
        "build": {
            "data_version": version,
            "inputs": files,
            "inputs_sha256": hashlib.sha256(_canonical(files)).hexdigest(),
            "policyspec_version": package_version(),
        },
        "documents": [i.document.model_dump(mode="json") for i in inputs],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def build_release(inputs: Sequence[ReleaseInput], *, version: str = DATA_VERSION) -> Release:
    """Every file of the release, computed in memory; the same inputs give the same bytes."""
    inputs = sorted(inputs, key=lambda i: i.document.id)
    documents = [i.document for i in inputs]
    coverage = {i.document.id: i.coverage for i in inputs if i.coverage is not None}
    indicators, document_table, measures = release_tables(documents, coverage)
    schema = (bundled_dir("schemas") / SCHEMA_FILE).read_text(encoding="utf-8").replace("\r\n", "\n")
    resources: list[Resource] = [
        file_resource(
            "policyspec.json",
            _policyspec_json(inputs, version),
            name="policyspec",
            form="json",
            mediatype="application/json",
            title="Every document in full",
            description="All the specs say, document by document (valid against policyspec.schema.json), "
            "with the data version and the files the release was built from.",
        ),
        table_resource(
            "indicators.csv",
            csv_text(indicators),
            indicators,
            title="Indicators",
            description="One row per indicator: the flat view of `policyspec indicators` with the "
            "document, its issuers and the measure. Lists are joined with '; '.",
        ),
        file_resource(
            "indicators.jsonl",
            jsonl_text(indicators),
            name="indicators-jsonl",
            form="file",
            mediatype="application/jsonl",
            title="Indicators as JSON Lines",
            description="The rows of indicators.csv, one JSON object per line with the same keys in "
            "the same order; lists are arrays, value is a number or an exact 'p/q' string.",
        ),
        table_resource(
            "documents.csv",
            csv_text(document_table),
            document_table,
            title="Documents",
            description="One row per document: title, issuers, date, plan period, source, counts.",
        ),
        table_resource(
            "measures.csv",
            csv_text(measures),
            measures,
            title="Measures",
            description="One row per measure (task) of each document.",
        ),
        file_resource(
            SCHEMA_FILE,
            schema,
            name="policyspec-schema",
            form="json",
            mediatype="application/schema+json",
            title="JSON Schema of a document",
            description="The JSON Schema (draft 2020-12) each document of policyspec.json follows.",
        ),
    ]
    descriptor = datapackage_descriptor(resources, documents=documents, version=version)
    files = (
        *((r.path, r.data) for r in resources),
        ("datapackage.json", datapackage_text(descriptor).encode()),
    )
    files = (*files, (MANIFEST, sha256sums(files)))
    return Release(version, len(documents), sum(len(d.indicators) for d in documents), files)


def _write_file(path: Path, data: bytes) -> None:
    with path.open("xb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _discard(folder: Path, names: Collection[str]) -> None:
    """Delete a folder of release files; anything else found in it keeps it where it is."""
    files = disposable_files(folder, names)
    if files is not None:
        with contextlib.suppress(OSError):  # best effort: what stays is a leftover for the next run
            remove_folder(folder, files)


def write_release(release: Release, out: Path) -> Path:
    """Write the release to ``out`` and return its path.

    ``out`` is replaced only when it is missing, empty or an unchanged earlier release; otherwise
    :class:`ReleaseRefused` is raised and nothing is touched. Runs into one parent folder take
    turns (a lock), and leftovers of a killed run beside ``out`` are deleted first.
    """
    out = Path(os.path.abspath(out))
    if not out.name:
        raise ReleaseError(f"cannot release into {out}")
    names = frozenset(RELEASE_FILES) | {name for name, _ in release.files}
    out.parent.mkdir(parents=True, exist_ok=True)
    with folder_lock(out.parent):
        check_replaceable(out)
        for leftover in staging_leftovers(out):
            _discard(leftover, names)
        staging = make_staging(out)
        try:
            for name, data in release.files:
                _write_file(staging / name, data)
            staging.chmod(0o777 & ~_umask())  # mkdtemp makes it private; a release is for reading
            fsync_folder(staging)
            retired = install_folder(staging, out, recheck=check_replaceable)
        except BaseException:
            _discard(staging, names)
            raise
        fsync_folder(out.parent)
        if retired is not None:
            _discard(retired, names)
    return out
