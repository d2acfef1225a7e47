"""API-wide facts about header, path and cookie parameters.

Such parameters mean the same thing in every operation of an API. Where one operation leaves a
parameter's type or requiredness unstated (a Markdown export with no type column) and every
operation that states it agrees, the stated facts fill the gap; disagreeing statements are left
as documented.
"""

from __future__ import annotations

from dataclasses import replace

from generator.diagnostics import Diagnostic, info
from generator.model import ApiDocument, Parameter, TypeExpr

_API_WIDE = frozenset({"header", "path", "cookie"})
Key = tuple[str, str]


def fill_unstated(api: ApiDocument) -> tuple[ApiDocument, list[Diagnostic]]:
    types: dict[Key, set[TypeExpr]] = {}
    flags: dict[Key, set[bool]] = {}
    for op in api.operations:
        for p in op.parameters:
            if p.location in _API_WIDE:
                if p.type is not None:
                    types.setdefault(_key(p), set()).add(p.type)
                if p.required is not None:
                    flags.setdefault(_key(p), set()).add(p.required)
    diagnostics: list[Diagnostic] = []
    operations = tuple(
        replace(op, parameters=tuple(_fill(p, types, flags, diagnostics) for p in op.parameters))
        for op in api.operations
    )
    return replace(api, operations=operations), diagnostics


def _key(p: Parameter) -> Key:
    return (p.location, p.name.lower())


def _fill(
    p: Parameter,
    types: dict[Key, set[TypeExpr]],
    flags: dict[Key, set[bool]],
    diagnostics: list[Diagnostic],
) -> Parameter:
    if p.location not in _API_WIDE:
        return p
    stated_types = types.get(_key(p), set())
    stated_flags = flags.get(_key(p), set())
    filled = p
    if p.type is None and len(stated_types) == 1:
        filled = replace(filled, type=next(iter(stated_types)))
    if p.required is None and len(stated_flags) == 1:
        filled = replace(filled, required=next(iter(stated_flags)))
    if filled != p:
        diagnostics.append(
            info(
                "parameter-filled",
                f"{p.location} parameter {p.name!r}: type and "
                "requiredness taken from the other operations of the API",
                p.sources[0],
            )
        )
    return filled
