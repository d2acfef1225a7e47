"""Python type annotations for parameters and scalar bodies, as code text.

Two renderings of one schema: `plain` for signatures people read (handler protocol, client
methods, bodies) and `from_text` for path/query/header/cookie values, which arrive as text and
are parsed by the generated server's own JSON-like rules (`true`/`false` only, integers without
a fraction) into strict types.
Enum values become `Literal[...]` through `pyrepr`; nothing else of the spec is written here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from generator.render.filters import pyrepr
from generator.render.spec import Json

_PLAIN = MappingProxyType({"string": "str", "integer": "int", "number": "float", "boolean": "bool"})
_STRICT = MappingProxyType(
    {"integer": "StrictInt", "number": "StrictFloat", "boolean": "StrictBool"}
)
_PARSER = MappingProxyType({"integer": "to_int", "number": "to_float", "boolean": "to_bool"})
_CONSTRAINTS = (
    ("minimum", "ge"),
    ("maximum", "le"),
    ("exclusiveMinimum", "gt"),
    ("exclusiveMaximum", "lt"),
    ("minLength", "min_length"),
    ("maxLength", "max_length"),
    ("minItems", "min_length"),
    ("maxItems", "max_length"),
    ("multipleOf", "multiple_of"),
)


@dataclass(frozen=True, slots=True)
class Constraint:
    keyword: str  # the pydantic / FastAPI keyword argument
    value: Json  # a JSON literal, rendered with pyrepr


def _kind(schema: Mapping[str, Json]) -> str:
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "")
    return kind if isinstance(kind, str) else ""


@dataclass(frozen=True, slots=True)
class TypeText:
    """An annotation and the (module, name) pairs it needs imported (sorted, each once: the
    same in every process, as a view's value keys the pieces a `Memo` keeps)."""

    code: str
    imports: tuple[tuple[str, str], ...] = ()

    def wrap(self, template: str, *imports: tuple[str, str]) -> TypeText:
        return TypeText(template.format(self.code), tuple(sorted({*self.imports, *imports})))

    def optional(self) -> TypeText:
        return TypeText(f"{self.code} | None", self.imports)


_LITERAL = ("typing", "Literal")
_ANY = ("typing", "Any")


def _literal(schema: Mapping[str, Json]) -> TypeText | None:
    values = schema.get("enum")
    if not isinstance(values, list) or not values:
        return None
    if not all(isinstance(v, str | int) for v in values):
        return None
    code = "Literal[" + ", ".join(pyrepr(v) for v in dict.fromkeys(values)) + "]"
    return TypeText(code, (_LITERAL,))


def _items(schema: Mapping[str, Json]) -> Mapping[str, Json]:
    items = schema.get("items")
    return items if isinstance(items, Mapping) else {}


def plain(schema: Mapping[str, Json], *, fallback: str = "str") -> TypeText:
    """`int`, `list[str]`, `Literal['OK', 'FAIL']`: what a person reads in a signature."""
    literal = _literal(schema)
    if literal:
        return literal
    kind = _kind(schema)
    if kind == "array":
        return plain(_items(schema), fallback=fallback).wrap("list[{}]")
    if kind in _PLAIN:
        return TypeText(_PLAIN[kind])
    return TypeText(fallback, (_ANY,) if fallback == "Any" else ())


def from_text(schema: Mapping[str, Json]) -> TypeText:
    """A path/query/header/cookie value: text parsed first by the server's `params` module."""
    kind = _kind(schema)
    if kind == "array":
        return from_text(_items(schema)).wrap("list[{}]")
    inner = _literal(schema) or _strict(kind)
    parser = _PARSER.get(_enum_kind(schema) or kind)
    if parser is None:
        return inner
    return inner.wrap(
        "Annotated[{}, BeforeValidator(params." + parser + ")]",
        ("typing", "Annotated"),
        ("pydantic", "BeforeValidator"),
        (".", "params"),
    )


def _strict(kind: str) -> TypeText:
    name = _STRICT.get(kind)
    return TypeText(name, (("pydantic", name),)) if name else TypeText("str")


def _enum_kind(schema: Mapping[str, Json]) -> str:
    values = schema.get("enum")
    if isinstance(values, list) and values and all(isinstance(v, bool) for v in values):
        return "boolean"
    if isinstance(values, list) and values and all(isinstance(v, int) for v in values):
        return "integer"
    return ""


_FORMAT_BOUNDS = MappingProxyType({"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)})


def constraints(schema: Mapping[str, Json]) -> tuple[Constraint, ...]:
    """Keyword arguments for FastAPI's `Query()` & co.; `int32`/`int64` imply their ranges."""
    found = [
        Constraint(keyword, schema[key])
        for key, keyword in _CONSTRAINTS
        if isinstance(schema.get(key), int | float) and not isinstance(schema.get(key), bool)
    ]
    low, high = _FORMAT_BOUNDS.get(str(schema.get("format")), (None, None))
    if low is not None and not {"minimum", "exclusiveMinimum"} & schema.keys():
        found.append(Constraint("ge", low))
    if high is not None and not {"maximum", "exclusiveMaximum"} & schema.keys():
        found.append(Constraint("le", high))
    pattern = schema.get("pattern")
    if isinstance(pattern, str) and _compiles(pattern):
        found.append(Constraint("pattern", pattern))
    return tuple(found)


def _compiles(pattern: str) -> bool:
    try:
        re.compile(pattern)
    except re.error:
        return False
    return True
