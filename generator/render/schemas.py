"""Schema helpers shared by the targets: allOf flattening, `$ref` renaming, validation, samples.

All functions are pure: they return new dicts and never change the spec they are given.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from generator.pointer import escape, unescape
from generator.render.spec import Json, is_openapi_30, lookup, resolve

if TYPE_CHECKING:
    from jsonschema.protocols import Validator

SCHEMA_PREFIX = "#/components/schemas/"
# The parsed form of a pattern (CPython's own parser), to build a string that matches it.
_parser: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")
_MAX_DEPTH = 16  # past it a nested value is given up (None): recursive schemas end there


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


def validator(spec: Mapping[str, Json], schema: Mapping[str, Json]) -> Validator:
    """A validator in the spec's dialect whose `#/components/...` refs resolve inside the spec.

    OpenAPI 3.0 schemas (`nullable`, boolean `exclusiveMinimum`, ...) go to openapi-schema-
    validator's OAS30Validator, later ones to JSON Schema 2020-12. The spec's `components` ride
    along in the root schema (an unknown keyword to JSON Schema), so local refs of an inline
    schema find them.
    """
    root = {**schema, "components": spec.get("components", {})}
    # Imported when first needed: a rebuild that reuses every mock validates nothing.
    if is_openapi_30(spec):
        from openapi_schema_validator import OAS30Validator  # noqa: PLC0415 (0.15 s)

        found: Validator = OAS30Validator(root)
        return found
    from jsonschema import Draft202012Validator  # noqa: PLC0415 (0.08 s)

    return Draft202012Validator(root)


def errors(spec: Mapping[str, Json], schema: Mapping[str, Json], value: Json) -> list[str]:
    """What is wrong with `value`: JSON Schema's findings, then discriminator tags that name
    no variant (JSON Schema ignores `discriminator`; the generated models do not)."""
    found = validator(spec, schema).iter_errors(value)
    listed = sorted(
        f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}" for e in found
    )
    return listed or _tag_errors(spec, schema, value, "")


def tagged(spec: Mapping[str, Json], node: Mapping[str, Json]) -> tuple[str, list[Tagged]] | None:
    """A oneOf/anyOf with a discriminator: its property and (tag, variant) pairs; a variant
    that the mapping does not name is tagged with its schema's name, as OpenAPI says."""
    found = node.get("discriminator")
    variants = node.get("oneOf", node.get("anyOf"))
    if not isinstance(found, Mapping) or not isinstance(variants, list):
        return None
    prop = found.get("propertyName")
    mapping = found.get("mapping")
    pairs: list[Tagged] = []
    if isinstance(mapping, Mapping):
        pairs = [(str(k), _as_ref(v)) for k, v in mapping.items() if isinstance(v, str)]
    named = {ref_name(v) for _, v in pairs}
    for variant in variants:
        name = ref_name(variant) if isinstance(variant, Mapping) else None
        if name is not None and name not in named:
            pairs.append((name, variant))
    return (prop, pairs) if isinstance(prop, str) and pairs else None


Tagged = tuple[str, Json]


def _as_ref(target: str) -> Json:
    return {"$ref": target if target.startswith("#") else SCHEMA_PREFIX + escape(target)}


def _tag_errors(spec: Mapping[str, Json], schema: Json, value: Json, at: str) -> list[str]:
    node = resolve(spec, schema)
    if not isinstance(node, Mapping):
        return []
    node = merge_allof(spec, node)
    found = tagged(spec, node)
    if found is not None and isinstance(value, Mapping):
        prop, pairs = found
        match = [variant for tag, variant in pairs if tag == value.get(prop)]
        if not match:
            tags = ", ".join(repr(tag) for tag, _ in pairs)
            return [f"{at or '(root)'}: {prop} {value.get(prop)!r} is not one of {tags}"]
        return _tag_errors(spec, match[0], value, at)
    out: list[str] = []
    properties = node.get("properties")
    if isinstance(value, Mapping) and isinstance(properties, Mapping):
        for key, sub in properties.items():
            if key in value:
                out += _tag_errors(spec, sub, value[key], f"{at}/{key}")
    if isinstance(value, list) and isinstance(node.get("items"), Mapping):
        for index, item in enumerate(value):
            out += _tag_errors(spec, node["items"], item, f"{at}/{index}")
    return out


def sample(spec: Mapping[str, Json], schema: Json, depth: int = 0) -> Json:
    """A value built from the schema alone: consts, defaults, enums, bounds respected.

    Below depth 3 only required properties are filled and arrays are as short as allowed;
    of `oneOf`/`anyOf` the first variant whose value the composition accepts is taken.
    """
    node = resolve(spec, schema)
    if not isinstance(node, Mapping):
        return None
    node = merge_allof(spec, node)
    given = _given(node)
    if given is not _NOTHING:
        return given
    if depth > _MAX_DEPTH and _nests(node):
        return None
    return _composed_sample(spec, node, depth)


def _composed_sample(spec: Mapping[str, Json], node: Mapping[str, Json], depth: int) -> Json:
    found = tagged(spec, node)
    if found is not None:  # the first tag, with a value of the variant it names
        prop, pairs = found
        value = sample(spec, pairs[0][1], depth + 1)
        return {**value, prop: pairs[0][0]} if isinstance(value, Mapping) else value
    for key in ("oneOf", "anyOf"):
        if isinstance(node.get(key), list) and node[key]:
            return _variant(spec, {key: node[key]}, node[key], depth)
    if isinstance(node.get("allOf"), list) and node["allOf"]:
        return sample(spec, node["allOf"][0], depth + 1)
    return _typed_sample(spec, node, depth)


_NOTHING = object()


def _nests(node: Mapping[str, Json]) -> bool:
    """Whether sampling `node` goes deeper (compositions, objects, arrays)."""
    kind = node.get("type")
    kinds: list[Json] = kind if isinstance(kind, list) else [kind]
    return _has_composition(node) or "properties" in node or "object" in kinds or "array" in kinds


def _given(node: Mapping[str, Json]) -> Json:
    """The value the schema names itself (const, default, example, first enum) if it has the
    schema's type (GitHub documents a string's example as the number 20.04), else _NOTHING."""
    for key in ("const", "default", "example"):
        if key in node and _typed(node, node[key]):
            return node[key]
    for key in ("examples", "enum"):
        if isinstance(node.get(key), list) and node[key] and _typed(node, node[key][0]):
            return node[key][0]
    return _NOTHING


_TYPES: Mapping[str, Callable[[Json], bool]] = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, Mapping),
    "null": lambda v: v is None,
}


def _typed(node: Mapping[str, Json], value: Json) -> bool:
    kind = node.get("type")
    kinds = kind if isinstance(kind, list) else [kind] if isinstance(kind, str) else []
    if value is None and node.get("nullable") is True:
        return True
    return not kinds or any(_TYPES.get(str(k), lambda v: True)(value) for k in kinds)


def _variant(
    spec: Mapping[str, Json], composition: Mapping[str, Json], variants: list[Json], depth: int
) -> Json:
    """The first variant's value that `composition` (a oneOf or anyOf alone) accepts."""
    check = validator(spec, composition)
    first: Json = None
    for index, variant in enumerate(variants):
        value = sample(spec, variant, depth + 1)
        if check.is_valid(value):
            return value
        first = value if index == 0 else first
    return first


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
        count = max(1 if depth < 3 else 0, int(node.get("minItems", 0)))
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
        "decimal": "0",
        "byte": "c3RyaW5n",
        "ipv4": "127.0.0.1",
        "ipv6": "::1",
        "hostname": "example.com",
        "duration": "P1D",
    }
    text = formats.get(str(node.get("format")), "string")
    pattern = node.get("pattern")
    if isinstance(pattern, str) and not _matches(pattern, text):
        text = _from_pattern(pattern) or text
    low, high = int(node.get("minLength", 0)), node.get("maxLength")
    text = text.ljust(low, "x")
    return text[: int(high)] if isinstance(high, int) else text


def _matches(pattern: str, text: str) -> bool:
    try:
        return re.search(pattern, text) is not None
    except re.error:
        return True  # not a Python pattern: nothing to aim for


def _from_pattern(pattern: str) -> str | None:
    """A short string `pattern` matches (literals, classes, groups, repeats), else None."""
    try:
        text = _emit(_parser.parse(pattern))
    except (re.error, RecursionError):
        return None
    return text if text is not None and _matches(pattern, text) else None


def _emit(items: Any) -> str | None:
    out: list[str] = []
    for op, arg in items:
        if op is _c.LITERAL:
            part: str | None = chr(arg)
        elif op in (_c.ANY, _c.NOT_LITERAL):
            part = "a" if arg != ord("a") else "b"
        elif op is _c.IN:
            part = _one_of(arg)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            low, _, sub = arg
            inner = _emit(sub)
            part = None if inner is None else inner * low
        elif op is _c.SUBPATTERN:
            part = _emit(arg[-1])
        elif op is _c.BRANCH:
            part = _emit(arg[1][0])
        else:
            part = "" if op is _c.AT else None
        if part is None:
            return None
        out.append(part)
    return "".join(out)


def _one_of(items: Any) -> str | None:
    """A character of a `[...]` class (a negated class: a letter, checked by the caller)."""
    for op, arg in items:
        if op is _c.NEGATE:
            return "a"
        if op is _c.LITERAL:
            return chr(arg)
        if op is _c.RANGE:
            return chr(arg[0])
        if op is _c.CATEGORY:
            return {_c.CATEGORY_DIGIT: "0", _c.CATEGORY_SPACE: " "}.get(arg, "a")
    return None


def _bound(node: Mapping[str, Json], plain: str, exclusive: str) -> tuple[float | None, bool]:
    """(bound, is exclusive): 3.1 numbers in `exclusive*`, 3.0 booleans beside `plain`."""
    value, flag = node.get(plain), node.get(exclusive)
    if isinstance(flag, bool):
        return (value, flag) if _numeric(value) else (None, False)
    if _numeric(flag):
        return flag, True
    return (value, False) if _numeric(value) else (None, False)


def _numeric(value: Json) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _number(node: Mapping[str, Json], *, integer: bool) -> int | float:
    value: float = 0
    low, low_open = _bound(node, "minimum", "exclusiveMinimum")
    high, high_open = _bound(node, "maximum", "exclusiveMaximum")
    if low is not None:
        value = max(value, low + 1 if low_open else low)
    if high is not None:
        value = min(value, high - 1 if high_open else high)
    step = node.get("multipleOf")
    if isinstance(step, int | float) and step > 0:
        value = (value // step) * step
    return int(value) if integer or float(value).is_integer() else value


def component(spec: Mapping[str, Json], name: str) -> Json:
    return lookup(spec, SCHEMA_PREFIX + escape(name))
