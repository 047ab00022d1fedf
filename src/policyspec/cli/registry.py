"""Every subcommand, declared once: its name, one-line help, description, examples, exit codes,
the function that adds its arguments and the function that runs it.

Adding a command is one entry in :data:`COMMANDS_BY_NAME`; :mod:`.program` builds the parser
from it (only the chosen command's arguments), ``--help`` shows what it says, and
``policyspec completion`` generates shell completion from the same parser.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass

from policyspec.cli import command_arguments as arguments
from policyspec.cli import commands
from policyspec.cli.fmt_command import cmd_fmt
from policyspec.cli.site_command import cmd_site, site_arguments
from policyspec.cli.validate import cmd_validate

__all__ = ["COMMANDS_BY_NAME", "EXIT_CODES", "Command"]

EXIT_CODES = (
    (0, "success: nothing to report"),
    (1, "problems found in the input (printed with their positions)"),
    (2, "usage error: an impossible command line, or a broken project configuration"),
)


@dataclass(frozen=True)
class Command:
    """One subcommand as people meet it in ``--help`` and scripts run it."""

    name: str
    help: str  # one line, listed by `policyspec --help`
    description: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]
    examples: tuple[tuple[str, str], ...] = ()
    exit_codes: tuple[tuple[int, str], ...] = EXIT_CODES


_COMMANDS = (
    Command(
        "validate",
        "check specs: schema, quotes and semantic rules",
        "Check spec files: YAML, the schema, every quote against its archived source text, and the "
        "semantic rules.\nWithout paths: the project's specs folder inside a policyspec project, "
        "else the bundled corpus;\nthe summary line says which. 'policyspec explain CODE' documents "
        "a code.",
        arguments.validate_arguments,
        cmd_validate,
        (
            ("policyspec validate", "this project's specs, or the bundled corpus"),
            ("policyspec validate specs/plan.yaml", "one file"),
            ("policyspec validate --ignore PS214 --select PS2", "semantic rules only, less one"),
            ("policyspec validate --format sarif > policyspec.sarif", "for GitHub code scanning"),
            ("cat plan.yaml | policyspec validate - --stdin-filename specs/plan.yaml", "an editor's buffer"),
        ),
        (
            (0, "no errors among the codes reported (warnings do not count)"),
            (1, "a spec has an error"),
            EXIT_CODES[2],
        ),
    ),
    Command(
        "indicators",
        "print the flat indicator view, filtered",
        "Print one record per indicator of the specs, filtered by the options given (all must "
        "hold).\nSpecs with errors print their problems on stderr and nothing on stdout.",
        arguments.indicators_arguments,
        commands.cmd_indicators,
        (
            ("policyspec indicators --topic cadre-training --due-by 2010", "a table"),
            ("policyspec indicators --format csv > indicators.csv", "for a spreadsheet"),
        ),
        (
            (0, "the records were printed"),
            (1, "a spec has an error"),
            (2, "usage error, or an unknown --document"),
        ),
    ),
    Command(
        "compare",
        "one topic's indicators side by side across documents",
        "Print the indicators tagged with TOPIC, one row per indicator, across the documents.",
        arguments.compare_arguments,
        commands.cmd_compare,
        (
            ("policyspec compare research-time", "a table"),
            ("policyspec compare cadre-training --format jsonl", ""),
        ),
        ((0, "the rows were printed"), (1, "a spec has an error"), EXIT_CODES[2]),
    ),
    Command(
        "release",
        "write a versioned, reproducible data release (JSON, CSV, JSON Lines, datapackage.json)",
        "Write the documents as a data release into DIR, replacing an earlier release there only "
        "once the new one is complete.",
        arguments.release_arguments,
        commands.cmd_release,
        (("policyspec release --out release/", "from this project's specs, or the bundled corpus"),),
        (
            (0, "the release was written"),
            (1, "a spec has errors (nothing is written), or DIR holds files of another origin"),
            (2, "nothing to release, or DIR is not a release folder"),
        ),
    ),
    Command(
        "diff",
        "what changed between two releases or folders of specs",
        "List the documents, indicators, measures, goals, principles, sections and quality notes "
        "added, removed and changed from OLD to NEW, and the data version bump the changes call for.",
        arguments.diff_arguments,
        commands.cmd_diff,
        (("policyspec diff old-release/ specs/", "what the next release changes"),),
        (
            (0, "both sides could be read, whether or not they differ"),
            (1, "a side cannot be read or its specs have errors"),
            (2, "usage error"),
        ),
    ),
    Command(
        "coverage",
        "every quantitative statement of each source: encoded, excluded or uncovered",
        "Find every quantitative or time-bound statement in each spec's source text (one per "
        "figure, recurrence, deadline, start or placeholder)\nand say whether an indicator encodes "
        "it, the spec excludes it with a reason, or neither.",
        arguments.coverage_arguments,
        commands.cmd_coverage,
        (("policyspec coverage specs/plan.yaml", "what is left to encode"),),
        (
            (0, "every statement is accounted for"),
            (1, "a statement is uncovered, or a spec unreadable"),
            EXIT_CODES[2],
        ),
    ),
    Command(
        "new",
        "draft a spec from a source text: metadata, sections and every statement as a suggestion",
        "Copy SOURCE into DIR/sources/ (refusing a different file of the same name) and draft "
        "DIR/specs/<name>.yaml:\nthe metadata with the source's SHA-256, the printed headings as "
        "sections, and every statement the phrase reader\nfinds as a commented indicator or "
        "exclusion. The draft parses; validate then lists what is left to do (PS223, PS224).",
        arguments.new_arguments,
        commands.cmd_new,
        (("policyspec new plan.txt --id plan-2008", "sources/plan.txt and specs/plan.yaml"),),
        ((0, "the draft was written"), (1, "a file is in the way, or SOURCE is unreadable"), EXIT_CODES[2]),
    ),
    Command(
        "explain",
        "a diagnostic code's documentation: what it catches, a bad and a good example",
        "Print what a code (PS204, or its name duplicate-id) catches, with a bad and a good example "
        "and what validate reports.",
        arguments.explain_arguments,
        commands.cmd_explain,
        (("policyspec explain PS219", ""), ("policyspec explain duplicate-id", "by name")),
        ((0, "the code was explained"), (2, "no such code")),
    ),
    Command(
        "site",
        "write a static, offline HTML site showing the source sentence of every encoded figure",
        "Write DIR/index.html and one page per document and topic: each source text in full with "
        "every quote\nhighlighted and linked to how it was read. An earlier site in DIR is replaced "
        "only once the new one is\ncomplete; a folder holding files it did not write is refused.",
        site_arguments,
        cmd_site,
        (
            ("policyspec site --out site/", "this project's specs, or the bundled corpus"),
            ("policyspec site --out /tmp/site specs/plan.yaml", "one document"),
        ),
        (
            (0, "the site was written"),
            (1, "a spec has an error, or DIR holds files the site did not write (nothing changed)"),
            (2, "usage error, or no documents to show"),
        ),
    ),
    Command(
        "lsp",
        "a language server over stdio: validate's diagnostics, hovers and completion in editors",
        "Serve the Language Server Protocol over stdio (see docs/editors.md). Needs the lsp extra: "
        "pip install 'policyspec[lsp]'.",
        arguments.no_arguments,
        commands.cmd_lsp,
        (("policyspec lsp", "started by the editor, not by hand"),),
        ((0, "the editor ended the session"), (2, "the lsp extra is not installed")),
    ),
    Command(
        "schema",
        "print the JSON Schema of spec files",
        "Print the JSON Schema of spec files, generated from the models (schemas/policyspec.schema.json).",
        arguments.no_arguments,
        commands.cmd_schema,
        (("policyspec schema > schemas/policyspec.schema.json", "after changing the models"),),
        ((0, "the schema was printed"),),
    ),
    Command(
        "fmt",
        "rewrite specs in the canonical layout, keeping every comment and value",
        "Rewrite spec files in place (atomically) in the canonical layout: modeline first, keys in "
        "model order,\ntwo-space indentation, minimal double quoting. A file that cannot be parsed "
        "is left untouched.",
        arguments.fmt_arguments,
        cmd_fmt,
        (
            ("policyspec fmt", "this project's specs"),
            ("policyspec fmt --check specs/", "what would change, writing nothing"),
            ("policyspec fmt --diff specs/plan.yaml", "how it would change, writing nothing"),
        ),
        (
            (0, "formatted, or nothing would change"),
            (1, "a file cannot be parsed, or (--check, --diff) a file would change"),
            EXIT_CODES[2],
        ),
    ),
    Command(
        "completion",
        "print a shell completion script (bash, zsh or fish)",
        "Print a completion script for SHELL, generated from this command line's own options.",
        arguments.completion_arguments,
        commands.cmd_completion,
        (
            ('eval "$(policyspec completion bash)"', "in ~/.bashrc"),
            ("policyspec completion zsh > ~/.zfunc/_policyspec", "with fpath+=(~/.zfunc) in ~/.zshrc"),
            ("policyspec completion fish > ~/.config/fish/completions/policyspec.fish", ""),
        ),
        ((0, "the script was printed"), (2, "an unknown shell")),
    ),
)

COMMANDS_BY_NAME: dict[str, Command] = {command.name: command for command in _COMMANDS}
