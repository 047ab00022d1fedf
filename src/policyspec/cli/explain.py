"""``policyspec explain CODE``: a code's documentation in the terminal — what it catches, a bad
and a good example, what is reported — from the catalogue and the ``docs/rules.md`` section that
tests keep in step with it (shipped in the wheel)."""

from __future__ import annotations

import difflib
import re

from policyspec.codes import CODES_BY_ID, Code

__all__ = ["documentation", "explain", "find_code"]


def find_code(text: str) -> Code | str:
    """The code ``text`` names (PS204, ps204, or its name duplicate-id), or why there is none."""
    wanted = text.strip()
    by_name = {code.name: code for code in CODES_BY_ID.values()}
    code = CODES_BY_ID.get(wanted.upper()) or by_name.get(wanted.lower())
    if code is not None:
        return code
    close = difflib.get_close_matches(wanted.upper(), list(CODES_BY_ID), n=1) or difflib.get_close_matches(
        wanted.lower(), list(by_name), n=1
    )
    suggestion = f" (did you mean {close[0]}?)" if close else ""
    return f"no code {wanted!r}{suggestion}; the codes are PS001 to {max(CODES_BY_ID)}: see docs/rules.md"


def explain(code: Code) -> str:
    """The code's heading and severity, then its section of docs/rules.md (or its summary alone)."""
    header = f"{code.id} {code.name} ({code.severity}): {code.summary}"
    section = documentation(code)
    return header + ("\n\n" + section if section else "") + "\n"


def documentation(code: Code, rules: str | None = None) -> str | None:
    """The code's section of docs/rules.md (Markdown), without its heading; None if missing.

    ``rules`` is the text of docs/rules.md when the caller has already read it (SARIF needs every
    code's section and reads the file once).
    """
    text = rules if rules is not None else rules_text()
    if text is None:
        return None
    found = re.search(rf"^## {code.id} {re.escape(code.name)}\n(.*?)(?=^## |\Z)", text, flags=re.S | re.M)
    return found.group(1).strip() if found else None


def rules_text() -> str | None:
    """docs/rules.md as shipped with the package, or None if this installation lacks it."""
    from policyspec.bundled import bundled_dir

    try:
        return (bundled_dir("docs") / "rules.md").read_text(encoding="utf-8")
    except OSError:
        return None
