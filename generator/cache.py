"""A content-addressed cache of JSON values, for work whose output depends only on its input.

Where: `DOC2OPENAPI_CACHE` (a folder, or `off` to disable), else `$XDG_CACHE_HOME/doc2openapi`,
else `~/.cache/doc2openapi`. A key is the SHA-256 of the input's canonical JSON (plus a
version stamp that the caller includes); an entry is written atomically, so a crash or a
concurrent run leaves either no entry or a whole one. An entry that cannot be read or parsed
counts as missing: the cache can be deleted at any time, it only costs time.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import orjson

_OFF = frozenset({"off", "0", "no", "false"})


def cache_dir() -> Path | None:
    setting = os.environ.get("DOC2OPENAPI_CACHE", "")
    if setting.lower() in _OFF:
        return None
    if setting:
        return Path(setting)
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "doc2openapi"


def key_of(value: Any) -> str:
    text = json.dumps(value, sort_keys=True, ensure_ascii=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("ascii")).hexdigest()


class Cache:
    """`get(key)` / `put(key, value)` in one namespace (a subfolder) of the cache folder."""

    def __init__(self, namespace: str, folder: Path | None = None) -> None:
        root = folder if folder is not None else cache_dir()
        self.folder = root / namespace if root is not None else None

    def get(self, key: str) -> Any:
        if self.folder is None:
            return None
        try:
            return orjson.loads((self.folder / key[:2] / f"{key}.json").read_bytes())
        except (OSError, ValueError):
            return None

    def put(self, key: str, value: Any) -> None:
        if self.folder is None:
            return
        target = self.folder / key[:2] / f"{key}.json"
        try:
            data = orjson.dumps(value)
        except TypeError:  # not plain JSON (a key that is not a string): not kept
            return
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
            with os.fdopen(fd, "wb") as sink:
                sink.write(data)
            os.replace(temp, target)
        except OSError:  # a read-only or full disk: the cache is an optimisation only
            return
