"""Diagnostics to text: the editor's ``file:line:col: CODE message``, JSON, or CI annotations."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from policyspec.diagnostics import Diagnostic

__all__ = ["REPORTERS_BY_NAME", "Reporter"]

Reporter = Callable[[Sequence[Diagnostic], int], str]


def _summary(diagnostics: Sequence[Diagnostic], files: int) -> str:
    errors = sum(d.severity == "error" for d in diagnostics)
    warnings = len(diagnostics) - errors
    noun = "file" if files == 1 else "files"
    if not diagnostics:
        return f"{files} {noun} checked: no problems."
    return f"{files} {noun} checked: {errors} error(s), {warnings} warning(s)."


def report_text(diagnostics: Sequence[Diagnostic], files: int) -> str:
    lines = []
    for d in diagnostics:
        label = "" if d.severity == "error" else "warning: "
        lines.append(f"{d.file}:{d.line}:{d.column}: {d.code} {label}{d.message}")
        if d.hint:
            lines.append(f"    hint: {d.hint}")
    lines.append(_summary(diagnostics, files))
    return "\n".join(lines)


def report_json(diagnostics: Sequence[Diagnostic], files: int) -> str:
    payload = {"files": files, "diagnostics": [d.as_dict() for d in diagnostics]}
    return json.dumps(payload, ensure_ascii=False, indent=2)


def _escape(text: str, *, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def report_github(diagnostics: Sequence[Diagnostic], files: int) -> str:
    lines = []
    for d in diagnostics:
        message = d.message + (f" (hint: {d.hint})" if d.hint else "")
        lines.append(
            f"::{d.severity} file={_escape(d.file, property_value=True)},line={d.line},col={d.column},"
            f"title={d.code}::{_escape(message)}"
        )
    lines.append(_summary(diagnostics, files))
    return "\n".join(lines)


REPORTERS_BY_NAME: dict[str, Reporter] = {"text": report_text, "json": report_json, "github": report_github}
