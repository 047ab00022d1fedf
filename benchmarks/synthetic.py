"""Realistic synthetic corpora: the bundled specs, repeated under new ids and source names.

Each synthetic spec is a real spec (same size, same structure, every quote true of its source)
whose document id and source file name are made unique, so a corpus of any size validates clean.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from policyspec.bundled import bundled_dir, bundled_specs

__all__ = ["make_corpus"]


def make_corpus(folder: Path, count: int) -> list[Path]:
    """Write ``count`` specs to ``folder/specs`` and their sources to ``folder/sources``."""
    specs_dir, sources_dir = folder / "specs", folder / "sources"
    specs_dir.mkdir(parents=True, exist_ok=True)
    sources_dir.mkdir(parents=True, exist_ok=True)
    templates = [(path.read_text(encoding="utf-8"), path.stem) for path in bundled_specs()]
    written = []
    for index in range(count):
        text, stem = templates[index % len(templates)]
        source = (bundled_dir("sources") / f"{stem}.txt").read_bytes()
        name = f"{index:05d}_{stem}"
        # A distinct source per spec keeps the hash check honest; one comment line changes the bytes.
        # In letters: a numeral in it would be a statement of the source that nothing accounts for.
        unique_source = source + f"\n<!-- synthetic copy {_letters(index)} -->\n".encode()
        (sources_dir / f"{name}.txt").write_bytes(unique_source)
        text = re.sub(r'(?m)^id: "?([a-z0-9-]+)"?$', rf"id: \1-{index:05d}", text, count=1)
        text = re.sub(rf'file: "?{stem}\.txt"?', f"file: {name}.txt", text, count=1)
        digest = hashlib.sha256(unique_source).hexdigest()
        text = re.sub(r"sha256: \"?[0-9a-f]{64}\"?", f"sha256: {digest}", text)
        path = specs_dir / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def _letters(number: int) -> str:
    """0 → a, 25 → z, 26 → ba: a name for a number without a numeral in it."""
    letters = ""
    while True:
        number, digit = divmod(number, 26)
        letters = chr(ord("a") + digit) + letters
        if number == 0:
            return letters
