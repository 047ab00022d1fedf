"""The examples in the query API's docstrings and in docs/api.md run on the bundled corpus and pass."""

from __future__ import annotations

import doctest
import importlib

import pytest

import policyspec
from tests.conftest import REPO

MODULES = [
    "policyspec",
    "policyspec.api.query",
    "policyspec.api.compare",
    "policyspec.api.timeline",
    "policyspec.api.evaluate",
    "policyspec.api.corpus",
    "policyspec.api.frames",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_pass(name: str) -> None:
    module = importlib.import_module(name)
    # Each docstring runs in a fresh namespace; examples below the module docstring use the
    # `corpus` that the module docstring loads, so it is provided here the same way.
    globs = {"policyspec": policyspec, "corpus": policyspec.load()}
    result = doctest.testmod(module, extraglobs=globs, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0, f"{name} has no examples"
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples of {name} failed (see above)"


def test_the_api_reference_examples_pass() -> None:
    result = doctest.testfile(
        str(REPO / "docs" / "api.md"), module_relative=False, optionflags=doctest.ELLIPSIS
    )
    assert result.attempted > 0
    assert result.failed == 0, (
        f"{result.failed} of {result.attempted} examples in docs/api.md failed (see above)"
    )
