"""A release owns only what it wrote (SHA256SUMS), and DIR always holds one complete release.

Checked with the tools a user has: ``sha256sum -c`` in the folder, ``kill -9`` from outside,
two ``policyspec release`` processes at once.
"""

from __future__ import annotations

import hashlib
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from policyspec.release.build import RELEASE_FILES
from tests.conftest import EXAMPLES, REPO, RunCli

SAMPLE = str(EXAMPLES / "valid" / "complete.yaml")
LEFTOVER = re.compile(r"\.out\..*\.tmp(\.old)?")

pytestmark = pytest.mark.skipif(shutil.which("sha256sum") is None, reason="needs coreutils sha256sum")


def _tree(folder: Path) -> dict[str, bytes | str]:
    """Every entry under ``folder``, hidden ones too: file bytes, link targets, folders."""
    tree: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        name = str(path.relative_to(folder))
        if path.is_symlink():
            tree[name] = f"-> {os.readlink(path)}"
        elif path.is_dir():
            tree[name] = "folder"
        else:
            tree[name] = path.read_bytes()
    return tree


def _sha256sum_check(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["sha256sum", "--check", "--strict", "SHA256SUMS"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def out(run_cli: RunCli, tmp_path: Path) -> Path:
    """A release of the example spec at tmp_path/out."""
    folder = tmp_path / "out"
    assert run_cli("release", "--out", str(folder), SAMPLE).code == 0
    return folder


# --- SHA256SUMS -----------------------------------------------------------------------------------


def _files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_sha256sum_checks_every_file_of_a_release(out: Path) -> None:
    checked = _sha256sum_check(out)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    listed = [line.split("  ", 1)[1] for line in (out / "SHA256SUMS").read_text("ascii").splitlines()]
    assert listed == [path for path in _files(out) if path != "SHA256SUMS"]  # sorted, folders too
    assert "sources/sample.txt" in listed
    assert {path for path in _files(out) if "/" not in path} == set(RELEASE_FILES)
    assert (out / "SHA256SUMS").read_bytes().endswith(b"\n")
    assert b"\r" not in (out / "SHA256SUMS").read_bytes()


def test_sha256sum_notices_an_edited_file(out: Path) -> None:
    with (out / "measures.csv").open("a", encoding="utf-8") as handle:
        handle.write("x\n")
    checked = _sha256sum_check(out)
    assert checked.returncode == 1
    assert "measures.csv: FAILED" in checked.stdout


# --- Refusals: exit 1, the entries named, nothing touched -------------------------------------------


def _refused(run_cli: RunCli, out: Path, *expected: str) -> None:
    before = _tree(out.parent)
    result = run_cli("release", "--out", str(out), SAMPLE)
    assert result.code == 1, result.err
    assert "refusing to replace it" in result.err
    for text in expected:
        assert text in result.err
    assert _tree(out.parent) == before


def test_foreign_entries_are_named_and_kept(run_cli: RunCli, out: Path) -> None:
    (out / ".git").mkdir()
    (out / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (out / "README.md").write_text("x\n", encoding="utf-8")
    _refused(run_cli, out, ".git, README.md", "not files of the release")


def test_a_file_edited_since_the_release_is_named_and_kept(run_cli: RunCli, out: Path) -> None:
    with (out / "documents.csv").open("a", encoding="utf-8") as handle:
        handle.write("my note\n")
    _refused(run_cli, out, "changed since the release", "documents.csv")


def test_a_folder_in_place_of_a_listed_file_is_foreign(run_cli: RunCli, out: Path) -> None:
    (out / "measures.csv").unlink()
    (out / "measures.csv").mkdir()
    _refused(run_cli, out, "not files of the release", "measures.csv")


def test_a_release_without_sha256sums_is_refused_with_what_to_do(run_cli: RunCli, out: Path) -> None:
    (out / "SHA256SUMS").unlink()  # as policyspec 0.1 wrote them
    _refused(run_cli, out, "no SHA256SUMS: not a policyspec release", "remove the folder yourself once")


@pytest.mark.parametrize(
    "manifest",
    [
        b"not a manifest\n",
        b"0" * 64 + b"  ../outside\n",
        b"0" * 64 + b"  SHA256SUMS\n",
        b"\xff\xfe",
        b"0" * 64 + b"  a\n" + b"0" * 64 + b"  a\n",
    ],
    ids=["garbage", "path", "itself", "binary", "duplicate"],
)
def test_a_manifest_policyspec_did_not_write_is_refused(run_cli: RunCli, out: Path, manifest: bytes) -> None:
    (out / "SHA256SUMS").write_bytes(manifest)
    _refused(run_cli, out, "SHA256SUMS is not one policyspec wrote")


def test_a_symbolic_link_or_a_file_as_dir_is_refused(run_cli: RunCli, tmp_path: Path, out: Path) -> None:
    link = tmp_path / "link"
    link.symlink_to(out, target_is_directory=True)
    _refused(run_cli, link, "is a symbolic link")
    file = tmp_path / "file"
    file.write_text("mine\n", encoding="utf-8")
    _refused(run_cli, file, "is not a folder")


def test_an_empty_folder_or_a_release_missing_a_file_is_replaced(run_cli: RunCli, tmp_path: Path) -> None:
    """Nothing of the user's is lost in either case."""
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run_cli("release", "--out", str(empty), SAMPLE).code == 0
    (empty / "indicators.jsonl").unlink()
    assert run_cli("release", "--out", str(empty), SAMPLE).code == 0
    assert _sha256sum_check(empty).returncode == 0


def test_a_release_with_a_file_this_version_does_not_write_is_replaced_whole(
    run_cli: RunCli, tmp_path: Path, out: Path
) -> None:
    """A newer policyspec may write more files: its SHA256SUMS lists them, so they are a release's."""
    before = _files(out)
    (out / "site" / "pages").mkdir(parents=True)
    (out / "site" / "pages" / "index.html").write_bytes(b"<html>")
    with (out / "SHA256SUMS").open("a", encoding="ascii") as manifest:
        manifest.write(f"{hashlib.sha256(b'<html>').hexdigest()}  site/pages/index.html\n")
    assert _sha256sum_check(out).returncode == 0
    assert run_cli("release", "--out", str(out), SAMPLE).code == 0
    assert _files(out) == before
    assert not (out / "site").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # the earlier release is gone entirely


def test_a_file_added_to_a_releases_folder_is_named_and_kept(run_cli: RunCli, out: Path) -> None:
    (out / "sources" / "notes.txt").write_text("mine\n", encoding="utf-8")
    (out / "sources" / "drafts").mkdir()
    _refused(run_cli, out, "not files of the release", "sources/drafts, sources/notes.txt")


def test_an_edited_source_text_is_named_and_kept(run_cli: RunCli, out: Path) -> None:
    with (out / "sources" / "sample.txt").open("a", encoding="utf-8") as handle:
        handle.write("my note\n")
    _refused(run_cli, out, "changed since the release", "sources/sample.txt")


# --- Leftovers of a killed run --------------------------------------------------------------------


def test_leftovers_are_cleaned_but_a_users_look_alike_folder_is_kept(
    run_cli: RunCli, tmp_path: Path, out: Path
) -> None:
    half_written = tmp_path / ".out.k1ll3d_a.tmp"  # killed mid-write: no SHA256SUMS yet
    half_written.mkdir()
    (half_written / "policyspec.json").write_bytes(b'{"name": "polic')
    for folder in (".parts", "sources", "schemas"):
        (half_written / folder).mkdir()
    (half_written / ".parts" / "documents").write_bytes(b"\x80\x05")
    (half_written / "sources" / "sample.txt").write_bytes(b"half")
    retired = tmp_path / ".out.k1ll3d_b.tmp.old"  # the fallback's earlier release
    shutil.copytree(out, retired)
    users = tmp_path / ".out.mine.tmp"  # merely matches the pattern
    users.mkdir()
    (users / "policyspec.json").write_text("{}", encoding="utf-8")
    (users / "notes.txt").write_text("mine\n", encoding="utf-8")
    edited = tmp_path / ".out.edited.tmp"  # a release whose file was edited: an edit is kept
    shutil.copytree(out, edited)
    (edited / "measures.csv").write_text("my edit\n", encoding="utf-8")
    (tmp_path / ".out.link.tmp").symlink_to(out, target_is_directory=True)
    kept = {name: _tree(tmp_path / name) for name in (".out.mine.tmp", ".out.edited.tmp")}

    assert run_cli("release", "--out", str(out), SAMPLE).code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".out.edited.tmp",
        ".out.link.tmp",
        ".out.mine.tmp",
        "out",
    ]
    assert {name: _tree(tmp_path / name) for name in kept} == kept
    assert _sha256sum_check(out).returncode == 0


def _release_process(out: Path, *specs: str, stderr: int = subprocess.DEVNULL) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "policyspec", "release", "--out", str(out), *specs],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=stderr,
    )


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if LEFTOVER.fullmatch(p.name))


def test_concurrent_releases_leave_one_complete_release(tmp_path: Path) -> None:
    out = tmp_path / "out"
    specs: list[tuple[str, ...]] = [(SAMPLE,), (), (SAMPLE,)]  # the example, the bundled corpus
    processes = [_release_process(out, *given, stderr=subprocess.PIPE) for given in specs]
    for process in processes:
        _, err = process.communicate(timeout=60)
        assert process.returncode == 0, err.decode()
    assert _sha256sum_check(out).returncode == 0
    assert {path for path in _files(out) if "/" not in path} == set(RELEASE_FILES)
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def _kill_when_staging_appears(process: subprocess.Popen[bytes], folder: Path, delay: float) -> None:
    """SIGKILL ``delay`` seconds after the run's staging folder shows up (or at its exit)."""
    while process.poll() is None and not _leftovers(folder):
        time.sleep(0.0005)
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait()


def test_kill_9_at_any_moment_leaves_the_old_or_the_new_release(tmp_path: Path, run_cli: RunCli) -> None:
    """Each round replaces a release of the example with the bundled corpus and kills the run."""
    out, new = tmp_path / "out", tmp_path / "new"
    assert run_cli("release", "--out", str(new)).code == 0
    assert run_cli("release", "--out", str(out), SAMPLE).code == 0
    old_release, new_release = _tree(out), _tree(new)
    shutil.rmtree(new)
    started = time.monotonic()
    assert _release_process(tmp_path / "timed").wait() == 0
    run_time = time.monotonic() - started
    shutil.rmtree(tmp_path / "timed")
    rounds = random.Random(9)
    outcomes: list[str] = []
    for round_ in range(12):
        process = _release_process(out)
        if round_ % 2:  # anywhere in the run, start-up included
            time.sleep(rounds.uniform(0, run_time * 1.1))
            process.send_signal(signal.SIGKILL)
            process.wait()
        else:  # while it writes and swaps
            _kill_when_staging_appears(process, tmp_path, rounds.uniform(0, 0.01))
        after = _tree(out)
        assert after in (old_release, new_release), f"round {round_}: DIR is neither release"
        assert _sha256sum_check(out).returncode == 0
        outcomes.append(
            f"{'new' if after == new_release else 'old'}{'+leftover' if _leftovers(tmp_path) else ''}"
        )
        assert run_cli("release", "--out", str(out), SAMPLE).code == 0  # back to the old one
        assert _tree(out) == old_release
        assert _leftovers(tmp_path) == [], f"round {round_}"
    assert any("+leftover" in outcome for outcome in outcomes), outcomes  # some kills came mid-write
