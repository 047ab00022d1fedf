"""The catalogue of codes is the one list: the code type, the documentation and the examples agree with it.

mypy refuses a diagnostic whose code is not a :data:`~policyspec.codes.CodeId`; these tests hold
the rest in step: every code written anywhere is declared, every declared code is documented at
its anchor, in the table, and has a golden example that triggers it.
"""

from __future__ import annotations

import re
import typing
from pathlib import Path

import pytest

from policyspec.codes import CODES_BY_ID, Code, CodeId
from policyspec.diagnostics import Diagnostic
from tests.conftest import EXAMPLES, REPO

RULES_MD = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
SOURCE_FILES = sorted((REPO / "src" / "policyspec").rglob("*.py"))
_A_CODE = re.compile(r"\bPS\d{3}\b")
# PS010 (unreadable file) and PS012 (fmt cannot write) cannot be committed examples;
# tests/acceptance/test_cli.py and tests/unit/test_fmt.py cover them.
NOT_AS_FILES = {"PS010", "PS012"}


def _heading_anchor(heading: str) -> str:
    """GitHub's anchor for a Markdown heading: lower case, punctuation dropped, spaces to '-'."""
    return re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")


def test_the_code_type_lists_exactly_the_catalogue_in_order() -> None:
    assert list(typing.get_args(CodeId)) == list(CODES_BY_ID)
    assert list(CODES_BY_ID) == sorted(CODES_BY_ID)


@pytest.mark.parametrize("code", CODES_BY_ID.values(), ids=lambda code: code.id)
def test_a_code_is_declared_with_a_name_a_severity_and_a_sentence(code: Code) -> None:
    assert re.fullmatch(r"PS[0-2]\d\d", code.id)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", code.name)
    assert code.severity in typing.get_args(typing.get_type_hints(Code)["severity"])
    assert code.summary.endswith(".")


def test_names_are_unique() -> None:
    names = [code.name for code in CODES_BY_ID.values()]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("file", SOURCE_FILES, ids=lambda path: str(path.relative_to(REPO / "src")))
def test_every_code_written_in_the_package_is_declared(file: Path) -> None:
    """Catches a code kept in a plain ``str`` (which mypy cannot check) and stale mentions."""
    written = set(_A_CODE.findall(file.read_text(encoding="utf-8")))
    assert written <= set(CODES_BY_ID)


def test_every_code_written_in_the_documentation_and_examples_is_declared() -> None:
    texts = [RULES_MD, *(path.read_text(encoding="utf-8") for path in EXAMPLES.rglob("*.expected"))]
    written = {code for text in texts for code in _A_CODE.findall(text)}
    assert written <= set(CODES_BY_ID)


def test_every_code_has_its_section_in_the_documentation_at_its_anchor() -> None:
    headings = re.findall(r"^## (PS\d{3} .*)$", RULES_MD, flags=re.M)
    assert [f"{code.id} {code.name}" for code in CODES_BY_ID.values()] == headings
    for code in CODES_BY_ID.values():
        assert code.documentation == f"docs/rules.md#{_heading_anchor(f'{code.id} {code.name}')}"


def test_the_table_in_the_documentation_is_the_catalogue() -> None:
    expected = [
        "| code | name | severity | what it catches |",
        "| --- | --- | --- | --- |",
        *(
            f"| [{code.id}](#{code.anchor}) | {code.name} | {code.severity} | {code.summary} |"
            for code in CODES_BY_ID.values()
        ),
    ]
    start = RULES_MD.index(expected[0])
    table = RULES_MD[start:].split("\n\n", 1)[0].splitlines()
    assert table == expected, "\n".join(expected)


def test_every_code_has_a_golden_example() -> None:
    """An example is ``invalid/<CODE>-<name>.yaml`` or a folder ``invalid/<CODE>-<name>/``, or for a
    code about the project's configuration a folder ``config/<CODE>-<name>/``."""
    examples = [path for path in (EXAMPLES / "invalid").glob("PS*-*") if path.suffix in ("", ".yaml")]
    examples += [path for path in (EXAMPLES / "config").glob("PS*-*") if path.is_dir()]
    assert {path.name.split("-")[0] for path in examples} == set(CODES_BY_ID) - NOT_AS_FILES
    for example in examples:
        code = CODES_BY_ID[example.name.split("-")[0]]
        assert example.name.removesuffix(".yaml") == f"{code.id}-{code.name}"
        assert example.with_suffix(".expected").is_file(), example.name


def test_a_diagnostic_takes_its_severity_from_its_code() -> None:
    assert Diagnostic("plan.yaml", 1, 1, "PS214", "a milestone without a date").severity == "warning"
    assert Diagnostic("plan.yaml", 1, 1, "PS204", "duplicate id").severity == "error"
