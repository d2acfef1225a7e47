"""Schema helpers shared by the targets: allOf flattening, `$ref` renaming, validation, samples.

All functions are pure: they return new dicts and never change the spec they are given.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from jsonschema import Draft202012Validator

from generator.pointer import escape, unescape
from generator.render.spec import Json, lookup, resolve

SCHEMA_PREFIX = "#/components/schemas/"
_MAX_DEPTH = 6


def is_object(schema: Mapping[str, Json]) -> bool:
    return schema.get("type") == "object" or (
        "properties" in schema and "type" not in schema and not _has_composition(schema)
    )


def _has_composition(schema: Mapping[str, Json]) -> bool:
    return any(key in schema for key in ("allOf", "oneOf", "anyOf"))


def merge_allof(spec: Mapping[str, Json], schema: Mapping[str, Json]) -> Mapping[str, Json]:
    """`allOf` of objects -> one object schema (later members win a property); else unchanged."""
    members = schema.get("allOf")
    if not isinstance(members, list):
        return schema
    parts = [merge_allof(spec, resolve(spec, m)) for m in members if isinstance(m, Mapping)]
    if not parts or not all(is_object(p) for p in parts):
        return schema
    properties: dict[str, Json] = {}
    required: list[str] = []
    for part in parts:
        properties.update(part.get("properties") or {})
        required += [r for r in part.get("required") or [] if r not in required]
    merged: dict[str, Json] = {k: v for k, v in schema.items() if k != "allOf"}
    merged["type"] = "object"
    merged["properties"] = {**properties, **(merged.get("properties") or {})}
    if required:
        merged["required"] = required
    return merged


def transform(schema: Json, visit: Callable[[Mapping[str, Json]], Mapping[str, Json]]) -> Json:
    """Apply `visit` to every schema object, bottom-up, through all JSON containers."""
    if isinstance(schema, list):
        return [transform(item, visit) for item in schema]
    if not isinstance(schema, Mapping):
        return schema
    rebuilt = {key: transform(value, visit) for key, value in schema.items()}
    return visit(rebuilt)


def rename_refs(schema: Json, renames: Mapping[str, str]) -> Json:
    """Point `#/components/schemas/<old>` refs (and discriminator mappings) at the new names."""

    def renamed(ref: Json) -> Json:
        if isinstance(ref, str) and ref.startswith(SCHEMA_PREFIX):
            old = unescape(ref[len(SCHEMA_PREFIX) :])
            return SCHEMA_PREFIX + renames[old] if old in renames else ref
        return renames.get(ref, ref) if isinstance(ref, str) else ref  # a bare schema name

    def visit(node: Mapping[str, Json]) -> Mapping[str, Json]:
        if isinstance(node.get("$ref"), str):
            node = {**node, "$ref": renamed(node["$ref"])}
        found = node.get("discriminator")
        if isinstance(found, Mapping) and isinstance(found.get("mapping"), Mapping):
            mapping = {key: renamed(value) for key, value in found["mapping"].items()}
            node = {**node, "discriminator": {**found, "mapping": mapping}}
        return node

    return transform(schema, visit)


def ref_name(schema: Mapping[str, Json]) -> str | None:
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith(SCHEMA_PREFIX):
        return unescape(ref[len(SCHEMA_PREFIX) :])
    return None


def validator(spec: Mapping[str, Json], schema: Mapping[str, Json]) -> Draft202012Validator:
    """A JSON Schema 2020-12 validator whose `#/components/...` refs resolve inside the spec.

    The spec's `components` ride along in the root schema (an unknown keyword to JSON Schema),
    so local refs of an inline schema find them.
    """
    return Draft202012Validator({**schema, "components": spec.get("components", {})})


def errors(spec: Mapping[str, Json], schema: Mapping[str, Json], value: Json) -> list[str]:
    found = validator(spec, schema).iter_errors(value)
    return sorted(f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}" for e in found)


def sample(spec: Mapping[str, Json], schema: Json, depth: int = 0) -> Json:
    """A value built from the schema alone: consts, defaults, enums, bounds respected."""
    node = resolve(spec, schema)
    if not isinstance(node, Mapping) or depth > _MAX_DEPTH:
        return None
    node = merge_allof(spec, node)
    for key in ("const", "default", "example"):
        if key in node:
            return node[key]
    if isinstance(node.get("examples"), list) and node["examples"]:
        return node["examples"][0]
    if isinstance(node.get("enum"), list) and node["enum"]:
        return node["enum"][0]
    for key in ("oneOf", "anyOf", "allOf"):
        if isinstance(node.get(key), list) and node[key]:
            return sample(spec, node[key][0], depth + 1)
    return _typed_sample(spec, node, depth)


def _typed_sample(spec: Mapping[str, Json], node: Mapping[str, Json], depth: int) -> Json:
    kind = node.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "null")
    if kind == "object" or (kind is None and "properties" in node):
        required = set(node.get("required") or [])
        return {
            str(name): sample(spec, prop, depth + 1)
            for name, prop in (node.get("properties") or {}).items()
            if depth < 3 or name in required
        }
    if kind == "array":
        count = max(1, int(node.get("minItems", 1)))
        count = min(count, int(node.get("maxItems", count)))
        return [sample(spec, node.get("items", {}), depth + 1) for _ in range(count)]
    samplers: dict[str, Callable[[Mapping[str, Json]], Json]] = {
        "string": _string,
        "integer": lambda n: _number(n, integer=True),
        "number": lambda n: _number(n, integer=False),
        "boolean": lambda n: True,
    }
    return samplers[kind](node) if isinstance(kind, str) and kind in samplers else None


def _string(node: Mapping[str, Json]) -> str:
    formats = {
        "date-time": "2024-01-01T00:00:00Z",
        "date": "2024-01-01",
        "time": "00:00:00Z",
        "email": "user@example.com",
        "uri": "https://example.com/",
        "uuid": "00000000-0000-4000-8000-000000000000",
    }
    text = formats.get(str(node.get("format")), "string")
    low, high = int(node.get("minLength", 0)), node.get("maxLength")
    text = text.ljust(low, "x")
    return text[: int(high)] if isinstance(high, int) else text


def _number(node: Mapping[str, Json], *, integer: bool) -> int | float:
    value: float = 0
    if isinstance(node.get("minimum"), int | float):
        value = max(value, node["minimum"])
    if isinstance(node.get("exclusiveMinimum"), int | float):
        value = max(value, node["exclusiveMinimum"] + 1)
    if isinstance(node.get("maximum"), int | float):
        value = min(value, node["maximum"])
    if isinstance(node.get("exclusiveMaximum"), int | float):
        value = min(value, node["exclusiveMaximum"] - 1)
    step = node.get("multipleOf")
    if isinstance(step, int | float) and step > 0:
        value = (value // step) * step
    return int(value) if integer or float(value).is_integer() else value


def component(spec: Mapping[str, Json], name: str) -> Json:
    return lookup(spec, SCHEMA_PREFIX + escape(name))
