"""The version of the released DATA, kept apart from the version of the policyspec package.

One place, shipped in the wheel: ``policyspec release`` stamps it on every file it writes for the
bundled corpus and CHANGELOG.md says what changed between versions. Bump it with every release
whose data differ (``policyspec diff OLD NEW`` reports the smallest bump the changes call for):

- major: an indicator or document removed, or a field renamed or given a new meaning;
- minor: an indicator or document added (existing rows unchanged);
- patch: corrections of existing rows (a value, a quote, a translation), each listed in CHANGELOG.md.

Data versions are semantic versions (https://semver.org); :func:`semver_key` orders them.
"""

from __future__ import annotations

import re

__all__ = ["DATA_VERSION", "SEMVER", "SEMVER_PATTERN", "package_version", "semver_key"]

DATA_VERSION = "2.0.0"

_IDENTIFIER = r"(?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*)"
_SEMVER = (
    r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)"
    rf"(?:-({_IDENTIFIER}(?:\.{_IDENTIFIER})*))?"
    r"(?:\+[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*)?"
)
SEMVER = re.compile(_SEMVER)
"""A semantic version 2.0.0: MAJOR.MINOR.PATCH, an optional -pre.release and +build (fullmatch)."""
SEMVER_PATTERN = f"^{_SEMVER}$"
"""The same, anchored, as a JSON Schema pattern."""

SemverKey = tuple[int, int, int, int, tuple[tuple[int, int | str], ...]]


def semver_key(text: str | None) -> SemverKey | None:
    """A key that sorts versions by semver precedence (1.0.0-rc.1 < 1.0.0; build metadata is
    ignored); None for anything that is not a semantic version."""
    match = SEMVER.fullmatch(text or "")
    if match is None:
        return None
    major, minor, patch, pre = int(match[1]), int(match[2]), int(match[3]), match[4]
    if pre is None:
        return major, minor, patch, 1, ()
    parts = tuple((0, int(p)) if p.isdigit() else (1, p) for p in pre.split("."))
    return major, minor, patch, 0, parts


def package_version() -> str:
    """The policyspec package's version, from ``policyspec/_version.py`` (no metadata lookup)."""
    from policyspec._version import __version__

    return __version__
