"""``policyspec site``: a static, offline HTML view of a corpus, showing the sentence of the source
each encoded figure came from. Written all at once, like a release, into a folder it owns."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from policyspec.cli.arguments import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, add_input_options

__all__ = ["cmd_site", "site_arguments"]


def site_arguments(parser: argparse.ArgumentParser) -> None:
    add_input_options(parser)
    parser.add_argument("--out", required=True, type=Path, metavar="DIR", help="the site folder")


def cmd_site(args: argparse.Namespace) -> int:
    from policyspec.cli.commands import _check, _print_problems
    from policyspec.cli.inputs import refused, reported
    from policyspec.release.manifest import ReleaseRefused
    from policyspec.release.site.files import site_files
    from policyspec.release.site.inputs import SiteError, site_documents
    from policyspec.release.site.writing import write_site

    checked, inputs = _check(args)
    shown = reported(checked, inputs.enabled)
    if shown:  # errors refuse the site; warnings are shown and do not
        _print_problems(args, shown, inputs)
    if refused(checked, inputs.enabled):
        return EXIT_PROBLEMS
    if not any(spec.document is not None for spec in checked):
        print("policyspec site: no documents to show: no spec files were given or found", file=sys.stderr)
        return EXIT_USAGE
    try:
        documents = site_documents(checked, inputs.options)
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
    corpus = f" (from the {inputs.label})" if inputs.label else ""
    print(f"policyspec site: {len(documents)} document(s), {pages} pages in {args.out}{corpus}")
    print(f"open {args.out / 'index.html'} in a browser")
    return EXIT_OK
