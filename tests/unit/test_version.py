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


def test_version_is_answered_before_the_parser_is_built() -> None:
    """``policyspec --version`` imports neither argparse nor the commands: start-up is the interpreter's."""
    import subprocess
    import sys

    code = (
        "import sys; from policyspec.cli import main; main(['--version']); "
        "heavy = ('argparse', 'policyspec.cli.program', 'importlib.metadata'); "
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    from policyspec.release.version import DATA_VERSION

    assert result.stdout.splitlines() == [f"policyspec {policyspec.__version__} (data {DATA_VERSION})", "[]"]
