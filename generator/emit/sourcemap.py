"""Pull the private SRC markers out of a drafted spec into a map: JSON pointer -> spans."""

from __future__ import annotations

from typing import Any

from generator.diagnostics import Span
from generator.emit.schemas import SRC

SourceMap = dict[str, tuple[Span, ...]]


def escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def pointer(*tokens: str | int) -> str:
    return "".join("/" + escape(str(t)) for t in tokens)


def extract(node: Any, at: str = "") -> tuple[Any, SourceMap]:
    """A copy of `node` without SRC keys, and where each marked node came from."""
    found: SourceMap = {}
    clean = _extract(node, at, found)
    return clean, found


def _extract(node: Any, at: str, found: SourceMap) -> Any:
    if isinstance(node, dict):
        spans = node.get(SRC)
        if spans:
            found[at or "/"] = tuple(sorted(set(spans)))
        return {
            k: _extract(v, f"{at}/{escape(str(k))}", found) for k, v in node.items() if k != SRC
        }
    if isinstance(node, list):
        return [_extract(v, f"{at}/{i}", found) for i, v in enumerate(node)]
    return node
