"""``policyspec fmt --check`` on canonical specs imports neither ruamel.yaml nor pydantic.

Start-up time is a feature of a pre-commit hook: the check of files already in the canonical
layout parses them with libyaml, writes their canonical text directly and compares. ruamel.yaml
(the emitter of last resort) and pydantic (the models) would cost more than the work itself.
"""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import REPO

_RUN_AND_LIST_IMPORTS = """
import json, sys
from policyspec.cli.program import main
code = main(sys.argv[1:])
heavy = sorted({name.split(".")[0] for name in sys.modules} & {"ruamel", "pydantic"})
print(json.dumps({"code": code, "heavy": heavy}), file=sys.stderr)
"""


def test_fmt_check_of_the_bundled_specs_imports_neither_ruamel_nor_pydantic() -> None:
    specs = sorted(str(path) for path in (REPO / "specs").glob("*.yaml"))
    assert specs
    done = subprocess.run(
        [sys.executable, "-c", _RUN_AND_LIST_IMPORTS, "fmt", "--check", *specs],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
    )
    outcome = json.loads(done.stderr.strip().splitlines()[-1])
    assert outcome == {"code": 0, "heavy": []}, done.stdout
    assert done.stdout.strip().endswith(f"{len(specs)} files unchanged.")
