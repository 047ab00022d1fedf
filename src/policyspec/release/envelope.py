"""policyspec.json: every document in full, inside an envelope that says what the release is and
what it was built from.

The file is written as a head, the documents one by one, and a tail, so that no more than one
document is ever in memory. The envelope is indented; each document is one line of JSON (as
``json.dumps`` writes it without an indent, :mod:`.json_bytes`; indented JSON would take several
times longer to write on the largest file of a release), so the file can also be read a document
per line.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from policyspec.model.documents import SCHEMA_ID
from policyspec.release.identity import ReleaseIdentity
from policyspec.release.json_bytes import json_bytes
from policyspec.release.json_stream import indented_pieces, streamed, utf8_chunks

__all__ = ["SCHEMA_FILE", "DocumentSummary", "document_json", "envelope_head", "envelope_tail"]

SCHEMA_FILE = "policyspec.schema.json"
_INDENT = b"    "  # a document sits two levels deep: the envelope, then its documents array


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """What the envelope and datapackage.json say of a document, kept once it is written."""

    id: str
    title_zh: str
    title_en: str
    source_file: str
    source_sha256: str
    spec_file: str
    spec_sha256: str
    indicators: int


def document_json(dump: dict[str, object]) -> bytes:
    """A document's entry in the documents array: one line, indented as the array's items are."""
    return _INDENT + json_bytes(dump)


def _canonical(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _input(document: DocumentSummary) -> dict[str, str]:
    return {
        "document": document.id,
        "source_file": document.source_file,
        "source_sha256": document.source_sha256,
        "spec_file": document.spec_file,
        "spec_sha256": document.spec_sha256,
    }


def _inputs_sha256(documents: Iterable[DocumentSummary]) -> str:
    """SHA-256 of the inputs as compact JSON with sorted keys, computed an entry at a time."""
    digest = hashlib.sha256(b"[")
    for number, document in enumerate(documents):
        digest.update(b"," + _canonical(_input(document)) if number else _canonical(_input(document)))
    digest.update(b"]")
    return digest.hexdigest()


def envelope_head(
    documents: Callable[[], Iterable[DocumentSummary]], identity: ReleaseIdentity, *, policyspec_version: str
) -> Iterator[bytes]:
    """Everything before the first document: the identity, schema, build, ``"documents": [``.

    ``documents`` gives the documents' summaries by id, each time it is called: once for the
    digest of the inputs, once to list them.
    """
    payload = {
        "name": identity.name,
        "title": identity.title,
        "version": identity.version,
        "license": identity.license,
        "schema": {"$id": SCHEMA_ID, "path": SCHEMA_FILE},
        "build": {
            "data_version": identity.version,
            "inputs": streamed("inputs"),
            "inputs_sha256": _inputs_sha256(documents()),
            "policyspec_version": policyspec_version,
        },
    }
    pieces = indented_pieces(payload, arrays={"inputs": map(_input, documents())})
    return utf8_chunks(_open_at_the_end(pieces, '\n  "documents": [\n'))


def _open_at_the_end(pieces: Iterator[str], more: str) -> Iterator[str]:
    """The pieces of an indented object, its closing ``\n}`` left out and ``,`` + ``more`` put
    in its place: the object stays open for one more key."""
    held: list[str] = []
    for piece in pieces:
        held.append(piece)
        if len(held) > 2:
            yield held.pop(0)
    tail = "".join(held)
    if not tail.endswith("\n}"):
        raise ValueError(f"not the end of an indented object: {tail!r}")
    yield tail[: -len("\n}")] + "," + more


def envelope_tail() -> bytes:
    return b"\n  ]\n}\n"


DOCUMENT_SEPARATOR = b",\n"
