"""A project's configuration and the one rule every command follows when given no paths.

:func:`~.discovery.find_project` finds the project the working directory belongs to (a
``pyproject.toml`` with ``[tool.policyspec]``, a ``policyspec.toml``, or a ``specs/`` folder
here) and reads its :class:`~.settings.Settings`; :func:`~.corpus.default_corpus` says which
specs a command without paths works on. Nothing heavy is imported: the command line reads the
configuration before it checks anything.
"""

from __future__ import annotations

from policyspec._lazy import resolve

TYPE_CHECKING = False
if TYPE_CHECKING:
    from policyspec.config.corpus import DefaultCorpus as DefaultCorpus
    from policyspec.config.corpus import default_corpus as default_corpus
    from policyspec.config.discovery import find_project as find_project
    from policyspec.config.settings import ConfigError as ConfigError
    from policyspec.config.settings import Project as Project
    from policyspec.config.settings import ReleaseSettings as ReleaseSettings
    from policyspec.config.settings import Settings as Settings

__all__ = [
    "ConfigError",
    "DefaultCorpus",
    "Project",
    "ReleaseSettings",
    "Settings",
    "default_corpus",
    "find_project",
]

_HOME = {
    "DefaultCorpus": "policyspec.config.corpus",
    "default_corpus": "policyspec.config.corpus",
    "find_project": "policyspec.config.discovery",
    "ConfigError": "policyspec.config.settings",
    "Project": "policyspec.config.settings",
    "ReleaseSettings": "policyspec.config.settings",
    "Settings": "policyspec.config.settings",
}


if not TYPE_CHECKING:

    def __getattr__(name: str) -> object:
        return resolve(__name__, _HOME, globals(), name)

    def __dir__() -> list[str]:
        return sorted({*globals(), *__all__})
