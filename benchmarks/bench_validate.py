"""Speed and memory of ``policyspec validate`` against check-jsonschema, side by side in one run.

    python benchmarks/bench_validate.py [--runs 5] [--sizes 5,100,1000]

Both tools run as whole processes, cold (a new interpreter each run), alternating A B A B so that
drift of a shared machine hits both alike. check-jsonschema checks the schema only; policyspec
checks the schema, every quote against its source text, and the semantic rules. Prints medians.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import make_corpus

from policyspec.bundled import bundled_dir, bundled_specs


@dataclass(frozen=True)
class Sample:
    seconds: float
    peak_mib: float
    exit_code: int


def run_once(command: Sequence[str]) -> Sample:
    """Wall time and the child's own peak resident memory (wait4 reports it for that child only)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return Sample(elapsed, usage.ru_maxrss / 1024, process.returncode)


def compare(a: Sequence[str], b: Sequence[str], runs: int) -> tuple[list[Sample], list[Sample]]:
    run_once(a), run_once(b)  # warm the file cache for both
    samples_a, samples_b = [], []
    for _ in range(runs):
        samples_a.append(run_once(a))
        samples_b.append(run_once(b))
    return samples_a, samples_b


def median(samples: list[Sample], field: str) -> float:
    values: list[float] = [getattr(s, field) for s in samples]
    return statistics.median(values)


def tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        sys.exit(f"{name} is not installed: pip install -e '.[test]'")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="5,100,1000", help="corpus sizes (5 is the bundled corpus)")
    parser.add_argument(
        "--jobs",
        type=int,
        default=1,
        help="--jobs for policyspec at 100 documents and more (peak memory is then the main process's only)",
    )
    args = parser.parse_args()
    policyspec, check_jsonschema = tool("policyspec"), tool("check-jsonschema")
    schema = str(bundled_dir("schemas") / "policyspec.schema.json")

    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cpus, {args.runs} runs each, medians\n")
    bare = [run_once([sys.executable, "-c", "pass"]) for _ in range(args.runs)]
    imported = [run_once([sys.executable, "-c", "import policyspec"]) for _ in range(args.runs)]
    loaded = [run_once([sys.executable, "-c", "import policyspec.api.corpus"]) for _ in range(args.runs)]
    print(
        f"start-up: bare interpreter {median(bare, 'seconds') * 1000:.1f} ms, "
        f"import policyspec {median(imported, 'seconds') * 1000:.1f} ms, "
        f"import policyspec.api.corpus (models, parser) {median(loaded, 'seconds') * 1000:.1f} ms\n"
    )

    header = (
        f"{'documents':>9}  {'policyspec s':>12}  {'check-jsonschema s':>18}  {'ratio':>6}"
        f"  {'peak MiB (ps / cj)':>18}"
    )
    print(header)
    print("-" * len(header))
    timings: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for size in (int(s) for s in args.sizes.split(",")):
            if size == 5:
                files = [str(p) for p in bundled_specs()]
            else:
                files = [str(p) for p in make_corpus(Path(scratch) / str(size), size)]
            jobs = ["--jobs", str(args.jobs)] if size >= 100 and args.jobs > 1 else []
            a, b = compare(
                [policyspec, "validate", *jobs, *files],
                [check_jsonschema, "--schemafile", schema, *files],
                args.runs,
            )
            if any(s.exit_code for s in a + b):
                sys.exit(f"a tool reported problems at {size} documents: {[s.exit_code for s in a + b]}")
            ta, tb = median(a, "seconds"), median(b, "seconds")
            timings[size] = ta
            memory = f"{median(a, 'peak_mib'):>8.1f} / {median(b, 'peak_mib'):<8.1f}"
            print(f"{size:>9}  {ta:>12.3f}  {tb:>18.3f}  {ta / tb:>6.2f}  {memory}")
    if 100 in timings and 1000 in timings:
        growth = timings[1000] / timings[100]
        print(f"\ngrowth from 100 to 1000 documents: x{growth:.1f} (linear: under x10, start-up is shared)")


if __name__ == "__main__":
    main()
