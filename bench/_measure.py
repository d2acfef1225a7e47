"""One timed run of one command in a fresh process, and what its output says.

Peak memory is the larger of two: `ru_maxrss` from `os.wait4` on the command's process, into
which Linux folds every descendant that was waited for (the JVM under openapi-generator-cli's
Python wrapper, ruff under openapi-python-client), i.e. the largest single process of the
tree; and the summed RSS of the whole process group sampled every 0.1 s, which also counts
processes that run at the same time (worker pools)."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

_ERROR_LINE = re.compile(
    r"^\s*(?:[\w.]+(?:Error|Exception)\b|error\b|ERROR\b|fatal\b).*", re.I | re.M
)
_COUNTS = re.compile(r"(\d+) errors?\D{1,12}?(\d+) warnings?")


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float
    status: int  # exit status; -N: killed by signal N
    stdout: str
    stderr: str
    timed_out: bool

    @property
    def traceback(self) -> bool:
        return "Traceback (most recent call last)" in self.stderr + self.stdout


def run(argv: list[str], folder: Path, cwd: Path, env: dict[str, str], timeout: float) -> Run:
    """`argv` in `cwd`, its output kept in files in `folder` (no pipe to drain meanwhile)."""
    out_path, err_path = folder / ".bench-stdout", folder / ".bench-stderr"
    with out_path.open("wb") as out, err_path.open("wb") as err:
        started = time.perf_counter()
        process = subprocess.Popen(
            argv, cwd=cwd, env=env, stdout=out, stderr=err, start_new_session=True
        )
        expired, finished = threading.Event(), threading.Event()
        timer = threading.Timer(timeout, _kill_group, (process.pid, expired))
        timer.start()
        tree = _TreeSampler(process.pid, finished)
        tree.start()
        _, wait_status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        timer.cancel()
        finished.set()
        tree.join()
    process.returncode = os.waitstatus_to_exitcode(wait_status)  # Popen must not reap it again
    stdout = out_path.read_text(errors="replace")
    stderr = err_path.read_text(errors="replace")
    out_path.unlink()
    err_path.unlink()
    peak = max(usage.ru_maxrss / 1024, tree.peak_mb)
    return Run(seconds, peak, process.returncode, stdout, stderr, expired.is_set())


class _TreeSampler(threading.Thread):
    """The summed RSS of the command's process group (its own session), every 0.1 s: what
    ru_maxrss misses when processes of the tree run at the same time (worker pools)."""

    def __init__(self, group: int, finished: threading.Event) -> None:
        super().__init__(daemon=True)
        self.group, self.finished, self.peak_mb = group, finished, 0.0

    def run(self) -> None:
        while not self.finished.wait(0.1):
            self.peak_mb = max(self.peak_mb, _group_rss_mb(self.group))


def _group_rss_mb(group: int) -> float:
    pages = 0
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group:  # pgrp; fields[21] is rss, in pages
            pages += int(fields[21])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def _kill_group(pid: int, expired: threading.Event) -> None:
    expired.set()
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGKILL)


def first_error(text: str) -> str:
    """The line that says what went wrong: the first `error ...` or `XxxError: ...` line (the
    last one after a traceback: the exception), else the last non-empty line."""
    matches = _ERROR_LINE.findall(text)
    if matches:
        line = matches[-1] if "Traceback (most recent call last)" in text else matches[0]
    else:
        line = next(reversed([s for s in text.splitlines() if s.strip()]), "")
    line = " ".join(line.split())
    return line if len(line) <= 110 else line[:107] + "..."


def counts(text: str) -> str:
    """`N errors, M warnings` from a linter's summary line, or ''."""
    found = _COUNTS.findall(text)
    return f"{found[-1][0]} errors, {found[-1][1]} warnings" if found else ""


@dataclass(frozen=True)
class ImportCheck:
    ok: bool
    seconds: float
    error: str


_IMPORT = (
    "import importlib, sys, time; sys.path.insert(0, sys.argv[1]); t = time.perf_counter()\n"
    "for name in sys.argv[2:]: importlib.import_module(name)\n"
    "print(f'{time.perf_counter() - t:.3f}')"
)


def import_check(python: Path, path: Path, modules: list[str], timeout: float) -> ImportCheck:
    """Import `modules` with `path` first on sys.path, in a fresh `python`; the seconds are
    the imports' own (measured inside, without the interpreter's start)."""
    argv = [str(python), "-c", _IMPORT, str(path), *modules]
    started = time.perf_counter()
    try:
        done = subprocess.run(
            argv, cwd=path, capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        return ImportCheck(
            False, time.perf_counter() - started, f"import timed out ({timeout:.0f} s)"
        )
    if done.returncode == 0:
        return ImportCheck(True, float(done.stdout.split()[-1]), "")
    error = first_error(done.stderr.replace(str(path), "DIR"))
    return ImportCheck(False, time.perf_counter() - started, error)
