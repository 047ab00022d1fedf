"""JSON Schemas (draft 2020-12) of the files a release writes: policyspec.json, and one row of each
table's JSON Lines file. Generated, like the spec's own schema, and committed under
``schemas/release/``; a release ships them in its ``schemas/`` folder.

The row schemas come from the columns (:mod:`policyspec.release.columns`): every key required, no
other key allowed, each value of its column's type, ``null`` only where a column may be empty.
The envelope's documents are the spec's schema with the selectors a release puts beside each quote.

    python -m policyspec.release.json_schemas schemas/release   # after changing columns or models
"""

from __future__ import annotations

import copy
import json
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from policyspec.model.documents import SCHEMA_ID
from policyspec.release.anchors import CONTEXT
from policyspec.release.envelope import SCHEMA_FILE
from policyspec.release.tables import TABLES, Column, Table
from policyspec.release.version import SEMVER_PATTERN

__all__ = ["RELEASE_SCHEMAS", "SCHEMA_BASE", "envelope_schema", "row_schema", "schema_file_text"]

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_BASE = "https://policyspec.dev/schemas/release/"
_SHA256 = {"type": "string", "pattern": "^[0-9a-f]{64}$"}
_FRACTION = "^-?[0-9]+/[0-9]+$"
Schema = dict[str, Any]


def _selectors() -> Schema:
    """The W3C Web Annotation selectors of one quote: a TextPositionSelector, a TextQuoteSelector."""
    position = {
        "type": "object",
        "additionalProperties": False,
        "required": ["type", "start", "end"],
        "properties": {
            "type": {"const": "TextPositionSelector"},
            "start": {"type": "integer", "minimum": 0},
            "end": {"type": "integer", "minimum": 0},
        },
    }
    quote = {
        "type": "object",
        "additionalProperties": False,
        "required": ["type", "exact", "prefix", "suffix"],
        "properties": {
            "type": {"const": "TextQuoteSelector"},
            "exact": {"type": "string", "minLength": 1},
            "prefix": {"type": "string", "maxLength": CONTEXT},
            "suffix": {"type": "string", "maxLength": CONTEXT},
        },
    }
    return {
        "description": "Where the quote is in the source text (code points, end exclusive), as W3C Web "
        "Annotation selectors (https://www.w3.org/TR/annotation-model/#selectors).",
        "type": "array",
        "prefixItems": [position, quote],
        "items": False,
        "minItems": 2,
    }


def _column(column: Column, key: tuple[str, ...]) -> Schema:
    nullable = not (column.required or column.name in key or column.is_list)
    if column.json_only:
        schema: Schema = {"$ref": "#/$defs/QuoteSelectors"}
        return {"anyOf": [schema, {"type": "null"}]} if nullable else schema
    if column.is_list:
        schema = {"type": "array", "items": {"type": "string"}}
    elif column.exact:
        schema = {"type": ["number", "string"], "pattern": _FRACTION}  # a pattern binds text only
    elif column.type == "date":
        schema = {"type": "string", "format": "date"}
    else:
        schema = {"type": column.type}
    if column.pattern:
        schema["pattern"] = column.pattern
    if column.enum:
        schema["enum"] = [*column.enum, *([None] if nullable else [])]
    if nullable:
        kinds = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        schema["type"] = [*kinds, "null"]
    return {"description": column.description, **schema}


def row_schema(table: Table) -> Schema:
    """The schema of one line of ``<table>.jsonl``."""
    schema: Schema = {
        "$schema": DIALECT,
        "$id": f"{SCHEMA_BASE}{table.name}-row.schema.json",
        "title": f"A row of {table.name}.jsonl",
        "description": table.description,
        "type": "object",
        "additionalProperties": False,
        "required": [column.name for column in table.columns],
        "properties": {column.name: _column(column, table.primary_key) for column in table.columns},
    }
    if any(column.json_only for column in table.columns):
        schema["$defs"] = {"QuoteSelectors": _selectors()}
    return schema


def _with_selectors(definition: Schema) -> None:
    """A quote gets ``quote_selectors`` beside it (required where the quote is), an evidence list
    ``evidence_selectors`` (present when it has quotes)."""
    properties = definition.get("properties", {})
    if "quote" in properties:
        properties["quote_selectors"] = {"$ref": "#/$defs/QuoteSelectors"}
        if "quote" in definition.get("required", []):
            definition["required"].append("quote_selectors")
    if "evidence" in properties:
        properties["evidence_selectors"] = {
            "description": "The selectors of each evidence quote, in order.",
            "type": "array",
            "items": {"$ref": "#/$defs/QuoteSelectors"},
        }


def envelope_schema() -> Schema:
    """The schema of policyspec.json: identity, build record, and the documents with selectors."""
    from policyspec.model.schema import schema_document

    spec: Schema = copy.deepcopy(schema_document())
    definitions: Schema = spec.pop("$defs")
    document = {k: v for k, v in spec.items() if k not in ("$schema", "$id")}
    document["title"] = "A released document: a spec's document with the place of each quote"
    for definition in [document, *definitions.values()]:
        _with_selectors(definition)
    inputs = {
        "type": "object",
        "additionalProperties": False,
        "required": ["document", "source_file", "source_sha256", "spec_file", "spec_sha256"],
        "properties": {
            "document": {"type": "string"},
            "source_file": {"type": "string"},
            "source_sha256": _SHA256,
            "spec_file": {"type": "string"},
            "spec_sha256": _SHA256,
        },
    }
    return {
        "$schema": DIALECT,
        "$id": f"{SCHEMA_BASE}policyspec-json.schema.json",
        "title": "policyspec.json of a policyspec release",
        "type": "object",
        "additionalProperties": False,
        "required": ["name", "title", "version", "license", "schema", "build", "documents"],
        "properties": {
            "name": {"type": "string", "pattern": "^[a-z0-9._-]+$"},
            "title": {"type": "string", "minLength": 1},
            "version": {"type": "string", "pattern": SEMVER_PATTERN},
            "license": {"type": ["string", "null"], "description": "An SPDX license id; null: none claimed."},
            "schema": {
                "type": "object",
                "additionalProperties": False,
                "required": ["$id", "path"],
                "properties": {"$id": {"const": SCHEMA_ID}, "path": {"const": SCHEMA_FILE}},
            },
            "build": {
                "type": "object",
                "additionalProperties": False,
                "required": ["data_version", "inputs", "inputs_sha256", "policyspec_version"],
                "properties": {
                    "data_version": {"type": "string", "pattern": SEMVER_PATTERN},
                    "inputs": {"type": "array", "items": inputs},
                    "inputs_sha256": _SHA256,
                    "policyspec_version": {"type": "string"},
                },
            },
            "documents": {"type": "array", "items": {"$ref": "#/$defs/ReleasedDocument"}},
        },
        "$defs": {**definitions, "ReleasedDocument": document, "QuoteSelectors": _selectors()},
    }


RELEASE_SCHEMAS: dict[str, Callable[[], Schema]] = {
    "policyspec-json.schema.json": envelope_schema,
    **{f"{table.name}-row.schema.json": partial(row_schema, table) for table in TABLES},
}
"""The file name of each release schema and what makes it."""


def schema_file_text(name: str) -> str:
    """The committed text of a release schema: two-space indent, keys in order, one newline."""
    return json.dumps(RELEASE_SCHEMAS[name](), ensure_ascii=False, indent=2) + "\n"


def _write(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name in RELEASE_SCHEMAS:
        (folder / name).write_text(schema_file_text(name), encoding="utf-8", newline="\n")


if __name__ == "__main__":
    _write(Path(sys.argv[1] if len(sys.argv) > 1 else "schemas/release"))
