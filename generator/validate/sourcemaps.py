"""Reading `<stem>.sourcemap.json`: pointer -> source document lines, pointer -> raw type.

The file's places (`sources/<doc>:<line>`) are relative to the spec's folder; they are read as
spans relative to where the command runs, so that they can be opened from there.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.diagnostics import Span
from generator.emit.sourcemap import RawTypes, SourceMap

SUFFIX = ".sourcemap.json"


@dataclass(frozen=True, slots=True)
class Provenance:
    sources: SourceMap = field(default_factory=dict)
    types: RawTypes = field(default_factory=dict)


def beside(spec: Path) -> Path:
    return spec.with_name(spec.stem + SUFFIX)


def read_sourcemap(path: Path) -> Provenance:
    """The source map at `path`; OSError or ValueError when it cannot be read."""
    document = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(document, dict) or not isinstance(document.get("sources", {}), dict):
        raise ValueError("not a source map: expected {'version': 1, 'sources': {...}}")
    folder = path.parent
    sources = {
        str(ptr): tuple(_span(folder, str(place)) for place in _list(places))
        for ptr, places in document.get("sources", {}).items()
    }
    types = document.get("types", {})
    raw = {str(k): str(v) for k, v in types.items()} if isinstance(types, dict) else {}
    return Provenance(sources, raw)


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _span(folder: Path, place: str) -> Span:
    file, _, line = place.rpartition(":")
    if not file or not line.isdigit():
        file, line = place, "0"
    return Span(_display(folder / file), int(line))


def _display(path: Path) -> str:
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:
        return path.as_posix()


def origin(sources: Mapping[str, tuple[Span, ...]], pointer: str) -> Span | None:
    """The first source span of the node at `pointer` or of its nearest mapped ancestor."""
    at = pointer
    while True:
        spans = sources.get(at or "/")
        if spans:
            return spans[0]
        if not at or at == "/":
            return None
        at = at.rsplit("/", 1)[0]
