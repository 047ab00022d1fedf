"""A griffe extension: the source's reST-flavoured docstrings, read as the Markdown mkdocstrings renders.

The docstrings are written for ``help()`` and doctest, with Sphinx roles for cross-references
(``:class:`~policyspec.api.query.IndicatorFilter```) and bare ``>>>`` examples. Rewriting them in
the source for the site's sake would churn every module; this rewrites them as they are loaded:

- a doctest example (a ``>>>`` line and what follows up to a blank line) becomes a ``pycon`` block,
  so its output is shown as code and not read as Markdown (``['id']`` is not a link);
- a role becomes an optional cross-reference: a link where the target is documented on the site,
  plain code where it is not (a private module), never a warning.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

import griffe

_ROLE = re.compile(r":(?:class|func|meth|mod|data|attr|exc|obj):`(?P<tilde>~?)(?P<target>[\w.]+)(?:\(\))?`")
_FENCE = re.compile(r"^\s*(```|~~~)")


def fence_doctests(text: str) -> str:
    """Wrap each run of doctest lines (``>>>`` to the next blank line) in a ``pycon`` code block."""
    out: list[str] = []
    in_fence = in_doctest = False
    indent = ""
    for line in text.split("\n"):
        if in_doctest and not line.strip():
            out.append(f"{indent}```")
            in_doctest = False
        if _FENCE.match(line):
            in_fence = not in_fence
        stripped = line.lstrip()
        if not in_fence and not in_doctest and stripped.startswith(">>>"):
            indent = line[: len(line) - len(stripped)]
            out.append(f"{indent}```pycon")
            in_doctest = True
        out.append(line)
    if in_doctest:
        out.append(f"{indent}```")
    return "\n".join(out)


def _absolute(target: str, module: str) -> str:
    """A Sphinx target made absolute: ``.compare`` seen from ``a.b.corpus`` is ``a.b.compare``."""
    if not target.startswith("."):
        return target
    package = module.rsplit(".", 1)[0] if "." in module else module
    return f"{package}.{target.lstrip('.')}"


def link_roles(text: str, module: str) -> str:
    """Turn every Sphinx role into an optional autorefs cross-reference shown as code."""

    def link(match: re.Match[str]) -> str:
        target = _absolute(match["target"], module)
        shown = target.rsplit(".", 1)[-1] if match["tilde"] else target
        code = f"<code>{escape(shown)}</code>"
        return f'<autoref identifier="{escape(target)}" optional>{code}</autoref>'

    return _ROLE.sub(link, text)


def to_markdown(text: str, module: str) -> str:
    return link_roles(fence_doctests(text), module)


class SphinxishDocstrings(griffe.Extension):
    """Rewrites every docstring of a loaded object (mkdocs.yml names this class)."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = to_markdown(obj.docstring.value, obj.module.path)
