"""The type grammar of documentation tables: `int64`, `array[object]`, `List<String>`, `Long`...

`parse_type` maps the text of a type cell to the model's type algebra, or None when the text
is not a type the grammar knows (the caller reports it). C-style names (`uint64_t`) count;
a choice of types (`String/Integer`, `string or number`) is any value unless all agree.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from generator.model import AnyType, ArrayOf, ObjectType, Ref, Scalar, TypeExpr

_SCALARS: dict[str, Scalar] = {
    "string": Scalar("string"),
    "str": Scalar("string"),
    "text": Scalar("string"),
    "char": Scalar("string"),
    "varchar": Scalar("string"),
    "integer": Scalar("integer"),
    "int": Scalar("integer", "int32"),
    "int32": Scalar("integer", "int32"),
    "short": Scalar("integer", "int32"),
    "int64": Scalar("integer", "int64"),
    "long": Scalar("integer", "int64"),
    "bigint": Scalar("integer", "int64"),
    "uint32": Scalar("integer", "int64"),
    "uint64": Scalar("integer", "int64"),
    "int8": Scalar("integer", "int32"),
    "int16": Scalar("integer", "int32"),
    "uint8": Scalar("integer", "int32"),
    "uint16": Scalar("integer", "int32"),
    "bytes": Scalar("string"),
    "number": Scalar("number"),
    "numeric": Scalar("number"),
    "decimal": Scalar("number"),
    "bigdecimal": Scalar("number"),
    "float": Scalar("number", "float"),
    "double": Scalar("number", "double"),
    "boolean": Scalar("boolean"),
    "bool": Scalar("boolean"),
    "date": Scalar("string", "date"),
    "datetime": Scalar("string", "date-time"),
    "file": Scalar("string", "binary"),
    "binary": Scalar("string", "binary"),
}
_OBJECTS = frozenset({"object", "json", "jsonobject", "map", "dict", "struct"})
_ARRAYS = frozenset({"array", "list", "jsonarray", "set"})
_GENERIC = re.compile(r"^(array|list|set)\s*[\[<(]\s*(.+?)\s*[\]>)]$")
_SUFFIX = re.compile(r"^(.+?)\s*\[\s*\]$")
_CHOICE = re.compile(r"\s*(?:/|\||¦|\bor\b)\s*")
_BRACKETS = re.compile(r"^\[\s*(.+?)\s*\]$")
_FORMATTED = re.compile(r"^([a-z]+)\s*\(\s*([\w.-]+)\s*\)$")


_WORDS: dict[str, TypeExpr] = {
    **_SCALARS,
    **{w: ObjectType() for w in _OBJECTS},
    **{w: ArrayOf(AnyType()) for w in _ARRAYS},
    "any": AnyType(),
    "mixed": AnyType(),
    "oneof": AnyType(),  # widdershins: one of the parts listed below the row
    "anyof": AnyType(),
    "allof": ObjectType(),
}


def parse_type(text: str, schemas: Collection[str] = ()) -> TypeExpr | None:
    """The type a cell states; `schemas` are the names of the document's own schemas, which
    a cell may name (`Pet`, `[Pet]`: a reference)."""
    stripped = text.strip()
    if stripped in schemas:
        return Ref(stripped)
    raw = " ".join(stripped.lower().split())
    listed = _BRACKETS.match(stripped)  # `[string]`, `[[Tag]]`: widdershins' arrays
    generic = listed or _GENERIC.match(raw) or _SUFFIX.match(raw)
    if generic:
        inner = parse_type(generic.group(generic.lastindex or 1), schemas)
        return ArrayOf(inner) if inner is not None else None
    formatted = _FORMATTED.match(raw)  # `integer(int64)`, `string(date-time)`
    if formatted:
        base = _WORDS.get(formatted.group(1))
        return Scalar(base.kind, formatted.group(2)) if isinstance(base, Scalar) else base
    choices = [c for c in _CHOICE.split(stripped) if c.strip().lower() != "null"]
    if len(choices) > 1 or (choices and choices[0] != stripped):
        kinds = [parse_type(c, schemas) for c in choices]  # `String/Integer`, `string¦null`
        if not kinds or any(k is None for k in kinds):
            return None
        return kinds[0] if len(set(kinds)) == 1 else AnyType()
    word = raw.replace(" ", "").replace("_", "")
    return _WORDS.get(word) or _WORDS.get(word.removesuffix("t") if raw.endswith("_t") else "")


def says_null(text: str) -> bool:
    """Whether a type cell admits null (`string¦null`, `integer or null`)."""
    return any(c.strip().lower() == "null" for c in _CHOICE.split(text.strip()))


def is_object_like(t: TypeExpr | None) -> bool:
    """Objects, and arrays whose innermost items are objects, can carry child fields."""
    while isinstance(t, ArrayOf):
        t = t.items
    return isinstance(t, ObjectType | AnyType)


def with_object_items(t: TypeExpr | None) -> TypeExpr:
    """The type a field with children takes: `array` becomes `array[object]`, else object."""
    if isinstance(t, ArrayOf):
        return (
            ArrayOf(with_object_items(t.items))
            if not isinstance(t.items, AnyType)
            else ArrayOf(ObjectType())
        )
    return ObjectType()
