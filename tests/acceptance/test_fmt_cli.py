"""``policyspec fmt`` end to end: rewrites in place, --check writes nothing, bad files stay untouched."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO, RunCli

MODELINE = "# yaml-language-server: $schema=../schemas/policyspec.schema.json"
CANONICAL = f"{MODELINE}\nid: x  # the id\nkind: plan\n"
UNFORMATTED = "kind: 'plan'\nid: x  # the id\n"


@pytest.fixture
def specs(tmp_path: Path) -> Path:
    folder = tmp_path / "specs"
    folder.mkdir()
    (folder / "canonical.yaml").write_text(CANONICAL, encoding="utf-8")
    (folder / "messy.yaml").write_text(UNFORMATTED, encoding="utf-8")
    return folder


def test_check_lists_what_would_change_exits_1_and_writes_nothing(run_cli: RunCli, specs: Path) -> None:
    result = run_cli("fmt", "--check", str(specs))
    assert result.code == 1
    assert f"{specs / 'messy.yaml'}: would reformat" in result.out.splitlines()
    assert "canonical.yaml" not in result.out
    assert (specs / "messy.yaml").read_text(encoding="utf-8") == UNFORMATTED
    assert result.out.splitlines()[-1] == "1 file would be reformatted, 1 file unchanged."


def test_fmt_rewrites_then_check_passes(run_cli: RunCli, specs: Path) -> None:
    result = run_cli("fmt", str(specs))
    assert result.code == 0, result.out
    assert (specs / "messy.yaml").read_text(encoding="utf-8") == CANONICAL
    assert (specs / "canonical.yaml").read_text(encoding="utf-8") == CANONICAL
    assert sorted(p.name for p in specs.iterdir()) == ["canonical.yaml", "messy.yaml"]
    assert run_cli("fmt", "--check", str(specs)).code == 0


def test_a_file_that_cannot_be_parsed_is_reported_and_left_alone(run_cli: RunCli, specs: Path) -> None:
    broken = specs / "broken.yaml"
    broken.write_bytes(b"id: [x\nkind: plan\n")
    for args in (("fmt",), ("fmt", "--check")):
        result = run_cli(*args, str(specs))
        assert result.code == 1
        assert f"{broken}:2:5: PS001 YAML syntax error" in result.out
        assert broken.read_bytes() == b"id: [x\nkind: plan\n"
    assert (specs / "messy.yaml").read_text(encoding="utf-8") == CANONICAL  # the others are formatted


def test_hostile_input_is_refused_with_the_limits_validate_uses(run_cli: RunCli, specs: Path) -> None:
    deep = specs / "deep.yaml"
    deep.write_text("a: " + "[" * 10 + "]" * 10 + "\n", encoding="utf-8")
    result = run_cli("fmt", "--check", "--max-depth", "5", str(deep))
    assert result.code == 1
    assert f"{deep}:1:" in result.out
    assert "PS006" in result.out
    assert run_cli("fmt", "--max-depth", "0", str(deep)).code == 2


def test_without_paths_fmt_formats_specs_in_the_current_folder(
    run_cli: RunCli, specs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(specs.parent)
    result = run_cli("fmt")
    assert result.code == 0
    assert "specs/messy.yaml: reformatted" in result.out
    monkeypatch.chdir(specs)  # no project here: the default would be the bundled corpus
    nowhere = run_cli("fmt")
    assert nowhere.code == 2
    assert "not in a policyspec project: fmt would rewrite the bundled corpus" in nowhere.err
    looked = run_cli("fmt", "--check")  # looking at the bundled corpus is fine
    assert looked.code == 0, looked.out
    assert looked.out.splitlines()[-1] == "0 files would be reformatted, 5 files unchanged."


def test_a_bundled_spec_formats_to_a_fixed_point_that_still_validates(
    run_cli: RunCli, tmp_path: Path
) -> None:
    for folder in ("specs", "sources"):
        (tmp_path / folder).mkdir()
    spec = tmp_path / "specs" / "002_a7e0ca6956479a3b.yaml"
    shutil.copyfile(REPO / "specs" / spec.name, spec)
    shutil.copyfile(REPO / "sources" / f"{spec.stem}.txt", tmp_path / "sources" / f"{spec.stem}.txt")
    assert run_cli("fmt", str(spec)).code == 0
    assert run_cli("fmt", "--check", str(spec)).code == 0
    validated = run_cli("validate", str(spec))
    assert validated.code == 0, validated.out


def test_the_pre_commit_hook_runs_fmt_on_yaml_spec_files() -> None:
    hooks = {hook["id"]: hook for hook in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())}
    hook = hooks["policyspec-fmt"]
    assert (hook["entry"], hook["language"]) == ("policyspec fmt", "python")
    assert all(re.search(hook["files"], name) for name in ("specs/plan.yaml", "specs/plan.yml"))
    assert not re.search(hook["files"], "specs/plan.txt")
