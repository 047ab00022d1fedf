"""datapackage.json: a Frictionless Data Package (v2) that describes every file of a release.

Each resource carries its size and ``sha256:<hex>`` hash, so a consumer (or ``frictionless
validate``) can check the download; each CSV carries its Table Schema. The JSON and JSON Lines
files are declared as plain files (``type`` ``json``/``file``, what ``frictionless describe``
writes): left untyped, frictionless 5 would sniff the JSON Schema as a table schema and read the
JSON Lines file as a table, which needs an optional plugin.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass

from policyspec.model.documents import Document
from policyspec.release.tables import Table, table_schema

__all__ = [
    "LICENSE",
    "PROFILE",
    "Resource",
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


@dataclass(frozen=True)
class Resource:
    """One file of the release: its bytes and how datapackage.json describes it."""

    path: str
    data: bytes
    descriptor: dict[str, object]


def _checked(path: str, data: bytes, descriptor: dict[str, object]) -> Resource:
    described = {
        **descriptor,
        "path": path,
        "encoding": "utf-8",
        "bytes": len(data),
        "hash": f"sha256:{hashlib.sha256(data).hexdigest()}",
    }
    return Resource(path, data, described)


def file_resource(
    path: str, text: str, *, name: str, title: str, description: str, form: str, mediatype: str
) -> Resource:
    """A non-tabular file: ``form`` is ``json`` (a JSON document) or ``file`` (anything else)."""
    descriptor: dict[str, object] = {
        "name": name,
        "type": form,
        "title": title,
        "description": description,
        "format": path.rsplit(".", 1)[-1],
        "mediatype": mediatype,
    }
    return _checked(path, text.encode("utf-8"), descriptor)


def table_resource(path: str, text: str, table: Table, *, title: str, description: str) -> Resource:
    """A CSV file with its dialect and Table Schema."""
    descriptor: dict[str, object] = {
        "name": table.name,
        "type": "table",
        "title": title,
        "description": description,
        "format": "csv",
        "mediatype": "text/csv",
        "dialect": dict(_CSV_DIALECT),
        "schema": table_schema(table),
    }
    return _checked(path, text.encode("utf-8"), descriptor)


def _source(document: Document) -> dict[str, str]:
    title = f"{document.title.zh} ({document.title.en})"
    return {"title": f"{title}; archived text {document.source.file}, sha256 {document.source.sha256}"}


def datapackage_descriptor(
    resources: Sequence[Resource], *, documents: Sequence[Document], version: str
) -> dict[str, object]:
    indicators = sum(len(d.indicators) for d in documents)
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
        "resources": [resource.descriptor for resource in resources],
    }


def datapackage_text(descriptor: dict[str, object]) -> str:
    """Sorted keys, two-space indent, UTF-8 text: the same descriptor is always the same bytes."""
    return json.dumps(descriptor, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
