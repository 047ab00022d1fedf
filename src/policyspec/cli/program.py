"""The ``policyspec`` command: the argument parser and ``main``. Exit codes are decided by the
commands (:mod:`policyspec.cli.commands`) and here, nowhere else.

0: clean; 1: problems found in the input; 2: usage error. A bug ends in a one-line internal
error (exit 1), never a traceback.

The parser is built from :data:`~policyspec.cli.registry.COMMANDS_BY_NAME`, and only the chosen
command gets its arguments: ``policyspec validate`` never pays for building the other commands'
options. ``policyspec --help`` (or no command, or an unknown one) lists every command with its
one-line help.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from policyspec.cli.arguments import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UsageError
from policyspec.cli.help import HelpFormatter, epilog
from policyspec.cli.registry import COMMANDS_BY_NAME, EXIT_CODES

__all__ = ["build_parser", "chosen_command", "main"]

Run = Callable[[argparse.Namespace], int]

_TOP_EPILOG = (
    "Run 'policyspec COMMAND --help' for a command's options, examples and exit codes.\n"
    "Every diagnostic code (PS201, ...) is documented: 'policyspec explain CODE'.\n\n"
    + epilog((), EXIT_CODES)
)


class _VersionAction(argparse.Action):
    """Looks the version up only when asked: importlib.metadata costs start-up time on every run."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from policyspec.release.version import DATA_VERSION, package_version

        parser.exit(message=f"policyspec {package_version()} (data {DATA_VERSION})\n")


def chosen_command(argv: Sequence[str]) -> str | None:
    """The subcommand named on the command line: its first word that is not an option."""
    return next((word for word in argv if not word.startswith("-")), None)


def build_parser(chosen: str | None = None, *, every: bool = False) -> argparse.ArgumentParser:
    """The parser, with the arguments of the ``chosen`` command only (of ``every`` command for
    shell completion); an unknown or absent command gets every command listed, without arguments."""
    parser = argparse.ArgumentParser(
        prog="policyspec",
        description="Validate, query and release policy documents encoded as YAML specs.",
        epilog=_TOP_EPILOG,
        formatter_class=HelpFormatter,
    )
    parser.add_argument("--version", action=_VersionAction, nargs=0, help="show the version and exit")
    subcommands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    listed = (
        COMMANDS_BY_NAME if every or chosen not in COMMANDS_BY_NAME else {chosen: COMMANDS_BY_NAME[chosen]}
    )
    for command in listed.values():
        sub = subcommands.add_parser(
            command.name,
            help=command.help,
            description=command.description,
            epilog=epilog(command.examples, command.exit_codes),
            formatter_class=HelpFormatter,
        )
        if every or command.name == chosen:
            command.add_arguments(sub)
        sub.set_defaults(run=command.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from policyspec.cli.terminal import OutputError, guarded_output, say, silence_stdout

    try:
        with guarded_output():
            return _run(argv)
    except BrokenPipeError:  # `policyspec indicators | head` is not an error
        silence_stdout()
        return EXIT_OK
    except OutputError as error:
        silence_stdout()
        say(f"policyspec: cannot write the output: {error}")
        return EXIT_PROBLEMS
    except Exception as error:  # a bug: say where, briefly, instead of a traceback (exit 1)
        say(f"policyspec: internal error: {_where(error)}: {type(error).__name__}: {str(error)[:200]}")
        say("    hint: please report this with the command and input; POLICYSPEC_DEBUG=1 shows the traceback")
        if os.environ.get("POLICYSPEC_DEBUG"):
            raise
        return EXIT_PROBLEMS


def _where(error: BaseException) -> str:
    """The innermost frame of an exception, as file:line."""
    traceback = error.__traceback__
    while traceback is not None and traceback.tb_next is not None:
        traceback = traceback.tb_next
    if traceback is None:
        return "?"
    return f"{Path(traceback.tb_frame.f_code.co_filename).name}:{traceback.tb_lineno}"


def _run(argv: Sequence[str] | None) -> int:
    from policyspec.cli.terminal import say
    from policyspec.config.settings import ConfigError

    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(chosen_command(arguments))
    args = parser.parse_args(arguments)
    for folder in getattr(args, "sources", None) or ():
        if not folder.is_dir():
            parser.error(f"--sources {folder}: no such folder")
    run: Run = args.run
    try:
        return run(args)
    except UsageError as error:
        say(f"policyspec {args.command}: {error}")
        return EXIT_USAGE
    except ConfigError as error:  # the project's configuration: every problem, positioned
        from policyspec.cli.color import paint_for
        from policyspec.cli.reporters import diagnostic_text

        paint = paint_for(getattr(args, "color", None), sys.stderr)
        for diagnostic in error.diagnostics:
            say(diagnostic_text(diagnostic, paint))
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
