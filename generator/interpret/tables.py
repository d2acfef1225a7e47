"""Tables to parameters and field trees, by column role (name, type, required, ...).

Nesting comes from `⇥` marks (any depth, `⇥⇥` or `⇥ ⇥`) and tree glyphs in the name cell; a
field with children becomes an object (or an array of objects). A nameless top-level row is
the whole body. Rows that cannot be understood are reported, never dropped silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from generator.diagnostics import Diagnostic, Span, error, info, warning
from generator.interpret.vocabulary import Column, column_of, flag_of, is_placeholder
from generator.model import ArrayOf, Field, Location, ObjectType, Parameter, Ref, TypeExpr
from generator.normalize.types import is_object_like, parse_type, says_null, with_object_items
from generator.readers.document import Row, Table

_INDENT = re.compile(r"^[\s⇥└├│─»\-]*")
_NO_TEXT = frozenset({"none", "n/a", "-", "—"})  # what generated pages write for no description
_CONTENT_SHARE = 0.8
_CONDITIONAL = re.compile(
    r"^\W*(?:yes|required|mandatory|conditional(?:ly)?)\b.*\b(?:when|if|unless|only|for)\b",
    re.IGNORECASE | re.DOTALL,
)


@dataclass(frozen=True, slots=True)
class Columns:
    roles: tuple[Column | None, ...]

    def text(self, row: Row, role: Column) -> str:
        for cell, cell_role in zip(row.cells, self.roles, strict=False):
            if cell_role is role:
                return cell.text.strip()
        return ""

    def has(self, role: Column) -> bool:
        return role in self.roles


@dataclass(frozen=True, slots=True)
class _Entry:
    depth: int
    field: Field
    dotted: tuple[str, ...] = ()


def table_roles(table: Table) -> tuple[Column | None, ...]:
    """Each column's role: from its header's words, and from its cells where the header
    says nothing or repeats an earlier column's role (`Field | Type | Property |` whose
    `Property` cells are all Required/Optional is the required flag)."""
    roles = [column_of(cell.text) for cell in table.header]
    for index, role in enumerate(roles):
        if role is not None and role not in roles[:index]:
            continue
        guessed = _role_from_cells(
            [r.cells[index].text for r in table.rows if index < len(r.cells)]
        )
        if guessed is not None and guessed not in roles:
            roles[index] = guessed
    return tuple(roles)


def _role_from_cells(texts: list[str]) -> Column | None:
    values = [t.strip() for t in texts if t.strip()]
    if not values:
        return None
    for role, test in ((Column.REQUIRED, flag_of), (Column.TYPE, parse_type)):
        if sum(1 for v in values if test(v) is not None) >= _CONTENT_SHARE * len(values):
            return role
    return None


def columns_of(table: Table, path: str, diagnostics: list[Diagnostic]) -> Columns | None:
    roles = table_roles(table)
    if Column.NAME not in roles:
        names = ", ".join(repr(c.text) for c in table.header)
        diagnostics.append(
            error(
                "table-columns-unknown",
                f"no parameter-name column among {names}",
                Span(path, table.line),
            )
        )
        return None
    for cell, role in zip(table.header, roles, strict=True):
        if role is None:
            diagnostics.append(
                warning(
                    "table-column-ignored",
                    f"column {cell.text!r} is not understood; ignored",
                    Span(path, cell.line),
                )
            )
    return Columns(roles)


def parameters_from(
    table: Table,
    location: Location,
    path: str,
    diagnostics: list[Diagnostic],
    *,
    schemas: frozenset[str] = frozenset(),
) -> list[Parameter]:
    columns = columns_of(table, path, diagnostics)
    if columns is None:
        return []
    out: list[Parameter] = []
    for row in table.rows:
        depth, name = split_name(columns.text(row, Column.NAME))
        span = Span(path, row.line)
        if depth and out:
            what = f"{name!r} describes a part of the parameter {out[-1].name!r}; not a parameter"
            diagnostics.append(info("parameter-part", what, span))
            continue
        if not name or depth:
            diagnostics.append(
                error("parameter-row-unreadable", "parameter row has no usable name", span)
            )
            continue
        field = _field(row, columns, name, span, diagnostics, schemas=schemas)
        out.append(
            Parameter(
                name,
                location,
                field.type,
                field.required,
                field.description,
                (span,),
                field.raw_type,
                field.default,
            )
        )
    return out


def body_from(
    table: Table,
    path: str,
    diagnostics: list[Diagnostic],
    *,
    schemas: frozenset[str] = frozenset(),
) -> Field | None:
    """The root of a body: an object holding the rows, or the nameless row's own value.
    Rows all marked one level deep (`» name`: the properties of an unnamed root) are top
    level."""
    columns = columns_of(table, path, diagnostics)
    if columns is None:
        return None
    cells = [split_name(columns.text(row, Column.NAME)) for row in table.rows]
    floor = min((depth for depth, _ in cells), default=0)
    entries = []
    for row, (depth, written) in zip(table.rows, cells, strict=True):
        dotted = _dotted(written) if depth == floor else ()
        name = dotted[-1] if dotted else written
        field = _field(row, columns, name, Span(path, row.line), diagnostics, schemas=schemas)
        entries.append(_Entry(depth - floor, field, dotted))
    roots = _tree(entries, diagnostics)
    span = Span(path, table.line)
    if len(roots) == 1 and not roots[0].name:
        return replace(roots[0], sources=(span, *roots[0].sources))
    array = _array_body(roots, span, diagnostics)
    if array is not None:
        return array
    for nameless in (f for f in roots if not f.name):
        diagnostics.append(
            error("field-unnamed", "row without a name beside named rows", nameless.sources[0])
        )
    named = tuple(f for f in roots if f.name)
    return Field("", ObjectType(), None, "", (span,), children=unique_fields(named, diagnostics))


def _array_body(
    roots: tuple[Field, ...], span: Span, diagnostics: list[Diagnostic]
) -> Field | None:
    """One nameless array row beside named rows: the body is an array, the named rows are
    its items' fields (`| | Array | the users |` then `| user_id | ...`)."""
    nameless = [f for f in roots if not f.name]
    if len(nameless) != 1 or not isinstance(nameless[0].type, ArrayOf):
        return None
    row = nameless[0]
    named = unique_fields(tuple(f for f in roots if f.name), diagnostics)
    what = "a nameless array row: the body is an array of objects with the other rows' fields"
    diagnostics.append(info("body-is-array", what, row.sources[0]))
    return replace(row, type=ArrayOf(ObjectType()), sources=(span, *row.sources), children=named)


def _dotted(name: str) -> tuple[str, ...]:
    """`entities.uuid` -> ('entities', 'uuid'); names without a dot path -> ()."""
    parts = tuple(p.strip() for p in name.split("."))
    if len(parts) < 2 or not all(
        p.isidentifier() or p.replace("-", "_").isidentifier() for p in parts
    ):
        return ()
    return parts


def split_name(text: str) -> tuple[int, str]:
    """A name cell's nesting depth (`⇥`, tree glyphs, `»` marks) and the name itself;
    `*anonymous*` (an array's items, a schema's own row, a `oneOf` part) has none."""
    prefix = _INDENT.match(text)
    marks = prefix.group(0) if prefix else ""
    depth = sum(marks.count(ch) for ch in "⇥└├»")
    name = text[len(marks) :].strip()
    return depth, "" if name.strip("*_").lower() == "anonymous" else name


def _field(
    row: Row,
    columns: Columns,
    name: str,
    span: Span,
    diagnostics: list[Diagnostic],
    *,
    schemas: frozenset[str],
) -> Field:
    raw_type = columns.text(row, Column.TYPE)
    type_: TypeExpr | None = parse_type(raw_type, schemas) if raw_type else None
    if raw_type and type_ is None:
        diagnostics.append(warning("type-unknown", f"unknown type {raw_type!r} for {name!r}", span))
    description = columns.text(row, Column.DESCRIPTION)
    if description and is_placeholder(description):
        quiet = description.strip().lower() in _NO_TEXT
        what = f"placeholder description {description!r} dropped"
        diagnostics.append((info if quiet else warning)("placeholder-text", what, span))
        description = ""
    restrictions = columns.text(row, Column.RESTRICTIONS).lower()
    return Field(
        name,
        type_,
        _required(row, columns, span, diagnostics),
        description,
        (span,),
        raw_type,
        columns.text(row, Column.DEFAULT) or None,
        nullable=says_null(raw_type),
        read_only="read-only" in restrictions or "readonly" in restrictions,
        write_only="write-only" in restrictions or "writeonly" in restrictions,
    )


def _required(row: Row, columns: Columns, span: Span, diagnostics: list[Diagnostic]) -> bool | None:
    """`Required` gives the flag; `Not null: true` implies required, `false` says nothing."""
    text = columns.text(row, Column.REQUIRED)
    if text:
        flag = flag_of(text)
        if flag is None and _CONDITIONAL.match(text):
            what = f"required only under a condition ({text!r}); not required in the schema"
            diagnostics.append(info("required-conditional", what, span))
            return False
        if flag is None:
            diagnostics.append(
                warning("required-unknown", f"required flag {text!r} not understood", span)
            )
        return flag
    not_null = flag_of(columns.text(row, Column.NOT_NULL))
    return True if not_null else None


@dataclass(slots=True)
class _Node:
    field: Field
    kids: list[_Node]


def _tree(entries: list[_Entry], diagnostics: list[Diagnostic]) -> tuple[Field, ...]:
    """Nesting by `⇥` depth (the row above at depth - 1 is the parent) or by dotted path."""
    roots: list[_Node] = []
    stack: list[_Node] = []
    by_path: dict[tuple[str, ...], _Node] = {}
    for entry in entries:
        node = _Node(entry.field, [])
        if entry.dotted:
            stack = _attach_dotted(entry, node, by_path, roots, diagnostics)
        else:
            depth = _checked_depth(entry, len(stack), diagnostics)
            del stack[depth:]
            (stack[-1].kids if stack else roots).append(node)
            stack.append(node)
        by_path.setdefault(tuple(n.field.name for n in stack), node)
    return tuple(_freeze(node, diagnostics, top=True) for node in roots)


def _checked_depth(entry: _Entry, limit: int, diagnostics: list[Diagnostic]) -> int:
    if entry.depth <= limit:
        return entry.depth
    diagnostics.append(
        warning(
            "nesting-jump",
            f"{entry.field.name!r} is nested deeper than the row above "
            "allows; attached to the nearest field",
            entry.field.sources[0],
        )
    )
    return limit


def _attach_dotted(
    entry: _Entry,
    node: _Node,
    by_path: dict[tuple[str, ...], _Node],
    roots: list[_Node],
    diagnostics: list[Diagnostic],
) -> list[_Node]:
    """Attach `a.b.c` under the node documented as `a.b`; returns the new ancestor stack."""
    chain: list[_Node] = []
    for i in range(1, len(entry.dotted)):
        prefix = entry.dotted[:i]
        parent = by_path.get(prefix)
        if parent is None:
            diagnostics.append(
                warning(
                    "field-parent-missing",
                    f"{'.'.join(entry.dotted)!r}: no row documents "
                    f"{'.'.join(prefix)!r}; it is taken as an object",
                    entry.field.sources[0],
                )
            )
            implicit = Field(prefix[-1], ObjectType(), None, "", entry.field.sources)
            parent = _Node(implicit, [])
            (chain[-1].kids if chain else roots).append(parent)
            by_path[prefix] = parent
        chain.append(parent)
    chain[-1].kids.append(node)
    return [*chain, node]


def _freeze(node: _Node, diagnostics: list[Diagnostic], *, top: bool = False) -> Field:
    """A row with the rows nested under it as its fields. A row linking a schema keeps the
    link (the rows under it only repeat the schema); a nameless part (`*anonymous*`, one
    of a `oneOf`) gives its fields to the row above it."""
    field = node.field
    if not node.kids:
        return field
    frozen = [_freeze(k, diagnostics) for k in node.kids]
    if (field.name or top) and isinstance(_innermost(field.type), Ref):
        return field
    parts = tuple(k for k in frozen if not k.name and not k.children and k.type is not None)
    lifted = tuple(c for k in frozen for c in (k.children if not k.name else (k,)))
    children = unique_fields(lifted, diagnostics, quiet=len(lifted) != len(frozen))
    if parts:
        field = with_parts(field, parts)
    if not children:
        return field
    if field.type is not None and not is_object_like(field.type):
        diagnostics.append(
            warning(
                "children-of-scalar",
                f"{field.name!r} has nested fields but type {field.raw_type!r}; taken as an object",
                field.sources[0],
            )
        )
    type_ = field.type if isinstance(field.type, ObjectType) else with_object_items(field.type)
    return replace(field, type=type_, children=children)


def with_parts(field: Field, parts: tuple[Field, ...]) -> Field:
    """A row whose nameless rows are the parts of its schema: one of them when its type
    says `oneOf`/`anyOf`, all of them otherwise (`allOf`, widdershins' `and`)."""
    if "oneof" in field.raw_type.lower() or "anyof" in field.raw_type.lower():
        return replace(field, one_of=field.one_of + parts)
    return replace(field, all_of=field.all_of + parts)


def _innermost(t: TypeExpr | None) -> TypeExpr | None:
    while isinstance(t, ArrayOf):
        t = t.items
    return t


def unique_fields(
    fields: tuple[Field, ...], diagnostics: list[Diagnostic], *, quiet: bool = False
) -> tuple[Field, ...]:
    """Each name once, the first kept (reported unless `quiet`: the fields of several
    variants, `oneOf` parts, add up)."""
    seen: dict[str, Field] = {}
    for f in fields:
        if f.name in seen and not quiet:
            diagnostics.append(
                warning(
                    "field-duplicate",
                    f"field {f.name!r} listed twice; the first is kept",
                    f.sources[0],
                    related=seen[f.name].sources,
                )
            )
            continue
        seen.setdefault(f.name, f)
    return tuple(seen.values())
