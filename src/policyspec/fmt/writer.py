"""The canonical text written straight from the layout, with the offset where each entry starts.

ruamel.yaml's emitter is a general machine: a state per event, an analysis per scalar, a method
call per indicator. The canonical layout needs a small part of it, and that part is written here
in a few string operations per entry: block mappings (two spaces a level), block sequences
(``  - `` under their key), flow collections on one line, one-line plain and double-quoted
scalars (:mod:`policyspec.fmt.quoting`), and ``|``/``>`` block scalars with their folds. The
offsets of the entries come with the text, so the comments can be put back without reading the
text again.

Anything else (a key of more than 122 characters or with a line break, a sequence directly in a
sequence, a block scalar that needs an indentation indicator or keeps its final blank lines or
that an alias puts in a flow collection, a string ruamel's analysis must judge character by
character) makes :func:`write_canonical` return None, and ruamel's emitter writes the file.
Property tests hold the two to the same bytes wherever this one answers.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass

from policyspec.diagnostics import JsonPath
from policyspec.fmt.layout import Styled, canonical_key, canonical_scalar, ordered
from policyspec.fmt.nodes import Mapping, Node, Scalar, Sequence
from policyspec.fmt.quoting import double_quoted, plain_styles
from policyspec.model.shape import ROOT

__all__ = ["Written", "write_canonical"]

_LONGEST_SIMPLE_KEY = 122  # ruamel writes a longer key as '? key': its limit of 128 counts '!!str' in
_LINE_BREAK = re.compile("[\n\x85\u2028\u2029]")
_UNUSUAL_BREAK = re.compile("[\x85\u2028\u2029]")
_BLOCK_STYLES = ("|", ">")


@dataclass(frozen=True)
class Written:
    text: str
    entries: dict[JsonPath, int]  # where each mapping key and sequence item starts (offset)


def write_canonical(root: Node) -> Written | None:
    """The canonical text of a document without comments; None for a shape left to ruamel."""
    if type(root) is not Mapping:
        return None
    writer = _Writer()
    try:
        if root.flow or not root.entries:
            writer.flow(root, ROOT, (), _Nesting(saved=None, indent=None, in_sequence=False))
            writer.end_line()
        else:
            writer.block_mapping(root, ROOT, 0, (), inline=False)
    except (_Unhandled, RecursionError):
        return None
    return writer.written()


class _Unhandled(Exception):
    """A shape this writer leaves to ruamel's emitter."""


class _Writer:
    """Pieces of text; an entry is first noted by the index of the piece it starts (cheaper than
    counting characters as they go), its offset worked out once at the end."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.put = self.pieces.append
        self.starts: dict[JsonPath, int] = {}
        self.after_dash: list[JsonPath] = []  # null items, which libyaml starts right after the dash
        self.line_start = 0  # the piece that starts the current line

    def written(self) -> Written:
        offsets = [0, *itertools.accumulate(map(len, self.pieces))]
        entries = {path: offsets[piece] for path, piece in self.starts.items()}
        for path in self.after_dash:
            entries[path] -= 1
        return Written("".join(self.pieces), entries)

    def start(self, path: JsonPath) -> None:
        """The entry ``path`` starts with the next piece."""
        self.starts[path] = len(self.pieces)

    def end_line(self, text: str = "") -> None:
        """``text`` (which may hold whole lines, as a block scalar does) and a line end."""
        self.put(text + "\n")
        self.line_start = len(self.pieces)

    def column(self) -> int:
        return sum(map(len, self.pieces[self.line_start :]))

    def block_mapping(
        self, node: Mapping, model: str | None, indent: int, path: JsonPath, *, inline: bool
    ) -> None:
        """Keys at ``indent``; the first on the current line when ``inline`` (after a dash)."""
        margin = " " * indent
        for index, (key, value, child) in enumerate(ordered(node, model)):
            if index or not inline:
                self.put(margin)
            entry = (*path, key)
            self.start(entry)
            self.put(_key(key, False) + ":")
            self.block_value(value, child, indent, entry)

    def block_value(self, value: Node, model: str | None, indent: int, path: JsonPath) -> None:
        """What follows ``key:`` in a block mapping, to the end of its last line."""
        if isinstance(value, Scalar):
            styled = canonical_scalar(value, False)
            if styled.style in _BLOCK_STYLES:
                self.end_line(" " + _block_scalar(styled, indent + 2))
            elif not styled.style and not styled.text:  # an empty null
                self.end_line()
            else:
                self.end_line(" " + _inline(styled, in_flow=False))
        elif value.flow or _empty(value):
            self.put(" ")
            self.flow(value, model, path, _Nesting(saved=indent, indent=indent, in_sequence=False))
            self.end_line()
        elif type(value) is Mapping:
            self.end_line()
            self.block_mapping(value, model, indent + 2, path, inline=False)
        else:
            assert type(value) is Sequence
            self.end_line()
            self.block_sequence(value, model, indent + 2, path)

    def block_sequence(self, node: Sequence, model: str | None, indent: int, path: JsonPath) -> None:
        """Dashes at ``indent``, each item two columns further."""
        dash = " " * indent + "- "
        for index, item in enumerate(node.items):
            self.put(dash)
            entry = (*path, index)
            self.start(entry)
            if isinstance(item, Scalar):
                styled = canonical_scalar(item, False)
                if styled.style in _BLOCK_STYLES:
                    self.end_line(_block_scalar(styled, indent + 2))
                elif not styled.style and not styled.text:  # an empty null: ruamel keeps the dash's space
                    self.after_dash.append(entry)
                    self.end_line()
                else:
                    self.end_line(_inline(styled, in_flow=False))
            elif item.flow or _empty(item):
                self.flow(item, model, entry, _Nesting(saved=indent - 2, indent=indent - 2, in_sequence=True))
                self.end_line()
            elif type(item) is Mapping:
                self.block_mapping(item, model, indent + 2, entry, inline=True)
            else:
                raise _Unhandled("a block sequence in a block sequence")

    def flow(self, node: Mapping | Sequence, model: str | None, path: JsonPath, nesting: _Nesting) -> None:
        """A collection on one line: ``{key: value, …}`` or ``[item, …]``.

        Where a collection opens inside a flow sequence, ruamel aligns it to an indentation that
        grows by four a level while the line grows by one: deep in nested sequences it writes
        spaces before the bracket (``[[[[[[   [1]]]]]]]``). ``nesting`` follows its arithmetic.
        """
        if nesting.in_sequence:
            column = self.column() - (0 if self.pieces[-1].endswith(("[", "{")) else 1)
            self.put(" " * max(0, (nesting.saved or 0) + 3 - column))
            self.start(path)  # an item: it starts at its bracket
        indent = nesting.indent
        inner = _Nesting(
            saved=indent,
            indent=None if indent is None else indent + (4 if nesting.in_sequence else 2),
            in_sequence=type(node) is Sequence,
        )
        if type(node) is Mapping:
            self.put("{")
            for index, (key, value, child) in enumerate(ordered(node, model)):
                if index:
                    self.put(", ")
                entry = (*path, key)
                self.start(entry)
                self.put(_key(key, True) + ": ")
                self.flow_value(value, child, entry, inner)
            self.put("}")
        else:
            assert type(node) is Sequence
            self.put("[")
            for index, item in enumerate(node.items):
                if index:
                    self.put(", ")
                entry = (*path, index)
                self.start(entry)
                self.flow_value(item, model, entry, inner)
            self.put("]")

    def flow_value(self, value: Node, model: str | None, path: JsonPath, nesting: _Nesting) -> None:
        if isinstance(value, Scalar):
            styled = canonical_scalar(value, True)
            if styled.style in _BLOCK_STYLES or not (styled.style or styled.text):
                raise _Unhandled("a block scalar or an empty plain scalar in a flow collection")
            self.put(_inline(styled, in_flow=True))
        else:
            assert type(value) is Mapping or type(value) is Sequence
            self.flow(value, model, path, nesting)


@dataclass(frozen=True)
class _Nesting:
    """ruamel's indentation where a flow collection opens: its own, the one it saved, and whether
    the collection it opens in is a sequence (block or flow). In a document that is one flow
    mapping ruamel has no indentation at all (None)."""

    saved: int | None
    indent: int | None
    in_sequence: bool


def _empty(node: Mapping | Sequence) -> bool:
    return not (node.entries if type(node) is Mapping else node.items)  # type: ignore[union-attr]


@functools.lru_cache(maxsize=4096)
def _key(text: str, in_flow: bool) -> str:
    """A key as written (remembered: every spec repeats the same few dozen keys)."""
    if len(text) > _LONGEST_SIMPLE_KEY or _LINE_BREAK.search(text):
        raise _Unhandled("a key ruamel writes as '? key'")
    return _inline(canonical_key(text, in_flow), in_flow=in_flow)


def _inline(styled: Styled, *, in_flow: bool) -> str:
    """A one-line scalar: plain where ruamel's analysis allows it, double-quoted otherwise."""
    if styled.style == '"':
        return double_quoted(styled.text)
    styles = plain_styles(styled.text)
    if styles is None:
        raise _Unhandled("a string ruamel's analysis must judge")
    return styled.text if styles[in_flow] else double_quoted(styled.text)


def _block_scalar(styled: Styled, indent: int) -> str:
    """A ``|`` or ``>`` scalar: the header, then its lines at ``indent`` (the caller ends the last)."""
    text = styled.text
    if not text or text[0] in " \n" or text.endswith("\n\n") or _UNUSUAL_BREAK.search(text):
        raise _Unhandled("a block scalar that needs an indentation or keep indicator")
    chomping = "" if text.endswith("\n") else "-"
    margin = " " * indent
    if styled.style == "|":
        body = text[:-1] if text.endswith("\n") else text
        lines = [margin + line if line else "" for line in body.split("\n")]
        return "|" + chomping + "\n" + "\n".join(lines)
    return ">" + chomping + "\n" + _folded(text, margin)[:-1]


def _folded(text: str, margin: str) -> str:
    """The lines of a folded scalar as ruamel's ``write_folded`` writes them, BEL marking a fold.

    A line break between two lines of text must be written as two (one alone reads as a space).
    """
    out: list[str] = []
    leading_space = True
    spaces = False
    breaks = True
    start = end = 0
    length = len(text)
    while end <= length:
        char = text[end] if end < length else None
        if breaks:
            if char is None or char not in "\n\a":
                if not leading_space and char is not None and char != " " and text[start] == "\n":
                    out.append("\n")
                leading_space = char == " "
                out.append("\n" * (end - start))
                if char is not None:
                    out.append(margin)
                start = end
        elif spaces:
            if char != " ":
                out.append(text[start:end])
                start = end
        elif char is None or char in " \n\a":
            out.append(text[start:end])
            if char == "\a":
                if end + 2 >= length or text[end + 2].isspace():
                    raise _Unhandled("a fold mark ruamel refuses")
                out.append("\n" + margin)
                end += 2  # the mark and the space the fold stands for
            if char is None:
                out.append("\n")
            start = end
        if char is not None:
            breaks = char == "\n"
            spaces = char == " "
        end += 1
    return "".join(out)
