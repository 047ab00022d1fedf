"""Misuse of the command line ends in a message and an exit code, never a traceback.

Bad input is exit 1 with a diagnostic; a command line that asks for the impossible is exit 2
with a message; output that cannot be written is exit 1 with a message on stderr. Each case runs
the real command in a child process, with a deadline, from a scratch folder holding a copy of
the bundled specs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from policyspec.cli.registry import COMMANDS_BY_NAME
from tests.conftest import REPO, RunCli


def _policyspec(
    *args: str, cwd: Path, env: dict[str, str] | None = None, **streams: object
) -> subprocess.CompletedProcess[bytes]:
    completed: subprocess.CompletedProcess[bytes] = subprocess.run(  # type: ignore[call-overload]
        [sys.executable, "-m", "policyspec", *args],
        cwd=cwd,
        env={**os.environ, **(env or {})},
        capture_output=not streams,
        timeout=60,
        check=False,
        **streams,
    )
    return completed


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("project")
    shutil.copytree(REPO / "specs", root / "specs")
    shutil.copytree(REPO / "sources", root / "sources")
    (root / "empty").mkdir()
    return root


def _assert_no_traceback(result: subprocess.CompletedProcess[bytes]) -> None:
    assert b"Traceback" not in (result.stderr or b"") + (result.stdout or b"")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["validate", "--max-bytes", "99999999999999999999999", "specs"], b"--max-bytes"),
        (["validate", "--max-bytes", "-5", "specs"], b"--max-bytes"),
        (["validate", "--max-depth", "0", "specs"], b"--max-depth"),
        (["validate", "--max-nodes", "1e9", "specs"], b"--max-nodes"),
        (["validate", "--jobs", "100000", "specs"], b"--jobs"),
        (["indicators", "--due-by", "99999999999999999999999", "specs"], b"--due-by"),
        (["validate", "--sources", "no-such-folder", "specs"], b"--sources no-such-folder: no such folder"),
        (["validate", "empty"], b"the folder empty holds no spec files"),
        (["fmt", "--check", "empty"], b"the folder empty holds no spec files"),
        (["release", "--out", "out", "empty"], b"the folder empty holds no spec files"),
    ],
)
def test_an_impossible_command_line_is_a_usage_error(project: Path, args: list[str], message: bytes) -> None:
    result = _policyspec(*args, cwd=project)
    assert result.returncode == 2
    assert message in result.stderr
    _assert_no_traceback(result)


def test_a_missing_spec_file_is_a_positioned_diagnostic(project: Path) -> None:
    result = _policyspec("validate", "specs/nope.yaml", cwd=project)
    assert result.returncode == 1
    assert result.stdout.startswith(b"specs/nope.yaml:1:1: PS010 cannot read the file: No such file")


def test_a_closed_standard_output_is_reported_on_stderr(project: Path) -> None:
    # Closing descriptor 1 in the child, as `policyspec indicators specs >&-` does in a shell.
    result = subprocess.run(
        ["sh", "-c", f'exec "{sys.executable}" -m policyspec indicators specs >&-'],
        cwd=project,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert b"cannot write the output: standard output is closed" in result.stderr
    _assert_no_traceback(result)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_under_standard_output_is_reported(project: Path) -> None:
    with open("/dev/full", "wb") as full:
        result = _policyspec("indicators", "specs", cwd=project, stdout=full, stderr=subprocess.PIPE)
    assert result.returncode == 1
    assert b"cannot write the output: No space left on device" in result.stderr
    _assert_no_traceback(result)


def test_a_broken_pipe_is_not_an_error(project: Path) -> None:
    reader, writer = os.pipe()
    os.close(reader)  # nobody will read: the first write breaks the pipe
    try:
        result = _policyspec("indicators", "specs", cwd=project, stdout=writer, stderr=subprocess.PIPE)
    finally:
        os.close(writer)
    assert result.returncode == 0
    assert result.stderr == b""


def test_an_ascii_only_locale_gets_escapes_not_a_traceback(project: Path) -> None:
    (project / "specs" / "bad.yaml").write_text("id: 示范\n", encoding="utf-8")
    try:
        result = _policyspec("validate", "specs/bad.yaml", cwd=project, env={"PYTHONIOENCODING": "ascii"})
    finally:
        (project / "specs" / "bad.yaml").unlink()
    assert result.returncode == 1
    assert b"\\u793a\\u8303" in result.stdout
    result.stdout.decode("ascii")  # nothing but ASCII was written
    _assert_no_traceback(result)


def test_a_bug_is_reported_in_one_line_not_a_traceback(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(args: object) -> int:
        raise RuntimeError("something impossible")

    monkeypatch.setitem(COMMANDS_BY_NAME, "validate", replace(COMMANDS_BY_NAME["validate"], run=broken))
    monkeypatch.delenv("POLICYSPEC_DEBUG", raising=False)
    result = run_cli("validate")
    assert result.code == 1
    assert result.err.startswith("policyspec: internal error: test_cli_misuse.py:")
    assert "RuntimeError: something impossible" in result.err
    monkeypatch.setenv("POLICYSPEC_DEBUG", "1")
    with pytest.raises(RuntimeError):
        run_cli("validate")
