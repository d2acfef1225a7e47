"""Benchmark: our `validate` and `generate` against peer tools, on GitHub's and Stripe's
OpenAPI descriptions, in one run, with ratios.

Both specs come from pinned npm packages and the peers are pinned and installed on first use,
all into bench/.cache/ (git-ignored; never into the project's .venv). Each command runs N times,
rounds interleaved, each time in a fresh process writing into a fresh folder; the tables show
median / min / max wall seconds, the peak memory (ru_maxrss of the process tree), the exit
status, what came out (a generator's output is imported once, and the import timed) and the
ratio to a reference: ours for `validate`, OpenAPI Generator's python-fastapi for `generate`.
Ours runs with DOC2OPENAPI_CACHE set to a fresh folder (cold); after each cold `generate` the
same spec with its first operation edited is generated again into the same folder and cache
(the incremental rebuild). Writes the tables to bench/.cache/last-run.md too. Exit status 1 if
ours crashed (a traceback, exit status 2 or more, a signal, a timeout); peers failing is data.

    .venv/bin/python bench/peers.py [--runs 3] [--runs-for TOOL=N ...] [--only github|stripe]
                                    [--tools KEY,KEY...] [--timeout 1800] [--list]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import subprocess
import sys
import time
from dataclasses import dataclass

from _install import install, versions
from _report import report, spec_tables
from _run import Result, bench_spec
from _specs import CACHE, SPECS, fetch, provenance
from _tools import GENERATE_REFERENCE, ROOT, TOOLS, VALIDATE_REFERENCE, Tool


@dataclass(frozen=True)
class Options:
    specs: list[str]
    tools: list[Tool]
    runs: dict[str, int]
    timeout: float


def parse(argv: list[str] | None = None) -> Options:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each command (default 3)")
    parser.add_argument(
        "--runs-for", action="append", default=[], metavar="TOOL=N", help="per-tool run count"
    )
    parser.add_argument("--only", choices=sorted(SPECS), action="append", help="spec(s) to run")
    parser.add_argument("--tools", default="", help="comma-separated tool keys (see --list)")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds per run")
    parser.add_argument("--list", action="store_true", help="list the tool keys and exit")
    args = parser.parse_args(argv)
    if args.list:
        for tool in TOOLS.values():
            print(f"{tool.key:40} {tool.group:9} {tool.label}")
        sys.exit(0)
    wanted = [key.strip() for key in args.tools.split(",") if key.strip()] or list(TOOLS)
    unknown = [key for key in wanted if key not in TOOLS]
    if unknown:
        parser.error(f"unknown tool(s): {', '.join(unknown)} (see --list)")
    runs = {key: args.runs for key in wanted}
    for item in args.runs_for:
        key, _, count = item.partition("=")
        if key not in TOOLS or not count.isdigit():
            parser.error(f"--runs-for wants TOOL=N with a known tool, got {item!r}")
        runs[key] = int(count)
    specs = args.only or list(SPECS)
    return Options(specs, [TOOLS[key] for key in wanted], runs, args.timeout)


def header(options: Options) -> str:
    counts = sorted({options.runs[tool.key] for tool in options.tools})
    machine = f"{os.cpu_count()} CPUs, {_memory_gib():.0f} GiB, Python {platform.python_version()}"
    return "\n".join(
        [
            f"# bench/peers.py, {time.strftime('%Y-%m-%d %H:%M %Z')}",
            "",
            f"Machine: {machine}. Runs per command: {', '.join(map(str, counts))} "
            f"(per tool: {_runs_line(options)}).",
            f"Peers: {versions()}.",
            f"Ours: {revision()} at the start.",
        ]
    )


def revision() -> str:
    """The commit of ours, and a digest of uncommitted changes to what runs (generator/,
    templates/): others may be editing it while the benchmark runs."""
    git = ["git", "-C", str(ROOT)]
    head = subprocess.run(
        [*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
    )
    diff = subprocess.run(
        [*git, "diff", "HEAD", "--", "generator", "templates"], capture_output=True, check=False
    ).stdout
    dirty = f" + uncommitted changes (diff {hashlib.sha1(diff).hexdigest()[:8]})" if diff else ""
    return f"git {head.stdout.strip() or '?'}{dirty}"


def _runs_line(options: Options) -> str:
    return ", ".join(f"{tool.key} {options.runs[tool.key]}" for tool in options.tools)


def _memory_gib() -> float:
    return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30


def main() -> int:
    options = parse()
    needs = {tool.needs for tool in options.tools}
    install("python" in needs, "fcg" in needs, "node" in needs)
    sections, summary, crashed = [header(options)], [], False
    print(sections[0], flush=True)
    for key in options.specs:
        spec = SPECS[key]
        fetch(spec)
        print(f"{key}: {provenance(spec)}", file=sys.stderr)
        results: list[Result] = bench_spec(spec, options.tools, options.runs, options.timeout)
        tables, lines = spec_tables(spec, results, VALIDATE_REFERENCE, GENERATE_REFERENCE)
        sections += [f"## {key}\n\n{provenance(spec)}.", *tables]
        print("\n\n".join(sections[-1 - len(tables) :]), flush=True)  # each spec when done
        summary += lines
        crashed = crashed or any(result.crashed for result in results)
        (CACHE / "last-run.md").write_text(report(sections, summary, crashed) + "\n")
    end = revision()
    if end not in sections[0]:
        summary.append(f"ours changed during the run: {end} at the end")
    (CACHE / "last-run.md").write_text(report(sections, summary, crashed) + "\n")
    print(report([], summary, crashed))
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())
