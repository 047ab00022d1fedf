"""Comments and blank lines, tied to the entries they belong to, and put back after formatting.

ruamel.yaml keeps comments, but it files a comment that stands before a key under the key
*above* it (and a comment before a mapping's first key under the parent), so reordering keys
through ``.ca`` quietly moves comments to the wrong entry. Here every comment is tied to an
entry (a mapping key or a sequence item, named by its path) by position instead:

- a full-line comment, and a blank line, belongs to the entry that follows it;
- an end-of-line comment belongs to the last entry that starts before it;
- what stands before the first entry is the file's header, what follows the last its trailer.

Once the data has been re-emitted without comments, each is put back beside the same entry,
wherever that entry moved: before-lines above it at its indentation, end-of-line comments at
their old column when that still fits (at least two spaces after the content). Positions are
character offsets and lines end at LF only (the text has been normalised), so libyaml's habit
of also breaking lines at U+2028 cannot skew them.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from policyspec.diagnostics import JsonPath

__all__ = ["Comment", "Placement", "comment_pieces", "find_comments", "place_comments", "restore_comments"]

BLANK = ""  # a blank line in a list of before-lines

Span = tuple[int, int]

_HASH = re.compile(r"(?:^|(?<=[ \t]))#", re.MULTILINE)
_PIECE = re.compile(r"(?:^|(?<=[ \t]))#")


@dataclass(frozen=True)
class Comment:
    offset: int
    column: int  # 1-based, within its line
    text: str  # from '#' to the end of its line, trailing blanks removed
    full_line: bool


@dataclass
class Placement:
    header: list[str] = field(default_factory=list)
    before: dict[JsonPath, list[str]] = field(default_factory=dict)
    after: dict[JsonPath, list[Comment]] = field(default_factory=dict)
    trailer: list[str] = field(default_factory=list)


def find_comments(text: str, spans: Sequence[Span]) -> tuple[list[Comment], list[int]]:
    """Every comment outside scalar content, and the offsets of the blank lines."""
    starts = [span[0] for span in spans]

    def in_scalar(offset: int) -> bool:
        index = bisect.bisect_right(starts, offset) - 1
        return index >= 0 and spans[index][0] <= offset < spans[index][1]

    comments: list[Comment] = []
    covered = -1  # a '#' inside a comment is part of it
    for match in _HASH.finditer(text):
        offset = match.start()
        if offset < covered or in_scalar(offset):
            continue
        begin = text.rfind("\n", 0, offset) + 1
        end = text.find("\n", offset)
        covered = len(text) if end < 0 else end
        full_line = not text[begin:offset].strip()
        comments.append(Comment(offset, offset - begin + 1, text[offset:covered].rstrip(), full_line))
    blanks: list[int] = []
    start = 0
    for line in text.split("\n"):
        if not line.strip(" \t") and start < len(text) and not in_scalar(start):
            blanks.append(start)
        start += len(line) + 1
    return comments, blanks


def place_comments(text: str, spans: Sequence[Span], entries: Mapping[JsonPath, int]) -> Placement:
    """Tie each comment and blank line of ``text`` to an entry (see the module docstring)."""
    ordered = sorted(entries.items(), key=lambda item: (item[1], len(item[0])))
    offsets = [offset for _, offset in ordered]
    placement = Placement()
    comments, blanks = find_comments(text, spans)
    first = offsets[0] if offsets else len(text)
    lines = [(c.offset, c.text) for c in comments if c.full_line or c.offset < first]
    for offset, content in sorted(lines + [(blank, BLANK) for blank in blanks]):
        index = bisect.bisect_right(offsets, offset)
        if index == 0:
            placement.header.append(content)  # with an end-of-line comment on `---`, say
        elif index == len(ordered):
            placement.trailer.append(content)
        else:
            placement.before.setdefault(ordered[index][0], []).append(content)
    for comment in comments:
        index = bisect.bisect_left(offsets, comment.offset) - 1
        if not comment.full_line and index >= 0:
            placement.after.setdefault(ordered[index][0], []).append(comment)
    return placement


def restore_comments(
    text: str, entries: Mapping[JsonPath, int], placement: Placement, header: list[str]
) -> str:
    """Put the comments of ``placement`` into comment-free ``text``; ``header`` replaces its header."""
    line_starts = [0, *(match.end() for match in re.finditer("\n", text))]
    rank = {path: index for index, path in enumerate(sorted(entries, key=lambda p: (entries[p], len(p))))}

    def line_of(path: JsonPath) -> int:
        return bisect.bisect_right(line_starts, entries[path])

    before: dict[int, list[tuple[int, list[str]]]] = {}
    after: dict[int, list[Comment]] = {}
    for path, content in placement.before.items():
        before.setdefault(line_of(path), []).append((rank[path], content))
    for path, comments in placement.after.items():
        after.setdefault(line_of(path), []).extend(comments)
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    out: list[tuple[str, bool]] = [(line, True) for line in header]  # (text, inserted by us)
    for number, line in enumerate(lines, start=1):
        indent = line[: len(line) - len(line.lstrip(" "))]
        for _, content in sorted(before.get(number, [])):
            out.extend((indent + entry if entry else BLANK, True) for entry in content)
        out.append((_with_end_comments(line, after.get(number, [])), False))
    out.extend((line, True) for line in placement.trailer)
    return "\n".join(_tidy(out)) + "\n"


def comment_pieces(text: str, spans: Sequence[Span]) -> Counter[str]:
    """The comments of ``text``, split where two were joined on one line, for a before/after check."""
    pieces: Counter[str] = Counter()
    for comment in find_comments(text, spans)[0]:
        cuts = [match.start() for match in _PIECE.finditer(comment.text)] + [len(comment.text)]
        pieces.update(comment.text[a:b].rstrip() for a, b in itertools.pairwise(cuts) if a < b)
    return pieces


def _with_end_comments(line: str, comments: list[Comment]) -> str:
    if not comments:
        return line
    ordered = sorted(comments, key=lambda c: c.offset)
    content = line.rstrip()
    gap = max(ordered[0].column - 1 - len(content), 2)
    return content + " " * gap + "  ".join(c.text for c in ordered)


def _tidy(lines: list[tuple[str, bool]]) -> list[str]:
    """At most one blank line of ours in a row, none at the start or the end of the file.

    Lines of the emitted data are never touched: blank lines there are block scalar content.
    """
    tidy: list[tuple[str, bool]] = []
    for line, inserted in lines:
        if inserted and line == BLANK and (not tidy or tidy[-1][0] == BLANK):
            continue
        tidy.append((line, inserted))
    while tidy and tidy[-1] == (BLANK, True):
        tidy.pop()
    return [line for line, _ in tidy]
