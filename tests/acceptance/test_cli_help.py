"""``--help`` on every command says what it does, shows examples, defaults and exit codes; only the
chosen command's parser is built; shell completion is generated from the same parser."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from policyspec.cli.program import build_parser
from policyspec.cli.registry import COMMANDS_BY_NAME
from policyspec.limits import DEFAULT_LIMITS
from tests.conftest import RunCli

COMMANDS = sorted(COMMANDS_BY_NAME)


def _subparser(parser: argparse.ArgumentParser, name: str) -> argparse.ArgumentParser:
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    found: argparse.ArgumentParser = subparsers.choices[name]
    return found


@pytest.mark.parametrize("name", COMMANDS)
def test_every_commands_help_has_a_description_examples_defaults_and_exit_codes(
    run_cli: RunCli, name: str
) -> None:
    command = COMMANDS_BY_NAME[name]
    result = run_cli(name, "--help")
    assert result.code == 0
    text = " ".join(result.out.split())  # argparse wraps lines; compare words
    assert " ".join(command.description.split()) in text
    assert "examples:" in result.out
    assert command.examples, name
    for example, _ in command.examples:
        assert example in result.out
    assert "exit codes:" in result.out
    for code, meaning in command.exit_codes:
        assert f"  {code}  {meaning}" in result.out
    for action in _subparser(build_parser(name), name)._actions:
        if action.option_strings and action.default not in (None, False, argparse.SUPPRESS):
            assert f"(default: {action.default})" in text, (name, action.dest)  # shown by the formatter
    for limit in ("max_bytes", "max_depth"):
        if f"--{limit.replace('_', '-')}" in result.out:  # no default of its own: the project may set it
            assert f"(default: {getattr(DEFAULT_LIMITS, limit)}, or the project's" in text


def test_the_top_help_lists_every_command_and_points_to_explain(run_cli: RunCli) -> None:
    result = run_cli("--help")
    assert result.code == 0
    text = " ".join(result.out.split())
    for command in COMMANDS_BY_NAME.values():
        assert f"{command.name} {' '.join(command.help.split())}" in text
    assert "policyspec explain CODE" in result.out
    assert "exit codes:" in result.out


def test_an_unknown_command_is_a_usage_error_naming_the_commands(run_cli: RunCli) -> None:
    result = run_cli("valdiate")
    assert result.code == 2
    assert "invalid choice: 'valdiate'" in result.err
    assert "validate" in result.err.split("choose from", 1)[1]


def test_only_the_chosen_commands_arguments_are_built(
    monkeypatch: pytest.MonkeyPatch, run_cli: RunCli
) -> None:
    def never(parser: argparse.ArgumentParser) -> None:
        raise AssertionError(f"built the arguments of {parser.prog}")

    for name, command in COMMANDS_BY_NAME.items():
        if name != "validate":
            monkeypatch.setitem(COMMANDS_BY_NAME, name, replace(command, add_arguments=never))
    subparsers = next(
        a for a in build_parser("validate")._actions if isinstance(a, argparse._SubParsersAction)
    )
    assert list(subparsers.choices) == ["validate"]
    listed = next(a for a in build_parser(None)._actions if isinstance(a, argparse._SubParsersAction))
    assert list(listed.choices) == list(COMMANDS_BY_NAME)  # every command, none with arguments
    assert all({a.dest for a in sub._actions} == {"help"} for sub in listed.choices.values())
    assert run_cli("validate", "tests/examples/valid/complete.yaml").code == 0
    assert run_cli("--help").code == 0  # lists every command without building one


def test_the_chosen_command_is_its_first_word() -> None:
    from policyspec.cli.program import chosen_command

    assert chosen_command(["validate", "specs"]) == "validate"
    assert chosen_command(["--version"]) is None
    assert chosen_command(["-h", "fmt", "x"]) == "fmt"


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_scripts_name_every_command_and_option(run_cli: RunCli, shell: str) -> None:
    result = run_cli("completion", shell)
    assert result.code == 0
    for name in COMMANDS:
        assert name in result.out
    for option in ("--format", "--select", "--stdin-filename", "--max-bytes", "--diff"):
        assert option.lstrip("-") in result.out
    assert "sarif" in result.out


def test_an_unknown_shell_is_a_usage_error(run_cli: RunCli) -> None:
    assert run_cli("completion", "tcsh").code == 2


def _completion(shell: str) -> str:
    from policyspec.cli.completion import SCRIPTS_BY_SHELL

    return SCRIPTS_BY_SHELL[shell](build_parser(every=True))


needs_bash = pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")


@needs_bash
def test_the_bash_script_sources_cleanly_and_registers_policyspec(tmp_path: Path) -> None:
    script = tmp_path / "policyspec.bash"
    script.write_text(_completion("bash"), encoding="utf-8")
    subprocess.run(["bash", "-n", str(script)], check=True, timeout=30)
    registered = subprocess.run(
        ["bash", "-c", f"source {script} && complete -p policyspec"],
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    )
    assert registered.stdout.strip() == "complete -o filenames -F _policyspec policyspec"


def _bash_complete(script: Path, words: list[str]) -> list[str]:
    """What bash offers for the last word of ``words``, asked as the shell asks on TAB."""
    quoted = " ".join(f"'{w}'" for w in words)
    program = (
        f"source {script}; COMP_WORDS=({quoted}); COMP_CWORD={len(words) - 1}; "
        '_policyspec; printf "%s\\n" "${COMPREPLY[@]}"'
    )
    done = subprocess.run(["bash", "-c", program], capture_output=True, text=True, check=True, timeout=30)
    return done.stdout.split()


@needs_bash
@pytest.mark.parametrize(
    ("words", "offered"),
    [
        (["policyspec", "val"], ["validate"]),
        (["policyspec", "validate", "--fo"], ["--format"]),
        (["policyspec", "validate", "--format", ""], ["text", "json", "github", "sarif"]),
        (["policyspec", "indicators", "--format", "c"], ["csv"]),
        (["policyspec", "completion", "f"], ["fish"]),
        (["policyspec", "fmt", "--d"], ["--diff"]),
        (["policyspec", "compare", "research-t"], ["research-time"]),
    ],
)
def test_bash_completes_commands_options_and_choices(
    tmp_path: Path, words: list[str], offered: list[str]
) -> None:
    script = tmp_path / "policyspec.bash"
    script.write_text(_completion("bash"), encoding="utf-8")
    assert _bash_complete(script, words) == offered


@pytest.mark.skipif(shutil.which("zsh") is None, reason="zsh is not installed")
def test_the_zsh_script_parses(tmp_path: Path) -> None:
    script = tmp_path / "_policyspec"
    script.write_text(_completion("zsh"), encoding="utf-8")
    subprocess.run(["zsh", "-n", str(script)], check=True, timeout=30)
    assert script.read_text(encoding="utf-8").startswith("#compdef policyspec\n")


@pytest.mark.skipif(shutil.which("fish") is None, reason="fish is not installed")
@pytest.mark.parametrize(
    ("line", "offered"),
    [
        ("policyspec val", {"validate"}),
        ("policyspec validate --format ", {"text", "json", "github", "sarif"}),
        ("policyspec completion ", {"bash", "zsh", "fish"}),
    ],
)
def test_fish_completes_commands_and_choices(tmp_path: Path, line: str, offered: set[str]) -> None:
    script = tmp_path / "policyspec.fish"
    script.write_text(_completion("fish"), encoding="utf-8")
    subprocess.run(["fish", "-n", str(script)], check=True, timeout=30)
    done = subprocess.run(
        ["fish", "--no-config", "-c", f"source {script}; complete -C '{line}'"],
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    )
    assert {row.split("\t")[0] for row in done.stdout.splitlines()} == offered


def test_completion_runs_as_a_command(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "policyspec", "completion", "bash"], capture_output=True, text=True, check=True
    )
    assert done.stdout == _completion("bash")
