"""Where the bundled corpus lives: inside the installed wheel, or at the top of a checkout."""

from __future__ import annotations

from pathlib import Path

__all__ = ["bundled_dir", "bundled_specs"]

_PACKAGE = Path(__file__).resolve().parent


def bundled_dir(name: str) -> Path:
    """``specs``, ``sources``, ``schemas`` or ``docs``: wheel data first, then the source checkout."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the bundled '{name}' folder is missing from this installation of policyspec")


def bundled_specs() -> list[Path]:
    return sorted(bundled_dir("specs").glob("*.yaml"))
