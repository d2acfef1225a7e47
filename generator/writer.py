"""The writing edge: all of a command's files land together or not at all.

Each file is written to a temporary sibling and moved into place with os.replace, which is
atomic on one file system; files whose content is unchanged are not touched. "Unchanged" means
the bytes on disk are exactly the bytes that would be written (UTF-8, no newline translation),
compared in full every time: sizes or times alone never decide.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import TypeVar

_P = TypeVar("_P", str, Path)


def write_files(files: Mapping[_P, str | bytes]) -> list[_P]:
    """Write every changed file atomically; returns the files that changed (sorted).

    A file is text (written as UTF-8) or bytes (written as they are). Paths may be `Path`s or
    plain strings; the strings spare a caller with thousands of files from making a `Path`
    for each (only the changed ones become `Path`s here).
    """
    staged: list[tuple[_P, str]] = []
    try:
        for path, content in files.items():
            data = _bytes(content)
            if _unchanged(path, data):
                continue
            target = Path(path)
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            staged.append((path, tmp))
        for path, tmp in staged:
            os.replace(tmp, path)
    finally:
        for _, tmp in staged:
            if os.path.exists(tmp):
                os.unlink(tmp)
    return sorted(path for path, _ in staged)


def _unchanged(path: str | Path, data: bytes) -> bool:
    """Whether `path` already holds exactly `data`.

    At most one byte more than expected is read, so a file of another size costs no more than
    one of the same size. Plain `os` calls rather than `open()`: this runs for every file of
    every build, and a buffered file object's set-up is most of the cost for small files.
    """
    try:
        fd = os.open(path, _READ_FLAGS)
    except OSError:
        return False
    try:
        return _read_up_to(fd, len(data) + 1) == data
    except OSError:
        return False
    finally:
        os.close(fd)


_READ_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0)


def _read_up_to(fd: int, limit: int) -> bytes:
    """The file's bytes, stopping after `limit` of them."""
    chunks: list[bytes] = []
    while limit > 0:
        chunk = os.read(fd, limit)
        if not chunk:
            break
        chunks.append(chunk)
        limit -= len(chunk)
    return b"".join(chunks)


def stale_files(files: Mapping[_P, str | bytes]) -> list[_P]:
    """The files `write_files` would write (sorted; empty: all are up to date)."""
    return sorted(path for path, content in files.items() if not _unchanged(path, _bytes(content)))


def _bytes(content: str | bytes) -> bytes:
    return content if isinstance(content, bytes) else content.encode("utf-8")
