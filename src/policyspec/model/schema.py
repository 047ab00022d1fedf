"""The published JSON Schema, generated from the models (never edited by hand)."""

from __future__ import annotations

import json

from policyspec.model.documents import Document

__all__ = ["SCHEMA_DIALECT", "schema_document", "schema_text"]

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_document() -> dict[str, object]:
    generated = Document.model_json_schema(mode="validation")
    return {"$schema": SCHEMA_DIALECT, **generated}


def schema_text() -> str:
    """Deterministic text of the schema file, as committed in ``schemas/``."""
    return json.dumps(schema_document(), ensure_ascii=False, indent=2) + "\n"
