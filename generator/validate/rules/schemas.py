"""Schema objects: required names, enum values, integer formats the source stated."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from generator.validate.rules.base import Problem, Spec
from generator.validate.walk import child

_COMPOSED = ("allOf", "anyOf", "oneOf")
_MEMBER = re.compile(r"^(.*)/(?:allOf|anyOf|oneOf)/\d+$")
_SIZED = re.compile(r"^((?:array\[)*)(int32|int64)\]*$", re.IGNORECASE)


def required_not_property(spec: Spec) -> Iterator[Problem]:
    nodes: dict[str, Any] | None = None
    for at, schema in spec.schemas():
        required = schema.get("required")
        if not isinstance(required, list) or not required:
            continue
        known = _properties(spec, schema, set())
        parent = _MEMBER.match(at)
        if parent:
            nodes = dict(spec.schemas()) if nodes is None else nodes
            known |= _properties(spec, nodes.get(parent.group(1)), set())
        if None in known:
            continue
        for i, name in enumerate(required):
            if name not in known:
                yield Problem(child(at, "required", i), f"required '{name}' is not a property")


def enum_type_mismatch(spec: Spec) -> Iterator[Problem]:
    for at, schema in spec.schemas():
        enum, types = schema.get("enum"), _types(spec, schema)
        if not isinstance(enum, list) or not types:
            continue
        for i, value in enumerate(enum):
            if not any(_is(value, t) for t in types):
                wanted = " or ".join(sorted(types))
                yield Problem(child(at, "enum", i), f"enum value {value!r} is not of type {wanted}")


def integer_format_missing(spec: Spec) -> Iterator[Problem]:
    for typed_at, raw in sorted(spec.raw_types.items()):
        sized = _SIZED.match(raw.strip())
        if not sized:
            continue
        at = typed_at + "/items" * sized.group(1).lower().count("array[")
        schema = spec.node(at)
        if (
            isinstance(schema, dict)
            and "format" not in schema
            and "integer" in _types(spec, schema)
        ):
            fmt = sized.group(2).lower()
            yield Problem(at, f"integer without format: the source document says {raw} ({fmt})")


def _properties(spec: Spec, schema: Any, seen: set[int]) -> set[str | None]:
    """Property names a schema defines, through allOf/anyOf/oneOf; None stands for "any
    name" (patternProperties)."""
    schema = spec.resolve(schema)
    if not isinstance(schema, dict) or id(schema) in seen:
        return set()
    seen.add(id(schema))
    names: set[str | None] = set()
    if isinstance(schema.get("properties"), dict):
        names.update(str(k) for k in schema["properties"])
    if schema.get("patternProperties"):
        names.add(None)
    for key in _COMPOSED:
        members = schema.get(key)
        for member in members if isinstance(members, list) else ():
            names |= _properties(spec, member, seen)
    return names


def _types(spec: Spec, schema: dict[str, Any]) -> set[str]:
    declared = schema.get("type")
    listed = [declared] if isinstance(declared, str) else declared
    types = {t for t in listed if isinstance(t, str)} if isinstance(listed, list) else set()
    if types and schema.get("nullable") is True and spec.version == "3.0":
        types.add("null")
    return types


def _is(value: Any, kind: str) -> bool:
    checks: dict[str, bool] = {
        "string": isinstance(value, str),
        "integer": (isinstance(value, int) and not isinstance(value, bool))
        or (isinstance(value, float) and value.is_integer()),
        "number": isinstance(value, int | float) and not isinstance(value, bool),
        "boolean": isinstance(value, bool),
        "array": isinstance(value, list),
        "object": isinstance(value, dict),
        "null": value is None,
    }
    return checks.get(kind, True)
