"""The pieces kept between generations: what was saved is loaded, what is no longer used goes,
and a broken or missing store only means the pieces are made again."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from generator import piecestore
from generator.piecestore import PieceStore


def _store(tmp_path: Path, out: str = "out") -> PieceStore:
    return PieceStore(tmp_path / out, folder=tmp_path / "cache")


def test_a_save_is_loaded_back_and_only_the_changes_are_written(tmp_path: Path) -> None:
    store = _store(tmp_path)
    assert store.load() == {}
    first = {"a": "alpha ☕", "b": "beta", "c": ""}
    store.save({}, first)
    assert store.load() == first
    second = {"a": "alpha ☕", "d": "delta"}
    store.save(first, second)
    assert store.load() == second
    assert store.path is not None and store.path.parent == tmp_path / "cache" / "pieces"
    before = store.path.stat().st_mtime_ns
    store.save(second, dict(second))  # nothing changed: the file is not touched
    assert store.path.stat().st_mtime_ns == before


def test_each_output_folder_has_its_own_store(tmp_path: Path) -> None:
    _store(tmp_path, "one").save({}, {"k": "one"})
    _store(tmp_path, "two").save({}, {"k": "two"})
    assert _store(tmp_path, "one").load() == {"k": "one"}
    assert _store(tmp_path, "two").load() == {"k": "two"}


def test_a_file_that_is_not_a_database_is_started_over(tmp_path: Path) -> None:
    store = _store(tmp_path)
    assert store.path is not None
    store.path.parent.mkdir(parents=True)
    store.path.write_bytes(b"torn " * 1000)
    assert store.load() == {}
    store.save({}, {"a": "alpha"})
    assert store.load() == {"a": "alpha"}


def test_a_locked_store_is_left_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(piecestore, "WAIT", 0.05)
    store = _store(tmp_path)
    store.save({}, {"a": "alpha"})
    assert store.path is not None
    holder = sqlite3.connect(store.path, timeout=0)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        store.save({"a": "alpha"}, {"b": "beta"})  # waits, gives up, raises nothing
    finally:
        holder.rollback()
        holder.close()
    assert store.load() == {"a": "alpha"}


def test_without_a_cache_folder_nothing_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DOC2OPENAPI_CACHE", "off")
    store = PieceStore(tmp_path / "out")
    store.save({}, {"a": "alpha"})
    assert store.path is None and store.load() == {}
