"""Write a site folder all at once, owning only what it wrote, the way a release is written.

The files go into a staging folder beside ``out`` with a SHA256SUMS of them, and the staging
folder is swapped in whole (:mod:`policyspec._fs.folder_swap`). ``out`` is replaced only when it
is missing, empty, or an unchanged site or release (:mod:`policyspec.release.manifest`): a
folder holding anything else is refused and left exactly as it was.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Collection, Iterable
from pathlib import Path

from policyspec._fs.atomic import fsync_folder
from policyspec._fs.folder_swap import folder_lock, install_folder, make_staging, staging_leftovers
from policyspec.release.manifest import (
    MANIFEST,
    check_replaceable,
    disposable_files,
    remove_folder,
    sha256sums,
)

__all__ = ["write_site"]


def _write_file(path: Path, data: bytes) -> None:
    with path.open("xb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _discard(folder: Path, names: Collection[str]) -> None:
    """Delete a folder of site files; anything else found in it keeps it where it is."""
    known = set(names)
    files = disposable_files(folder, known.__contains__)
    if files is not None:
        with contextlib.suppress(OSError):  # best effort: what stays is a leftover for the next run
            remove_folder(folder, files)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_site(files: Iterable[tuple[str, bytes]], out: Path) -> list[str]:
    """Write ``files`` (plain names and bytes) and their SHA256SUMS to ``out``; return the names.

    Raises :class:`~policyspec.release.manifest.ReleaseRefused` when ``out`` holds something no
    site or release wrote (nothing is touched), ``ValueError`` for an empty ``out`` name.
    """
    out = Path(os.path.abspath(out))
    if not out.name:
        raise ValueError(f"cannot write a site into {out}")
    out.parent.mkdir(parents=True, exist_ok=True)
    with folder_lock(out.parent):
        check_replaceable(out)
        written: list[str] = []
        staging = make_staging(out)
        try:
            listed: list[tuple[str, str]] = []
            for name, data in files:
                written.append(name)  # before writing: a half-written file is ours to delete too
                _write_file(staging / name, data)
                listed.append((name, hashlib.sha256(data).hexdigest()))
            written.append(MANIFEST)
            _write_file(staging / MANIFEST, sha256sums(listed))
            staging.chmod(0o777 & ~_umask())  # mkdtemp makes it private; a site is for reading
            fsync_folder(staging)
            retired = install_folder(staging, out, recheck=check_replaceable)
        except BaseException:
            _discard(staging, written)
            raise
        fsync_folder(out.parent)
        if retired is not None:
            _discard(retired, written)
        for leftover in staging_leftovers(out):  # of a run killed earlier: only if all of it is ours
            _discard(leftover, written)
    return written
