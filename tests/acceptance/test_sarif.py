"""``validate --format sarif``: a SARIF 2.1.0 log valid against the official schema, whose results
point exactly where the text output points, and whose rules are the catalogue of codes.

The schema is the OASIS one, committed in ``tests/schemas/`` (see the README there for its
origin), so this runs offline.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import jsonschema
import pytest

from policyspec.codes import CODES_BY_ID
from tests.acceptance.test_examples import INVALID, VALID
from tests.conftest import REPO, RunCli

SCHEMA = json.loads((REPO / "tests" / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)


def test_the_committed_schema_is_the_sarif_2_1_0_schema() -> None:
    jsonschema.Draft4Validator.check_schema(SCHEMA)
    assert SCHEMA["properties"]["version"]["enum"] == ["2.1.0"]
    assert len(SCHEMA["definitions"]) == 52


# jsonschema checks "uri" formats only with optional packages: the characters RFC 3986 allows in a
# URI reference are checked here, so a space or a Chinese file name must arrive percent-encoded.
_URI_REFERENCE = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2}")


def _is_uri_reference(text: str) -> bool:
    return "".join(_URI_REFERENCE.findall(text)) == text and bool(text)


def _args(example: Path) -> list[str]:
    options = example.with_suffix(".args")
    return options.read_text(encoding="utf-8").split() if options.exists() else []


def _sarif(run_cli: RunCli, *args: str) -> tuple[int, dict[str, Any]]:
    result = run_cli("validate", "--format", "sarif", *args)
    return result.code, json.loads(result.out)


@pytest.mark.parametrize("example", [*INVALID, *VALID], ids=lambda p: p.stem)
def test_every_example_gives_a_valid_log_pointing_where_the_text_points(
    run_cli: RunCli, example: Path
) -> None:
    relative = str(example.relative_to(REPO))
    code, log = _sarif(run_cli, *_args(example), relative)
    errors = sorted(VALIDATOR.iter_errors(log), key=str)
    assert not errors, errors[0]
    text = run_cli("validate", *_args(example), relative)
    assert code == text.code
    [run] = log["runs"]
    located = [
        (
            unquote(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]),
            result["locations"][0]["physicalLocation"]["region"]["startLine"],
            result["locations"][0]["physicalLocation"]["region"]["startColumn"],
            result["ruleId"],
        )
        for result in run["results"]
    ]
    expected = [
        (file, int(line), int(column), code_and_message.strip().split(" ", 1)[0])
        for file, line, column, code_and_message in (
            line.split(":", 3) for line in text.out.splitlines()[:-1] if not line.startswith("    hint:")
        )
    ]
    assert located == expected
    for result in run["results"]:
        assert _is_uri_reference(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])


def test_results_name_their_rule_and_level_and_files_are_relative_to_the_working_directory(
    run_cli: RunCli,
) -> None:
    example = "tests/examples/invalid/PS214-milestone-without-date.yaml"
    _, log = _sarif(run_cli, example)
    [run] = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    [result] = run["results"]
    assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == "PS214"
    assert result["level"] == "warning"
    location = result["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": example, "uriBaseId": "%SRCROOT%"}
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == REPO.as_uri() + "/"
    assert run["columnKind"] == "unicodeCodePoints"


def test_the_rules_are_the_catalogue_with_its_documentation(run_cli: RunCli) -> None:
    _, log = _sarif(run_cli, "tests/examples/valid/complete.yaml")
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == list(CODES_BY_ID)
    for rule in rules:
        code = CODES_BY_ID[rule["id"]]
        assert rule["name"] == code.name
        assert rule["shortDescription"]["text"] == code.summary
        assert rule["defaultConfiguration"]["level"] == code.severity
        assert "Bad" in rule["help"]["markdown"], code.id  # the section of docs/rules.md
    assert log["runs"][0]["results"] == []


def test_a_file_outside_the_working_directory_gets_an_absolute_file_uri(
    run_cli: RunCli, tmp_path: Path
) -> None:
    spec = tmp_path / "a 规划.yaml"
    spec.write_text("id: [\n", encoding="utf-8")
    code, log = _sarif(run_cli, str(spec))
    assert code == 1
    assert not list(VALIDATOR.iter_errors(log))
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert _is_uri_reference(uri)
    assert urlsplit(uri).scheme == "file"
    assert Path(unquote(urlsplit(uri).path)) == spec


def test_the_log_says_which_corpus_was_checked(run_cli: RunCli) -> None:
    _, log = _sarif(run_cli)
    assert log["runs"][0]["properties"] == {"filesChecked": 5, "corpus": "bundled corpus"}
