"""What a release says it is: its name, title, data version and license.

The bundled corpus has its own identity (:data:`BUNDLED_IDENTITY`). A corpus of one's own gets
an honest default (:func:`default_identity`): named after its project folder, version 0.1.0, and
no license, because policyspec cannot know under which terms someone else's data are shared.
Each field can be set from the command line or from a mapping (:meth:`ReleaseIdentity.from_mapping`,
for a configuration file); every value is checked when the identity is made.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, replace
from pathlib import Path

from policyspec.release.version import DATA_VERSION, SEMVER

__all__ = [
    "BUNDLED_IDENTITY",
    "DEFAULT_VERSION",
    "IdentityError",
    "ReleaseIdentity",
    "check_license",
    "check_name",
    "check_title",
    "check_version",
    "default_identity",
]

DEFAULT_VERSION = "0.1.0"
_NAME = re.compile(r"[a-z0-9._-]+")  # a Frictionless package name
_TITLE_LENGTH = 200


class IdentityError(ValueError):
    """A name, title, version or license that a release cannot carry; the message says why."""


def check_name(text: str) -> str:
    if not _NAME.fullmatch(text):
        raise IdentityError(
            f"release name {text!r} is not a package name: lowercase letters, digits, '.', '_' and '-' only"
        )
    return text


def check_title(text: str) -> str:
    if not text.strip() or "\n" in text or "\r" in text or len(text) > _TITLE_LENGTH:
        raise IdentityError(f"release title {text!r} must be one line of 1 to {_TITLE_LENGTH} characters")
    return text


def check_version(text: str) -> str:
    if not SEMVER.fullmatch(text):
        raise IdentityError(f"release version {text!r} is not a semantic version such as 1.0.0 or 2.1.0-rc.1")
    return text


def check_license(text: str) -> str:
    """An SPDX license id (MIT, CC-BY-4.0, CC0-1.0, LicenseRef-…), in its canonical spelling."""
    from packaging.licenses import InvalidLicenseExpression, canonicalize_license_expression

    try:
        canonical = str(canonicalize_license_expression(text))
    except InvalidLicenseExpression:
        canonical = ""
    if not canonical or " " in canonical:  # an expression (MIT OR Apache-2.0) is no single id
        raise IdentityError(
            f"release license {text!r} is not an SPDX license id such as CC-BY-4.0, CC0-1.0 or MIT "
            "(https://spdx.org/licenses/)"
        )
    return canonical


@dataclass(frozen=True)
class ReleaseIdentity:
    """The name, title, data version and license (an SPDX id, or None: none claimed) of a release."""

    name: str
    title: str
    version: str
    license: str | None = None

    def __post_init__(self) -> None:
        check_name(self.name)
        check_title(self.title)
        check_version(self.version)
        if self.license is not None:
            object.__setattr__(self, "license", check_license(self.license))

    @classmethod
    def from_mapping(
        cls, values: Mapping[str, object], *, base: ReleaseIdentity | None = None
    ) -> ReleaseIdentity:
        """An identity from ``name``, ``title``, ``version`` and ``license`` keys (as a
        ``[tool.policyspec]`` table holds them); keys missing are ``base``'s. Raises
        :class:`IdentityError` for an unknown key, a value that is not text, or a bad value."""
        known = [field.name for field in fields(cls)]
        unknown = sorted(set(values) - set(known))
        if unknown:
            raise IdentityError(
                f"unknown release setting {unknown[0]!r}: the settings are {', '.join(known)}"
            )
        for key, value in values.items():
            if not isinstance(value, str):
                raise IdentityError(f"release {key} must be text, not {type(value).__name__}")
        given = {key: str(value) for key, value in values.items()}
        if base is not None:
            return replace(base, **given)
        missing = [key for key in ("name", "title", "version") if key not in given]
        if missing:
            raise IdentityError(f"release {missing[0]} is missing")
        return cls(**given)


BUNDLED_IDENTITY = ReleaseIdentity(
    name="policyspec",
    title="policyspec release: policy documents as structured data",
    version=DATA_VERSION,
    license="CC-BY-4.0",
)


def _project_folder(specs: Sequence[Path]) -> Path:
    """The folder the specs belong to: their common folder, or its parent when that is ``specs/``."""
    folders = [path.resolve().parent for path in specs]
    common = folders[0]
    while not all(folder.is_relative_to(common) for folder in folders):
        common = common.parent
    return common.parent if common.name == "specs" and common.parent != common else common


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9._]+", "-", text.lower()).strip("-._")


def default_identity(specs: Sequence[Path]) -> ReleaseIdentity:
    """The identity of a release of ``specs`` when none is given: the bundled corpus's for the
    bundled specs; otherwise the project folder's name (``corpus`` if it has no usable letters),
    the title ``<name>: policy documents encoded with policyspec``, version 0.1.0, no license."""
    from policyspec.bundled import bundled_dir

    bundled = bundled_dir("specs").resolve()
    if specs and all(path.resolve().parent == bundled for path in specs):
        return BUNDLED_IDENTITY
    name = (_slug(_project_folder(specs).name) if specs else "") or "corpus"
    return ReleaseIdentity(name, f"{name}: policy documents encoded with policyspec", DEFAULT_VERSION)
