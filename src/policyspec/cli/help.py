"""What ``--help`` shows: the description as written, every default, examples and exit codes.

argparse rewraps descriptions and hides defaults unless told; :class:`HelpFormatter` keeps the
line breaks of a description and an epilog (examples must stay one per line) and adds
``(default: X)`` to every option whose default is a value worth showing.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

__all__ = ["HelpFormatter", "epilog"]


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Descriptions and epilogs as written; each option's default, unless it has none to show."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = action.help or ""
        default = action.default
        shown = default not in (None, False, [], (), argparse.SUPPRESS)
        if shown and "%(default)" not in text and "default" not in text:
            text += " (default: %(default)s)"
        return text


def epilog(examples: Sequence[tuple[str, str]], exit_codes: Sequence[tuple[int, str]]) -> str:
    """The text after the options: one example per line with what it does, then the exit codes."""
    sections = []
    if examples:
        width = min(max(len(command) for command, _ in examples), 48)
        lines = [
            f"  {command.ljust(width)}  # {meaning}" if meaning else f"  {command}"
            for command, meaning in examples
        ]
        sections.append("\n".join(["examples:", *lines]))
    if exit_codes:
        sections.append("\n".join(["exit codes:", *(f"  {code}  {meaning}" for code, meaning in exit_codes)]))
    return "\n\n".join(sections)
