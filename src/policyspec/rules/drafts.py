"""A drafted spec is finished: no ``TODO`` left where ``policyspec new`` put one (PS224)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from policyspec.diagnostics import JsonPath
from policyspec.rules._base import Finding, RuleContext, emits

__all__ = ["no_todo_left"]

TODO = "TODO"


def _strings(node: object, path: JsonPath) -> Iterator[tuple[JsonPath, str]]:
    """Every text of a document with its path, read off the fields of its models or plain records
    (serializing would build the models' serializers: start-up time for a rule that almost never
    finds anything). Of the values a document holds, only those two have a ``__dict__``."""
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _strings(value, (*path, index))
    else:
        fields = getattr(node, "__dict__", None)
        if fields is not None:
            for key, value in fields.items():
                yield from _strings(value, (*path, key))


# The escapes of a double-quoted scalar that can write a letter: by its code (\x54, \u0054,
# \U00000054), or by joining two lines (a backslash at the end of a line).
_LETTER_ESCAPE = re.compile(r"\\[xuU\r\n\x85\u2028\u2029]")


def _may_hold(spec_text: str | None, word: str) -> bool:
    """Whether a text of the document can start with ``word`` (letters only), judged from the YAML
    text: a scalar's letters are the file's own, except what an escape writes — so a file holding
    neither the word nor such an escape holds no such text, and the walk over every text of the
    document is skipped."""
    return spec_text is None or word in spec_text or _LETTER_ESCAPE.search(spec_text) is not None


@emits("PS224")
def no_todo_left(context: RuleContext) -> Iterator[Finding]:
    """Every placeholder of a draft is replaced before the spec counts as encoded."""
    if not _may_hold(context.spec_text, TODO):
        return
    for path, text in _strings(context.document, ()):
        if text.startswith(TODO):
            yield Finding(
                "PS224",
                path,
                f"{path[-1]} is still {text!r}: a placeholder of the draft",
                hint="write what the source says (docs/encoding.md); policyspec new left it for you",
            )
