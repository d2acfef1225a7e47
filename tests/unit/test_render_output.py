"""write_generated: atomic, inside the folder only, stale files removed via the manifest."""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

import pytest

from generator.render import (
    MANIFEST_NAME,
    Generated,
    UnsafePathError,
    stale_generated,
    write_generated,
)


def _generated(files: dict[str, str]) -> Generated:
    return Generated({PurePosixPath(k): v for k, v in files.items()}, ())


@pytest.mark.parametrize(
    "bad", ["/etc/passwd", "../x.py", "a/../../x", "nul\x00", ".hidden", "a\\b"]
)
def test_unsafe_paths_are_refused_before_anything_is_written(tmp_path: Path, bad: str) -> None:
    out = tmp_path / "out"
    with pytest.raises(UnsafePathError):
        write_generated(out, _generated({"ok.txt": "x", bad: "evil"}))
    assert not out.exists() or not any(out.iterdir())
    assert sorted(p.name for p in tmp_path.iterdir()) in ([], ["out"])


def test_symlinks_inside_the_folder_are_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "docs").symlink_to(outside, target_is_directory=True)
    with pytest.raises(UnsafePathError):
        write_generated(out, _generated({"docs/index.md": "x"}))
    assert not any(outside.iterdir())


def test_writes_manifest_and_removes_only_stale_generated_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = write_generated(out, _generated({"a/one.py": "1", "a/two.py": "2", "b/x.md": "x"}))
    assert len(first) == 4
    assert (out / MANIFEST_NAME).read_text() == "a/one.py\na/two.py\nb/x.md\n"
    (out / "mine.txt").write_text("not generated")
    second = _generated({"a/one.py": "1"})
    assert stale_generated(out, second) == sorted(
        [out.resolve() / MANIFEST_NAME, out.resolve() / "a/two.py", out.resolve() / "b/x.md"]
    )
    changed = write_generated(out, second)
    assert {p.name for p in changed} == {MANIFEST_NAME, "two.py", "x.md"}
    assert not (out / "b").exists() and (out / "mine.txt").exists()
    assert stale_generated(out, second) == []
    assert write_generated(out, second) == []


def test_a_tampered_manifest_cannot_delete_outside(tmp_path: Path) -> None:
    out = tmp_path / "out"
    victim = tmp_path / "victim.txt"
    victim.write_text("keep")
    write_generated(out, _generated({"a.txt": "a"}))
    (out / MANIFEST_NAME).write_text("../victim.txt\n/etc/hostname\na.txt\n")
    write_generated(out, _generated({"b.txt": "b"}))
    assert victim.read_text() == "keep"
    assert not (out / "a.txt").exists() and (out / "b.txt").exists()


def test_a_symlink_is_refused_even_in_a_folder_already_checked_for_another_file(
    tmp_path: Path,
) -> None:
    # Folders are checked once per call; the files in them must still each be checked.
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "two.py").write_text("theirs")
    out = tmp_path / "out"
    write_generated(out, _generated({"a/b/c/one.py": "1", "a/b/c/two.py": "2"}))
    (out / "a/b/c/two.py").unlink()
    (out / "a/b/c/two.py").symlink_to(outside / "two.py")
    with pytest.raises(UnsafePathError, match=r"two\.py is a symlink"):
        write_generated(out, _generated({"a/b/c/one.py": "changed", "a/b/c/two.py": "evil"}))
    with pytest.raises(UnsafePathError):
        stale_generated(out, _generated({"a/b/c/one.py": "1", "a/b/c/two.py": "2"}))
    assert (outside / "two.py").read_text() == "theirs"
    assert (out / "a/b/c/one.py").read_text() == "1"


def test_a_symlinked_folder_deep_in_the_tree_is_refused_after_its_siblings_passed(
    tmp_path: Path,
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    out = tmp_path / "out"
    files = {"a/b/one.py": "1", "a/b/c/d/two.py": "2", "a/b/c/d/three.py": "3"}
    write_generated(out, _generated(files))
    (out / "a/b/c/d/two.py").rename(outside / "two.py")
    (out / "a/b/c/d/three.py").rename(outside / "three.py")
    (out / "a/b/c/d").rmdir()
    (out / "a/b/c/d").symlink_to(outside, target_is_directory=True)
    changed = {path: text + "!" for path, text in files.items()}
    with pytest.raises(UnsafePathError, match=r"d is a symlink"):
        write_generated(out, _generated(changed))
    assert (outside / "two.py").read_text() == "2"
    assert (outside / "three.py").read_text() == "3"
    assert (out / "a/b/one.py").read_text() == "1"


def test_checks_are_not_remembered_between_calls(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    out = tmp_path / "out"
    write_generated(out, _generated({"docs/index.md": "x"}))
    (out / "docs/index.md").unlink()
    (out / "docs").rmdir()
    (out / "docs").symlink_to(outside, target_is_directory=True)
    with pytest.raises(UnsafePathError):
        write_generated(out, _generated({"docs/index.md": "x"}))
    assert not any(outside.iterdir())


def test_a_dangling_symlink_where_a_new_file_goes_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_generated(out, _generated({"a/one.py": "1"}))
    (out / "a/two.py").symlink_to(tmp_path / "nowhere.py")
    with pytest.raises(UnsafePathError):
        write_generated(out, _generated({"a/one.py": "1", "a/two.py": "2"}))
    assert not (tmp_path / "nowhere.py").exists()


def test_a_same_size_hand_edit_with_its_old_mtime_is_seen_and_rewritten(tmp_path: Path) -> None:
    out = tmp_path / "out"
    generated = _generated({"a/one.py": "value = 1\n", "a/two.py": "value = 2\n"})
    write_generated(out, generated)
    edited = out / "a/one.py"
    before = edited.stat()
    edited.write_text("value = 9\n")
    os.utime(edited, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert edited.stat().st_size == before.st_size
    assert stale_generated(out, generated) == [edited.resolve()]
    assert write_generated(out, generated) == [edited.resolve()]
    assert edited.read_text() == "value = 1\n"
    assert stale_generated(out, generated) == []


def test_an_unchanged_rebuild_touches_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    generated = _generated({"a/one.py": "1", "b/e.md": "café ☕ 🪲\r\n"})
    write_generated(out, generated)
    before = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in out.rglob("*") if p.is_file()}
    assert write_generated(out, generated) == []
    assert stale_generated(out, generated) == []
    after = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in out.rglob("*") if p.is_file()}
    assert after == before


def test_files_in_a_folder_that_cannot_be_listed_are_still_checked_one_by_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    write_generated(out, _generated({"a/one.py": "1"}))
    (out / "a/two.py").symlink_to(tmp_path / "elsewhere.py")

    def unlistable(path: object) -> None:
        raise PermissionError(f"cannot list {path}")

    monkeypatch.setattr("generator.render.output.os.scandir", unlistable)
    with pytest.raises(UnsafePathError, match=r"two\.py is a symlink"):
        write_generated(out, _generated({"a/one.py": "1", "a/two.py": "2"}))
    assert write_generated(out, _generated({"a/one.py": "2"})) == [out.resolve() / "a/one.py"]
    assert not (tmp_path / "elsewhere.py").exists()
