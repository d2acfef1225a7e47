"""Writing a generation into its output folder, and nowhere else.

Every relative path is checked before anything is written: no absolute paths, no `..`, no
hidden or odd file names, and no existing symlink anywhere between the folder and the file.
Files go through `generator.writer.write_files` (atomic, unchanged files untouched). A manifest
(`.doc2openapi-manifest`, one path per line) records what was generated, so the files that a
previous generation wrote and this one does not are removed; nothing else is ever deleted.
"""

from __future__ import annotations

import os
import re
from pathlib import Path, PurePosixPath

from generator.render.generate import Generated
from generator.writer import stale_files, write_files

MANIFEST_NAME = ".doc2openapi-manifest"
_SAFE_PART = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._-]*")


class UnsafePathError(ValueError):
    """A generated path would leave the output folder (or pass through a symlink)."""


def _checked(root: Path, relative: PurePosixPath) -> Path:
    parts = relative.parts
    if relative.is_absolute() or not parts:
        raise UnsafePathError(f"not a relative path: {relative}")
    for part in parts:
        if part != MANIFEST_NAME and (part in (".", "..") or not _SAFE_PART.fullmatch(part)):
            raise UnsafePathError(f"unsafe path component {part!r} in {relative}")
    current = root
    for part in parts:
        current = current / part
        if current.is_symlink():
            raise UnsafePathError(f"{current} is a symlink")
    target = root.joinpath(*parts)
    if not os.path.realpath(target).startswith(os.path.realpath(root) + os.sep):
        raise UnsafePathError(f"{relative} resolves outside {root}")
    return target


def _planned(out_dir: Path, generated: Generated) -> tuple[Path, dict[Path, str], list[Path]]:
    """(root, files to write including the manifest, previously generated files to remove)."""
    root = out_dir.resolve()
    files = {_checked(root, rel): text for rel, text in generated.files.items()}
    listing = "".join(f"{rel}\n" for rel in sorted(str(p) for p in generated.files))
    files[_checked(root, PurePosixPath(MANIFEST_NAME))] = listing
    stale: list[Path] = []
    for rel in _previous(root):
        if rel in generated.files:
            continue
        try:
            target = _checked(root, rel)
        except UnsafePathError:
            continue
        if target.is_file():
            stale.append(target)
    return root, files, stale


def _previous(root: Path) -> list[PurePosixPath]:
    manifest = root / MANIFEST_NAME
    if manifest.is_symlink() or not manifest.is_file():
        return []
    lines = manifest.read_text(encoding="utf-8").splitlines()
    return [PurePosixPath(line) for line in lines if line.strip()]


def write_generated(out_dir: Path, generated: Generated) -> list[Path]:
    """Write the generation into `out_dir`; returns the files written or removed.

    Raises `UnsafePathError` (before writing anything) if a path would leave `out_dir`.
    """
    root, files, stale = _planned(out_dir, generated)
    changed = write_files(files)
    for target in stale:
        target.unlink()
        _prune(root, target.parent)
    return changed + stale


def stale_generated(out_dir: Path, generated: Generated) -> list[Path]:
    """The files `write_generated` would write or remove (empty: the folder is up to date)."""
    _, files, stale = _planned(out_dir, generated)
    return sorted(stale_files(files) + stale)


def source_base_for(spec_path: Path, out_dir: Path) -> str:
    """The `source_base` that links `out_dir/docs/*.md` to the spec's `sources/` folder.

    `generated/im-user` for `spec/im-user/openapi.yaml` gives `../../../spec/im-user/`.
    """
    docs = out_dir.resolve() / "docs"
    return os.path.relpath(spec_path.resolve().parent, docs).replace(os.sep, "/") + "/"


def _prune(root: Path, folder: Path) -> None:
    """Remove folders emptied by a removal, up to (not including) `root`."""
    while folder != root and root in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
