"""Tables of an operation's responses by status (`| Status | Meaning | Description | Schema |`
on widdershins and Slate pages): each row is a response; its schema cell names a schema
(`[Pet](#schemapet)`, `[[Pet]]`), says `Inline` (the fields come from a `Response Schema`
table for that status) or `None` (no body)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.interpret.tables import table_roles
from generator.interpret.vocabulary import Column
from generator.model import TypeExpr
from generator.normalize.types import parse_type
from generator.readers.document import Table

_STATUS = re.compile(r"^\s*([1-5]\d\d|[1-5]XX|default)\b", re.IGNORECASE)
_NO_BODY = frozenset({"", "none", "-", "n/a", "empty"})


@dataclass(frozen=True, slots=True)
class StatusRow:
    status: str
    schema: TypeExpr | None  # the linked or named schema of the body
    inline: bool  # the body's fields are in a table of their own
    has_body: bool
    line: int


def is_status_table(table: Table) -> bool:
    roles = table_roles(table)
    return Column.NAME not in roles and bool({Column.STATUS, Column.CODE} & set(roles))


def status_rows(table: Table, schemas: frozenset[str]) -> list[StatusRow]:
    roles = table_roles(table)
    status_at = roles.index(Column.STATUS if Column.STATUS in roles else Column.CODE)
    schema_at = roles.index(Column.SCHEMA) if Column.SCHEMA in roles else None
    out = []
    for row in table.rows:
        match = _STATUS.match(row.cells[status_at].text) if status_at < len(row.cells) else None
        if match is None:
            continue
        text = row.cells[schema_at].text.strip() if schema_at is not None else ""
        inline = text.lower() == "inline"
        typed = None if inline or text.lower() in _NO_BODY else parse_type(text, schemas)
        has_body = inline or typed is not None
        status = match.group(1).upper().replace("DEFAULT", "default")
        out.append(StatusRow(status, typed, inline, has_body, row.line))
    return out
