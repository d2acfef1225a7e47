"""Fields and parameters to JSON Schema (OpenAPI 3.1 dialect), constraints read from prose.

Every schema node carries its source spans under the private key SRC until the source map is
extracted (`sourcemap.extract`); nothing under SRC is ever written into the spec.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from generator.diagnostics import Diagnostic, Span, warning
from generator.model import AnyType, ArrayOf, Field, ObjectType, Ref, Scalar, TypeExpr
from generator.normalize.prose import ProseFacts, read_prose

Schema = dict[str, Any]
SRC = "\x00src"
COMPONENT_PREFIX = "#/components/schemas/"
_NOT_IN_NAMES = re.compile(r"[^A-Za-z0-9._-]+")
RAW = "\x00raw"  # the type as the document wrote it (`int64`, `array[object]`)

SCHEMA_KEYS: tuple[str, ...] = (
    "$ref",
    "type",
    "format",
    "title",
    "description",
    "enum",
    "x-enum-descriptions",
    "const",
    "default",
    "minimum",
    "exclusiveMinimum",
    "maximum",
    "exclusiveMaximum",
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
    "items",
    "required",
    "properties",
    "additionalProperties",
    "readOnly",
    "writeOnly",
    "allOf",
    "oneOf",
    "anyOf",
    "examples",
)
_RANK = {key: i for i, key in enumerate(SCHEMA_KEYS)}


def ordered(schema: Schema) -> Schema:
    """Keys in canonical order: known keys first, in SCHEMA_KEYS order, then the rest sorted."""
    return dict(sorted(schema.items(), key=lambda kv: (_RANK.get(kv[0], len(_RANK)), kv[0])))


def type_schema(t: TypeExpr | None) -> Schema:
    if isinstance(t, Scalar):
        return {"type": t.kind, "format": t.format} if t.format else {"type": t.kind}
    if isinstance(t, ArrayOf):
        return {"type": "array", "items": type_schema(t.items)}
    if isinstance(t, ObjectType):
        return {"type": "object"}
    if isinstance(t, Ref):
        return {"$ref": COMPONENT_PREFIX + component_name(t.name)}
    return {}


def component_name(name: str) -> str:
    """A schema's name as a component key (`Order Item` -> `Order_Item`): OpenAPI allows
    letters, digits, `.`, `-` and `_` only."""
    return _NOT_IN_NAMES.sub("_", name.strip()).strip("_") or "Schema"


def kind_of(t: TypeExpr | None) -> str:
    if isinstance(t, Scalar):
        return t.kind
    if isinstance(t, ArrayOf):
        return "array"
    return "object" if isinstance(t, ObjectType | AnyType) else ""


def field_schema(f: Field, diagnostics: list[Diagnostic]) -> Schema:
    schema = type_schema(f.type)
    if f.nullable and isinstance(schema.get("type"), str):
        schema["type"] = [schema["type"], "null"]
    for key, parts in (("oneOf", f.one_of), ("allOf", f.all_of)):
        if parts:  # of the items, for an array of them
            _innermost(schema)[key] = [field_schema(b, diagnostics) for b in parts]
    if f.children:
        target = _innermost(schema)
        target["type"] = "object"
        target["properties"] = {c.name: field_schema(c, diagnostics) for c in f.children}
        required = [c.name for c in f.children if c.required]
        if required:
            target["required"] = required
    describe(
        schema,
        f.description,
        default=f.default,
        t=f.type,
        sources=f.sources,
        diagnostics=diagnostics,
    )
    _listed_and_flags(schema, f)
    schema[SRC] = f.sources
    if f.raw_type:
        schema[RAW] = f.raw_type
    return schema


def _listed_and_flags(schema: Schema, f: Field) -> None:
    """The values a table lists (null too, for a nullable field), read-only, write-only."""
    if f.enum:
        put_enum(schema, f.enum, f.type)
    if f.nullable and isinstance(schema.get("enum"), list) and None not in schema["enum"]:
        schema["enum"].append(None)
    if f.read_only:
        schema["readOnly"] = True
    if f.write_only:
        schema["writeOnly"] = True


def describe(
    schema: Schema,
    description: str,
    *,
    default: str | None,
    t: TypeExpr | None,
    sources: tuple[Span, ...],
    diagnostics: list[Diagnostic],
) -> None:
    """Description plus what the prose and the Default column state, coerced to the type."""
    if description:
        schema["description"] = description
    kind = kind_of(t)
    facts = read_prose(description, kind) if description and kind else ProseFacts()
    schema.update(_constraints(facts))
    if default is not None:
        value = coerce(default, kind)
        if value is None:
            diagnostics.append(
                warning(
                    "default-invalid",
                    f"default {default!r} is not a {kind}",
                    sources[0] if sources else None,
                )
            )
        else:
            schema["default"] = value
    canonical = ordered(schema)
    schema.clear()
    schema.update(canonical)


def _constraints(facts: ProseFacts) -> Iterator[tuple[str, Any]]:
    if facts.enum:
        yield "enum", [e.value for e in facts.enum]
        if any(e.meaning for e in facts.enum):
            yield "x-enum-descriptions", [e.meaning for e in facts.enum]
    if facts.has_default:
        yield "default", facts.default
    for key, value in (
        ("minimum", facts.minimum),
        ("exclusiveMinimum", facts.exclusive_minimum),
        ("maximum", facts.maximum),
        ("exclusiveMaximum", facts.exclusive_maximum),
        ("maxLength", facts.max_length),
        ("maxItems", facts.max_items),
    ):
        if value is not None:
            yield key, value


def put_enum(schema: Schema, values: tuple[str, ...], t: TypeExpr | None) -> None:
    """Listed values on a schema, or on its items when it is an array (a multi-valued
    parameter lists the values of one item)."""
    target = _innermost(schema)
    while isinstance(t, ArrayOf):
        t = t.items
    target["enum"] = listed_values(values, kind_of(t))


def listed_values(values: tuple[str, ...], kind: str) -> list[Any]:
    """Values a table lists, as values of the field's kind where they are (else as text)."""
    out = []
    for text in values:
        value = coerce(text, kind)
        out.append(value if value is not None else text)
    return out


def coerce(text: str, kind: str) -> Any:
    """A Default cell's text as a value of the field's kind, or None if it is not one."""
    text = text.strip().strip("\"'`")
    try:
        if kind == "integer":
            return int(text)
        if kind == "number":
            return float(text)
    except ValueError:
        return None
    if kind == "boolean":
        return {"true": True, "false": False}.get(text.lower())
    return text if kind in ("string", "") else None


def _innermost(schema: Schema) -> Schema:
    while schema.get("type") == "array":
        schema = schema["items"]
    return schema


def strip_private(node: Any) -> Any:
    """A copy without private keys (SRC, RAW), for comparing schemas by content."""
    if isinstance(node, dict):
        return {k: strip_private(v) for k, v in node.items() if not k.startswith("\x00")}
    if isinstance(node, list):
        return [strip_private(v) for v in node]
    return node
