"""check-jsonschema, a validator knowing nothing of policyspec, agrees with it through the schema.

It accepts what we accept (the bundled specs: tests/unit/test_schema.py; the valid examples:
here) and rejects every structural error example (PS1xx) at the place our validator names.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policyspec.loading.check import check_spec
from tests.clients.tools import find_program, run
from tests.conftest import EXAMPLES, REPO

CHECK_JSONSCHEMA = find_program("check-jsonschema")
pytestmark = pytest.mark.skipif(CHECK_JSONSCHEMA is None, reason="check-jsonschema not found")

SCHEMA = REPO / "schemas" / "policyspec.schema.json"
STRUCTURAL_ERRORS = sorted((EXAMPLES / "invalid").glob("PS1*.yaml"))
VALID = sorted((EXAMPLES / "valid").glob("*.yaml"))


def _check(*specs: Path) -> tuple[int, dict[str, object]]:
    command = [CHECK_JSONSCHEMA or "check-jsonschema", "--output-format", "json", "--schemafile", str(SCHEMA)]
    result = run([*command, *map(str, specs)], cwd=REPO, timeout=60)
    return result.returncode, json.loads(result.stdout)


def _within(path: str, other: str) -> bool:
    """``$.a[2].b`` is within ``$.a[2]`` and within itself."""
    return path == other or path.startswith((other + ".", other + "["))


def test_structural_error_examples_exist() -> None:
    assert {"PS101", "PS102", "PS103", "PS104"} <= {p.name.split("-")[0] for p in STRUCTURAL_ERRORS}


def test_valid_examples_are_accepted() -> None:
    code, report = _check(*VALID)
    assert (code, report["status"]) == (0, "ok"), report


@pytest.mark.parametrize("example", STRUCTURAL_ERRORS, ids=lambda p: p.stem)
def test_structural_error_is_rejected_where_policyspec_points(example: Path) -> None:
    code, report = _check(example)

    assert (code, report["status"], report["parse_errors"]) == (1, "fail", []), report
    theirs = [str(error["path"]) for error in report["errors"]]  # type: ignore[attr-defined]
    ours = [d.json_path for d in check_spec(example).diagnostics if d.code.startswith("PS1")]
    assert theirs
    assert ours
    # Every problem either tool finds is at (or inside) a place the other one names.
    assert all(any(_within(mine, path) for mine in ours) for path in theirs), (theirs, ours)
    assert all(any(_within(mine, path) for path in theirs) for mine in ours), (theirs, ours)
