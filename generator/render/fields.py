"""Schemas as field tables: one row per property, nested properties one level deeper.

A row carries the name, a type label (`integer (int64)`, `array of AvatarResult`), whether it
is required, the description, the enum values with their meanings (`x-enum-descriptions`) and
the constraints in words. Variants of `oneOf`/`anyOf` become rows of their own.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

from generator.render.schemas import merge_allof, ref_name
from generator.render.spec import Json, Parameter, resolve

_MAX_DEPTH = 8
_MAX_NAMED = 2  # named schemas expanded inside one another, at most
_CONSTRAINT_WORDS = (
    ("default", "default {}"),
    ("minimum", "≥ {}"),
    ("exclusiveMinimum", "> {}"),
    ("maximum", "≤ {}"),
    ("exclusiveMaximum", "< {}"),
    ("minLength", "at least {} characters"),
    ("maxLength", "at most {} characters"),
    ("minItems", "at least {} items"),
    ("maxItems", "at most {} items"),
    ("pattern", "matches {}"),
)


@dataclass(frozen=True, slots=True)
class FieldRow:
    depth: int
    name: str
    type: str
    required: bool
    description: str
    enum: tuple[tuple[str, str], ...]  # (value as JSON, meaning)
    constraints: tuple[str, ...]
    location: str = ""  # for parameters: path, query, header, cookie


def _kind(schema: Mapping[str, Json]) -> str:
    kind = schema.get("type")
    if isinstance(kind, list):
        return " or ".join(str(k) for k in kind)
    return str(kind) if kind else ""


def type_label(spec: Mapping[str, Json], schema: Json) -> str:
    if not isinstance(schema, Mapping):
        return "any"
    name = ref_name(schema)
    node = merge_allof(spec, resolve(spec, schema))
    for key, word in (("oneOf", "one of"), ("anyOf", "any of")):
        if isinstance(node.get(key), list):
            return f"{name} ({word})" if name else word
    kind = _kind(node) or ("object" if "properties" in node else "any")
    if kind == "array":
        label = f"array of {type_label(spec, node.get('items', {}))}"
    elif isinstance(node.get("format"), str):
        label = f"{kind} ({node['format']})"
    else:
        label = kind
    return f"{name} ({label})" if name else label


def _enum(node: Mapping[str, Json]) -> tuple[tuple[str, str], ...]:
    values = node.get("enum")
    if not isinstance(values, list):
        return ()
    meanings = node.get("x-enum-descriptions")
    meanings = meanings if isinstance(meanings, list) else []
    return tuple(
        (json.dumps(v, ensure_ascii=False), str(meanings[i]) if i < len(meanings) else "")
        for i, v in enumerate(values)
    )


def _constraints(node: Mapping[str, Json]) -> tuple[str, ...]:
    return tuple(
        words.format(json.dumps(node[key], ensure_ascii=False))
        for key, words in _CONSTRAINT_WORDS
        if key in node
    )


def _row(spec: Mapping[str, Json], name: str, schema: Json, required: bool, depth: int) -> FieldRow:
    node = merge_allof(spec, resolve(spec, schema)) if isinstance(schema, Mapping) else {}
    outer = schema if isinstance(schema, Mapping) else {}
    description = str(outer.get("description") or node.get("description") or "")
    return FieldRow(
        depth,
        name,
        type_label(spec, schema),
        required,
        description,
        _enum(node),
        _constraints(node),
    )


def field_rows(spec: Mapping[str, Json], schema: Json) -> tuple[FieldRow, ...]:
    """The rows under `schema` (its properties, items' properties, variants), depth first.

    A named schema (`$ref`) is expanded once per table, where it first appears, and only
    `_MAX_NAMED` named schemas deep; anywhere else its row (whose type names it) stands alone.
    Big, densely linked specs would otherwise repeat their whole schema graph in every table.
    """
    return tuple(_rows(spec, schema, _Walk(set()), 0, frozenset()))


@dataclass(frozen=True, slots=True)
class _Walk:
    expanded: set[str]  # named schemas already expanded in this table


def _rows(
    spec: Mapping[str, Json], schema: Json, walk: _Walk, depth: int, named: frozenset[str]
) -> list[FieldRow]:
    if not isinstance(schema, Mapping) or depth > _MAX_DEPTH:
        return []
    name = ref_name(schema)
    if name is not None:
        if name in walk.expanded or len(named) >= _MAX_NAMED:
            return []
        walk.expanded.add(name)
        named = named | {name}
    node = merge_allof(spec, resolve(spec, schema))
    rows: list[FieldRow] = []
    for key in ("oneOf", "anyOf"):
        for i, variant in enumerate(node.get(key) or [], start=1):
            rows.append(_row(spec, f"(option {i})", variant, False, depth))
            rows += _rows(spec, variant, walk, depth + 1, named)
    if _kind(node) == "array":
        return rows + _rows(spec, node.get("items", {}), walk, depth, named)
    required = set(node.get("required") or [])
    for prop, sub in (node.get("properties") or {}).items():
        rows.append(_row(spec, str(prop), sub, prop in required, depth))
        rows += _rows(spec, sub, walk, depth + 1, named)
    return rows


def parameter_row(spec: Mapping[str, Json], param: Parameter) -> FieldRow:
    row = _row(spec, param.name, param.schema, param.required, 0)
    description = param.description or row.description
    return FieldRow(
        0,
        param.name,
        row.type,
        param.required,
        description,
        row.enum,
        row.constraints,
        param.location,
    )
