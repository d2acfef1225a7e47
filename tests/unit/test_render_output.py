"""write_generated: atomic, inside the folder only, stale files removed via the manifest."""

from __future__ import annotations

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
