"""The staging folder of a release: files written once, hashed as they are written, then put in
place all at once.

:class:`StagedRelease` is what every part of a release writes through: :meth:`~StagedRelease.open`
(a file written piece by piece) or :meth:`~StagedRelease.add` (a file from an iterable of chunks,
such as a generator of site pages). Either way the bytes are counted and fed to SHA-256 on their
way to disk, the file is fsynced when closed, and its :class:`WrittenFile` is recorded: the
manifest (SHA256SUMS) and datapackage.json are made from those records, nothing is read back.

:func:`publish` runs a writer against a fresh staging folder beside the destination and swaps it
in (:mod:`policyspec._fs.folder_swap`) only when the writer returns; an exception from the writer
(a spec with errors, a full disk, Ctrl-C) deletes the staging folder and leaves the destination
as it was.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TypeVar

from policyspec._fs.atomic import fsync_folder
from policyspec._fs.folder_swap import folder_lock, install_folder, make_staging, staging_leftovers
from policyspec.release.manifest import (
    MANIFEST,
    check_replaceable,
    disposable_files,
    remove_folder,
    sha256sums,
)

__all__ = ["SCRATCH", "HashingWriter", "StagedRelease", "WrittenFile", "publish"]

SCRATCH = ".parts"  # the writer's own working files, deleted before the swap
T = TypeVar("T")


@dataclass(frozen=True, slots=True)  # one per file: a large release has ten thousand
class WrittenFile:
    """A file of the release: its path relative to the release folder, size and SHA-256."""

    path: str
    bytes: int
    sha256: str


class HashingWriter:
    """A file open for writing that hashes and counts what goes through it (a binary file object
    as far as ``csv``, ``pyarrow`` or a plain ``write`` are concerned)."""

    def __init__(self, handle: BinaryIO) -> None:
        self._handle = handle
        self._digest = hashlib.sha256()
        self._size = 0
        self.closed = False

    def write(self, data: bytes | bytearray | memoryview) -> int:
        self._handle.write(data)
        self._digest.update(data)
        self._size += len(data)
        return len(data)

    def tell(self) -> int:
        return self._size

    def flush(self) -> None:
        self._handle.flush()

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def readable(self) -> bool:
        return False

    def close(self) -> None:  # the staged release closes the file; a library closing it is fine
        self.closed = True

    @property
    def size(self) -> int:
        return self._size

    def hexdigest(self) -> str:
        return self._digest.hexdigest()


class StagedRelease:
    """The files of a release being written into ``folder`` (a fresh, private staging folder)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._written: dict[str, WrittenFile] = {}
        self._folders: set[str] = set()

    @property
    def written(self) -> tuple[WrittenFile, ...]:
        """Every file written so far, in the order it was finished."""
        return tuple(self._written.values())

    def file(self, path: str) -> WrittenFile:
        return self._written[path]

    def has(self, path: str) -> bool:
        return path in self._written

    @contextlib.contextmanager
    def open(self, path: str) -> Iterator[HashingWriter]:
        """Write ``path`` (relative, ``/``-separated, new); recorded once the block ends cleanly."""
        if path in self._written or path == MANIFEST or path.split("/", maxsplit=1)[0] == SCRATCH:
            raise ValueError(f"{path!r} is not a new file of the release")
        target = self.folder / self._parent_of(path) / path.rsplit("/", 1)[-1]
        with _create(target) as handle:
            writer = HashingWriter(handle)
            yield writer
            handle.flush()
            os.fsync(handle.fileno())
        self._written[path] = WrittenFile(path, writer.size, writer.hexdigest())

    def add(self, path: str, chunks: bytes | Iterable[bytes]) -> WrittenFile:
        """Write ``path`` from ``chunks`` (one ``bytes`` is a chunk too) and return its record."""
        with self.open(path) as writer:
            for chunk in [chunks] if isinstance(chunks, bytes) else chunks:
                writer.write(chunk)
        return self._written[path]

    def scratch(self) -> Path:
        """A folder for working files that are no part of the release (deleted before the swap)."""
        folder = self.folder / SCRATCH
        folder.mkdir(exist_ok=True)
        return folder

    def finish(self) -> None:
        """Drop the working files and write SHA256SUMS, the list of every file written."""
        shutil.rmtree(self.folder / SCRATCH, ignore_errors=True)
        manifest = sha256sums((f.path, f.sha256) for f in self._written.values())
        with _create(self.folder / MANIFEST) as handle:
            handle.write(manifest)
            handle.flush()
            os.fsync(handle.fileno())
        for inner in sorted(self._folders, key=lambda p: -p.count("/")):
            fsync_folder(self.folder / inner)
        fsync_folder(self.folder)

    def _parent_of(self, path: str) -> str:
        parent = path.rsplit("/", 1)[0] if "/" in path else ""
        if parent and parent not in self._folders:
            (self.folder / parent).mkdir(parents=True, exist_ok=True)
            parts = parent.split("/")
            self._folders.update("/".join(parts[: n + 1]) for n in range(len(parts)))
        return parent


def _create(path: Path) -> contextlib.AbstractContextManager[BinaryIO]:
    """A new file, opened for binary writing (never an existing one)."""
    return path.open("xb")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _discard(folder: Path, is_release_path: Callable[[str], bool]) -> None:
    """Delete a folder of release files; anything else found in it keeps it where it is."""
    files = disposable_files(folder, is_release_path)
    if files is not None:
        with contextlib.suppress(OSError):  # best effort: what stays is a leftover for the next run
            remove_folder(folder, files)


def publish(out: Path, write: Callable[[StagedRelease], T], *, is_release_path: Callable[[str], bool]) -> T:
    """Run ``write`` on a staging folder beside ``out``, then put that folder at ``out``.

    ``out`` is replaced only when it is missing, empty or an unchanged earlier release; otherwise
    :class:`~policyspec.release.manifest.ReleaseRefused` is raised before ``write`` runs and
    nothing is touched. Runs into one parent folder take turns (a lock held throughout), and
    leftovers of a killed run beside ``out`` are deleted first when ``is_release_path`` accepts
    every file in them.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    with folder_lock(out.parent):
        check_replaceable(out)
        for leftover in staging_leftovers(out):
            _discard(leftover, is_release_path)
        staging = make_staging(out)
        try:
            staged = StagedRelease(staging)
            result = write(staged)
            staged.finish()
            staging.chmod(0o777 & ~_umask())  # mkdtemp makes it private; a release is for reading
            retired = install_folder(staging, out, recheck=check_replaceable)
        except BaseException:
            _discard(staging, is_release_path)
            raise
        fsync_folder(out.parent)
        if retired is not None:
            _discard(retired, is_release_path)
    return result
