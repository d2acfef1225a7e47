"""Parameter tables that say where each parameter goes, in an `In` column (widdershins and
Slate pages, Swagger-style references): `| petId | path | ... |`, `| X-Trace | header | ... |`,
`| body | body | [Pet](#schemapet) | true | ... |` followed by the body's `»` rows.

Each such table is cut into one table per place: path, query, header and cookie rows become
those parameters; the `body` row is the request body itself (a nameless row: its type, a
linked schema or an object, is the body's; the `»` rows under it are its fields), and form
rows are the fields of a form body.
"""

from __future__ import annotations

from dataclasses import replace

from generator.interpret.content import LabelledTable, SectionContent
from generator.interpret.tables import split_name, table_roles
from generator.interpret.vocabulary import Column, Label
from generator.readers.document import Cell, Row

_PLACES: dict[str, Label] = {
    "path": Label.PATH,
    "query": Label.QUERY,
    "header": Label.HEADER,
    "cookie": Label.COOKIE,
    "body": Label.BODY,
    "formdata": Label.FORM,
    "form": Label.FORM,
}


def by_location(content: SectionContent) -> SectionContent:
    tables: list[LabelledTable] = []
    for item in content.tables:
        roles = table_roles(item.table)
        if Column.LOCATION not in roles or Column.NAME not in roles:
            tables.append(item)
            continue
        tables += _cut(item, roles.index(Column.LOCATION), roles.index(Column.NAME))
    return replace(content, tables=tuple(tables))


def _cut(item: LabelledTable, where: int, name_at: int) -> list[LabelledTable]:
    groups: dict[Label, list[Row]] = {}
    label = item.label
    for row in item.table.rows:
        depth, _ = split_name(row.cells[name_at].text if name_at < len(row.cells) else "")
        place = row.cells[where].text.strip().lower() if where < len(row.cells) else ""
        if depth == 0 or label not in (Label.BODY, Label.FORM):
            label = _PLACES.get(place.replace(" ", ""), item.label)
        kept = _nameless(row, name_at) if depth == 0 and label is Label.BODY else row
        groups.setdefault(label, []).append(kept)
    return [
        replace(item, label=label, table=replace(item.table, rows=tuple(rows)))
        for label, rows in groups.items()
    ]


def _nameless(row: Row, name_at: int) -> Row:
    """The `body` row as the body's own row: no name, its type and flag the body's."""
    cells = list(row.cells)
    cells[name_at] = Cell("", cells[name_at].line)
    return Row(tuple(cells), row.line)
