"""The type grammar of documentation tables: `int64`, `array[object]`, `List<String>`, `Long`...

`parse_type` maps the text of a type cell to the model's type algebra, or None when the text
is not a type the grammar knows (the caller reports it). C-style names (`uint64_t`) count;
a choice of types (`String/Integer`, `string or number`) is any value unless all agree.
"""

from __future__ import annotations

import re

from generator.model import AnyType, ArrayOf, ObjectType, Scalar, TypeExpr

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
_CHOICE = re.compile(r"\s*(?:/|\||\bor\b)\s*")


_WORDS: dict[str, TypeExpr] = {
    **_SCALARS,
    **{w: ObjectType() for w in _OBJECTS},
    **{w: ArrayOf(AnyType()) for w in _ARRAYS},
    "any": AnyType(),
    "mixed": AnyType(),
}


def parse_type(text: str) -> TypeExpr | None:
    raw = " ".join(text.strip().lower().split())
    generic = _GENERIC.match(raw) or _SUFFIX.match(raw)
    if generic:
        inner = parse_type(generic.group(generic.lastindex or 1))
        return ArrayOf(inner) if inner is not None else None
    choices = _CHOICE.split(raw)
    if len(choices) > 1:  # `String/Integer`, `string | number`: one of them
        kinds = [parse_type(c) for c in choices]
        if any(k is None for k in kinds):
            return None
        return kinds[0] if len(set(kinds)) == 1 else AnyType()
    word = raw.replace(" ", "").replace("_", "")
    return _WORDS.get(word) or _WORDS.get(word.removesuffix("t") if raw.endswith("_t") else "")


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
