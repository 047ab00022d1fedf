"""``fmt`` killed at any moment leaves each spec either as it was or fully formatted, never half-written."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from policyspec.fmt.format import format_file
from tests.conftest import REPO

SPECS = sorted((REPO / "specs").glob("*.yaml"))


def _unformatted(text: str) -> str:
    """The same data in a layout fmt will rewrite: four-space indentation for every line."""
    return "".join(("  " + line if line.startswith(" ") else line) for line in text.splitlines(keepends=True))


def test_kill_9_at_many_moments_never_leaves_a_half_written_spec(tmp_path: Path) -> None:
    originals: dict[Path, bytes] = {}
    for spec in SPECS:
        target = tmp_path / spec.name
        target.write_text(_unformatted(spec.read_text(encoding="utf-8")), encoding="utf-8")
        originals[target] = target.read_bytes()
    formatted = {path: format_file(path).formatted for path in originals}
    assert all(formatted[path] not in (None, originals[path]) for path in originals)

    chance = random.Random(20261202)
    for _ in range(12):
        for path, original in originals.items():
            path.write_bytes(original)
        process = subprocess.Popen(
            [sys.executable, "-m", "policyspec", "fmt", str(tmp_path)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(chance.uniform(0.05, 0.6))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        for path, original in originals.items():
            assert path.read_bytes() in (original, formatted[path]), path.name
    specs_left = sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".yaml")
    assert specs_left == sorted(p.name for p in originals)
