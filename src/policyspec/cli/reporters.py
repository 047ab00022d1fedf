"""Diagnostics to text: the editor's ``file:line:col: CODE message``, JSON, CI annotations or SARIF.

Every reporter takes the diagnostics, how many files were checked, and keyword-only: the label
of the corpus checked when no paths were given (``bundled corpus``, ``specs/ of /path``), and the
paint for colour, which only the text reporter uses.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Protocol

from policyspec.cli.color import PLAIN, Paint
from policyspec.diagnostics import Diagnostic

__all__ = ["REPORTERS_BY_NAME", "Reporter", "diagnostic_text", "report_text"]


class Reporter(Protocol):
    def __call__(
        self,
        diagnostics: Sequence[Diagnostic],
        files: int,
        *,
        corpus: str | None = None,
        paint: Paint = PLAIN,
    ) -> str: ...


def summary(diagnostics: Sequence[Diagnostic], files: int, corpus: str | None = None) -> str:
    """``5 files checked (bundled corpus): no problems.``: the count, which corpus, the verdict."""
    errors = sum(d.severity == "error" for d in diagnostics)
    warnings = len(diagnostics) - errors
    checked = f"{files} {'file' if files == 1 else 'files'} checked" + (f" ({corpus})" if corpus else "")
    if not diagnostics:
        return f"{checked}: no problems."
    return f"{checked}: {errors} error(s), {warnings} warning(s)."


def diagnostic_text(d: Diagnostic, paint: Paint = PLAIN) -> str:
    """One diagnostic as an editor jumps to it, with its hint on the next line."""
    label = "" if d.severity == "error" else paint.severity("warning:", d.severity) + " "
    line = (
        f"{paint.path(d.file)}:{d.line}:{d.column}: {paint.severity(d.code, d.severity)} {label}{d.message}"
    )
    return line + (f"\n    hint: {d.hint}" if d.hint else "")


def report_text(
    diagnostics: Sequence[Diagnostic], files: int, *, corpus: str | None = None, paint: Paint = PLAIN
) -> str:
    return "\n".join([*(diagnostic_text(d, paint) for d in diagnostics), summary(diagnostics, files, corpus)])


def report_json(
    diagnostics: Sequence[Diagnostic], files: int, *, corpus: str | None = None, paint: Paint = PLAIN
) -> str:
    payload = {"files": files, "corpus": corpus, "diagnostics": [d.as_dict() for d in diagnostics]}
    return json.dumps(payload, ensure_ascii=False, indent=2)


def _escape(text: str, *, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def report_github(
    diagnostics: Sequence[Diagnostic], files: int, *, corpus: str | None = None, paint: Paint = PLAIN
) -> str:
    lines = []
    for d in diagnostics:
        message = d.message + (f" (hint: {d.hint})" if d.hint else "")
        lines.append(
            f"::{d.severity} file={_escape(d.file, property_value=True)},line={d.line},col={d.column},"
            f"title={d.code}::{_escape(message)}"
        )
    lines.append(summary(diagnostics, files, corpus))
    return "\n".join(lines)


def report_sarif(
    diagnostics: Sequence[Diagnostic], files: int, *, corpus: str | None = None, paint: Paint = PLAIN
) -> str:
    from policyspec.cli.sarif import sarif_log

    return json.dumps(sarif_log(diagnostics, files, corpus), ensure_ascii=False, indent=2)


REPORTERS_BY_NAME: dict[str, Reporter] = {
    "text": report_text,
    "json": report_json,
    "github": report_github,
    "sarif": report_sarif,
}
