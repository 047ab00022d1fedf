"""The options a developer expects: --select/--ignore, indicators as CSV and JSON, fmt --diff,
a spec on standard input, colour on a terminal only, and progress for long runs."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from policyspec.cli.progress import Progress
from tests.conftest import EXAMPLES, REPO, RunCli

PS211 = "tests/examples/invalid/PS211-operator-phrase-mismatch.yaml"
PS101 = "tests/examples/invalid/PS101-unknown-key.yaml"  # PS101 and PS102
PS214 = "tests/examples/invalid/PS214-milestone-without-date.yaml"  # a warning
COMPLETE = "tests/examples/valid/complete.yaml"


def _codes(output: str) -> list[str]:
    return [line.split(": ", 2)[1].split(" ")[0] for line in output.splitlines() if line.startswith("tests/")]


def test_ignoring_the_only_code_of_a_file_is_a_pass(run_cli: RunCli) -> None:
    assert run_cli("validate", PS211).code == 1
    result = run_cli("validate", "--ignore", "PS211", PS211)
    assert (result.code, result.out) == (0, "1 file checked: no problems.\n")


@pytest.mark.parametrize(
    ("options", "codes"),
    [
        ([], ["PS101", "PS102", "PS211"]),
        (["--select", "PS1"], ["PS101", "PS102"]),
        (["--select", "PS101,PS211"], ["PS101", "PS211"]),
        (["--select", "PS101", "--select", "PS211"], ["PS101", "PS211"]),
        (["--ignore", "ps10"], ["PS211"]),
        (["--select", "PS1", "--ignore", "PS102"], ["PS101"]),
        (["--select", "ALL", "--ignore", "PS2,PS102"], ["PS101"]),
    ],
)
def test_select_and_ignore_take_codes_and_prefixes(
    run_cli: RunCli, options: list[str], codes: list[str]
) -> None:
    result = run_cli("validate", *options, PS101, PS211)
    assert sorted(_codes(result.out)) == codes
    assert result.code == (1 if codes else 0)


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_an_unknown_code_is_a_usage_error(run_cli: RunCli, option: str) -> None:
    result = run_cli("validate", option, "PS201,PS299", COMPLETE)
    assert result.code == 2
    assert "unknown code 'PS299'" in result.err


def test_indicators_as_csv_and_json_carry_the_same_records(run_cli: RunCli) -> None:
    lines = run_cli("indicators", "--format", "jsonl", COMPLETE).out.splitlines()
    jsonl = [json.loads(line) for line in lines]
    as_json = json.loads(run_cli("indicators", "--format", "json", COMPLETE).out)
    assert as_json == jsonl
    rows = list(csv.DictReader(io.StringIO(run_cli("indicators", "--format", "csv", COMPLETE).out)))
    assert [row["id"] for row in rows] == [record["id"] for record in jsonl]
    assert list(rows[0]) == list(jsonl[0])
    by_id = {row["id"]: row for row in rows}
    assert by_id["women-share"]["value"] == "1/3"
    assert by_id["inspection-rounds"]["placeholder"] == "true"
    assert by_id["inspection-rounds"]["value"] == ""
    topics = next(record for record in jsonl if record["topics"])
    assert by_id[topics["id"]]["topics"] == "; ".join(topics["topics"])


def test_fmt_diff_shows_the_change_writes_nothing_and_exits_1(run_cli: RunCli, tmp_path: Path) -> None:
    messy = tmp_path / "messy.yaml"
    messy.write_text("kind: 'plan'\nid: x  # the id\n", encoding="utf-8")
    result = run_cli("fmt", "--diff", str(messy))
    assert result.code == 1
    assert messy.read_text(encoding="utf-8") == "kind: 'plan'\nid: x  # the id\n"
    assert result.out.splitlines()[:2] == [f"--- a/{messy}", f"+++ b/{messy}"]
    assert "+# yaml-language-server: $schema=../schemas/policyspec.schema.json" in result.out.splitlines()
    assert "-kind: 'plan'" in result.out.splitlines()
    assert "+kind: plan" in result.out.splitlines()
    assert result.err.splitlines()[-1] == "1 file would be reformatted, 0 files unchanged."
    run_cli("fmt", str(messy))
    clean = run_cli("fmt", "--diff", str(messy))
    assert (clean.code, clean.out) == (0, "")


def test_fmt_check_and_diff_do_not_go_together(run_cli: RunCli) -> None:
    assert run_cli("fmt", "--check", "--diff", COMPLETE).code == 2


def _policyspec(
    *args: str, stdin: bytes = b"", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "policyspec", *args],
        input=stdin.decode("utf-8", errors="surrogateescape"),
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, **(env or {})},
        timeout=60,
        check=False,
    )


def test_a_spec_on_standard_input_is_checked_as_the_file_it_names() -> None:
    text = (REPO / PS211).read_bytes()
    named = _policyspec("validate", "-", "--stdin-filename", PS211, stdin=text)
    assert named.returncode == 1
    assert named.stdout == (REPO / PS211).with_suffix(".expected").read_text(encoding="utf-8")
    anonymous = _policyspec("validate", "-", stdin=b"id: [\n")
    assert anonymous.returncode == 1
    assert anonymous.stdout.startswith("<stdin>:2:1: PS001 ")


def test_standard_input_finds_the_source_beside_the_name_given() -> None:
    text = (REPO / COMPLETE).read_bytes()
    assert _policyspec("validate", "--stdin-filename", COMPLETE, stdin=text).returncode == 0
    unnamed = _policyspec("validate", "-", stdin=text)  # no name: nothing to look beside
    assert unnamed.returncode == 1
    assert ": PS202 source text 'sample.txt' not found" in unnamed.stdout


def test_standard_input_is_bounded_like_a_file() -> None:
    result = _policyspec("validate", "-", "--max-bytes", "16", stdin=b"id: " + b"x" * 100 + b"\n")
    assert result.returncode == 1
    assert result.stdout.startswith("<stdin>:1:1: PS005 the file is larger than 16 bytes")


@pytest.mark.parametrize(
    "args", [["validate", "-", COMPLETE], ["validate", "--stdin-filename", "x.yaml", COMPLETE]], ids=str
)
def test_standard_input_does_not_mix_with_paths(run_cli: RunCli, args: list[str]) -> None:
    result = run_cli(*args)
    assert result.code == 2
    assert "standard input" in result.err


RED = "\x1b[1;31m"


@pytest.mark.parametrize(
    ("options", "env", "coloured"),
    [
        (["--color", "always"], {}, True),
        (["--color", "always"], {"NO_COLOR": "1"}, True),  # the command line decides when it says
        (["--color", "never"], {"FORCE_COLOR": "1"}, False),
        ([], {}, False),  # a pipe is not a terminal
        ([], {"FORCE_COLOR": "1"}, True),
        ([], {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
    ],
)
def test_colour_follows_the_option_then_no_color_then_force_color(
    options: list[str], env: dict[str, str], coloured: bool
) -> None:
    clean = {"NO_COLOR": "", "FORCE_COLOR": "", **env}
    result = _policyspec("validate", *options, PS211, env=clean)
    assert (RED in result.stdout) is coloured
    assert result.stdout.replace(RED, "").replace("\x1b[1m", "").replace("\x1b[0m", "") == (
        (REPO / PS211).with_suffix(".expected").read_text(encoding="utf-8")
    )


def test_colour_marks_only_severities_codes_and_paths() -> None:
    result = _policyspec("validate", "--color", "always", PS214, env={"NO_COLOR": ""})
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"\x1b[1m{PS214}\x1b[0m:")
    assert "\x1b[1;33mPS214\x1b[0m \x1b[1;33mwarning:\x1b[0m " in first
    assert "\x1b" not in result.stdout.splitlines()[-1]  # the summary


@pytest.mark.parametrize("form", ["json", "sarif", "github"])
def test_machine_formats_never_get_colour(form: str) -> None:
    result = _policyspec("validate", "--color", "always", "--format", form, PS211)
    assert "\x1b" not in result.stdout


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_shows_on_a_terminal_once_a_run_is_long_and_is_erased() -> None:
    terminal = _Terminal()
    with Progress(3, terminal, delay=0.0) as progress:
        for done in (1, 2, 3):
            progress(done)
    assert "checking 1/3 files" in terminal.getvalue()
    assert terminal.getvalue().endswith("checking 3/3 files …\r\x1b[K")


def test_progress_is_silent_for_a_short_run_and_off_a_terminal() -> None:
    short, piped = _Terminal(), io.StringIO()
    with Progress(3, short) as progress:  # the default delay: a second
        progress(1)
    with Progress(10_000, piped, delay=0.0) as progress:
        progress(1)
    assert short.getvalue() == piped.getvalue() == ""


def test_progress_goes_to_standard_error_of_a_validate_run(run_cli: RunCli) -> None:
    # not a terminal under test: nothing on stderr, the output unchanged
    result = run_cli("validate", str(EXAMPLES / "valid"))
    assert (result.err, result.out) == ("", "1 file checked: no problems.\n")
