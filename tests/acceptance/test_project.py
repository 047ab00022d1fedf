"""A user's own project: every command given no paths works on its specs (the bundled corpus
outside a project) and says which, paths resolve the same from any folder, and the project's
configuration applies unless an option overrides it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, RunCli

BROKEN = EXAMPLES / "invalid" / "PS211-operator-phrase-mismatch.yaml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project of two specs, one with an error (PS211), and their source text."""
    root = tmp_path / "project"
    (root / "specs").mkdir(parents=True)
    (root / "sources").mkdir()
    (root / "docs").mkdir()
    shutil.copy(EXAMPLES / "valid" / "complete.yaml", root / "specs" / "complete.yaml")
    broken = BROKEN.read_text(encoding="utf-8").replace("\nid: sample-plan\n", "\nid: broken-plan\n", 1)
    (root / "specs" / "broken.yaml").write_text(broken, encoding="utf-8")
    shutil.copy(EXAMPLES / "sources" / "sample.txt", root / "sources" / "sample.txt")
    (root / "pyproject.toml").write_text('[project]\nname = "plans"\n\n[tool.policyspec]\n', encoding="utf-8")
    return root


@pytest.fixture
def nowhere(tmp_path: Path) -> Path:
    """A folder that belongs to no project."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    return folder


def test_validate_without_paths_checks_the_project_from_any_of_its_folders(
    run_cli: RunCli, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for folder in (project, project / "docs", project / "specs"):
        monkeypatch.chdir(folder)
        result = run_cli("validate")
        assert result.code == 1, result.out
        assert ": PS211 " in result.out
        assert (
            result.out.splitlines()[-1] == f"2 files checked (specs/ of {project}): 1 error(s), 0 warning(s)."
        )


def test_outside_a_project_validate_says_it_checked_the_bundled_corpus(
    run_cli: RunCli, nowhere: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(nowhere)
    result = run_cli("validate")
    assert (result.code, result.out) == (0, "5 files checked (bundled corpus): no problems.\n")


def test_a_specs_folder_here_is_a_project_without_configuration(
    run_cli: RunCli, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "pyproject.toml").unlink()
    monkeypatch.chdir(project)
    assert (
        run_cli("validate").out.splitlines()[-1].startswith(f"2 files checked (specs/ of {project}): 1 error")
    )


COMMANDS_AND_CODES = [
    (["indicators"], 1),
    (["indicators", "--format", "csv"], 1),
    (["compare", "cadre-training"], 1),
    (["release", "--out", "../out"], 1),
    (["coverage"], 0),  # the broken spec's error is not about coverage
]


@pytest.mark.parametrize("case", COMMANDS_AND_CODES, ids=lambda case: " ".join(case[0]))
def test_every_command_without_paths_works_on_the_same_specs(
    run_cli: RunCli,
    project: Path,
    nowhere: Path,
    monkeypatch: pytest.MonkeyPatch,
    case: tuple[list[str], int],
) -> None:
    command, code = case
    monkeypatch.chdir(project / "docs")
    inside = run_cli(*command)
    assert inside.code == code
    assert "broken.yaml" in inside.out + inside.err
    monkeypatch.chdir(nowhere)
    outside = run_cli(*command)
    assert outside.code == 0, outside.err
    assert "broken.yaml" not in outside.out + outside.err


def test_release_says_which_corpus_it_released(
    run_cli: RunCli, nowhere: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(nowhere)
    result = run_cli("release", "--out", "release")
    assert result.code == 0, result.err
    assert result.out.rstrip().endswith("files in release (from the bundled corpus)")


def test_fmt_without_paths_formats_the_projects_specs(
    run_cli: RunCli, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project / "docs")
    result = run_cli("fmt", "--check")
    assert result.code == 0, result.out
    assert result.out.splitlines()[-1] == "0 files would be reformatted, 2 files unchanged."


@pytest.mark.parametrize("given", ["complete.yaml", "./complete.yaml", "../specs/complete.yaml"])
def test_a_spec_finds_its_source_from_its_own_folder(
    run_cli: RunCli, project: Path, monkeypatch: pytest.MonkeyPatch, given: str
) -> None:
    monkeypatch.chdir(project / "specs")
    result = run_cli("validate", given)
    assert (result.code, result.out) == (0, "1 file checked: no problems.\n")


def test_the_configured_folders_and_codes_apply(
    run_cli: RunCli, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "specs").rename(project / "data")
    (project / "sources").rename(project / "texts")
    (project / "pyproject.toml").write_text(
        '[tool.policyspec]\nspecs = "data"\nsources = "texts"\nignore = ["PS211"]\n', encoding="utf-8"
    )
    monkeypatch.chdir(project / "docs")
    result = run_cli("validate")
    assert (result.code, result.out) == (0, f"2 files checked (data/ of {project}): no problems.\n")
    selected = run_cli("validate", "--select", "PS2")  # the command line's select replaces the project's
    assert selected.code == 1
    assert ": PS211 " in selected.out
    ignored = run_cli("validate", "--select", "PS2", "--ignore", "PS21")
    assert ignored.code == 0


def test_an_ignored_error_does_not_refuse_a_release(
    run_cli: RunCli, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    assert run_cli("release", "--out", "out").code == 1
    assert run_cli("release", "--out", "out", "--ignore", "PS211").code == 0
    assert (project / "out" / "SHA256SUMS").is_file()


def test_the_configured_limits_apply_and_an_option_overrides_them(
    run_cli: RunCli, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "pyproject.toml").write_text("[tool.policyspec]\nmax-bytes = 64\n", encoding="utf-8")
    monkeypatch.chdir(project)
    limited = run_cli("validate", "specs/complete.yaml")
    assert limited.code == 1
    assert "PS005 the file is larger than 64 bytes" in limited.out
    assert run_cli("validate", "--max-bytes", "1000000", "specs/complete.yaml").code == 0


@pytest.mark.parametrize(
    "command",
    [
        ["validate"],
        ["indicators"],
        ["compare", "cadre-training"],
        ["release", "--out", "o"],
        ["coverage"],
        ["fmt"],
    ],
)
def test_a_broken_configuration_stops_every_command_that_reads_it(
    run_cli: RunCli, project: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    (project / "pyproject.toml").write_text('[tool.policyspec]\n\nspeks = "specs"\n', encoding="utf-8")
    monkeypatch.chdir(project / "docs")
    result = run_cli(*command)
    assert result.code == 2
    where = project / "pyproject.toml"  # outside the working directory: shown in full
    assert result.err.startswith(
        f"{where}:3:1: PS014 unknown key 'speks' in [tool.policyspec]; did you mean 'specs'?"
    )
    assert result.out == ""


@pytest.mark.parametrize("command", [["explain", "PS201"], ["schema"], ["completion", "bash"]])
def test_commands_that_read_no_specs_ignore_the_configuration(
    run_cli: RunCli, project: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    (project / "pyproject.toml").write_text('[tool.policyspec]\nspeks = "specs"\n', encoding="utf-8")
    monkeypatch.chdir(project)
    assert run_cli(*command).code == 0


def test_a_project_without_its_specs_folder_is_a_usage_error(
    run_cli: RunCli, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.rmtree(project / "specs")
    monkeypatch.chdir(project)
    result = run_cli("validate")
    assert result.code == 2
    assert f"the project at {project} has no folder specs/" in result.err
    assert run_cli("validate", str(EXAMPLES / "valid" / "complete.yaml"), "--sources", "sources").code == 0
