"""The pre-commit hooks work in another repository, as its users would run them.

The hook repository is a committed snapshot of this working tree (files not yet committed here
included), so the test checks the code under test, never touches this checkout's git, and runs
the same in a fresh CI clone. ``pre-commit try-repo`` builds a throw-away store, and so a fresh
hook environment, on every call; it is used once, for the command users type to try the hooks.
The other cases run ``pre-commit run`` with the configuration try-repo would write and one
PRE_COMMIT_HOME for the module, so the environment is installed only once more.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

import policyspec
from policyspec.bundled import bundled_dir, bundled_specs
from tests.clients.tools import find_program, run
from tests.conftest import EXAMPLES, REPO

PRE_COMMIT = find_program("pre-commit")
GIT = shutil.which("git")

_MISSING = [name for name, found in (("pre-commit", PRE_COMMIT), ("git", GIT)) if found is None]
pytestmark = pytest.mark.skipif(bool(_MISSING), reason=f"not found: {', '.join(_MISSING)}")

INSTALL_TIMEOUT = 600  # seconds: the first run builds the hook's virtualenv with pip
GIT_TIMEOUT = 60
# Generated or machine-local things a commit of this repository would not carry.
_NOT_COMMITTED = shutil.ignore_patterns(
    ".git", ".venv", "node_modules", ".ci", "__pycache__", "*_cache", ".hypothesis", "*.egg-info",
)  # fmt: skip
_AT_THE_TOP = {"build", "dist", "release"}  # outputs at the top only: src/policyspec/release is code


def NOT_IN_A_COMMIT(folder: str, names: list[str]) -> set[str]:
    ignored = set(_NOT_COMMITTED(folder, names))
    return ignored | (_AT_THE_TOP & set(names) if Path(folder) == REPO else set())


def _hook_ids() -> set[str]:
    manifest = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return {hook["id"] for hook in manifest}


def _environment(home: Path) -> dict[str, str]:
    """This process's environment minus anything that would steer git or pre-commit elsewhere."""
    inherited = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("GIT_", "PRE_COMMIT")) and name != "SKIP"
    }
    # Hook environments, and virtualenv's seed cache, stay under ``home`` instead of the user's ~/.cache.
    caches = {"PRE_COMMIT_HOME": str(home), "VIRTUALENV_OVERRIDE_APP_DATA": str(home / "virtualenv")}
    return {**inherited, **caches, "PRE_COMMIT_COLOR": "never"}


def _committed_repo(path: Path, files: Mapping[str, Path | str]) -> Path:
    """A git repository at ``path`` whose one commit holds ``files``: a copy of a path, or text."""
    for name, source in files.items():
        target = path / name
        if isinstance(source, str):
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(source, encoding="utf-8")
        elif source.is_dir():
            shutil.copytree(source, target, ignore=NOT_IN_A_COMMIT)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    git = [GIT or "git", "-c", "init.defaultBranch=main", "-c", "user.name=policyspec tests"]
    git += ["-c", "user.email=tests@policyspec.invalid", "-c", "commit.gpgsign=false"]
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "snapshot"]):
        result = run([*git, *command], cwd=path, timeout=GIT_TIMEOUT, env=_environment(path))
        assert result.returncode == 0, result.stdout
    return path


@dataclass(frozen=True)
class HookRun:
    code: int
    output: str

    def section(self, hook_id: str) -> str:
        """What pre-commit printed for one hook: its status line, exit code and the hook's output."""
        start = self.output.index(f"- hook id: {hook_id}") if f"- hook id: {hook_id}" in self.output else 0
        return self.output[start:]


RunHook = Callable[[Path, str], HookRun]


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


@dataclass(frozen=True)
class HookRepo:
    path: Path
    rev: str


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> HookRepo:
    """This working tree, committed in a repository of its own: what users would pin with ``rev``."""
    path = _committed_repo(tmp_path_factory.mktemp("hook-repo") / "policyspec", {".": REPO})
    head = run([GIT or "git", "rev-parse", "HEAD"], cwd=path, timeout=GIT_TIMEOUT, env=_environment(path))
    return HookRepo(path, head.stdout.strip())


@pytest.fixture(scope="module")
def run_hook(hook_repo: HookRepo, pre_commit_home: Path, tmp_path_factory: pytest.TempPathFactory) -> RunHook:
    """``pre-commit run HOOK --all-files`` in a repository, configured as try-repo would configure it."""
    config = tmp_path_factory.mktemp("config") / ".pre-commit-config.yaml"
    hooks = [{"id": hook_id} for hook_id in sorted(_hook_ids())]
    config.write_text(
        yaml.safe_dump({"repos": [{"repo": str(hook_repo.path), "rev": hook_repo.rev, "hooks": hooks}]}),
        encoding="utf-8",
    )

    def run_one(repository: Path, hook_id: str) -> HookRun:
        command = [PRE_COMMIT or "pre-commit", "run", hook_id, "--all-files", "--config", str(config)]
        result = run(command, cwd=repository, timeout=INSTALL_TIMEOUT, env=_environment(pre_commit_home))
        return HookRun(result.returncode, result.stdout)

    return run_one


@pytest.fixture
def corpus_repo(tmp_path: Path) -> Path:
    """Another project's repository holding the bundled specs and their sources, committed."""
    return _committed_repo(
        tmp_path / "corpus", {"specs": bundled_dir("specs"), "sources": bundled_dir("sources")}
    )


def _typo_repo(path: Path) -> Path:
    """A repository whose one spec has the typo'd key of the PS101 example."""
    return _committed_repo(
        path,
        {
            "specs/plan.yaml": EXAMPLES / "invalid" / "PS101-unknown-key.yaml",
            "sources/sample.txt": EXAMPLES / "sources" / "sample.txt",
        },
    )


def _golden_ps101(path: str) -> list[str]:
    """The PS101 example's expected diagnostics, as they read for a file at ``path``."""
    golden = (EXAMPLES / "invalid" / "PS101-unknown-key.expected").read_text(encoding="utf-8")
    return golden.replace("tests/examples/invalid/PS101-unknown-key.yaml", path).splitlines()


def test_try_repo_runs_the_validate_hook_and_shows_positioned_diagnostics(
    hook_repo: HookRepo, pre_commit_home: Path, tmp_path: Path
) -> None:
    repository = _typo_repo(tmp_path / "project")
    command = [PRE_COMMIT or "pre-commit", "try-repo", str(hook_repo.path), "policyspec-validate"]
    command += ["--all-files"]
    result = run(command, cwd=repository, timeout=INSTALL_TIMEOUT, env=_environment(pre_commit_home))
    assert result.returncode == 1, result.stdout
    assert "policyspec validate" in result.stdout
    assert "Failed" in result.stdout
    for line in _golden_ps101("specs/plan.yaml"):
        assert line in result.stdout.splitlines(), result.stdout
    assert "specs/plan.yaml:97:5: PS101 unknown key 'qoute'" in result.stdout


def test_validate_hook_passes_on_the_bundled_corpus(run_hook: RunHook, corpus_repo: Path) -> None:
    result = run_hook(corpus_repo, "policyspec-validate")
    assert result.code == 0, result.output
    assert "policyspec validate" in result.output
    assert "Passed" in result.output
    assert len(bundled_specs()) == len(list((corpus_repo / "specs").glob("*.yaml")))


def test_validate_hook_fails_on_a_typo_with_the_line_and_column(run_hook: RunHook, tmp_path: Path) -> None:
    result = run_hook(_typo_repo(tmp_path / "project"), "policyspec-validate")
    assert result.code == 1, result.output
    section = result.section("policyspec-validate")
    assert "- exit code: 1" in section
    for line in _golden_ps101("specs/plan.yaml"):
        assert line in section.splitlines(), section


def _fmt_available() -> bool:
    return "policyspec-fmt" in _hook_ids()


def _needs_fmt_hook() -> pytest.MarkDecorator:
    return pytest.mark.skipif(
        not _fmt_available(), reason="hook id 'policyspec-fmt' is not in .pre-commit-hooks.yaml yet"
    )


def _formatted_copy(specs: Path, target: Path) -> Path:
    """``specs`` (a folder) copied to ``target``, laid out by this checkout's ``policyspec fmt``."""
    shutil.copytree(specs, target)
    if _fmt_available():
        files = sorted(map(str, target.glob("*.yaml")))
        result = run([sys.executable, "-m", "policyspec", "fmt", *files], cwd=target, timeout=GIT_TIMEOUT)
        assert result.returncode == 0, result.stdout
    return target


def _documented_configs() -> list[dict[str, Any]]:
    """Every ``.pre-commit-config.yaml`` docs/editors.md shows (a YAML block with ``repos:``)."""
    text = (REPO / "docs" / "editors.md").read_text(encoding="utf-8")
    blocks = [b for b in re.findall(r"```yaml\n(.*?)```", text, flags=re.S) if "repos:" in b]
    return [yaml.safe_load(block) for block in blocks]


def _documented_config(hook_repo: HookRepo) -> tuple[str, list[str]]:
    """The hook-repository configuration docs/editors.md tells users to write, pointed at ``hook_repo``."""
    [config] = [c for c in _documented_configs() if c["repos"][0]["repo"] != "local"]
    [entry] = config["repos"]
    documented = [hook["id"] for hook in entry["hooks"]]
    entry.update(repo=str(hook_repo.path), rev=hook_repo.rev)
    entry["hooks"] = [hook for hook in entry["hooks"] if hook["id"] in _hook_ids()]  # released ones
    return yaml.safe_dump(config), documented


def test_hooks_as_documented_check_the_specs_and_nothing_else(
    hook_repo: HookRepo, run_hook: RunHook, pre_commit_home: Path, tmp_path: Path
) -> None:
    config, _ = _documented_config(hook_repo)
    workflow = "on: push\njobs: {check: {runs-on: ubuntu-latest, steps: [{run: pre-commit run -a}]}}\n"
    repository = _committed_repo(
        tmp_path / "project",
        {
            "specs": _formatted_copy(bundled_dir("specs"), tmp_path / "specs"),
            "sources": bundled_dir("sources"),
            ".pre-commit-config.yaml": config,  # YAML, and not a spec
            ".github/workflows/ci.yaml": workflow,  # nor this
        },
    )
    command = [PRE_COMMIT or "pre-commit", "run", "--all-files"]
    result = run(command, cwd=repository, timeout=INSTALL_TIMEOUT, env=_environment(pre_commit_home))
    assert result.returncode == 0, result.stdout
    assert "policyspec validate" in result.stdout
    assert "Failed" not in result.stdout


@_needs_fmt_hook()
def test_documented_hooks_are_the_hooks_of_this_repository(hook_repo: HookRepo) -> None:
    _, documented = _documented_config(hook_repo)
    assert sorted(documented) == sorted(_hook_ids())


def _example_repo(path: Path, spec_text: str) -> Path:
    """A repository with one spec (``specs/plan.yaml``) quoting the example source text."""
    return _committed_repo(
        path, {"specs/plan.yaml": spec_text, "sources/sample.txt": EXAMPLES / "sources" / "sample.txt"}
    )


@_needs_fmt_hook()
def test_fmt_hook_passes_on_specs_fmt_has_written(run_hook: RunHook, tmp_path: Path) -> None:
    formatted = _formatted_copy(EXAMPLES / "valid", tmp_path / "formatted") / "complete.yaml"
    result = run_hook(
        _example_repo(tmp_path / "project", formatted.read_text(encoding="utf-8")), "policyspec-fmt"
    )
    assert result.code == 0, result.output
    assert "Passed" in result.output


@_needs_fmt_hook()
def test_fmt_hook_fails_on_a_badly_formatted_spec_and_names_it(run_hook: RunHook, tmp_path: Path) -> None:
    messy = _mess_up((EXAMPLES / "valid" / "complete.yaml").read_text(encoding="utf-8"))
    result = run_hook(_example_repo(tmp_path / "project", messy), "policyspec-fmt")
    assert result.code == 1, result.output
    section = result.section("policyspec-fmt")
    assert "Failed" in result.output
    # A hook that checks exits 1; one that rewrites the file fails the commit through pre-commit.
    assert "- exit code: 1" in section or "- files were modified by this hook" in section, section
    assert "specs/plan.yaml" in section


def _mess_up(text: str) -> str:
    """The same data laid out as no formatter leaves it: ragged spaces after keys, blank lines at the end."""
    messy = re.sub(r"^(\s*(?:- )?[a-z_]+):[ ]", r"\1:   ", text, flags=re.M)
    assert messy != text
    return messy + "\n\n"


def _documented_local_config() -> dict[str, Any]:
    """The ``repo: local`` configuration docs/editors.md shows."""
    [config] = [c for c in _documented_configs() if c["repos"][0]["repo"] == "local"]
    return config


def test_documented_local_hooks_declare_what_the_hook_manifest_declares() -> None:
    manifest = {
        hook["id"]: hook
        for hook in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    }
    [entry] = _documented_local_config()["repos"]
    assert sorted(hook["id"] for hook in entry["hooks"]) == sorted(manifest)
    for hook in entry["hooks"]:
        for key in ("name", "entry", "language", "types"):
            assert hook[key] == manifest[hook["id"]][key], (hook["id"], key)
        assert hook["additional_dependencies"] == [f"policyspec=={policyspec.__version__}"], hook["id"]


@pytest.fixture(scope="module")
def hook_wheels(hook_repo: HookRepo, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the wheel of ``hook_repo``: where pip finds ``policyspec==VERSION``."""
    folder = tmp_path_factory.mktemp("wheels")
    command = [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(folder)]
    result = run(command, cwd=hook_repo.path, timeout=INSTALL_TIMEOUT)
    assert result.returncode == 0, result.stdout
    return folder


@pytest.mark.parametrize("policyspec_from", ["pinned-version", "path-of-a-clone"])
def test_local_hooks_as_documented_pass_clean_specs_and_stop_a_typo(
    policyspec_from: str, hook_repo: HookRepo, hook_wheels: Path, pre_commit_home: Path, tmp_path: Path
) -> None:
    """The ``repo: local`` set-up, with policyspec found as the docs say pip may find it."""
    config = _documented_local_config()
    env = _environment(pre_commit_home)
    if policyspec_from == "pinned-version":  # the wheel in a folder pip is told about
        env["PIP_FIND_LINKS"] = f"{hook_wheels} {os.environ.get('PIP_FIND_LINKS', '')}".strip()
    else:
        for hook in config["repos"][0]["hooks"]:
            hook["additional_dependencies"] = [str(hook_repo.path)]
    config_file = tmp_path / "pre-commit-config.yaml"
    config_file.write_text(yaml.safe_dump(config), encoding="utf-8")
    command = [PRE_COMMIT or "pre-commit", "run", "--all-files", "--config", str(config_file)]

    specs = _formatted_copy(bundled_dir("specs"), tmp_path / "specs")
    clean = _committed_repo(tmp_path / "clean", {"specs": specs, "sources": bundled_dir("sources")})
    result = run(command, cwd=clean, timeout=INSTALL_TIMEOUT, env=env)
    assert result.returncode == 0, result.stdout
    assert "policyspec validate" in result.stdout
    assert "policyspec fmt" in result.stdout
    assert "Failed" not in result.stdout

    typo = run(command, cwd=_typo_repo(tmp_path / "typo"), timeout=INSTALL_TIMEOUT, env=env)
    assert typo.returncode == 1, typo.stdout
    section = HookRun(typo.returncode, typo.stdout).section("policyspec-validate")
    for line in _golden_ps101("specs/plan.yaml"):
        assert line in section.splitlines(), section
