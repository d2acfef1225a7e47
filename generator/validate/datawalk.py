"""A generic pass over a spec's data, blind to OpenAPI object kinds but for a few names:
every `$ref` and every summary or description outside example data and `x-` extensions, each
with its JSON pointer. It visits every node (a few hundred thousand in a large spec), so it
runs only when a rule asks (`Spec.refs`, `Spec.texts`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.validate.walk import child

_DATA_KEYS = frozenset({"example", "default", "enum", "const"})
# What a dict is: an OpenAPI object, a map from names to objects, a map from names to
# Example objects, an Example object.
_OBJECT, _NAMES, _EXAMPLE_MAP, _EXAMPLE = "object", "names", "example-map", "example"
_NAME_MAPS = frozenset(
    {
        "properties",
        "patternProperties",
        "$defs",
        "definitions",
        "dependentSchemas",
        "paths",
        "webhooks",
        "callbacks",
        "responses",
        "schemas",
        "parameters",
        "requestBodies",
        "headers",
        "securitySchemes",
        "links",
        "pathItems",
        "content",
        "encoding",
        "variables",
        "mapping",
        "scopes",
    }
)


@dataclass(frozen=True, slots=True)
class Text:
    at: str  # pointer of the text itself (`.../description`)
    value: str


@dataclass(slots=True)
class DataFound:
    refs: list[tuple[str, str]] = field(default_factory=list)  # (pointer of `$ref`, target)
    texts: list[Text] = field(default_factory=list)


def data_walk(spec: Any) -> DataFound:
    """Every `$ref` and every summary/description, outside example data and extensions."""
    out = DataFound()
    stack: list[tuple[str, Any, str]] = [("", spec, _OBJECT)] if _container(spec) else []
    while stack:
        at, node, context = stack.pop()
        if isinstance(node, list):
            stack.extend(
                (child(at, i), v, _OBJECT) for i, v in enumerate(node) if isinstance(v, dict | list)
            )
            continue
        for name, value in node.items():
            key = str(name)
            inner = _inner(context, key, value)
            if inner is None:
                continue
            if context != _NAMES:
                _collect(out, at, key, value)
            if isinstance(value, dict | list):
                stack.append((child(at, key), value, inner))
    out.refs.sort()
    return out


def _container(node: Any) -> bool:
    return isinstance(node, dict | list)


def _inner(context: str, key: str, value: Any) -> str | None:
    """The context of `value` under `key`, or None when it is data (not walked)."""
    if context == _NAMES:
        return _OBJECT
    if context == _EXAMPLE_MAP:
        return _EXAMPLE
    if key.startswith("x-") or key in _DATA_KEYS or (context == _EXAMPLE and key == "value"):
        return None
    if key == "examples":
        return _EXAMPLE_MAP if isinstance(value, dict) else None
    return _NAMES if key in _NAME_MAPS and isinstance(value, dict) else _OBJECT


def _collect(out: DataFound, at: str, key: str, value: Any) -> None:
    if key == "$ref" and isinstance(value, str):
        out.refs.append((child(at, key), value))
    elif key in ("summary", "description") and isinstance(value, str):
        out.texts.append(Text(child(at, key), value))
