"""Which diagnostic codes are reported: ``select`` and ``ignore`` lists, as ruff reads them.

An entry is a code (``PS214``), a prefix of codes (``PS2`` is every semantic rule, ``PS`` every
code) or ``ALL``; an entry that names no code is an error, so a typo never silently selects
nothing. Selections come in layers, the project's configuration first and the command line last:
a layer's ``select`` replaces what was selected before it, its ``ignore`` removes codes from
that. Within one layer the most specific entry decides (``select = ["PS2"]`` with
``ignore = ["PS21"]`` keeps PS201 and drops PS214), and at equal specificity ``ignore`` wins.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from policyspec.codes import CODES_BY_ID

__all__ = ["ALL_CODES", "Layer", "UnknownCode", "enabled_codes", "parse_code_list", "parse_entry"]

ALL_CODES: frozenset[str] = frozenset(CODES_BY_ID)


class UnknownCode(ValueError):
    """An entry of a select or ignore list that names no code."""


def parse_entry(text: str) -> str:
    """One entry, normalised to upper case; :class:`UnknownCode` when it names no code."""
    entry = text.strip().upper()
    if entry == "ALL" or (entry and any(code.startswith(entry) for code in CODES_BY_ID)):
        return entry
    import difflib

    close = difflib.get_close_matches(entry, list(CODES_BY_ID), n=1)
    suggestion = f" (did you mean {close[0]}?)" if close else ""
    raise UnknownCode(
        f"unknown code {text.strip()!r}{suggestion}: give a code such as PS214, a prefix such as PS2, or ALL"
    )


def parse_code_list(text: str) -> tuple[str, ...]:
    """``PS201,PS2`` (the command line's form: comma-separated) as entries."""
    return tuple(parse_entry(part) for part in text.split(",") if part.strip())


@dataclass(frozen=True)
class Layer:
    """One source of selections: ``select`` (None: keep what came before) and ``ignore``."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()


def _specificity(code: str, entries: Sequence[str]) -> int:
    """The length of the longest entry matching ``code`` (ALL matches with 0), -1 if none does."""
    matching = [len(entry) for entry in entries if entry != "ALL" and code.startswith(entry)]
    return max(matching, default=0 if "ALL" in entries else -1)


def enabled_codes(layers: Iterable[Layer]) -> frozenset[str]:
    """The codes reported after every layer is applied in order (all of them when none says more)."""
    enabled = ALL_CODES
    for layer in layers:
        kept = set()
        for code in ALL_CODES:
            ignored = _specificity(code, layer.ignore)
            if layer.select is None:
                keep = code in enabled and ignored < 0
            else:
                keep = _specificity(code, layer.select) > ignored
            if keep:
                kept.add(code)
        enabled = frozenset(kept)
    return enabled
