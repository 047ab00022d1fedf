"""What changed between two releases (or folders of specs): entries added, removed and changed.

Both sides are read as plain JSON data (the documents as ``policyspec.json`` holds them), so a
release made by an older policyspec can still be compared. Every list of a document whose
entries have ids (indicators, measures, goals, ...) is compared entry by entry, field by field
(``target.value``, ``measured.en``); a document's own fields are compared the same way. The
selectors a release puts beside each quote are left out: they follow from the quote.

A release's ``policyspec.json`` is read as hostile input: only a regular file (a FIFO cannot hang
the read, a folder or a link loop is refused), at most :data:`MAX_RELEASE_BYTES`, strict UTF-8,
JSON nested at most :data:`MAX_JSON_DEPTH` levels; anything else is a :class:`DiffError`.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from policyspec._fs.regular_files import FileTooLarge, Unreadable, read_regular_file
from policyspec.release.anchors import ANCHOR_KEYS
from policyspec.release.version import semver_key

__all__ = [
    "KINDS",
    "MAX_JSON_DEPTH",
    "MAX_RELEASE_BYTES",
    "Change",
    "Changed",
    "Diff",
    "DiffError",
    "Key",
    "KindDiff",
    "Side",
    "diff_sides",
    "least_version",
    "load_side",
    "version_ok",
]

# The lists of a document compared entry by entry, in the order they are reported.
KINDS: tuple[str, ...] = ("indicators", "measures", "goals", "principles", "sections", "quality_notes")
# The bundled corpus' policyspec.json is under 1 MiB: 256 MiB leaves room for hundreds of times
# more documents while a larger file (which would take gigabytes of memory to parse) is refused.
MAX_RELEASE_BYTES = 256 * 1024 * 1024
# A document nests about 6 levels; deeper JSON is not a release (and would exhaust the stack).
MAX_JSON_DEPTH = 64
JsonObject = dict[str, object]
Key = tuple[str, str | None]  # (document id, entry id); the entry id is None for a document


class DiffError(Exception):
    """A side cannot be read as a release or as specs; the message says why."""


@dataclass(frozen=True)
class Side:
    """One side of a diff: what was given, the data version if it is a release, the documents."""

    label: str
    version: str | None
    documents: Mapping[str, JsonObject]


@dataclass(frozen=True)
class Change:
    """One field of an entry: its dotted path (``target.value``) and both values."""

    field: str
    old: object
    new: object


@dataclass(frozen=True)
class Changed:
    """An entry present on both sides whose fields differ; ``id`` is None for a document itself."""

    document: str
    id: str | None
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class KindDiff:
    """Entries of one kind (documents, indicators, ...) by :data:`Key`, each list sorted."""

    added: tuple[Key, ...] = ()
    removed: tuple[Key, ...] = ()
    changed: tuple[Changed, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)


@dataclass(frozen=True)
class Diff:
    old: Side
    new: Side
    documents: KindDiff
    entries: Mapping[str, KindDiff]  # by kind, in KINDS order

    @property
    def bump(self) -> str | None:
        """The smallest data version bump the changes call for (see policyspec.release.version)."""
        kinds = [self.documents, *self.entries.values()]
        if any(k.removed for k in kinds):
            return "major"
        if any(k.added for k in kinds):
            return "minor"
        return "patch" if any(k.changed for k in kinds) else None


def _read_release(path: Path, label: str) -> Side:
    payload = _parse(_read_bytes(path, label), path, label)
    documents = payload.get("documents") if isinstance(payload, dict) else None
    if (
        not isinstance(payload, dict)
        or not isinstance(documents, list)
        or not all(isinstance(d, dict) and isinstance(d.get("id"), str) for d in documents)
    ):
        raise DiffError(f"{label}: {path.name} is not a policyspec release (no list of documents with ids)")
    version = payload.get("version")
    plain = {d["id"]: cast("JsonObject", _plain(d)) for d in documents}
    return Side(label, version if isinstance(version, str) else None, plain)


def _plain(value: object) -> object:
    """A released document without the selectors beside its quotes: they follow from the quotes
    and the source, so they are no change of their own (and older releases have none)."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items() if key not in ANCHOR_KEYS}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def _read_bytes(path: Path, label: str) -> bytes:
    """The file's bytes if it is a regular file within the limit; checked again on the descriptor."""
    cannot = f"{label}: cannot read {path.name}"
    too_large = f"{cannot}: larger than {MAX_RELEASE_BYTES // (1024 * 1024)} MiB, the limit for a release"
    try:
        status = os.stat(path)  # follows links: a loop is an error, not a hang
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the path
        raise DiffError(f"{cannot}: {exc.strerror if isinstance(exc, OSError) else exc}") from None
    if not stat.S_ISREG(status.st_mode):
        raise DiffError(f"{cannot}: not a regular file")
    if status.st_size > MAX_RELEASE_BYTES:
        raise DiffError(too_large)
    try:
        return read_regular_file(path, MAX_RELEASE_BYTES)  # O_NONBLOCK, fstat, at most the limit
    except Unreadable as exc:
        raise DiffError(f"{cannot}: {exc.reason}") from None
    except FileTooLarge:  # it grew after the stat
        raise DiffError(too_large) from None


def _parse(raw: bytes, path: Path, label: str) -> object:
    """Strict UTF-8 JSON, nested at most MAX_JSON_DEPTH levels."""
    cannot = f"{label}: cannot read {path.name}"
    try:
        payload = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise DiffError(f"{cannot}: not UTF-8 (byte {exc.start})") from None
    except RecursionError:
        raise DiffError(f"{cannot}: JSON nested too deeply") from None
    except ValueError as exc:  # JSONDecodeError, and integers too long to convert
        raise DiffError(f"{cannot}: {exc}") from None
    if _depth(payload) > MAX_JSON_DEPTH:
        raise DiffError(f"{cannot}: JSON nested more than {MAX_JSON_DEPTH} levels deep")
    return payload


def _depth(value: object) -> int:
    """How deeply lists and objects nest, counted without recursion."""
    deepest, pending = 0, [(value, 1)]
    while pending:
        item, level = pending.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else None
        if children is None:
            continue
        deepest = max(deepest, level)
        if level <= MAX_JSON_DEPTH:
            pending.extend((child, level + 1) for child in children)
    return deepest


def load_side(path: str | Path) -> Side:
    """A release folder, its policyspec.json, or spec files and folders (validated).

    Raises :class:`DiffError`, or :class:`~policyspec.diagnostics.PolicyspecError` with the
    diagnostics when specs have errors.
    """
    label = str(path)
    path = Path(path)
    # Anything named policyspec.json (a FIFO, a folder, a link loop) makes a release: read strictly.
    if path.is_dir() and os.path.lexists(path / "policyspec.json"):
        return _read_release(path / "policyspec.json", label)
    if path.suffix == ".json" and os.path.lexists(path) and not path.is_dir():
        return _read_release(path, label)
    if not path.exists():
        raise DiffError(f"{label}: no such file or folder")
    from policyspec.api.corpus import load

    corpus = load([path])
    if not corpus.documents:
        raise DiffError(f"{label}: neither a release (policyspec.json) nor a folder of specs")
    return Side(label, None, {d.id: d.model_dump(mode="json") for d in corpus.documents})


def _flatten(value: object, prefix: str = "") -> dict[str, object]:
    """Nested objects to dotted paths; lists and scalars are leaves."""
    if isinstance(value, dict):
        flat: dict[str, object] = {}
        for key, item in value.items():
            flat.update(_flatten(item, f"{prefix}{key}."))
        return flat
    return {prefix[:-1]: value}


def _changes(old: JsonObject, new: JsonObject, skip: tuple[str, ...]) -> tuple[Change, ...]:
    before = _flatten({k: v for k, v in old.items() if k not in skip})
    after = _flatten({k: v for k, v in new.items() if k not in skip})
    fields = sorted(before.keys() | after.keys())
    return tuple(Change(f, before.get(f), after.get(f)) for f in fields if before.get(f) != after.get(f))


def _entries(side: Side, kind: str) -> dict[Key, JsonObject]:
    entries: dict[Key, JsonObject] = {}
    for document_id, document in side.documents.items():
        items = document.get(kind)
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                entries[(document_id, item["id"])] = item
    return entries


def _keyed_diff(
    old: Mapping[Key, JsonObject], new: Mapping[Key, JsonObject], skip: tuple[str, ...]
) -> KindDiff:
    changed = []
    for key in sorted(old.keys() & new.keys()):
        changes = _changes(old[key], new[key], skip)
        if changes:
            changed.append(Changed(key[0], key[1], changes))
    return KindDiff(
        added=tuple(sorted(new.keys() - old.keys())),
        removed=tuple(sorted(old.keys() - new.keys())),
        changed=tuple(changed),
    )


def diff_sides(old: Side, new: Side) -> Diff:
    documents = _keyed_diff(
        {(i, None): d for i, d in old.documents.items()},
        {(i, None): d for i, d in new.documents.items()},
        skip=("id", *KINDS),
    )
    entries = {kind: _keyed_diff(_entries(old, kind), _entries(new, kind), skip=("id",)) for kind in KINDS}
    return Diff(old, new, documents, entries)


def least_version(diff: Diff) -> str | None:
    """The least data version NEW must have, from OLD's and the changes; None when OLD has none."""
    if semver_key(diff.old.version) is None or diff.old.version is None:
        return None
    if diff.bump is None:
        return diff.old.version
    major, minor, patch = (int(part) for part in diff.old.version.split("-")[0].split("+")[0].split("."))
    least = {
        "major": (major + 1, 0, 0),
        "minor": (major, minor + 1, 0),
        "patch": (major, minor, patch + 1),
    }[diff.bump]
    return ".".join(str(n) for n in least)


def version_ok(diff: Diff) -> bool | None:
    """Whether NEW's data version is at least :func:`least_version` (semver precedence, so
    2.0.0-rc.1 is below 2.0.0); None when either is unknown."""
    least, new = semver_key(least_version(diff)), semver_key(diff.new.version)
    return None if least is None or new is None else new >= least
