"""One version, written once: the package, the command line and the installed metadata agree."""

from __future__ import annotations

import re
from importlib.metadata import PackageNotFoundError, version

import pytest

import policyspec
from policyspec.release.version import package_version


def test_the_package_says_its_version() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+(?:[.-]?\w+)?", policyspec.__version__)
    assert package_version() == policyspec.__version__


def test_the_installed_metadata_is_built_from_the_same_version() -> None:
    try:
        installed = version("policyspec")
    except PackageNotFoundError:
        pytest.skip("policyspec is not installed (pip install -e .)")
    assert installed == policyspec.__version__
