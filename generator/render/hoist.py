"""Shared shapes become shared models: what the schemas repeat is generated once.

GitHub's description repeats inline objects everywhere (the same `permissions` object in
dozens of schemas; the `allOf` flattening copies a base's nested objects into every schema
built on it): 2,369 nested objects of which 783 differ, and its lifted responses repeat each
other (238 copies). Each copy became its own class, a third of all the models.

`hoist_shared` gives every nested object that occurs twice or more (the same JSON, text and
all) one named schema, referenced from each place: a reference to a schema that is equal
validates the same values. The name is the one datamodel-codegen would have given its first
occurrence (parent class, then property). `alias_copies` lets an operation whose lifted schema
equals an earlier one's use that one's model. Objects that are variants of a discriminated
`oneOf`/`anyOf` stay inline: a reference would make datamodel-codegen tag them by name.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Mapping

from generator.emit.naming import singular
from generator.render import names
from generator.render.schemas import SCHEMA_PREFIX
from generator.render.spec import Json

_COMPOSITIONS = ("oneOf", "anyOf")


def _key(node: Json) -> str:
    return json.dumps(node, sort_keys=True, ensure_ascii=False)


def _is_object(node: Json) -> bool:
    return isinstance(node, Mapping) and isinstance(node.get("properties"), Mapping)


Visit = Callable[[Json, str, bool], Json]


def _map_children(node: Mapping[str, Json], hint: str, visit: Visit) -> dict[str, Json]:
    """`node` with each child schema replaced by `visit(child, naming hint, may hoist)`."""
    out = dict(node)
    properties = node.get("properties")
    if isinstance(properties, Mapping):
        out["properties"] = {p: visit(sub, str(p), True) for p, sub in properties.items()}
    for key in ("items", "additionalProperties", "not"):
        if isinstance(node.get(key), Mapping):
            out[key] = visit(
                node[key], _singular(hint) if key == "items" else f"{hint} {key}", True
            )
    tagged = isinstance(node.get("discriminator"), Mapping)
    for key in (*_COMPOSITIONS, "allOf"):
        variants = node.get(key)
        if isinstance(variants, list):
            free = not (tagged and key in _COMPOSITIONS)
            out[key] = [visit(v, f"{hint} {i + 1}", free) for i, v in enumerate(variants)]
    return out


def _singular(hint: str) -> str:
    """An array's item named as datamodel-codegen does: `entities` -> `entity`."""
    word = singular(hint)
    return word if word != hint else f"{hint} item"


def _count(node: Json, counts: Counter[str], hint: str = "") -> None:
    """Count every object below `node` that could be hoisted (not `node` itself)."""

    def visit(child: Json, child_hint: str, free: bool) -> Json:
        if free and _is_object(child):
            counts[_key(child)] += 1
        _count(child, counts, child_hint)
        return child

    if isinstance(node, Mapping):
        _map_children(node, hint, visit)


def hoist_shared(schemas: Mapping[str, Json]) -> dict[str, Json]:
    counts: Counter[str] = Counter()
    for schema in schemas.values():
        _count(schema, counts)
    shared = {key for key, count in counts.items() if count > 1}
    out: dict[str, Json] = {}
    hoisted: dict[str, str] = {}
    taken = set(schemas)

    def rewrite(node: Json, parent: str, hint: str) -> Json:
        if not isinstance(node, Mapping):
            return node

        def visit(child: Json, child_hint: str, free: bool) -> Json:
            key = _key(child) if free and _is_object(child) else None
            if key is None or key not in shared:
                return rewrite(child, parent, child_hint)
            if key not in hoisted:
                name = names.unique([names.pascal(f"{parent} {child_hint}")], taken=taken, sep="")
                taken.add(name[0])
                hoisted[key] = name[0]
                out[name[0]] = rewrite(child, name[0], "")
            return {"$ref": SCHEMA_PREFIX + hoisted[key]}

        return _map_children(node, hint, visit)

    for name, schema in schemas.items():
        out[name] = rewrite(schema, name, "")
    return out


def alias_copies(schemas: Mapping[str, Json], lifted: list[str]) -> dict[str, str]:
    """Lifted schema -> the earlier lifted schema it equals (those that equal none: absent)."""
    first: dict[str, str] = {}
    alias: dict[str, str] = {}
    for name in lifted:
        key = _key(schemas[name])
        if key in first:
            alias[name] = first[key]
        else:
            first[key] = name
    return alias
