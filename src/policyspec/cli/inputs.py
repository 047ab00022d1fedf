"""What a command works on, from its options and the project's configuration, decided once.

The project is found from the working directory (:func:`policyspec.config.find_project`); its
settings apply unless an option overrides them. No paths means the one rule of
:func:`policyspec.config.default_corpus`, whose label the output repeats so that nobody mistakes
a check of the bundled corpus for a check of their own specs.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from policyspec.cli.arguments import LIMIT_OPTIONS, UsageError

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from policyspec.config.corpus import DefaultCorpus
    from policyspec.config.settings import Project
    from policyspec.diagnostics import Diagnostic
    from policyspec.loading.check import CheckedSpec
    from policyspec.loading.options import CheckOptions
    from policyspec.loading.paths import SpecPaths

__all__ = ["Inputs", "check_options", "kept", "refused", "reported", "resolve_inputs", "spec_paths"]


@dataclass(frozen=True)
class Inputs:
    """The spec files, which corpus they are when none were named, how to check them, and which
    codes to report."""

    paths: Sequence[Path]
    corpus: DefaultCorpus | None
    options: CheckOptions
    enabled: frozenset[str]
    project: Project | None

    @property
    def label(self) -> str | None:
        """``bundled corpus`` or ``specs/ of /path``: said in the output when no paths were given."""
        return self.corpus.label if self.corpus is not None else None


def resolve_inputs(args: argparse.Namespace, *, expand: bool = True) -> Inputs:
    """The inputs of a command; :class:`~policyspec.config.ConfigError` for a broken configuration,
    :class:`UsageError` for paths that name no specs. ``expand=False`` leaves ``paths`` empty
    (a spec read from standard input)."""
    from policyspec.config.corpus import NoSpecsFolder, default_corpus
    from policyspec.config.discovery import find_project

    project = find_project()
    corpus = None
    paths: Sequence[Path] = ()
    if expand:
        given = getattr(args, "paths", None) or None
        try:
            if given is None:
                corpus = default_corpus(project)
                given = [str(corpus.folder)]
        except NoSpecsFolder as error:
            raise UsageError(str(error)) from None
        paths = _expanded(given)
    return Inputs(paths, corpus, _options(args, project), _enabled(args, project), project)


def _expanded(given: list[str]) -> SpecPaths:
    from policyspec.loading.paths import SpecPathError, SpecPaths, expand_paths

    try:
        return SpecPaths(expand_paths(given))  # held as text to the end: see SpecPaths
    except SpecPathError as error:
        raise UsageError(str(error)) from None


def _options(args: argparse.Namespace, project: Project | None) -> CheckOptions:
    from policyspec.limits import DEFAULT_LIMITS, Limits
    from policyspec.loading.options import CheckOptions

    configured = project.settings if project is not None else None
    limits = {}
    for name in LIMIT_OPTIONS:
        given = getattr(args, name, None)
        default = configured.limits.get(name) if configured is not None else None
        limits[name] = (
            given if given is not None else default if default is not None else getattr(DEFAULT_LIMITS, name)
        )
    sources: tuple[Path, ...] = tuple(getattr(args, "sources", None) or ())
    if not sources and configured is not None and configured.sources is not None:
        sources = (configured.sources,)
    return CheckOptions(Limits(**limits), sources, getattr(args, "jobs", 1))


def _enabled(args: argparse.Namespace, project: Project | None) -> frozenset[str]:
    from policyspec.config.selection import Layer, enabled_codes

    layers = []
    if project is not None:
        layers.append(Layer(project.settings.select, project.settings.ignore))
    select, ignore = getattr(args, "select", None), getattr(args, "ignore", None)
    if select is not None or ignore is not None:
        layers.append(Layer(tuple(select) if select is not None else None, tuple(ignore or ())))
    return enabled_codes(layers)


def kept(diagnostics: Iterable[Diagnostic], enabled: frozenset[str]) -> list[Diagnostic]:
    """The diagnostics of the codes selected, sorted."""
    return sorted(d for d in diagnostics if d.code in enabled)


def spec_paths(args: argparse.Namespace) -> Sequence[Path]:
    """The spec files a command works on (its paths, or the one rule for none)."""
    return resolve_inputs(args).paths


def check_options(args: argparse.Namespace) -> CheckOptions:
    """The one options value a check takes: the options given, else the project's settings."""
    return resolve_inputs(args, expand=False).options


def refused(checked: Iterable[CheckedSpec], enabled: frozenset[str]) -> list[Diagnostic]:
    """What stops a command that needs documents: the selected errors, and every error of a spec
    whose document could not be built at all (no selection makes such a spec usable)."""
    problems: list[Diagnostic] = []
    for spec in checked:
        if spec.document is None:
            problems.extend(d for d in spec.diagnostics if d.severity == "error")
        else:
            problems.extend(d for d in spec.diagnostics if d.code in enabled and d.severity == "error")
    return sorted(problems)


def reported(checked: Iterable[CheckedSpec], enabled: frozenset[str]) -> list[Diagnostic]:
    """What a command that needs documents prints: the selected diagnostics, and what refuses it."""
    specs = list(checked)
    selected = kept((d for spec in specs for d in spec.diagnostics), enabled)
    return sorted(set(refused(specs, enabled)) | set(selected))
