"""Finding the client programs the tests drive, and running them with a deadline."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from tests.conftest import REPO

__all__ = ["NODE_BIN", "find_program", "run"]

# Where .ci/install-clients puts the npm-installed clients.
NODE_BIN = REPO / ".ci" / "node" / "node_modules" / ".bin"


def find_program(name: str, *extra_dirs: Path) -> str | None:
    """A program in the given folders, beside this Python (its venv), or on PATH; None if absent."""
    folders = [*map(str, extra_dirs), str(Path(sys.executable).parent), os.environ.get("PATH", "")]
    return shutil.which(name, path=os.pathsep.join(folders))


def run(
    command: Sequence[str], *, cwd: Path, timeout: float, env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run to completion with stdout and stderr merged, as a terminal would show them."""
    return subprocess.run(
        list(command),
        cwd=cwd,
        env=None if env is None else dict(env),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=timeout,
        check=False,
    )
