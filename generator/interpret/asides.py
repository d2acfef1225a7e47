"""Tables under sub-headings that are not labels, and sections no endpoint owns.

Such a table either describes the object of a documented field (`MsgBody format`, `Body of
different message types`: its heading names the field), and then its rows become that field's
properties, or it is kept as a note in the operation's description. Nothing is fatal.
"""

from __future__ import annotations

import re
from dataclasses import replace

from generator.diagnostics import Diagnostic, Span, info, warning
from generator.interpret.content import Aside
from generator.interpret.extras import notes_markdown
from generator.interpret.tables import body_from
from generator.interpret.vocabulary import Column, column_of
from generator.model import Body, Field, Operation, Response
from generator.normalize.types import is_object_like, with_object_items


def place_asides(
    op: Operation, asides: tuple[Aside, ...], path: str, diagnostics: list[Diagnostic]
) -> Operation:
    notes = []
    for aside in asides:
        placed = _nested(op, aside, path, diagnostics)
        if placed is not None:
            op = placed
            continue
        notes.append(aside.table)
        span = Span(path, aside.table.line)
        if Column.NAME in (column_of(c.text) for c in aside.table.header):
            what = f"table under {aside.caption!r} names no documented field; kept as a note"
            diagnostics.append(warning("table-kept-as-note", what, span))
        else:
            what = f"table under {aside.caption!r} kept as a note"
            diagnostics.append(info("table-note", what, span))
    if not notes:
        return op
    text = notes_markdown(tuple(notes))
    return replace(op, description="\n\n".join(p for p in (op.description, text) if p))


def _nested(
    op: Operation, aside: Aside, path: str, diagnostics: list[Diagnostic]
) -> Operation | None:
    """The operation with the aside's rows as the properties of the one field (request or
    response, any depth) its caption names, when there is exactly one such field."""
    if not aside.caption or Column.NAME not in (column_of(c.text) for c in aside.table.header):
        return None
    named = _names_in(aside.caption)
    bodies = _bodies(op)
    hits = [(i, f) for i, body in enumerate(bodies) for f in _fields(body.root) if _fits(f, named)]
    if len({f.name for _, f in hits}) != 1:
        return None
    quiet: list[Diagnostic] = []
    root = body_from(aside.table, path, quiet)
    if root is None or not root.children:
        return None
    diagnostics.extend(quiet)
    name = hits[0][1].name
    where = Span(path, aside.table.line)
    what = f"table under {aside.caption!r} describes {name!r}; its rows are {name!r}'s properties"
    diagnostics.append(info("table-nested", what, where))
    indexes = {i for i, _ in hits}
    new = [
        replace(b, root=_with_children(b.root, name, root.children)) if i in indexes else b
        for i, b in enumerate(bodies)
    ]
    return _with_bodies(op, new)


def _names_in(caption: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z_][\w.]*", caption)}


def _fits(field: Field, named: set[str]) -> bool:
    return (
        field.name.lower() in named
        and not field.children
        and (field.type is None or is_object_like(field.type))
    )


def _fields(root: Field) -> list[Field]:
    out: list[Field] = []
    for child in root.children:
        out.append(child)
        out += _fields(child)
    return out


def _with_children(root: Field, name: str, children: tuple[Field, ...]) -> Field:
    kids = []
    for child in root.children:
        if child.name == name and not child.children:
            child = replace(child, type=with_object_items(child.type), children=children)
        elif child.children:
            child = _with_children(child, name, children)
        kids.append(child)
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
