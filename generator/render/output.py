"""Writing a generation into its output folder, and nowhere else.

Every relative path is checked before anything is written: no absolute paths, no `..`, no
hidden or odd file names, and no existing symlink anywhere between the folder and the file.
Each folder on the way is checked (and listed) once per call, however many files it holds.
Files go through `generator.writer.write_files` (atomic, unchanged files untouched). A manifest
(`.doc2openapi-manifest`, one path per line) records what was generated, so the files that a
previous generation wrote and this one does not are removed; nothing else is ever deleted.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from generator.render.generate import Generated
from generator.writer import stale_files, write_files

MANIFEST_NAME = ".doc2openapi-manifest"
_SAFE_PART = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._-]*")
_PART = rf"(?:{_SAFE_PART.pattern}|{re.escape(MANIFEST_NAME)})"
_SAFE_PATH = re.compile(rf"(?:{_PART}/)*{_PART}")


class UnsafePathError(ValueError):
    """A generated path would leave the output folder (or pass through a symlink)."""


@dataclass(frozen=True, slots=True)
class _Folder:
    """A checked folder and, from one listing, whether each entry in it is a symlink."""

    path: str
    links: Mapping[str, bool]


def _safe_parts(relative: PurePosixPath) -> tuple[str, ...]:
    """The path's components, each a plain file name (no `.`, `..`, separators or oddities).

    One match over the whole path decides; the loop below only says what is wrong.
    """
    text = str(relative)
    if not relative.is_absolute() and _SAFE_PATH.fullmatch(text):
        return tuple(text.split("/"))
    parts = relative.parts
    if relative.is_absolute() or not parts:
        raise UnsafePathError(f"not a relative path: {relative}")
    for part in parts:
        if part != MANIFEST_NAME and (part in (".", "..") or not _SAFE_PART.fullmatch(part)):
            raise UnsafePathError(f"unsafe path component {part!r} in {relative}")
    raise UnsafePathError(f"unsafe path {relative}")


def _listing(folder: str) -> dict[str, bool]:
    """Each entry of `folder` and whether it is a symlink (empty if it cannot be listed)."""
    try:
        with os.scandir(folder) as entries:
            return {entry.name: entry.is_symlink() for entry in entries}
    except OSError:
        return {}


def _checked_folder(
    root: str, parts: tuple[str, ...], folders: dict[tuple[str, ...], _Folder]
) -> _Folder:
    """`root/parts`, refused if any folder on the way is a symlink or it resolves outside `root`.

    `folders` holds the folders already checked during this call: files that share a folder
    share its checks, so each folder is checked (and listed) once, its parents first.
    """
    known = folders.get(parts)
    if known is not None:
        return known
    if parts:
        path = os.path.join(_checked_folder(root, parts[:-1], folders).path, parts[-1])
        if os.path.islink(path):
            raise UnsafePathError(f"{path} is a symlink")
        if not os.path.realpath(path).startswith(os.path.realpath(root) + os.sep):
            raise UnsafePathError(f"{path} resolves outside {root}")
    else:
        path = root
    folder = folders[parts] = _Folder(path, _listing(path))
    return folder


def _checked(root: str, relative: PurePosixPath, folders: dict[tuple[str, ...], _Folder]) -> str:
    """`root/relative` once every component is a safe name and nothing on the way is a symlink.

    The target is a plain name in a checked, symlink-free folder under the resolved `root`, and
    is not a symlink itself, so it stays inside `root`. Whether it is a symlink comes from its
    folder's listing; a name not listed exactly as spelled (absent, or a file system that
    ignores case) is asked of the file system itself.
    """
    parts = _safe_parts(relative)
    folder = _checked_folder(root, parts[:-1], folders)
    target = os.path.join(folder.path, parts[-1])
    is_link = folder.links.get(parts[-1])
    if is_link or (is_link is None and os.path.islink(target)):
        raise UnsafePathError(f"{target} is a symlink")
    return target


def _planned(
    out_dir: Path, generated: Generated
) -> tuple[Path, dict[str, str | bytes], list[Path]]:
    """(root, files to write including the manifest, previously generated files to remove).

    The files to write are keyed by plain strings, not `Path`s: thousands of `Path` objects
    (made, hashed, turned back into strings for the system calls) were a fifth of a rebuild.
    """
    root = out_dir.resolve()
    top = str(root)
    folders: dict[tuple[str, ...], _Folder] = {}
    files = {_checked(top, rel, folders): data for rel, data in generated.files.items()}
    names = sorted(str(p) for p in generated.files)
    files[_checked(top, PurePosixPath(MANIFEST_NAME), folders)] = "".join(f"{n}\n" for n in names)
    current = set(names)
    stale: list[Path] = []
    for line in _previous(root):
        if line in current or PurePosixPath(line) in generated.files:
            continue
        try:
            target = Path(_checked(top, PurePosixPath(line), folders))
        except UnsafePathError:
            continue
        if target.is_file():
            stale.append(target)
    return root, files, stale


def _previous(root: Path) -> list[str]:
    """The paths the manifest lists (as written, one a line; blank lines skipped)."""
    manifest = root / MANIFEST_NAME
    if manifest.is_symlink() or not manifest.is_file():
        return []
    lines = manifest.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip()]


def write_generated(out_dir: Path, generated: Generated) -> list[Path]:
    """Write the generation into `out_dir`; returns the files written or removed.

    Raises `UnsafePathError` (before writing anything) if a path would leave `out_dir`.
    """
    root, files, stale = _planned(out_dir, generated)
    changed = sorted(Path(p) for p in write_files(files))
    for target in stale:
        target.unlink()
        _prune(root, target.parent)
    return changed + stale


def stale_generated(out_dir: Path, generated: Generated) -> list[Path]:
    """The files `write_generated` would write or remove (empty: the folder is up to date)."""
    _, files, stale = _planned(out_dir, generated)
    return sorted([Path(p) for p in stale_files(files)] + stale)


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
