"""Tables under sub-headings that are not labels, and sections no endpoint owns.

Such a table either describes the object of a documented field (`MsgBody format`, `Body of
different message types`: its heading names the field), and then its rows become that field's
properties, or it is kept as a note in the operation's description. Nothing is fatal.
"""

from __future__ import annotations

import re
from dataclasses import replace

from generator.diagnostics import Diagnostic, Span, info, warning
from generator.interpret.content import Aside, SectionContent
from generator.interpret.extras import notes_markdown
from generator.interpret.tables import body_from, table_roles
from generator.interpret.vocabulary import Column, Label, column_of
from generator.model import ArrayOf, Body, Field, Operation, Response
from generator.normalize.types import is_object_like, parse_type, with_object_items
from generator.readers.document import Row, Table

_WORD = re.compile(r"[A-Za-z_][\w]*")
_BODY_LABELS = frozenset({Label.BODY, Label.FORM, Label.RESPONSE, Label.PARAMS})


def captioned_asides(content: SectionContent) -> SectionContent:
    """Field tables under a caption that names an object field another body table documents
    (`Request body` ... `Body of different message types`: `body` is JSON) describe that
    field: they become asides, nested there once the operation is built. Other captioned
    tables are variants."""
    names = {
        _name(row)
        for t in content.tables
        if not t.caption and t.label in _BODY_LABELS
        for row in t.table.rows
        if _may_hold_fields(t.table, row)
    }
    moved = [
        t
        for t in content.tables
        if t.caption and any(_named(n, t.caption, lead_in=t.lead_in) for n in names)
    ]
    if not moved:
        return content
    kept = tuple(t for t in content.tables if t not in moved)
    asides = tuple(Aside(t.caption, t.table, t.lead_in) for t in moved)
    return replace(content, tables=kept, asides=asides + content.asides)


def _may_hold_fields(table: Table, row: Row) -> bool:
    """Whether the row's type (if it states one) is an object or an array."""
    roles = table_roles(table)
    if Column.TYPE not in roles:
        return True
    index = roles.index(Column.TYPE)
    text = row.cells[index].text if index < len(row.cells) else ""
    type_ = parse_type(text) if text.strip() else None
    return not text.strip() or type_ is None or is_object_like(type_) or isinstance(type_, ArrayOf)


def _name(row: Row) -> str:
    text = row.cells[0].text if row.cells else ""
    return text.strip().lstrip("⇥└├│─- ").rsplit(".", 1)[-1]


def place_asides(
    op: Operation, asides: tuple[Aside, ...], path: str, diagnostics: list[Diagnostic]
) -> Operation:
    notes = []
    variants: dict[str, list[tuple[Field, ...]]] = {}
    for aside in asides:
        named = _described(op, aside, path, diagnostics)
        if named is not None:
            variants.setdefault(named[0], []).append(named[1])
            continue
        notes.append(aside.table)
        span = Span(path, aside.table.line)
        if Column.NAME in (column_of(c.text) for c in aside.table.header):
            what = f"table under {aside.caption!r} names no documented field; kept as a note"
            diagnostics.append(warning("table-kept-as-note", what, span))
        else:
            what = f"table under {aside.caption!r} kept as a note"
            diagnostics.append(info("table-note", what, span))
    for name, tables in variants.items():
        children = _union(tables)
        op = _with_bodies(
            op, [replace(b, root=_with_children(b.root, name, children)) for b in _bodies(op)]
        )
    if not notes:
        return op
    text = notes_markdown(tuple(notes))
    return replace(op, description="\n\n".join(p for p in (op.description, text) if p))


def _described(
    op: Operation, aside: Aside, path: str, diagnostics: list[Diagnostic]
) -> tuple[str, tuple[Field, ...]] | None:
    """The one field (request or response, any depth) the aside's caption names, and the
    aside's rows as its properties; None when no field or several are named."""
    if not aside.caption or Column.NAME not in (column_of(c.text) for c in aside.table.header):
        return None
    hits = {
        f.name
        for body in _bodies(op)
        for f in _fields(body.root)
        if _holds_fields(f) and _named(f.name, aside.caption, lead_in=aside.lead_in)
    }
    if len(hits) != 1:
        return None
    quiet: list[Diagnostic] = []
    root = body_from(aside.table, path, quiet)
    if root is None or not root.children:
        return None
    diagnostics.extend(quiet)
    name = hits.pop()
    where = Span(path, aside.table.line)
    what = f"table under {aside.caption!r} describes {name!r}; its rows are {name!r}'s properties"
    diagnostics.append(info("table-nested", what, where))
    return name, root.children


def _union(tables: list[tuple[Field, ...]]) -> tuple[Field, ...]:
    """The properties of several variant tables (one per message type): a property is
    required only if every variant has it and requires it."""
    merged: dict[str, Field] = {}
    for fields in tables:
        for f in fields:
            merged.setdefault(f.name, f)
    if len(tables) == 1:
        return tuple(merged.values())

    def required(name: str) -> bool | None:
        flags = [next((f.required for f in t if f.name == name), None) for t in tables]
        return True if all(flags) else (False if any(x is not None for x in flags) else None)

    return tuple(replace(f, required=required(f.name)) for f in merged.values())


def _named(name: str, caption: str, *, lead_in: bool) -> bool:
    """Whether a caption names a field: a heading by any word (`Body of the message types`),
    a sentence only by the field's exact name written as an identifier (`ExtensionList`,
    `msg_body`, `body` in quotes): sentences say `the response body` in passing."""
    if not name:
        return False
    if not lead_in:
        return name.lower() in {w.lower() for w in _WORD.findall(caption)}
    quoted = re.search(rf"[`'\"“‘]{re.escape(name)}[`'\"”’]", caption)
    looks_like_code = any(ch.isupper() or ch.isdigit() or ch == "_" for ch in name[1:])
    return bool(quoted) or (looks_like_code and name in _WORD.findall(caption))


def _holds_fields(field: Field) -> bool:
    return field.type is None or is_object_like(field.type)


def _fields(root: Field) -> list[Field]:
    out: list[Field] = []
    for child in root.children:
        out.append(child)
        out += _fields(child)
    return out


def _with_children(root: Field, name: str, children: tuple[Field, ...]) -> Field:
    """`root` with `children` added to every field called `name` (those it already has
    are kept: tables of several variants add up)."""
    kids = []
    for child in root.children:
        if child.name == name:
            have = {k.name for k in child.children}
            more = tuple(k for k in children if k.name not in have)
            kids.append(
                replace(child, type=with_object_items(child.type), children=child.children + more)
            )
        else:
            kids.append(_with_children(child, name, children) if child.children else child)
    return replace(root, children=tuple(kids))


def _bodies(op: Operation) -> list[Body]:
    out = [op.request_body] if op.request_body else []
    return out + [r.body for r in op.responses if r.body is not None]


def _with_bodies(op: Operation, bodies: list[Body]) -> Operation:
    queue = list(bodies)
    request = queue.pop(0) if op.request_body else None
    responses: list[Response] = []
    for response in op.responses:
        responses.append(replace(response, body=queue.pop(0)) if response.body else response)
    return replace(op, request_body=request, responses=tuple(responses))
