"""A path as a person at this terminal would type or click it."""

from __future__ import annotations

from pathlib import Path

__all__ = ["display_name"]


def display_name(path: Path) -> str:
    """The path as an editor would click it: relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # outside the working directory, or a symlink loop
        return str(path)
