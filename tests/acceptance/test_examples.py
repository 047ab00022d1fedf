"""Every diagnostic code has an example file that triggers it, with its exact expected output.

The golden ``.expected`` files are the specification of what an editor sees: position, code,
message and hint. An ``.args`` file beside an example holds the options it is checked with.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from policyspec.codes import CODES_BY_ID
from tests.conftest import EXAMPLES, REPO, RunCli

INVALID = sorted((EXAMPLES / "invalid").glob("*.yaml"))
VALID = sorted((EXAMPLES / "valid").glob("*.yaml"))
# PS010 (unreadable file) and PS012 (fmt cannot write) cannot be committed examples;
# tests/acceptance/test_cli.py and tests/unit/test_fmt.py cover them.
NOT_AS_FILES = {"PS010", "PS012"}


def _args(example: Path) -> list[str]:
    options = example.with_suffix(".args")
    return options.read_text(encoding="utf-8").split() if options.exists() else []


@pytest.mark.parametrize("example", INVALID, ids=lambda p: p.stem)
def test_invalid_example_gives_exactly_the_expected_diagnostics(run_cli: RunCli, example: Path) -> None:
    relative = str(example.relative_to(REPO))
    result = run_cli("validate", *_args(example), relative)
    expected = example.with_suffix(".expected").read_text(encoding="utf-8")
    assert result.out == expected
    code = example.stem.split("-")[0]
    assert f": {code} " in result.out
    assert result.code == (0 if CODES_BY_ID[code].id == "PS214" else 1)


@pytest.mark.parametrize("example", VALID, ids=lambda p: p.stem)
def test_valid_example_is_clean(run_cli: RunCli, example: Path) -> None:
    result = run_cli("validate", str(example.relative_to(REPO)))
    assert result.code == 0, result.out
    assert result.out.strip().endswith("no problems.")


def test_every_code_has_an_invalid_example() -> None:
    covered = {path.stem.split("-")[0] for path in INVALID}
    assert covered == set(CODES_BY_ID) - NOT_AS_FILES
