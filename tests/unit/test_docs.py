"""The reference documentation keeps up with the code: every diagnostic code is documented."""

from __future__ import annotations

import re

from policyspec.codes import CODES_BY_ID
from tests.conftest import REPO


def test_every_code_has_a_section_with_a_bad_and_a_good_example() -> None:
    text = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    sections = dict(re.findall(r"^## (PS\d{3}) [a-z0-9-]+\n(.*?)(?=^## |\Z)", text, flags=re.S | re.M))
    assert set(sections) == set(CODES_BY_ID)
    for code, body in sections.items():
        assert "Bad" in body, code
        assert "Good" in body, code


def test_documented_output_is_the_golden_output() -> None:
    text = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    for expected in sorted((REPO / "tests" / "examples" / "invalid").glob("*.expected")):
        diagnostics = expected.read_text(encoding="utf-8").rstrip("\n").rsplit("\n", 1)[0]
        assert f"```text\n{diagnostics}\n```" in text, expected.name  # every line, hints included
    for expected in sorted((REPO / "tests" / "examples" / "config").glob("*.expected")):
        diagnostics = expected.read_text(encoding="utf-8").rstrip("\n")  # no summary: nothing was checked
        assert f"```text\n{diagnostics}\n```" in text, expected.name
