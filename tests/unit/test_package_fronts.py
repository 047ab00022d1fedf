"""Package fronts: every public name is there at run time, lazily, and visible to type checkers.

A front's module ``__getattr__`` imports names on first use, so ``import policyspec`` stays cheap
(``test_api.test_import_is_light``). Type checkers do not see that ``__getattr__``: they see the
names re-exported under ``TYPE_CHECKING``, so ``policyspec.lod()`` is a type error, not ``Any``.
"""

from __future__ import annotations

import ast
import importlib
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from types import ModuleType

import pytest

import policyspec
from tests.conftest import REPO

SRC = REPO / "src" / "policyspec"
LAZY_FRONTS = sorted(
    ".".join(path.relative_to(SRC.parent).with_suffix("").parts[:-1])
    for path in SRC.rglob("__init__.py")
    if "from policyspec._lazy import resolve" in path.read_text(encoding="utf-8")
)


def _type_checking_exports(module: ModuleType) -> dict[str, str]:
    """``name: module`` for each ``from module import name as name`` under ``if TYPE_CHECKING:``."""
    tree = ast.parse(Path(str(module.__file__)).read_text(encoding="utf-8"))
    exports = {}
    for node in tree.body:
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            for statement in node.body:
                if isinstance(statement, ast.ImportFrom) and statement.module:
                    for alias in statement.names:
                        assert alias.asname == alias.name, f"{alias.name}: re-export it as itself"
                        exports[alias.name] = statement.module
    return exports


def test_the_fronts_are_found() -> None:
    assert {"policyspec", "policyspec.reading"} <= set(LAZY_FRONTS)


@pytest.mark.parametrize("name", LAZY_FRONTS)
def test_a_front_lists_each_name_once_in_all_home_and_for_type_checkers(name: str) -> None:
    front = importlib.import_module(name)
    home: dict[str, str] = front._HOME
    exports = _type_checking_exports(front)
    eager = {n for n in front.__all__ if n not in home and n in vars(front)}
    assert set(home) | eager == set(front.__all__)
    for export, module in exports.items():
        defined_at_run_time = hasattr(importlib.import_module(module), export)
        # A name only type checkers know (a type alias defined under TYPE_CHECKING) stays out of
        # __all__, which says what an import finds at run time.
        assert (export in front.__all__) == defined_at_run_time, export
        if defined_at_run_time:
            assert home[export] == module, export
    assert set(home) <= set(exports), "a lazy name type checkers cannot see"


@pytest.mark.parametrize("name", LAZY_FRONTS)
def test_every_public_name_resolves_to_its_module_s_object(name: str) -> None:
    code = textwrap.dedent(f"""
        import importlib, {name} as front
        for export in front.__all__:
            value = getattr(front, export)
            home = front._HOME.get(export)
            assert home is None or value is getattr(importlib.import_module(home), export), export
        assert sorted(front.__all__) == sorted(n for n in dir(front) if n in front.__all__)
        from {name} import *
        try:
            front.no_such_name
        except AttributeError as error:
            assert "no_such_name" in str(error)
        else:
            raise AssertionError("an unknown name must raise AttributeError")
        print("ok")
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.stdout.strip() == "ok", result.stderr


def test_the_version_is_a_public_name() -> None:
    from policyspec._version import __version__

    assert "__version__" in policyspec.__all__
    assert policyspec.__version__ == __version__


MISSPELT = """\
import policyspec
from policyspec.reading import read_phrse

policyspec.lod()
"""

# Uses every name of policyspec.__all__ as its documentation says (a test checks that it does).
EVERY_NAME = """\
from __future__ import annotations

from fractions import Fraction

import policyspec
from policyspec.reading import Statement, StatementKind, find_statements

version: str = policyspec.__version__
limits: policyspec.Limits = policyspec.Limits(max_bytes=2**20)
try:
    corpus: policyspec.Corpus = policyspec.load(limits=limits)
except policyspec.PolicyspecError as error:
    problems: tuple[policyspec.Diagnostic, ...] = error.diagnostics
    raise
document: policyspec.Document = corpus["wuxi-party-building-model-zone"]
indicator: policyspec.Indicator = document.indicators[0]
target: policyspec.Target = indicator.target
goals: list[policyspec.Goal] = document.goals
measures: list[policyspec.Measure] = document.measures
principles: list[policyspec.Principle] = document.principles
sections: list[policyspec.Section] = document.sections
criteria = policyspec.IndicatorFilter(topic="research-time")
try:
    records: list[policyspec.IndicatorRecord] = corpus.indicators(topic="research-time")
except policyspec.QueryError:
    raise
exact: Fraction | None = records[0].exact_value
rows: list[policyspec.ComparisonRow] = corpus.compare("research-time")
entries: list[policyspec.TimelineEntry] = corpus.timeline()
verdict: policyspec.Evaluation = corpus.evaluate(document.id, indicator.id, 93)
statements: list[Statement] = find_statements("每年轮训300名左右")
kinds: list[StatementKind] = [statement.kind for statement in statements]
"""


@pytest.fixture(scope="module")
def mypy_output(tmp_path_factory: pytest.TempPathFactory) -> str:
    """mypy --strict, as a user runs it (no project configuration), on the two scripts above."""
    folder = tmp_path_factory.mktemp("typed")
    (folder / "misspelt.py").write_text(MISSPELT, encoding="utf-8")
    (folder / "every_name.py").write_text(EVERY_NAME, encoding="utf-8")
    command = [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", "--cache-dir", "cache"]
    result = subprocess.run(
        [*command, "misspelt.py", "every_name.py"], cwd=folder, capture_output=True, text=True, check=False
    )
    assert result.returncode in (0, 1), result.stderr  # 2 would be mypy's own failure
    return result.stdout


def test_a_misspelt_name_is_a_type_error(mypy_output: str) -> None:
    misspelt = [line for line in mypy_output.splitlines() if line.startswith("misspelt.py:")]
    assert any('has no attribute "lod"' in line for line in misspelt), mypy_output
    assert any('"read_phrse"' in line for line in misspelt), mypy_output


def test_every_public_name_type_checks(mypy_output: str) -> None:
    assert not [line for line in mypy_output.splitlines() if line.startswith("every_name.py:")]


def test_the_typed_script_uses_every_public_name() -> None:
    used = set(re.findall(r"policyspec\.(\w+)", EVERY_NAME))
    assert set(policyspec.__all__) <= used
