"""Identical object schemas become one named component referenced from every place.

Objects are compared by structure (property names, types, formats, required, nesting), not by
wording: the copy with the richest descriptions becomes the component. Groups are lifted
innermost first, so an outer object that repeats is compared after its inner objects are refs,
and each name is voted on by every place the object appears (see `naming`).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from generator.emit.naming import (
    field_noun,
    noun_phrase,
    pascal,
    singular,
    unique,
    vote,
    words,
)
from generator.emit.schemas import RAW, SRC, Schema, strip_private

_WORDING = frozenset(
    {
        "description",
        "enum",
        "x-enum-descriptions",
        "default",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "maxLength",
        "maxItems",
        "examples",
        "title",
        SRC,
        RAW,
    }
)


@dataclass(frozen=True, slots=True)
class Site:
    """One place an object schema appears, with what naming needs to know about it."""

    schema: Schema
    role: str  # "body" (request root), "response" (response root) or "field"
    field: str
    array_item: bool
    summary: str
    method: str
    in_response: bool


def roots_of(spec: dict[str, Any]) -> Iterator[Site]:
    """Every root schema in paths and components."""
    for item in spec.get("paths", {}).values():
        for method, op in item.items():
            summary = op.get("summary", "")
            for media in op.get("requestBody", {}).get("content", {}).values():
                yield Site(media["schema"], "body", "", False, summary, method, False)
            for response in op.get("responses", {}).values():
                for media in response.get("content", {}).values():
                    yield Site(media["schema"], "response", "", False, summary, method, True)
    for name, schema in spec.get("components", {}).get("schemas", {}).items():
        yield Site(schema, "component", "", False, name, "", False)


def sites(spec: dict[str, Any]) -> list[Site]:
    out: list[Site] = []
    for root in roots_of(spec):
        _walk(root.schema, root, out, top=True)
    return out


def _walk(schema: Schema, site: Site, out: list[Site], top: bool) -> None:
    is_site = "properties" in schema or (top and site.role == "response" and "allOf" in schema)
    if is_site and not (top and site.role == "component"):
        out.append(site)
    children = [(n, p, False) for n, p in schema.get("properties", {}).items()]
    children += [
        (n, p, False) for m in schema.get("allOf", []) for n, p in m.get("properties", {}).items()
    ]
    if isinstance(schema.get("items"), dict):
        children.append((site.field, schema["items"], True))
    for name, child, item in children:
        _walk(
            child,
            replace(site, schema=child, role="field", field=name, array_item=item),
            out,
            top=False,
        )


def structure(node: Any) -> Any:
    """What two schemas must share to be one: wording and integer widths do not count."""
    if isinstance(node, dict):
        integer = node.get("type") == "integer"
        return {
            k: structure(v)
            for k, v in node.items()
            if k not in _WORDING and not (integer and k == "format")
        }
    if isinstance(node, list):
        return [structure(v) for v in node]
    return node


def share_schemas(spec: dict[str, Any]) -> None:
    schemas = spec.setdefault("components", {}).setdefault("schemas", {})
    while True:
        groups: dict[str, list[Site]] = {}
        for site in sites(spec):
            key = json.dumps(structure(site.schema), sort_keys=True)
            groups.setdefault(key, []).append(site)
        repeated = [(len(k), k) for k, g in groups.items() if len(g) > 1]
        if not repeated:
            break
        _, key = min(repeated)
        _lift(groups[key], schemas)


def _lift(group: list[Site], schemas: dict[str, Any]) -> None:
    choices = _names(group)
    name = next((n for n in choices if n not in schemas), unique(choices[0], set(schemas)))
    richest = max(group, key=lambda s: len(json.dumps(strip_private(s.schema))))
    component = copy.deepcopy(richest.schema)
    for site in group:
        _widen(component, site.schema)
    component.pop("description", None)
    component[SRC] = tuple(span for s in group for span in s.schema.get(SRC, ()))
    schemas[name] = component
    for site in group:
        description = site.schema.get("description")
        sources = site.schema.get(SRC, ())
        site.schema.clear()
        site.schema["$ref"] = f"#/components/schemas/{name}"
        if description:
            site.schema["description"] = description
        site.schema[SRC] = sources


def _widen(target: Any, other: Any) -> None:
    """Where any copy says int64, the component says int64 (the merge policy's wider width)."""
    if not isinstance(target, dict) or not isinstance(other, dict):
        return
    if target.get("type") == "integer" and other.get("format") == "int64":
        target["format"] = "int64"
    for key, value in target.items():
        if isinstance(value, dict):
            _widen(value, other.get(key))
        elif isinstance(value, list) and isinstance(other.get(key), list):
            for mine, theirs in zip(value, other[key], strict=False):
                _widen(mine, theirs)


def _names(group: list[Site]) -> list[str]:
    """Name choices, best first: the vote, then a less-stripped phrase of the first site."""
    if all(s.role == "body" for s in group):
        return [pascal(words(group[0].summary)) + "Request"]
    if all(s.role == "response" for s in group):
        return [_response_name(group[0])]
    first = group[0]
    voted = vote(c for s in group for c in _candidates(s))
    strong = {c for s in group for c, weight in _candidates(s) if weight >= 3}
    suffix = "Result" if voted not in strong and all(_is_result(s) for s in group) else ""
    fuller = noun_phrase(first.summary, keep_filler=True)
    return [n + suffix for n in (voted, fuller) if n] or ["Object"]


def _is_result(site: Site) -> bool:
    """A payload returned by an operation that changes something reads as its result."""
    return site.in_response and site.method != "get"


def _candidates(site: Site) -> Iterator[tuple[str, int]]:
    description = site.schema.get("description", "")
    yield noun_phrase(description), 4
    yield field_noun(site.field, site.array_item), 3
    noun = noun_phrase(site.summary)
    if site.array_item:
        parts = words(noun)
        noun = pascal([*parts[:-1], singular(parts[-1])]) if parts else ""
    yield noun, 2 if site.method == "get" else 1


def _response_name(site: Site) -> str:
    data = next(
        (
            m["properties"].get("data")
            for m in site.schema.get("allOf", [])
            if "data" in m.get("properties", {})
        ),
        None,
    )
    base = _payload_name(data) if isinstance(data, dict) else ""
    return (base or noun_phrase(site.summary) or "Operation") + "Response"


def _payload_name(data: Schema) -> str:
    if "$ref" in data:
        return str(data["$ref"]).rsplit("/", 1)[-1]
    if data.get("type") == "array":
        inner = _payload_name(data.get("items", {}))
        return inner + "List" if inner else ""
    kind = data.get("type")
    return str(kind).capitalize() if isinstance(kind, str) and kind != "object" else ""
