"""``policyspec site``: a static, offline HTML view of a corpus, showing the sentence of the source
each encoded figure came from. Written all at once, like a release, into a folder it owns."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from policyspec.cli.arguments import (
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    add_input_options,
    check_options,
    spec_paths,
)

__all__ = ["add_site_command", "cmd_site"]


def add_site_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The ``site`` subcommand's parser."""
    site = commands.add_parser(
        "site",
        help="write a static, offline HTML site showing the source sentence of every encoded figure",
        description="Write DIR/index.html and one page per document and topic: each source text in full "
        "with every quote highlighted and linked to how it was read. Replaces an earlier site in DIR only "
        "once the new one is complete. Exit 1 when a spec has errors or DIR holds files it did not write "
        "(nothing is changed), 2 when there is nothing to show.",
    )
    add_input_options(site)
    site.add_argument("--out", required=True, type=Path, metavar="DIR", help="the site folder")
    site.set_defaults(run=cmd_site)


def cmd_site(args: argparse.Namespace) -> int:
    from policyspec.cli.reporters import report_text
    from policyspec.diagnostics import has_errors
    from policyspec.loading.check_files import check_files
    from policyspec.release.manifest import ReleaseRefused
    from policyspec.release.site.files import site_files
    from policyspec.release.site.inputs import SiteError, site_documents
    from policyspec.release.site.writing import write_site

    paths = spec_paths(args)
    options = check_options(args)
    checked = check_files(paths, options, keep_documents=True)
    diagnostics = sorted(d for spec in checked for d in spec.diagnostics)
    if diagnostics:  # errors refuse the site; warnings are shown and do not
        print(report_text(diagnostics, len(paths)), file=sys.stderr)
    if has_errors(diagnostics):
        return EXIT_PROBLEMS
    if not any(spec.document is not None for spec in checked):
        print("policyspec site: no documents to show: no spec files were given or found", file=sys.stderr)
        return EXIT_USAGE
    try:
        documents = site_documents(checked, options)
        names = write_site(site_files(documents), args.out)
    except SiteError as error:  # a source gone or changed since the check
        print(f"policyspec site: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    except ReleaseRefused as error:  # --out holds files this project did not write: left untouched
        print(f"policyspec site: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    except (OSError, ValueError) as error:
        print(f"policyspec site: cannot write {args.out}: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    pages = sum(name.endswith(".html") for name in names)
    print(f"policyspec site: {len(documents)} document(s), {pages} pages in {args.out}")
    print(f"open {args.out / 'index.html'} in a browser")
    return EXIT_OK
