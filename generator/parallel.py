"""Work on the second core: a function run in a forked process while the caller goes on.

The child inherits the caller's memory (a 13 MB spec is not copied or pickled, only the
result travels back through a pipe). Where fork is unavailable, only one CPU is usable, or
`DOC2OPENAPI_JOBS=1` is set, the function simply runs in the caller, at once: same result.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, Generic, TypeVar

T = TypeVar("T")


def jobs() -> int:
    """How many processes the work may use: DOC2OPENAPI_JOBS, else the usable CPUs."""
    setting = os.environ.get("DOC2OPENAPI_JOBS", "")
    if setting.isdigit() and int(setting) > 0:
        return int(setting)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1


class Aside(Generic[T]):
    """`Aside(fn)` starts fn(); `.result()` waits for its value (or its exception)."""

    def __init__(self, fn: Callable[[], T]) -> None:
        self._fn = fn
        self._done: tuple[bool, Any] | None = None
        self._process: Any = None
        self._pipe: Connection | None = None
        if jobs() < 2 or "fork" not in multiprocessing.get_all_start_methods():
            self._done = _call(fn)
            return
        context = multiprocessing.get_context("fork")
        receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_child, args=(fn, send), daemon=True)
        self._process.start()
        send.close()
        self._pipe = receive

    def result(self) -> T:
        if self._done is None:
            self._done = self._collect()
        ok, value = self._done
        if not ok:
            raise value
        return value  # type: ignore[no-any-return]

    def _collect(self) -> tuple[bool, Any]:
        assert self._pipe is not None and self._process is not None
        try:
            done: tuple[bool, Any] = self._pipe.recv()
        except (EOFError, OSError):  # the child died (killed, out of memory): do it here
            done = _call(self._fn)
        self._pipe.close()
        self._process.join()
        return done


def _call(fn: Callable[[], T]) -> tuple[bool, Any]:
    try:
        return True, fn()
    except Exception as exc:
        return False, exc


def _child(fn: Callable[[], Any], send: Connection) -> None:
    outcome = _call(fn)
    try:
        send.send(outcome)
    except Exception as exc:  # an unpicklable result or exception
        send.send((False, RuntimeError(f"{type(exc).__name__}: {exc}")))
    send.close()
