"""Pull the private markers out of a drafted spec: JSON pointer -> source spans, and
JSON pointer -> the type as the source document wrote it."""

from __future__ import annotations

from typing import Any

from generator.diagnostics import Span
from generator.emit.schemas import RAW, SRC
from generator.pointer import escape

SourceMap = dict[str, tuple[Span, ...]]
RawTypes = dict[str, str]


def extract(node: Any, at: str = "") -> tuple[Any, SourceMap, RawTypes]:
    """A copy of `node` without private keys, where each marked node came from, and the
    types the documents wrote."""
    found: SourceMap = {}
    raw: RawTypes = {}
    clean = _extract(node, at, found, raw)
    return clean, found, raw


def _extract(node: Any, at: str, found: SourceMap, raw: RawTypes) -> Any:
    if isinstance(node, dict):
        spans = node.get(SRC)
        if spans:
            found[at or "/"] = tuple(sorted(set(spans)))
        if node.get(RAW):
            raw[at or "/"] = str(node[RAW])
        return {
            k: _extract(v, f"{at}/{escape(str(k))}", found, raw)
            for k, v in node.items()
            if not str(k).startswith("\x00")
        }
    if isinstance(node, list):
        return [_extract(v, f"{at}/{i}", found, raw) for i, v in enumerate(node)]
    return node
