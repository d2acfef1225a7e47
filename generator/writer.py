"""The writing edge: all of a command's files land together or not at all.

Each file is written to a temporary sibling and moved into place with os.replace, which is
atomic on one file system; files whose content is unchanged are not touched.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path


def write_files(files: Mapping[Path, str]) -> list[Path]:
    """Write every changed file atomically; returns the files that changed."""
    staged: list[tuple[Path, str]] = []
    try:
        for path, text in sorted(files.items()):
            if _unchanged(path, text):
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
            staged.append((path, tmp))
        for path, tmp in staged:
            os.replace(tmp, path)
    finally:
        for _, tmp in staged:
            if os.path.exists(tmp):
                os.unlink(tmp)
    return [path for path, _ in staged]


def _unchanged(path: Path, text: str) -> bool:
    try:
        return path.read_text(encoding="utf-8") == text
    except (OSError, UnicodeDecodeError):
        return False


def stale_files(files: Mapping[Path, str]) -> list[Path]:
    return [path for path, text in sorted(files.items()) if not _unchanged(path, text)]
