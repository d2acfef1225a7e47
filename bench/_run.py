"""Running the selected tools on one spec: interleaved rounds, fresh folders, outcomes, and
our incremental rebuild after each cold `generate`."""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from _measure import Run, counts, first_error, import_check, run
from _specs import CACHE, Spec, edited_pair
from _tools import Tool

REBUILD_KEY = "ours-rebuild"
REBUILD_LABEL = "… then SPEC with 1 operation edited, same DIR and cache (incremental)"
_QUIET = {"NO_COLOR": "1", "FORCE_COLOR": "0", "TERM": "dumb", "COLUMNS": "200"}


@dataclass
class Result:
    key: str
    group: str
    label: str
    ours: bool
    runs: list[Run] = field(default_factory=list)
    outcome: str = "not run"

    @property
    def median(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    @property
    def crashed(self) -> bool:
        """Ours only: a traceback, exit status 2+, a signal, a timeout, or `validate` failing
        without findings. `generate` refusing a spec (exit 1, errors listed) is a failure."""
        broken = any(r.traceback or r.status >= 2 or r.status < 0 or r.timed_out for r in self.runs)
        refused = self.group == "validate" and self.outcome.startswith("fails")
        return self.ours and (broken or refused)


def bench_spec(spec: Spec, tools: list[Tool], runs: dict[str, int], timeout: float) -> list[Result]:
    """Round i runs every tool that has more than i runs, so load drifting over the
    benchmark's minutes spreads over all tools instead of landing on one."""
    results = {t.key: Result(t.key, t.group, t.label, t.ours) for t in tools}
    job = _Job(spec, timeout, Result(REBUILD_KEY, "generate", REBUILD_LABEL, ours=True))
    for index in range(max(runs[t.key] for t in tools)):
        for tool in tools:
            if index < runs[tool.key]:
                _once(job, tool, results[tool.key], last=index == runs[tool.key] - 1)
    ordered = []
    for result in results.values():
        ordered.append(result)
        if result.key == "ours-generate":
            ordered.append(job.rebuild)
    return ordered


@dataclass(frozen=True)
class _Job:
    spec: Spec
    timeout: float
    rebuild: Result


def _env(tool: Tool, folder: Path) -> dict[str, str]:
    env = {**os.environ, **_QUIET, **tool.env}
    if tool.ours:
        env["DOC2OPENAPI_CACHE"] = str(folder / "cache")  # fresh and empty: a cold run
    return env


def _once(job: _Job, tool: Tool, result: Result, last: bool) -> None:
    spec, timeout = job.spec, job.timeout
    (CACHE / "runs").mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=CACHE / "runs", prefix=f"{tool.key}-") as name:
        folder = Path(name)
        source = spec.path
        if tool.key == "ours-generate":
            source = folder / "spec.json"
            shutil.copyfile(edited_pair(spec)[0], source)
        done = run(
            tool.argv(source, folder), folder, tool.cwd or folder, _env(tool, folder), timeout
        )
        result.runs.append(done)
        _progress(spec, tool.key, done)
        if last:
            result.outcome = outcome(tool, done, folder / "out", timeout)
        if tool.key == "ours-generate":
            _rebuild(job, tool, folder, done, last)


def _rebuild(job: _Job, tool: Tool, folder: Path, cold: Run, last: bool) -> None:
    """The edited spec over the cold run's copy, generated into the same DIR and cache."""
    spec, timeout, rebuild = job.spec, job.timeout, job.rebuild
    if cold.status != 0:
        rebuild.outcome = "not run: the cold run failed"
        return
    source = folder / "spec.json"
    shutil.copyfile(edited_pair(spec)[1], source)
    done = run(tool.argv(source, folder), folder, tool.cwd or folder, _env(tool, folder), timeout)
    rebuild.runs.append(done)
    _progress(spec, REBUILD_KEY, done)
    if last:
        rebuild.outcome = outcome(tool, done, folder / "out", timeout)
        if done.status == 0 and not _mentions(folder / "out", "bench_edit"):
            rebuild.outcome += "; the added parameter is NOT in the output"


def _progress(spec: Spec, key: str, done: Run) -> None:
    print(
        f"  {spec.key:6} {key:40} {done.seconds:7.1f} s {done.peak_mb:6.0f} MB exit {done.status}",
        file=sys.stderr,
        flush=True,
    )


def outcome(tool: Tool, done: Run, out: Path, timeout: float) -> str:
    text = done.stderr + "\n" + done.stdout
    if done.timed_out:
        return f"fails: timed out after {timeout:.0f} s"
    if tool.group == "validate":
        return _validate_outcome(done, text)
    if done.status != 0:
        return f"fails: {first_error(text)}"
    notes = [_size(out)]
    marker, what = tool.skipped
    skipped = text.count(marker) if marker else 0
    if skipped:
        notes.append(f"{skipped} {what}")
    if tool.imports is None:
        return f"ok ({', '.join(notes)})"
    path, modules = tool.imports(out)
    check = import_check(tool.import_python, path, modules, timeout)
    if check.ok:
        return f"ok, imports in {check.seconds:.1f} s ({', '.join(notes)})"
    return (
        f"output does not import: {check.error} (after {check.seconds:.1f} s; {', '.join(notes)})"
    )


def _validate_outcome(done: Run, text: str) -> str:
    found = counts(text)
    if done.status == 0 and not done.traceback:
        return f"ok: {found}" if found else "ok"
    if done.status == 1 and not done.traceback and found:
        return f"findings: {found}"
    if done.status == 1 and not done.traceback and "No module named" not in text:
        return f"findings: {first_error(text)}"
    return f"fails: {first_error(text)}"


def _size(out: Path) -> str:
    files = [Path(root) / name for root, _, names in os.walk(out) for name in names]
    total = sum(path.stat().st_size for path in files)
    return f"{len(files)} files, {total / 1e6:.1f} MB"


def _mentions(out: Path, needle: str) -> bool:
    for root, _, names in os.walk(out):
        for name in names:
            if needle in (Path(root) / name).read_text(errors="replace"):
                return True
    return False
