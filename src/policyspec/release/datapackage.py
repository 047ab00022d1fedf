"""datapackage.json: a Frictionless Data Package (v2) that describes every file of a release.

Each resource carries its size and ``sha256:<hex>`` hash, so a consumer (or ``frictionless
validate``) can check the download; each CSV carries its Table Schema. The JSON and JSON Lines
files are declared as plain files (``type`` ``json``/``file``, what ``frictionless describe``
writes): left untyped, frictionless 5 would sniff the JSON Schema as a table schema and read the
JSON Lines file as a table, which needs an optional plugin.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from policyspec.release.envelope import DocumentSummary
from policyspec.release.staging import WrittenFile
from policyspec.release.tables import Table, table_schema

__all__ = [
    "LICENSE",
    "PROFILE",
    "datapackage_descriptor",
    "datapackage_text",
    "file_resource",
    "table_resource",
]

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
# The encodings are open data; the archived source texts are official documents, which Chinese
# copyright law (Article 5) leaves unprotected, so attribution is all that is asked.
LICENSE: dict[str, str] = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0 (the encodings; the source texts are official documents)",
}
_CSV_DIALECT: dict[str, object] = {
    "delimiter": ",",
    "doubleQuote": True,
    "header": True,
    "lineTerminator": "\n",
    "quoteChar": '"',
}
Descriptor = dict[str, object]


def _described(written: WrittenFile, descriptor: Descriptor, encoding: str = "utf-8") -> Descriptor:
    return {
        **descriptor,
        "path": written.path,
        "encoding": encoding,
        "bytes": written.bytes,
        "hash": f"sha256:{written.sha256}",
    }


def file_resource(
    written: WrittenFile, *, name: str, title: str, description: str, form: str, mediatype: str
) -> Descriptor:
    """A non-tabular file: ``form`` is ``json`` (a JSON document) or ``file`` (anything else)."""
    descriptor: Descriptor = {
        "name": name,
        "type": form,
        "title": title,
        "description": description,
        "format": written.path.rsplit(".", 1)[-1],
        "mediatype": mediatype,
    }
    return _described(written, descriptor)


def table_resource(written: WrittenFile, table: Table) -> Descriptor:
    """A CSV file with its dialect and Table Schema."""
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
    return _described(written, descriptor)


def _source(document: DocumentSummary) -> dict[str, str]:
    title = f"{document.title_zh} ({document.title_en})"
    return {"title": f"{title}; archived text {document.source_file}, sha256 {document.source_sha256}"}


def datapackage_descriptor(
    resources: Sequence[Descriptor], *, documents: Sequence[DocumentSummary], version: str
) -> Descriptor:
    indicators = sum(d.indicators for d in documents)
    return {
        "$schema": PROFILE,
        "name": "policyspec",
        "title": "policyspec release: policy documents as structured data",
        "description": (
            f"{len(documents)} policy documents encoded with policyspec: their goals, principles, "
            f"measures and {indicators} indicators, each with the exact quote of the archived source "
            "text. See docs/releases.md of policyspec for every file and column."
        ),
        "version": version,
        "keywords": ["policy", "policyspec", "indicators", "targets"],
        "licenses": [dict(LICENSE)],
        "sources": [_source(document) for document in documents],
        "resources": list(resources),
    }


def datapackage_text(descriptor: Descriptor) -> bytes:
    """Sorted keys, two-space indent, UTF-8: the same descriptor is always the same bytes."""
    return (json.dumps(descriptor, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")
