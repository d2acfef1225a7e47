"""The pieces of the last generation into each output folder (`render.memo`), kept between
runs in one SQLite file per folder, in the cache folder (`pieces/<digest of the folder>.db`).

A rebuild reads every piece at once (24 MB for GitHub's REST description: 0.03 s) and then
writes only what changed: the pieces made afresh go in, those no longer used go out (the
store does not grow with every edit). A JSON file had to be rewritten whole for one edited
operation. The file is a cache like the others: unreadable, locked or read-only only costs
time (the pieces are made again), never an error.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import closing, contextmanager
from pathlib import Path

from generator.cache import cache_dir
from generator.render.fingerprint import digest

WAIT = 5.0  # seconds to wait for another run that holds the file
_SCHEMA = "CREATE TABLE IF NOT EXISTS pieces_v1 (key TEXT PRIMARY KEY, text TEXT NOT NULL)"


class PieceStore:
    """`load()` the pieces kept for `out`; `save(previous, kept)` keeps this run's."""

    def __init__(self, out: Path, folder: Path | None = None) -> None:
        root = folder if folder is not None else cache_dir()
        name = f"{digest(str(out.resolve()))}.db"
        self.path = root / "pieces" / name if root is not None else None

    def load(self) -> dict[str, str]:
        if self.path is None or not self.path.is_file():
            return {}
        try:
            with _connected(self.path) as connection:
                rows = connection.execute("SELECT key, text FROM pieces_v1")
                return {str(key): str(text) for key, text in rows}
        except (sqlite3.Error, OSError):
            return {}

    def save(self, previous: Mapping[str, str], kept: Mapping[str, str]) -> None:
        """Make the store hold `kept`, knowing it held `previous` (what `load` gave)."""
        gone = [key for key in previous if key not in kept]
        new = {key: text for key, text in kept.items() if key not in previous}
        if self.path is None or not (gone or new):
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._write(gone, new)
        except sqlite3.Error as exc:
            if getattr(exc, "sqlite_errorname", "") not in _TORN:
                return  # locked by another run, a read-only or full disk
            self.path.unlink(missing_ok=True)  # not a database (any more): start over
            try:
                self._write([], kept)
            except sqlite3.Error:
                return
        except OSError:
            return

    def _write(self, gone: list[str], new: Mapping[str, str]) -> None:
        assert self.path is not None
        with _connected(self.path) as connection, connection:
            connection.executemany("DELETE FROM pieces_v1 WHERE key = ?", ((k,) for k in gone))
            connection.executemany("INSERT OR REPLACE INTO pieces_v1 VALUES (?, ?)", new.items())


_TORN = frozenset({"SQLITE_NOTADB", "SQLITE_CORRUPT"})


@contextmanager
def _connected(path: Path) -> Iterator[sqlite3.Connection]:
    """A connection with the table; a cache needs no syncing to the disk (a file torn by a
    crash of the machine is a `DatabaseError`, and is started over)."""
    with closing(sqlite3.connect(path, timeout=WAIT)) as connection:
        connection.execute("PRAGMA synchronous = OFF")
        connection.execute(_SCHEMA)
        yield connection
