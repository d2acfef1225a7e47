"""write_files / stale_files: a file is unchanged only when its bytes are exactly the new ones."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.writer import stale_files, write_files


@pytest.mark.parametrize(
    "on_disk",
    [
        b"value = 9\n",  # same size, different content
        b"value = 1\n\n",  # one byte more
        b"value = 1",  # one byte less
        b"value = 1\r\n",  # the same text with other line endings
        b"\xffalue = 1\n",  # not UTF-8
        b"",
    ],
)
def test_any_difference_in_the_bytes_is_a_change(tmp_path: Path, on_disk: bytes) -> None:
    path = tmp_path / "one.py"
    path.write_bytes(on_disk)
    assert stale_files({path: "value = 1\n"}) == [path]
    assert write_files({path: "value = 1\n"}) == [path]
    assert path.read_bytes() == b"value = 1\n"
    assert stale_files({path: "value = 1\n"}) == []


def test_a_same_size_edit_is_found_whatever_its_mtime(tmp_path: Path) -> None:
    path = tmp_path / "one.py"
    write_files({path: "value = 1\n"})
    before = path.stat()
    path.write_text("value = 2\n")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert stale_files({path: "value = 1\n"}) == [path]


def test_unchanged_files_are_not_touched_and_changed_ones_come_back_sorted(
    tmp_path: Path,
) -> None:
    text = "naïve ☕ 🪲\r\nline\n" * 1000
    files = {tmp_path / name: text for name in ("c.md", "a.md", "b/x.md")}
    assert write_files(files) == sorted(files)
    assert [p.read_bytes() for p in sorted(files)] == [text.encode()] * 3
    stamps = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in files}
    files[tmp_path / "c.md"] = text + "more"
    files[tmp_path / "a.md"] = "short"
    assert stale_files(files) == [tmp_path / "a.md", tmp_path / "c.md"]
    assert write_files(files) == [tmp_path / "a.md", tmp_path / "c.md"]
    assert (tmp_path / "b/x.md").stat().st_ino == stamps[tmp_path / "b/x.md"][0]
    assert (tmp_path / "b/x.md").stat().st_mtime_ns == stamps[tmp_path / "b/x.md"][1]
    assert write_files(files) == []


def test_a_missing_file_or_a_folder_in_its_place_is_a_change(tmp_path: Path) -> None:
    (tmp_path / "folder").mkdir()
    assert stale_files({tmp_path / "missing": "x", tmp_path / "folder": "x"}) == [
        tmp_path / "folder",
        tmp_path / "missing",
    ]


def test_paths_may_be_plain_strings_and_come_back_as_given(tmp_path: Path) -> None:
    files = {str(tmp_path / "b" / "x.md"): "x", str(tmp_path / "a.md"): "a"}
    assert stale_files(files) == sorted(files)
    assert write_files(files) == sorted(files)
    assert (tmp_path / "b" / "x.md").read_text() == "x"
    assert write_files(files) == []


def test_bytes_are_written_as_they_are_and_compared_with_text_alike(tmp_path: Path) -> None:
    data = '{"name": "naïve ☕"}\r\n'.encode()
    files: dict[Path, str | bytes] = {tmp_path / "a.json": data, tmp_path / "b.md": "naïve\n"}
    assert write_files(files) == sorted(files)
    assert (tmp_path / "a.json").read_bytes() == data
    assert (
        stale_files({tmp_path / "a.json": data.decode(), tmp_path / "b.md": b"na\xc3\xafve\n"})
        == []
    )
    assert stale_files({tmp_path / "a.json": data[:-2] + b"\n"}) == [tmp_path / "a.json"]
