"""Benchmark: `python -m generator validate` against openapi-spec-validator's own CLI on
GitHub's REST API description (~13 MB of JSON, OpenAPI 3.0.3).

The description comes from the npm package @octokit/openapi, fetched once with `npm pack`
into bench/.cache/ (git-ignored). Each command runs N times in a fresh process; the table
shows the median wall time, the peak memory (ru_maxrss of the child) and the ratio to
openapi-spec-validator. Exit status 1 if our validator crashed (exit status 2 or more, or a
traceback): findings (exit 1) are fine.

    .venv/bin/python bench/validate.py [--runs 3] [--version 23.0.2] [--file api.github.com.json]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from _specs import npm_file

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CACHE = HERE / ".cache"
PACKAGE = "@octokit/openapi"


@dataclass(frozen=True)
class Timing:
    name: str
    seconds: list[float]
    peak_mb: float
    status: int
    crashed: bool


def fetch(version: str, file: str) -> Path:
    """The spec file from the npm package, packed into the cache on first use."""
    folder = CACHE / f"octokit-openapi-{version}"
    return npm_file(PACKAGE, version, f"package/generated/{file}", folder)


# A fresh parent per run, so that RUSAGE_CHILDREN's peak is this run's and no other's.
_MEASURE = (
    "import resource, subprocess, sys; "
    "done = subprocess.run(sys.argv[2:]); "
    "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss; "
    "open(sys.argv[1], 'w').write(str(peak)); "
    "sys.exit(done.returncode)"
)


def run(name: str, argv: list[str], runs: int) -> Timing:
    seconds, peaks, status, crashed = [], [], 0, False
    peak_file = CACHE / "peak.txt"
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", _MEASURE, str(peak_file), *argv],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        seconds.append(time.perf_counter() - started)
        peaks.append(int(peak_file.read_text()) / 1024)  # ru_maxrss is in KiB on Linux
        status = done.returncode
        crashed = crashed or status >= 2 or "Traceback" in done.stderr
    return Timing(name, seconds, max(peaks), status, crashed)


def table(timings: list[Timing], baseline: Timing) -> str:
    base = statistics.median(baseline.seconds)
    rows = [
        "| command | median s | min s | max s | peak MB | exit | vs openapi-spec-validator |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for t in timings:
        median = statistics.median(t.seconds)
        rows.append(
            f"| {t.name} | {median:.2f} | {min(t.seconds):.2f} | {max(t.seconds):.2f} "
            f"| {t.peak_mb:.0f} | {t.status} | {median / base:.2f}x |"
        )
    return "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--version", default="23.0.2", help=f"{PACKAGE} version")
    parser.add_argument("--file", default="api.github.com.json")
    args = parser.parse_args()
    spec = fetch(args.version, args.file)
    bin_dir = Path(sys.executable).parent
    print(
        f"{PACKAGE}@{args.version} {args.file}: {spec.stat().st_size / 1e6:.1f} MB, "
        f"{args.runs} runs each, {os.cpu_count()} CPUs, Python {sys.version.split()[0]}"
    )
    theirs = run(
        "openapi-spec-validator FILE",
        [str(bin_dir / "openapi-spec-validator"), str(spec)],
        args.runs,
    )
    ours = run(
        "python -m generator validate FILE",
        [sys.executable, "-m", "generator", "validate", str(spec)],
        args.runs,
    )
    ours_json = run(
        "python -m generator validate --format sarif FILE",
        [sys.executable, "-m", "generator", "validate", "--format", "sarif", str(spec)],
        args.runs,
    )
    print(table([theirs, ours, ours_json], theirs))
    return 1 if ours.crashed or ours_json.crashed else 0


if __name__ == "__main__":
    sys.exit(main())
