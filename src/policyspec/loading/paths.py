"""Which files a command or :func:`policyspec.load` works on: paths as given, folders expanded.

One path (``"specs"``, ``Path("specs")``) is one path, never the characters of a string. A
folder stands for its ``*.yaml`` and ``*.yml`` entries (entries that are not regular files are
kept, so the reader can say what they are); a folder holding none is an error, because checking
nothing is not a pass.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import overload

__all__ = ["SPEC_SUFFIXES", "SpecPathError", "SpecPaths", "as_paths", "expand_paths"]

SPEC_SUFFIXES = (".yaml", ".yml")

PathArgument = str | os.PathLike[str] | Iterable[str | os.PathLike[str]]


class SpecPathError(ValueError):
    """The paths given name no spec files: a folder holds none, or cannot be listed."""


class SpecPaths(Sequence[Path]):
    """Paths kept as their text, each made a :class:`~pathlib.Path` as it is read.

    A command given ten thousand spec files holds their paths from start to end; as Path objects
    (Python 3.11 splits each into its parts up front) they took some 380 bytes each, as text 90.
    """

    __slots__ = ("_text",)

    def __init__(self, paths: Iterable[str | os.PathLike[str]] = ()) -> None:
        self._text: list[str] = (
            list(paths._text) if isinstance(paths, SpecPaths) else [os.fspath(path) for path in paths]
        )

    def __len__(self) -> int:
        return len(self._text)

    @overload
    def __getitem__(self, index: int) -> Path: ...
    @overload
    def __getitem__(self, index: slice) -> SpecPaths: ...
    def __getitem__(self, index: int | slice) -> Path | SpecPaths:
        if isinstance(index, slice):
            return SpecPaths(self._text[index])
        return Path(self._text[index])

    def __iter__(self) -> Iterator[Path]:
        return map(Path, self._text)

    def __eq__(self, other: object) -> bool:  # as Paths: "a/./b" is "a/b"
        if isinstance(other, (SpecPaths, list, tuple)):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # equal to lists, which have no hash

    def __repr__(self) -> str:
        return f"SpecPaths({self._text!r})"


def as_paths(paths: PathArgument, *, argument: str = "paths") -> list[Path]:
    """One path or an iterable of them, as Paths; TypeError for anything else (bytes, numbers)."""
    if isinstance(paths, (str, os.PathLike)):
        return [_one(paths, argument)]
    if isinstance(paths, (bytes, bytearray)) or not isinstance(paths, Iterable):
        raise TypeError(
            f"{argument} must be a path (str or os.PathLike) or an iterable of paths, not {paths!r}"
        )
    return [_one(path, argument) for path in paths]


def _one(path: object, argument: str) -> Path:
    if isinstance(path, str) or (isinstance(path, os.PathLike) and isinstance(os.fspath(path), str)):
        return Path(path)
    raise TypeError(f"each of {argument} must be a str or os.PathLike path, not {type(path).__name__}")


def expand_paths(paths: PathArgument | None) -> list[Path]:
    """Files as given; folders to their spec files, sorted; None to the bundled specs."""
    if paths is None:
        from policyspec.bundled import bundled_specs

        return bundled_specs()
    expanded: list[Path] = []
    for path in as_paths(paths):
        if path.is_dir():
            expanded.extend(_spec_files(path))
        else:
            expanded.append(path)
    return expanded


def _spec_files(folder: Path) -> list[Path]:
    try:
        with os.scandir(folder) as entries:
            names = sorted(entry.name for entry in entries if entry.name.endswith(SPEC_SUFFIXES))
    except OSError as exc:
        raise SpecPathError(
            f"cannot list the folder {folder}: {exc.strerror or type(exc).__name__}"
        ) from None
    if not names:
        raise SpecPathError(f"the folder {folder} holds no spec files (*.yaml, *.yml)")
    return [folder / name for name in names]
