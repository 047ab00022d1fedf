"""The should-fail corpus: one file per hazard users met, each with its exact expected output.

``tests/hazards/NAME.yaml`` is checked as ``policyspec validate --sources tests/examples/sources
[words of NAME.args] tests/hazards/NAME.yaml`` from the repository root; the output must be
``NAME.expected`` byte for byte and the exit code 1. ``fmt --check`` must answer the same file
without a traceback. Hazards that cannot be committed as files (named pipes, symbolic-link
loops, folders named ``*.yaml``) are made in a temporary folder below.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, RunCli

HAZARDS = sorted((REPO / "tests" / "hazards").glob("*.yaml"))
SAMPLE = REPO / "tests" / "examples" / "valid" / "complete.yaml"
SOURCES = REPO / "tests" / "examples" / "sources"


def _args(hazard: Path) -> list[str]:
    options = hazard.with_suffix(".args")
    return options.read_text(encoding="utf-8").split() if options.exists() else []


def test_there_is_a_hazard_corpus() -> None:
    assert len(HAZARDS) >= 15
    assert all(hazard.with_suffix(".expected").is_file() for hazard in HAZARDS)


@pytest.mark.parametrize("hazard", HAZARDS, ids=lambda p: p.stem)
def test_each_hazard_is_refused_with_its_positioned_diagnostic(run_cli: RunCli, hazard: Path) -> None:
    relative = str(hazard.relative_to(REPO))
    result = run_cli("validate", "--sources", "tests/examples/sources", *_args(hazard), relative)
    assert result.out == hazard.with_suffix(".expected").read_text(encoding="utf-8")
    assert result.code == 1
    assert result.out.startswith(f"{relative}:")


@pytest.mark.parametrize("hazard", HAZARDS, ids=lambda p: p.stem)
def test_fmt_answers_each_hazard_and_leaves_it_alone(run_cli: RunCli, hazard: Path) -> None:
    before = hazard.read_bytes()
    result = run_cli("fmt", "--check", str(hazard.relative_to(REPO)))
    assert result.code in (0, 1)
    assert "Traceback" not in result.out + result.err
    assert hazard.read_bytes() == before


# --- hazards of the file system ---------------------------------------------------------------


def _policyspec(*args: str, cwd: Path, timeout: float = 20) -> subprocess.CompletedProcess[str]:
    """The real command in a child process, so a hang is a timeout and a traceback is visible."""
    return subprocess.run(
        [sys.executable, "-m", "policyspec", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.fixture
def specs(tmp_path: Path) -> Path:
    folder = tmp_path / "specs"
    folder.mkdir()
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "sample.txt").write_bytes((SOURCES / "sample.txt").read_bytes())
    (folder / "good.yaml").write_bytes(SAMPLE.read_bytes())
    return folder


def _special_entries(folder: Path) -> dict[str, str]:
    """Make one entry of each kind that is not a regular file; their names and expected reasons."""
    os.mkfifo(folder / "pipe.yaml")
    (folder / "loop-a.yaml").symlink_to("loop-b.yaml")
    (folder / "loop-b.yaml").symlink_to("loop-a.yaml")
    (folder / "folder.yaml").mkdir()
    (folder / "device.yaml").symlink_to("/dev/zero")
    return {
        "pipe.yaml": "not a regular file but a named pipe (FIFO)",
        "loop-a.yaml": "Too many levels of symbolic links",
        "loop-b.yaml": "Too many levels of symbolic links",
        "folder.yaml": "not a regular file but a folder",
        "device.yaml": "not a regular file but a character device",
    }


@pytest.mark.parametrize("command", [["validate"], ["validate", "--jobs", "2"], ["fmt"], ["fmt", "--check"]])
def test_entries_that_are_not_regular_files_are_named_never_waited_on(
    specs: Path, command: list[str]
) -> None:
    reasons = _special_entries(specs)
    result = _policyspec(*command, "specs", cwd=specs.parent)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    for name, reason in reasons.items():
        assert f"specs/{name}:1:1: PS010 cannot read the file: {reason}" in result.stdout
    assert (specs / "good.yaml").read_bytes() == SAMPLE.read_bytes()


def test_a_source_text_that_is_a_named_pipe_is_reported(specs: Path) -> None:
    source = specs.parent / "sources" / "sample.txt"
    source.unlink()
    os.mkfifo(source)
    result = _policyspec("validate", "specs", cwd=specs.parent)
    assert result.returncode == 1
    assert "PS217 source text cannot be used: sources/sample.txt: not a regular file but a named pipe" in (
        result.stdout
    )


def test_a_source_text_larger_than_the_limit_is_reported_not_read(specs: Path) -> None:
    result = _policyspec("validate", "--max-source-bytes", "100", "specs", cwd=specs.parent)
    assert result.returncode == 1
    assert "PS217 source text cannot be used: sources/sample.txt is larger than 100 bytes" in result.stdout


def test_a_source_text_with_invalid_utf8_is_reported_never_repaired(specs: Path) -> None:
    source = specs.parent / "sources" / "sample.txt"
    source.write_bytes(source.read_bytes().replace("满意率".encode(), b"\xff\xfe\xfd"))
    result = _policyspec("validate", "specs", cwd=specs.parent)
    assert result.returncode == 1
    assert "PS217 source text cannot be used: sources/sample.txt:4:" in result.stdout
    assert "not UTF-8" in result.stdout
    assert "PS201" not in result.stdout  # the quotes are not searched in a repaired text
