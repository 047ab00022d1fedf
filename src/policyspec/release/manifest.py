"""SHA256SUMS: what a release wrote, and therefore what a later release may replace or clean up.

A release owns exactly the files its SHA256SUMS lists, plus SHA256SUMS itself, and the folders
that hold them (``sources/``, ``schemas/``). A folder is replaced only when it holds nothing else
and none of those files changed since: anything more is a user's file or a user's edit, lost for
good if the folder were replaced. The manifest is in the format of coreutils, paths relative with
``/``, so ``sha256sum -c SHA256SUMS`` checks a release by hand.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from collections.abc import Callable, Collection, Iterable, Iterator
from pathlib import Path

from policyspec._fs.regular_files import FileTooLarge, Unreadable, read_regular_file

__all__ = [
    "MANIFEST",
    "ReleaseRefused",
    "check_replaceable",
    "disposable_files",
    "remove_folder",
    "sha256sums",
]

MANIFEST = "SHA256SUMS"
# A release lists a file per table and format, per schema and per source text (about 100 bytes a
# line): 32 MiB holds hundreds of thousands of documents, and a larger file is not ours.
_MANIFEST_LIMIT = 32 * 1024 * 1024
# Relative paths of plain names (nothing sha256sum would escape), no "." or ".." among them.
_NAME = r"(?!\.\.?(?:/|$))[^/\\\x00-\x1f]+"
_LINE = re.compile(rf"([0-9a-f]{{64}})  ((?:{_NAME}/)*{_NAME})")
_SHOWN = 10  # names spelled out in a refusal before "and N more"
_CHUNK = 1 << 20
_NO_FOLLOW = (
    os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
)


class ReleaseRefused(FileExistsError):
    """The destination holds something no release wrote; it was left exactly as it was.

    A ``FileExistsError`` (an ``OSError``) rather than a ``ReleaseError``: the destination is in
    the way, which a caller reports as a failure to write, not as a usage error.
    """


def sha256sums(digests: Iterable[tuple[str, str]]) -> bytes:
    """The manifest of ``(path, hex digest)`` pairs: ``<hex>  <path>`` lines sorted by path, LF ends."""
    lines = []
    for path, digest in sorted(digests):
        line = f"{digest}  {path}"
        if not _LINE.fullmatch(line) or path == MANIFEST:
            raise ValueError(f"cannot list {path!r} in {MANIFEST}")
        lines.append(line + "\n")
    return "".join(lines).encode("ascii")


def check_replaceable(out: Path) -> None:
    """Return when ``out`` is missing, empty or an unchanged release; else raise ReleaseRefused."""
    try:
        mode = os.lstat(out).st_mode
    except FileNotFoundError:
        return
    if stat.S_ISLNK(mode):
        raise ReleaseRefused(f"{out} is a symbolic link; refusing to replace it")
    if not stat.S_ISDIR(mode):
        raise ReleaseRefused(f"{out} exists and is not a folder; refusing to replace it")
    problem = _not_ours(out)
    if problem is not None:
        raise ReleaseRefused(f"{out}: {problem}; refusing to replace it (nothing was changed)")


def _not_ours(folder: Path) -> str | None:
    """What in ``folder`` no release wrote, in words; None when replacing it loses nothing."""
    entries = sorted(os.listdir(folder))
    if not entries:
        return None
    if MANIFEST not in entries:
        return (
            f"no {MANIFEST}: not a policyspec release (releases made by policyspec 0.1 have none: "
            f"remove the folder yourself once); it holds {_names(entries)}"
        )
    listed = _read_manifest(folder)
    if isinstance(listed, str):
        return listed
    folders = {path.rsplit("/", 1)[0] for path in listed if "/" in path}
    folders |= {prefix for path in folders for prefix in _parents(path)}
    foreign, changed = [], []
    for path, kind in _entries(folder, descend=folders.__contains__):
        if path == MANIFEST or kind == "entered":
            continue
        if kind != "file" or path not in listed:
            foreign.append(path)
        elif _sha256(folder / path) != listed[path]:
            changed.append(path)
    problems = []
    if foreign:
        problems.append(f"not files of the release (its {MANIFEST} does not list them): {_names(foreign)}")
    if changed:
        problems.append(f"changed since the release (replacing would lose the edits): {_names(changed)}")
    return "; ".join(problems) or None


def _parents(path: str) -> Iterator[str]:
    while "/" in path:
        path = path.rsplit("/", 1)[0]
        yield path


def _entries(folder: Path, *, descend: Callable[[str], bool], prefix: str = "") -> Iterator[tuple[str, str]]:
    """Relative paths under ``folder``, sorted, with their kind (file, folder or other); the
    folders ``descend`` accepts are entered (never through a link) and yielded after what they
    hold, as ``path/``; the others are yielded as they are."""
    for name in sorted(os.listdir(folder / prefix if prefix else folder)):
        path = prefix + name
        mode = os.lstat(folder / path).st_mode
        if stat.S_ISDIR(mode) and descend(path):
            yield from _entries(folder, descend=descend, prefix=path + "/")
            yield path + "/", "entered"
        else:
            yield path, "file" if stat.S_ISREG(mode) else "folder" if stat.S_ISDIR(mode) else "other"


def disposable_files(folder: Path, is_release_path: Callable[[str], bool]) -> list[str] | None:
    """The files of a staging or retired folder (relative paths; its folders end in ``/``, each
    after what it holds) if all are a release's, else None.

    A file is a release's when its SHA256SUMS lists it with the hash it has, or, unlisted, when
    ``is_release_path`` accepts its path (a name a release writes): a run killed mid-write has no
    (or a partial) manifest yet. A user's folder that merely has a matching name, but other files
    or an edited one, is never deleted.
    """
    try:
        if not stat.S_ISDIR(os.lstat(folder).st_mode):
            return None
        top = os.listdir(folder)
        listed = _read_manifest(folder) if MANIFEST in top else {}
        paths = []
        for path, kind in _entries(folder, descend=lambda _: True):
            if kind == "entered":
                paths.append(path)
                continue
            if kind != "file":
                return None  # a link or a FIFO: no release writes one
            if isinstance(listed, dict) and path in listed:
                if _sha256(folder / path) != listed[path]:
                    return None
            elif path != MANIFEST and not is_release_path(path):
                return None
            paths.append(path)
    except OSError:
        return None
    return paths


def remove_folder(folder: Path, files: Collection[str]) -> None:
    """Delete ``files`` from ``folder`` (those ending in ``/`` are folders, deleted after the files,
    deepest first), then ``folder``; removing a folder fails if anything else is in it."""
    for path in files:
        if path != MANIFEST and not path.endswith("/"):
            (folder / path).unlink(missing_ok=True)
    if MANIFEST in files:
        (folder / MANIFEST).unlink(missing_ok=True)  # last: a folder killed meanwhile stays checkable
    inner = {path.rstrip("/") for path in files if path.endswith("/")}
    inner |= {parent for path in files for parent in _parents(path.rstrip("/"))}
    for path in sorted(inner, key=lambda p: (-p.count("/"), p)):
        (folder / path).rmdir()
    folder.rmdir()


def _read_manifest(folder: Path) -> dict[str, str] | str:
    """Name to digest, or what is wrong with the manifest, in words."""
    path = folder / MANIFEST
    if not _is_file(path):
        return f"its {MANIFEST} is not a file"
    try:
        text = read_regular_file(path, _MANIFEST_LIMIT).decode("ascii")
    except (Unreadable, FileTooLarge, UnicodeDecodeError) as error:
        return f"its {MANIFEST} is not one policyspec wrote ({error})"
    listed: dict[str, str] = {}
    for number, line in enumerate(text.split("\n")[:-1] if text.endswith("\n") else [text], start=1):
        match = _LINE.fullmatch(line)
        if match is None or match[2] in listed or match[2] == MANIFEST:
            return f"its {MANIFEST} is not one policyspec wrote (line {number}: {line[:80]!r})"
        listed[match[2]] = match[1]
    return listed


def _is_file(path: Path) -> bool:
    return stat.S_ISREG(os.lstat(path).st_mode)


def _sha256(path: Path) -> str | None:
    """The file's digest, read without following a link and without waiting on a FIFO swapped in."""
    descriptor = os.open(path, _NO_FOLLOW)
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            return None
        digest = hashlib.sha256()
        while chunk := os.read(descriptor, _CHUNK):
            digest.update(chunk)
        return digest.hexdigest()
    finally:
        os.close(descriptor)


def _names(names: list[str]) -> str:
    shown = ", ".join(names[:_SHOWN])
    return shown if len(names) <= _SHOWN else f"{shown} and {len(names) - _SHOWN} more"
