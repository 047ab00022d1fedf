"""datapackage.json: a Frictionless Data Package (v2) that describes every file of a release.

Each resource carries its size and ``sha256:<hex>`` hash, so a consumer (or ``frictionless
validate``) can check the download; each CSV carries its Table Schema. The JSON and JSON Lines
files are declared as plain files (``type`` ``json``/``file``, what ``frictionless describe``
writes): left untyped, frictionless 5 would sniff the JSON Schema as a table schema and read the
JSON Lines file as a table, which needs an optional plugin.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from policyspec.release.envelope import DocumentSummary
from policyspec.release.identity import ReleaseIdentity
from policyspec.release.json_stream import indented_chunks, streamed
from policyspec.release.staging import WrittenFile
from policyspec.release.tables import Table, table_schema

__all__ = [
    "PROFILE",
    "datapackage_chunks",
    "file_resource",
    "license_descriptor",
    "table_resource",
]

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
# Licenses whose page and title are worth giving; any other SPDX id points at its SPDX page.
_LICENSE_PAGES: dict[str, tuple[str, str]] = {
    "CC-BY-4.0": ("https://creativecommons.org/licenses/by/4.0/", "Creative Commons Attribution 4.0"),
    "CC0-1.0": ("https://creativecommons.org/publicdomain/zero/1.0/", "CC0 1.0 Universal"),
    "ODbL-1.0": (
        "https://opendatacommons.org/licenses/odbl/1-0/",
        "Open Data Commons Open Database License 1.0",
    ),
}
_CSV_DIALECT: dict[str, object] = {
    "delimiter": ",",
    "doubleQuote": True,
    "header": True,
    "lineTerminator": "\n",
    "quoteChar": '"',
}
Descriptor = dict[str, object]


def _described(written: WrittenFile, descriptor: Descriptor, encoding: str | None) -> Descriptor:
    return {
        **descriptor,
        "path": written.path,
        **({"encoding": encoding} if encoding else {}),
        "bytes": written.bytes,
        "hash": f"sha256:{written.sha256}",
    }


def file_resource(
    written: WrittenFile,
    *,
    name: str,
    title: str,
    description: str,
    form: str,
    mediatype: str,
    encoding: str | None = "utf-8",
) -> Descriptor:
    """A non-tabular file: ``form`` is ``json`` (a JSON document) or ``file`` (anything else);
    ``encoding`` None for a binary file."""
    descriptor: Descriptor = {
        "name": name,
        "type": form,
        "title": title,
        "description": description,
        "format": written.path.rsplit(".", 1)[-1],
        "mediatype": mediatype,
    }
    return _described(written, descriptor, encoding)


def table_resource(written: WrittenFile, table: Table, *, encoding: str = "utf-8") -> Descriptor:
    """A CSV file with its dialect and Table Schema (``utf-8-sig``: it starts with a BOM)."""
    descriptor: Descriptor = {
        "name": table.name,
        "type": "table",
        "title": table.title,
        "description": table.description,
        "format": "csv",
        "mediatype": "text/csv",
        "dialect": dict(_CSV_DIALECT),
        "schema": table_schema(table),
    }
    return _described(written, descriptor, encoding)


def _source(document: DocumentSummary) -> dict[str, str]:
    title = f"{document.title_zh} ({document.title_en})"
    return {"title": f"{title}; archived text {document.source_file}, sha256 {document.source_sha256}"}


def license_descriptor(spdx: str) -> dict[str, str]:
    """A Data Package license entry for an SPDX id: its name, a page, and a title where known."""
    page, title = _LICENSE_PAGES.get(spdx, (f"https://spdx.org/licenses/{spdx}.html", None))
    return {"name": spdx, "path": page, **({"title": title} if title else {})}


def datapackage_chunks(
    resources: Iterable[Descriptor],
    documents: Iterable[DocumentSummary],
    *,
    identity: ReleaseIdentity,
    counts: tuple[int, int],
) -> Iterator[bytes]:
    """datapackage.json, with sorted keys and a two-space indent (the same descriptor is always the
    same bytes), written as its resources and sources come: a large corpus lists thousands.

    ``counts`` is the number of documents and of indicators, for the description."""
    documents_count, indicators = counts
    descriptor: Descriptor = {
        "$schema": PROFILE,
        "name": identity.name,
        "title": identity.title,
        "description": (
            f"{documents_count} policy documents encoded with policyspec: their goals, principles, "
            f"measures and {indicators} indicators, each with the exact quote of the archived source "
            "text. See docs/releases.md of policyspec for every file and column."
        ),
        "version": identity.version,
        "keywords": ["policy", "policyspec", "indicators", "targets"],
        "sources": streamed("sources"),
        "resources": streamed("resources"),
    }
    if identity.license is not None:  # no license claimed is said by saying none
        descriptor["licenses"] = [license_descriptor(identity.license)]
    arrays = {"sources": map(_source, documents), "resources": resources}
    yield from indented_chunks(descriptor, sort_keys=True, arrays=arrays)
    yield b"\n"
