"""Shared fixtures: the repository root, and the CLI run in-process with its exit code."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from policyspec.cli.program import main

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "tests" / "examples"

# Hypothesis profiles, chosen by HYPOTHESIS_PROFILE (docs/testing.md): "ci", the default, keeps the
# property tests to seconds but meets new inputs on every run (the seed is printed in the header;
# replay a failure with --hypothesis-seed=N); "long" explores for real and remembers what failed.
_SLOW_IS_FINE = [HealthCheck.too_slow]
settings.register_profile(
    "ci",
    max_examples=60,
    deadline=None,
    database=None,
    print_blob=True,
    suppress_health_check=_SLOW_IS_FINE,
)
settings.register_profile("long", max_examples=10_000, deadline=None, suppress_health_check=_SLOW_IS_FINE)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def pytest_configure(config: pytest.Config) -> None:
    """One seed for the whole run, fresh each time unless given, so a failure can be replayed."""
    if config.getoption("hypothesis_seed", None) is None:
        config.option.hypothesis_seed = os.environ.get("HYPOTHESIS_SEED") or str(secrets.randbelow(2**32))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    seed = config.getoption("hypothesis_seed")
    terminalreporter.write_line(
        f"hypothesis seed: {seed} (replay: python -m pytest --hypothesis-seed={seed})"
    )


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


RunCli = Callable[..., Run]


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> RunCli:
    """Run ``policyspec ARGS`` from the repository root; usage errors exit through SystemExit."""
    monkeypatch.chdir(REPO)

    def run(*args: str) -> Run:
        try:
            code = main(list(args))
        except SystemExit as exit_:
            code = int(exit_.code or 0)
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run
