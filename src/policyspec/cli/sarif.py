"""Diagnostics as a SARIF 2.1.0 log, for GitHub code scanning and other SARIF viewers.

One run of one tool, ``policyspec``, whose rules are the whole catalogue of codes (id, name, the
one-line summary, the documentation of docs/rules.md as help, the severity as default level), so
a viewer can explain a code it has not seen in this run. A result points where the text output
points: the same line and column (columns count code points, as ``columnKind`` says), and the
file as a URI relative to the working directory (``%SRCROOT%``), which is how code scanning
matches it to the repository. A file outside the working directory gets an absolute file URI.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path, PurePath
from urllib.parse import quote

from policyspec.codes import CODES_BY_ID, Code
from policyspec.diagnostics import Diagnostic

__all__ = ["SARIF_SCHEMA", "sarif_log"]

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_ROOT = "%SRCROOT%"


def _rule(code: Code, rules: str | None) -> dict[str, object]:
    from policyspec.cli.explain import documentation

    documented = documentation(code, rules) if rules is not None else None
    help_text = documented or code.summary
    return {
        "id": code.id,
        "name": code.name,
        "shortDescription": {"text": code.summary},
        "fullDescription": {"text": f"{code.summary} See {code.documentation}."},
        "help": {"text": help_text, "markdown": help_text},
        "defaultConfiguration": {"level": code.severity},
        "properties": {"tags": ["policyspec"], "documentation": code.documentation},
    }


def _location(file: str) -> dict[str, object]:
    path = PurePath(file)
    if path.is_absolute():
        return {"uri": Path(file).as_uri()}
    return {"uri": quote(path.as_posix()), "uriBaseId": _ROOT}


def _result(d: Diagnostic, index: int) -> dict[str, object]:
    message = d.message + (f" (hint: {d.hint})" if d.hint else "")
    return {
        "ruleId": d.code,
        "ruleIndex": index,
        "level": d.severity,
        "message": {"text": message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": _location(d.file),
                    "region": {"startLine": d.line, "startColumn": d.column},
                }
            }
        ],
        "properties": {"jsonPath": d.json_path},
    }


def sarif_log(diagnostics: Sequence[Diagnostic], files: int, corpus: str | None = None) -> dict[str, object]:
    """The SARIF log of one validate run, as JSON-ready data."""
    from policyspec._version import __version__
    from policyspec.cli.explain import rules_text

    rules = rules_text()
    index = {code_id: position for position, code_id in enumerate(CODES_BY_ID)}
    run: dict[str, object] = {
        "tool": {
            "driver": {
                "name": "policyspec",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [_rule(code, rules) for code in CODES_BY_ID.values()],
            }
        },
        "originalUriBaseIds": {_ROOT: {"uri": Path.cwd().as_uri() + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": [_result(d, index[d.code]) for d in diagnostics],
        "invocations": [{"executionSuccessful": True}],
        "properties": {"filesChecked": files, **({"corpus": corpus} if corpus else {})},
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
