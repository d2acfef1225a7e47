"""Tables of allowed values (`Enumerated Values`: `| Parameter | Value |` or `| Property |
Value |`, one row per value): the values of the parameter or field each row names."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from generator.interpret.tables import split_name, table_roles
from generator.interpret.vocabulary import Column
from generator.model import ArrayOf, Field, Parameter, Scalar, TypeExpr
from generator.readers.document import Table

Enums = dict[str, tuple[str, ...]]


def is_enum_table(table: Table) -> bool:
    roles = table_roles(table)
    return Column.NAME in roles and Column.VALUE in roles and Column.TYPE not in roles


def enums_of(tables: Sequence[Table]) -> Enums:
    """Name (its nesting marks and dotted prefix left out; `` for `*anonymous*`) -> values."""
    out: dict[str, list[str]] = {}
    for table in tables:
        roles = table_roles(table)
        name_at, value_at = roles.index(Column.NAME), roles.index(Column.VALUE)
        for row in table.rows:
            if max(name_at, value_at) >= len(row.cells):
                continue
            _, name = split_name(row.cells[name_at].text)
            value = row.cells[value_at].text.strip()
            if value:
                out.setdefault(name.rsplit(".", 1)[-1], []).append(value)
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


def with_enums(field: Field, enums: Enums) -> Field:
    """`field` and its descendants with the values listed for their names."""
    if not enums:
        return field
    values = enums.get(field.name, ()) if _holds_values(field.type) else ()
    children = tuple(with_enums(c, enums) for c in field.children)
    return replace(field, enum=values or field.enum, children=children)


def _holds_values(t: TypeExpr | None) -> bool:
    """Scalars (or arrays of them) take listed values; objects and linked schemas do not."""
    while isinstance(t, ArrayOf):
        t = t.items
    return t is None or isinstance(t, Scalar)


def parameters_with_enums(params: Sequence[Parameter], enums: Enums) -> tuple[Parameter, ...]:
    return tuple(
        replace(p, enum=enums.get(p.name, p.enum) if _holds_values(p.type) else p.enum)
        for p in params
    )
