"""A project's configuration as typed values: what ``[tool.policyspec]`` of ``pyproject.toml`` (or
a ``policyspec.toml``) says, checked, with folders made absolute. ``None`` means the file says
nothing about a setting, so the command line's default applies; the command line overrides
whatever is set here."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the command line imports this module on every run: nothing more than needed
    from collections.abc import Sequence

    from policyspec.diagnostics import Diagnostic

__all__ = ["ConfigError", "Project", "ReleaseSettings", "Settings"]


class ConfigError(Exception):
    """The project's configuration cannot be used; carries its positioned diagnostics (exit 2)."""

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        self.diagnostics: tuple[Diagnostic, ...] = tuple(diagnostics)
        first = self.diagnostics[0] if self.diagnostics else None
        where = f"{first.file}:{first.line}:{first.column}: " if first else ""
        super().__init__(f"{where}{first.code} {first.message}" if first else "")


@dataclass(frozen=True)
class ReleaseSettings:
    """``[tool.policyspec.release]``: how a data release names itself (each optional).

    ``name`` is a Data Package name (lower case, digits, ``-._``), ``version`` a semantic version
    of the data, ``license`` an SPDX identifier such as ``CC-BY-4.0``.
    """

    name: str | None = None
    title: str | None = None
    version: str | None = None
    license: str | None = None


@dataclass(frozen=True)
class Settings:
    """Every setting a configuration may make; each ``None`` (or empty) when it makes none."""

    specs: Path | None = None  # the specs folder, absolute
    sources: Path | None = None  # the archived source texts, absolute
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    limits: dict[str, int] = field(default_factory=dict)  # Limits field name -> value
    release: ReleaseSettings = ReleaseSettings()


@dataclass(frozen=True)
class Project:
    """A policyspec project: its root folder, the file configuring it (None for a bare ``specs/``
    folder in the working directory) and what that file says."""

    root: Path
    config_file: Path | None
    settings: Settings = Settings()

    @property
    def specs(self) -> Path:
        """The project's specs folder: the configured one, else ``specs/`` in its root."""
        return self.settings.specs or self.root / "specs"
