"""A :class:`~policyspec.release.diff.Diff` as text for people or as JSON for scripts."""

from __future__ import annotations

import json
from collections.abc import Callable

from policyspec.release.diff import KINDS, Change, Diff, Key, KindDiff, Side, least_version, version_ok

__all__ = ["RENDERERS_BY_NAME", "diff_json", "diff_text"]


def _value(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def _key(key: Key) -> str:
    return key[0] if key[1] is None else f"{key[0]}/{key[1]}"


def _side(marker: str, side: Side) -> str:
    return f"{marker} {side.label} ({f'data version {side.version}' if side.version else 'specs'})"


def _kind_text(kind: str, diff: KindDiff) -> list[str]:
    counts = [(len(diff.added), "added"), (len(diff.removed), "removed"), (len(diff.changed), "changed")]
    lines = [f"{kind.replace('_', ' ')}: " + ", ".join(f"{n} {what}" for n, what in counts if n)]
    lines += [f"  + {_key(key)}" for key in diff.added]
    lines += [f"  - {_key(key)}" for key in diff.removed]
    for changed in diff.changed:
        lines.append(f"  ~ {_key((changed.document, changed.id))}")
        lines += [f"      {c.field}: {_value(c.old)} → {_value(c.new)}" for c in changed.changes]
    return lines


def _verdict(diff: Diff) -> str:
    if diff.bump is None:
        return "no differences."
    least, ok = least_version(diff), version_ok(diff)
    verdict = f"the changes call for a {diff.bump} release"
    if least is None:
        return verdict + "."
    verdict += f": data version {least} or later"
    if ok is None:
        return verdict + "."
    return verdict + f"; NEW has {diff.new.version}" + (" (ok)." if ok else " (too low).")


def diff_text(diff: Diff) -> str:
    lines = [_side("---", diff.old), _side("+++", diff.new)]
    for kind, kind_diff in [("documents", diff.documents), *diff.entries.items()]:
        if kind_diff:
            lines += _kind_text(kind, kind_diff)
    lines.append(_verdict(diff))
    return "\n".join(lines) + "\n"


def _change(change: Change) -> dict[str, object]:
    return {"field": change.field, "old": change.old, "new": change.new}


def _kind_json(diff: KindDiff, *, entries: bool) -> dict[str, object]:
    def key(k: Key) -> object:
        return {"document": k[0], "id": k[1]} if entries else k[0]

    return {
        "added": [key(k) for k in diff.added],
        "removed": [key(k) for k in diff.removed],
        "changed": [
            {
                **({"document": c.document, "id": c.id} if entries else {"document": c.document}),
                "changes": [_change(change) for change in c.changes],
            }
            for c in diff.changed
        ],
    }


def diff_json(diff: Diff) -> str:
    payload: dict[str, object] = {
        "old": {"label": diff.old.label, "version": diff.old.version},
        "new": {"label": diff.new.label, "version": diff.new.version},
        "bump": diff.bump,
        "least_version": least_version(diff),
        "version_ok": version_ok(diff),
        "documents": _kind_json(diff.documents, entries=False),
        **{kind: _kind_json(diff.entries[kind], entries=True) for kind in KINDS},
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


RENDERERS_BY_NAME: dict[str, Callable[[Diff], str]] = {"text": diff_text, "json": diff_json}
