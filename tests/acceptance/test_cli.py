"""The command line end to end: exit codes, output formats, and no traceback on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, REPO, RunCli

BROKEN = "tests/examples/invalid/PS211-operator-phrase-mismatch.yaml"


def test_validate_without_paths_checks_the_bundled_corpus(run_cli: RunCli) -> None:
    result = run_cli("validate")
    assert result.code == 0, result.out
    assert result.out.strip() == "5 files checked (bundled corpus): no problems."
    quick_start = (REPO / "README.md").read_text(encoding="utf-8").split("## Using the library")[0]
    assert f"(`{result.out.strip()}`)" in quick_start  # the README's quick start says what it prints


def test_problems_exit_1_with_file_line_col_code(run_cli: RunCli) -> None:
    result = run_cli("validate", BROKEN)
    assert result.code == 1
    assert result.out.startswith(f"{BROKEN}:84:24: PS211 ")


def test_usage_errors_exit_2(run_cli: RunCli) -> None:
    assert run_cli("validate", "--format", "yaml").code == 2
    assert run_cli("frobnicate").code == 2
    assert run_cli().code == 2
    assert run_cli("validate", "--max-depth", "0").code == 2


def test_a_missing_file_is_a_positioned_diagnostic(run_cli: RunCli) -> None:
    result = run_cli("validate", "no/such/spec.yaml")
    assert result.code == 1
    assert result.out.startswith("no/such/spec.yaml:1:1: PS010 cannot read the file")


def test_json_format_is_machine_readable(run_cli: RunCli) -> None:
    result = run_cli("validate", "--format", "json", BROKEN)
    payload = json.loads(result.out)
    assert payload["files"] == 1
    [diagnostic] = payload["diagnostics"]
    assert diagnostic["code"] == "PS211"
    assert diagnostic["path"] == "$.indicators[0].target.operator"
    assert (diagnostic["line"], diagnostic["column"]) == (84, 24)


def test_github_format_annotates_the_line(run_cli: RunCli) -> None:
    result = run_cli("validate", "--format", "github", BROKEN)
    assert result.out.startswith(f"::error file={BROKEN},line=84,col=24,title=PS211::")


def test_indicators_jsonl_has_the_flat_fields(run_cli: RunCli) -> None:
    result = run_cli("indicators", "--format", "jsonl", "tests/examples/valid/complete.yaml")
    assert result.code == 0
    records = [json.loads(line) for line in result.out.splitlines()]
    by_id = {r["id"]: r for r in records}
    assert by_id["women-share"]["value"] == "1/3"
    assert by_id["civil-servant-training"]["value"] == 15000
    assert by_id["central-group-sessions"]["per"] == "P1Y"
    assert by_id["inspection-rounds"]["placeholder"] is True
    assert by_id["inspection-rounds"]["value"] is None
    assert by_id["websites-open"]["operator"] is None
    assert by_id["websites-open"]["deadline"] == "2008"
    required = {"document", "id", "quote", "operator", "value", "upper", "unit", "per", "deadline"}
    required |= {"placeholder"}
    assert all(required <= record.keys() for record in records)


def test_indicators_table_lines_up(run_cli: RunCli) -> None:
    result = run_cli("indicators", "tests/examples/valid/complete.yaml")
    header, _rule, *rows = result.out.splitlines()
    columns = ["document", "id", "operator", "value", "upper", "unit", "per", "deadline", "placeholder"]
    assert header.split() == columns
    assert len(rows) == 9


def test_indicators_refuses_invalid_specs(run_cli: RunCli) -> None:
    result = run_cli("indicators", BROKEN)
    assert result.code == 1
    assert "PS211" in result.err
    assert result.out == ""


def test_schema_command_prints_the_committed_schema(run_cli: RunCli) -> None:
    result = run_cli("schema")
    assert result.out == (REPO / "schemas" / "policyspec.schema.json").read_text(encoding="utf-8")


HOSTILE = {
    "empty.yaml": b"",
    "binary.yaml": bytes(range(256)) * 4,
    "utf16.yaml": "id: x\n".encode("utf-16"),
    "tabs.yaml": b"id:\n\t- x\n",
    "scalar.yaml": b"just text\n",
    "deep.yaml": b"[" * 100_000,
    "long-line.yaml": b"id: " + b"x" * 1_000_000 + b"\n",
    "nul.yaml": b"id: a\x00b\n",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_files_exit_1_with_a_diagnostic_and_no_traceback(tmp_path: Path, name: str) -> None:
    spec = tmp_path / name
    spec.write_bytes(HOSTILE[name])
    result = subprocess.run(
        [sys.executable, "-m", "policyspec", "validate", str(spec)],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout.startswith(f"{spec}:")
    first = result.stdout.split(":", 4)
    assert first[1].isdigit()
    assert first[2].isdigit()


def test_a_directory_argument_checks_the_specs_inside(run_cli: RunCli) -> None:
    result = run_cli("validate", str(EXAMPLES / "valid"))
    assert result.code == 0


def test_version_names_the_package_and_the_data(run_cli: RunCli) -> None:
    from policyspec.release.version import DATA_VERSION, package_version

    result = run_cli("--version")
    assert result.code == 0
    assert result.out + result.err == f"policyspec {package_version()} (data {DATA_VERSION})\n"


@pytest.mark.parametrize("asked", ["PS219", "ps219", "figure-not-in-quote"])
def test_explain_prints_a_codes_documentation(run_cli: RunCli, asked: str) -> None:
    result = run_cli("explain", asked)
    assert result.code == 0
    assert result.out.startswith("PS219 figure-not-in-quote (error): ")
    assert "Bad (`tests/examples/invalid/PS219-figure-not-in-quote.yaml`)" in result.out
    assert "Reported as:" in result.out


def test_explain_every_declared_code(run_cli: RunCli) -> None:
    from policyspec.codes import CODES_BY_ID

    for code in CODES_BY_ID.values():
        result = run_cli("explain", code.id)
        assert result.code == 0
        assert f"## {code.id}" not in result.out  # the section's body, not the next heading
        assert len(result.out.splitlines()) > 3, code.id


def test_explain_an_unknown_code_is_a_usage_error_with_a_suggestion(run_cli: RunCli) -> None:
    result = run_cli("explain", "PS299")
    assert result.code == 2
    assert "did you mean PS219?" in result.err
