"""The ``policyspec`` command line: ``main`` parses the arguments and runs one command.

``policyspec --version`` is answered here, before the parser and its modules are imported: it is
what scripts and bug reports run most, and its start-up should be the interpreter's.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments == ["--version"]:
        from policyspec._version import __version__
        from policyspec.release.version import DATA_VERSION

        sys.stdout.write(f"policyspec {__version__} (data {DATA_VERSION})\n")
        return 0
    from policyspec.cli.program import main as run

    return run(argv)
