"""The version of the released DATA, kept apart from the version of the policyspec package.

One place, shipped in the wheel: ``policyspec release`` stamps it on every file it writes and
CHANGELOG.md says what changed between versions. Bump it with every release whose data differ
(``policyspec diff OLD NEW`` reports the smallest bump the changes call for):

- major: an indicator or document removed, or a field renamed or given a new meaning;
- minor: an indicator or document added (existing rows unchanged);
- patch: corrections of existing rows (a value, a quote, a translation), each listed in CHANGELOG.md.
"""

from __future__ import annotations

__all__ = ["DATA_VERSION", "package_version"]

DATA_VERSION = "2.0.0"


def package_version() -> str:
    """The policyspec package's version, from ``policyspec/_version.py`` (no metadata lookup)."""
    from policyspec._version import __version__

    return __version__
