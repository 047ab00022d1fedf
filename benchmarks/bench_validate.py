"""Speed and memory of ``policyspec validate`` against check-jsonschema and a floor, in one run.

    python benchmarks/bench_validate.py [--runs 3] [--sizes 5,100] [--full]

Every tool runs as a whole process, cold (a new interpreter each run), alternating A B A B so
that drift of a shared machine hits both alike. check-jsonschema checks the schema only; the
floor (``floor_check.py``: libyaml with line numbers, the committed schema compiled by
fastjsonschema) does less still; policyspec checks the schema, every quote against its source
text, the figures against their quotes, the coverage of the source and the semantic rules. Also:
``--version`` against a bare interpreter, ``fmt --check`` against ``validate``, and release time
and peak memory from 1,000 documents (each release beside a validate run of its own, the ratio the
median of those pairs; and once more given the folder, so that the interpreter's own copies of a
long command line are not counted as the release's memory). Prints medians of CPU time (user +
system); progress goes to stderr.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
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
    """CPU time (user + system, the worker processes of --jobs included) and peak resident memory
    of one command, from wait4: on a shared machine, CPU time is what the other load disturbs least."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return Sample(usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, process.returncode)


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


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def ratio_line(label: str, a: list[Sample], b: list[Sample]) -> str:
    ta, tb = median(a, "seconds"), median(b, "seconds")
    return f"{label:<44} {ta * 1000:>9.1f} ms / {tb * 1000:>9.1f} ms = x{ta / tb:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=3, help="runs per measure (1,000 documents and up: 2, 1)")
    parser.add_argument("--sizes", default="5,100", help="corpus sizes (5 is the bundled corpus)")
    parser.add_argument(
        "--full", action="store_true", help="add 1,000 and 10,000 documents, and releases (tens of minutes)"
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=1,
        help="--jobs for policyspec at 100 documents and more (peak memory is then the main process's only)",
    )
    args = parser.parse_args()
    policyspec = tool("policyspec")
    schema = str(bundled_dir("schemas") / "policyspec.schema.json")
    peer = [tool("check-jsonschema"), "--schemafile", schema]
    floor = [sys.executable, str(Path(__file__).resolve().parent / "floor_check.py"), schema]
    sizes = [int(s) for s in args.sizes.split(",")] + ([1000, 10_000] if args.full else [])
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cpus, {args.runs} runs each, medians\n")
    start_up(policyspec, args.runs)
    timings, release_mib, folder_mib = sizes_table(policyspec, peer, floor, sizes, args)
    if 100 in timings and 1000 in timings:
        growth = timings[1000] / timings[100]
        print(f"\ngrowth from 100 to 1000 documents: x{growth:.1f} (linear: under x10, start-up is shared)")
    if 1000 in timings and 10_000 in timings:
        print(f"growth from 1000 to 10000 documents: x{timings[10_000] / timings[1000]:.1f}")
    if 1000 in release_mib and 10_000 in release_mib:
        memory_growth = release_mib[10_000] / release_mib[1000]
        print(
            f"release peak memory: {release_mib[1000]:.0f} MiB at 1000 documents, "
            f"{release_mib[10_000]:.0f} MiB at 10000 (x{memory_growth:.2f}; flat is x1), the files given"
        )
    if 1000 in folder_mib and 10_000 in folder_mib:
        print(
            f"release peak memory: {folder_mib[1000]:.0f} MiB at 1000 documents, "
            f"{folder_mib[10_000]:.0f} MiB at 10000 (x{folder_mib[10_000] / folder_mib[1000]:.2f}), "
            "the folder given"
        )


def start_up(policyspec: str, runs: int) -> None:
    """Interpreter, import and --version start-up; fmt --check against validate on the bundled specs."""
    progress("start-up …")
    bare = [run_once([sys.executable, "-c", "pass"]) for _ in range(runs)]
    version = [run_once([policyspec, "--version"]) for _ in range(runs)]
    imported = [run_once([sys.executable, "-c", "import policyspec"]) for _ in range(runs)]
    loaded = [run_once([sys.executable, "-c", "import policyspec.api.corpus"]) for _ in range(runs)]
    print(
        f"start-up: bare interpreter {median(bare, 'seconds') * 1000:.1f} ms, "
        f"import policyspec {median(imported, 'seconds') * 1000:.1f} ms, "
        f"import policyspec.api.corpus (models, parser, reader) {median(loaded, 'seconds') * 1000:.1f} ms"
    )
    print(ratio_line("policyspec --version / bare interpreter", version, bare))
    bundled = [str(p) for p in bundled_specs()]
    progress("fmt --check and validate on the bundled specs …")
    fmt, validate = compare(
        [policyspec, "fmt", "--check", *bundled], [policyspec, "validate", *bundled], runs
    )
    print(ratio_line("fmt --check / validate (bundled specs)", fmt, validate))
    print()


def sizes_table(
    policyspec: str, peer: list[str], floor: list[str], sizes: list[int], args: argparse.Namespace
) -> tuple[dict[int, float], dict[int, float], dict[int, float]]:
    """validate against the peer and the floor at each size; release from 1,000 documents.

    Returns validate's seconds and the release's peak MiB by size, the files given and the folder
    given (ten thousand paths on a command line cost the interpreter some 10 MiB of copies of
    them before policyspec runs: the folder shows the release's own growth). check-jsonschema is left out
    at 10,000 documents (half an hour alone); its ratio is settled at the smaller sizes."""
    header = (
        f"{'documents':>9}  {'policyspec s':>12}  {'floor s':>8}  {'x floor':>7}  {'check-jsonschema s':>18}"
        f"  {'x cj':>5}  {'peak MiB (ps / cj)':>18}"
    )
    print(header)
    print("-" * len(header))
    timings: dict[int, float] = {}
    release_mib: dict[int, float] = {}
    folder_mib: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for size in sizes:
            runs = args.runs if size < 1000 else max(1, min(args.runs, 2 if size == 1000 else 1))
            progress(f"{size} documents, {runs} runs …")
            made = bundled_specs() if size == 5 else make_corpus(Path(scratch) / str(size), size)
            files = [str(p) for p in made]
            jobs = ["--jobs", str(args.jobs)] if size >= 100 and args.jobs > 1 else []
            with_peer = size < 10_000
            a, f = compare([policyspec, "validate", *jobs, *files], [*floor, *files], runs)
            b = [run_once([*peer, *files]) for _ in range(runs)] if with_peer else []
            if any(s.exit_code for s in a + b + f):
                sys.exit(f"a tool reported problems at {size} documents: {[s.exit_code for s in a + b + f]}")
            ta, tf = median(a, "seconds"), median(f, "seconds")
            timings[size] = ta
            if with_peer:
                tb = median(b, "seconds")
                peer_cells = f"{tb:>18.3f}  {ta / tb:>5.2f}"
                memory = f"{median(a, 'peak_mib'):>8.1f} / {median(b, 'peak_mib'):<8.1f}"
            else:
                peer_cells, memory = f"{'-':>18}  {'-':>5}", f"{median(a, 'peak_mib'):>8.1f} / -"
            print(f"{size:>9}  {ta:>12.3f}  {tf:>8.3f}  {ta / tf:>7.2f}  {peer_cells}  {memory}")
            if size >= 1000:
                pairs = max(runs, 3) if size == 1000 else runs  # one pair varies by up to a fifth here
                progress(f"release of {size} documents, {pairs} runs, each beside a validate …")
                released, validated = [], []
                for number in range(pairs):  # each into a new folder, as a first release is made
                    out = Path(scratch) / f"release-{size}-{number}"
                    validated.append(run_once([policyspec, "validate", *files]))
                    released.append(run_once([policyspec, "release", "--out", str(out), *files]))
                    shutil.rmtree(out)
                ratios = [r.seconds / v.seconds for r, v in zip(released, validated, strict=True)]
                tr, peak = median(released, "seconds"), median(released, "peak_mib")
                release_mib[size] = peak
                print(
                    f"{'':>9}  release: {tr:.3f} s, x{statistics.median(ratios):.2f} the validate run "
                    f"beside it (median of {pairs}: {', '.join(f'{r:.2f}' for r in ratios)}), "
                    f"peak {peak:.0f} MiB"
                )
                progress(f"release of {size} documents, the folder given …")
                out = Path(scratch) / f"release-{size}-folder"
                given = run_once([policyspec, "release", "--out", str(out), str(made[0].parent)])
                shutil.rmtree(out)
                folder_mib[size] = given.peak_mib
                print(f"{'':>9}  the folder given: {given.seconds:.2f} s, peak {given.peak_mib:.0f} MiB")
    return timings, release_mib, folder_mib


if __name__ == "__main__":
    main()
