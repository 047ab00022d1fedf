"""Every diagnostic code has an example that triggers it, with its exact expected output.

The golden ``.expected`` files are the specification of what an editor sees: position, code,
message and hint. An example is a spec file ``<CODE>-<name>.yaml``, or, for a code about more
than one file, a folder ``<CODE>-<name>/`` of specs checked together; its ``.expected`` (and an
``.args`` file with the options it is checked with) sit beside it, named the same. A code about
the project's configuration has a folder ``config/<CODE>-<name>/`` holding the configuration
file: ``validate`` run there refuses to start (exit 2) and prints exactly the ``.expected`` text.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from policyspec.codes import CODES_BY_ID
from tests.conftest import EXAMPLES, REPO, RunCli

_EXAMPLE_NAME = re.compile(r"PS\d{3}-[a-z0-9-]+(\.yaml)?")
INVALID = sorted(path for path in (EXAMPLES / "invalid").iterdir() if _EXAMPLE_NAME.fullmatch(path.name))
VALID = sorted((EXAMPLES / "valid").glob("*.yaml"))
CONFIG = sorted(path for path in (EXAMPLES / "config").iterdir() if path.is_dir())


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
    assert result.code == (0 if CODES_BY_ID[code].severity == "warning" else 1)


@pytest.mark.parametrize("example", VALID, ids=lambda p: p.stem)
def test_valid_example_is_clean(run_cli: RunCli, example: Path) -> None:
    result = run_cli("validate", str(example.relative_to(REPO)))
    assert result.code == 0, result.out
    assert result.out.strip().endswith("no problems.")


@pytest.mark.parametrize("example", CONFIG, ids=lambda p: p.name)
def test_config_example_refuses_to_start_with_exactly_the_expected_diagnostics(
    run_cli: RunCli, example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(example)
    result = run_cli("validate")
    assert result.code == 2
    assert result.out == ""
    assert result.err == example.with_suffix(".expected").read_text(encoding="utf-8")
    assert f": {example.name.split('-')[0]} " in result.err
