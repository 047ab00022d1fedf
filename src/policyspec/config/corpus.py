"""The one rule for a command given no paths, the same for every command.

Inside a policyspec project (see :mod:`.discovery`) a command works on the project's own specs
folder; anywhere else on the bundled corpus. Either way the command says which, with the label
of :class:`DefaultCorpus`: ``bundled corpus``, or ``specs/ of /path/to/project``. A checkout of
policyspec itself is a project whose specs folder *is* the bundled corpus, and is called so.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from policyspec.config.settings import Project

__all__ = ["BUNDLED_LABEL", "DefaultCorpus", "NoSpecsFolder", "default_corpus"]

BUNDLED_LABEL = "bundled corpus"


class NoSpecsFolder(Exception):
    """The project found has no specs folder, so there is nothing to default to (a usage error)."""


@dataclass(frozen=True)
class DefaultCorpus:
    """The folder of specs to use when no paths are given, and how to name it in the output.

    ``project`` is False for the bundled corpus outside any project: it belongs to the installed
    package, and a command that rewrites files (``fmt``) must not touch it.
    """

    folder: Path
    label: str
    project: bool


def default_corpus(project: Project | None) -> DefaultCorpus:
    """The project's specs folder, or the bundled corpus when there is no project."""
    from policyspec.bundled import bundled_dir

    if project is None:
        return DefaultCorpus(bundled_dir("specs"), BUNDLED_LABEL, project=False)
    folder = project.specs
    if not folder.is_dir():
        where = f"set 'specs' in {project.config_file.name}" if project.config_file else "create specs/"
        raise NoSpecsFolder(
            f"the project at {project.root} has no folder {folder.name}/: give spec files or folders, "
            f"or {where}"
        )
    if _same(folder, bundled_dir("specs")):
        return DefaultCorpus(folder, BUNDLED_LABEL, project=True)
    try:
        shown = folder.relative_to(project.root).as_posix()
    except ValueError:
        shown = str(folder)
    return DefaultCorpus(folder, f"{shown}/ of {project.root}", project=True)


def _same(one: Path, other: Path) -> bool:
    try:
        return one.resolve() == other.resolve()
    except OSError:
        return False
