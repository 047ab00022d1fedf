"""The workflow that publishes a release runs the release these tests check, on a tag, with
Parquet, and attaches every file to the GitHub release."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.acceptance.test_release import PUBLISHED
from tests.conftest import REPO

WORKFLOW = REPO / ".github" / "workflows" / "release.yml"


@pytest.fixture(scope="module")
def workflow() -> dict[Any, Any]:
    loaded: dict[Any, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return loaded


def _steps(workflow: dict[Any, Any]) -> list[dict[str, Any]]:
    [job] = workflow["jobs"].values()
    steps: list[dict[str, Any]] = job["steps"]
    return steps


def _commands(workflow: dict[Any, Any], program: str) -> list[list[str]]:
    """Every command line of the workflow's run steps that starts with ``program``."""
    lines = [line.strip() for step in _steps(workflow) for line in str(step.get("run", "")).splitlines()]
    return [shlex.split(line) for line in lines if line.startswith(program + " ")]


def test_it_runs_on_a_version_tag(workflow: dict[Any, Any]) -> None:
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert triggers == {"push": {"tags": ["v*"]}}
    assert workflow["permissions"] == {"contents": "write"}


def test_it_installs_the_parquet_extra(workflow: dict[Any, Any]) -> None:
    installs = [c for c in _commands(workflow, "python") if c[1:4] == ["-m", "pip", "install"]]
    assert installs == [["python", "-m", "pip", "install", ".[parquet]"]]


def test_its_release_command_is_the_one_the_acceptance_tests_run(workflow: dict[Any, Any]) -> None:
    [command] = [c for c in _commands(workflow, "policyspec") if c[1] == "release"]
    assert command[:-1] == ["policyspec", *PUBLISHED]
    folder = command[-1]
    assert not Path(folder).is_absolute()
    checks = [step for step in _steps(workflow) if str(step.get("run", "")).startswith("sha256sum --check")]
    assert [step.get("working-directory") for step in checks] == [folder]


def test_it_attaches_the_files_with_the_workflow_token(workflow: dict[Any, Any]) -> None:
    [job] = workflow["jobs"].values()
    assert job["env"]["GH_TOKEN"] == "${{ secrets.GITHUB_TOKEN }}"
    text = WORKFLOW.read_text(encoding="utf-8")
    assert 'gh release create "$TAG"' in text
    assert 'gh release upload "$TAG" --clobber' in text
    assert "find release -maxdepth 1 -type f" in text  # every top-level file, and the archive of all


def test_the_diff_gate_uses_the_check_version_option(workflow: dict[Any, Any]) -> None:
    [diff] = [c for c in _commands(workflow, "policyspec") if c[1] == "diff"]
    assert "--check-version" in diff
