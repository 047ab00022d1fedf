"""The ``policyspec`` command line: ``main`` parses the arguments and runs one command."""

from policyspec.cli.program import main

__all__ = ["main"]
