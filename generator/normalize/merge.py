"""Merging several documents about one API into one model.

Policy (documents are given in merge order; the first is the primary):
- operations: the union, keyed by method and path;
- a real title beats a placeholder; two different real titles: the primary's;
- a stated type beats none; int64 beats int32 (the wider integer); other type conflicts: the
  primary's;
- an explicit required flag beats none; two different flags: the primary's;
- descriptions: a non-empty one beats an empty one; two different: the primary's;
- fields and parameters: the union, in the primary's order, then the others' new ones.
Every disagreement between two stated values is reported with both source locations.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from generator.diagnostics import Diagnostic, Span, info, warning
from generator.model import (
    ApiDocument,
    ArrayOf,
    Body,
    Field,
    Operation,
    Parameter,
    Response,
    Scalar,
    Title,
    TypeExpr,
)

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Merged:
    api: ApiDocument
    diagnostics: tuple[Diagnostic, ...]


def merge_documents(documents: Sequence[ApiDocument]) -> Merged:
    diagnostics: list[Diagnostic] = []
    groups: dict[tuple[str, str], list[Operation]] = {}
    for doc in documents:
        for op in doc.operations:
            groups.setdefault(op.key, []).append(op)
    operations = tuple(merge_operations(ops, diagnostics) for ops in groups.values())
    title = next((d.title for d in documents if d.title), None)
    sources = tuple(s for d in documents for s in d.sources)
    schemas = _union(
        [d.schemas for d in documents], lambda f: f.name, lambda g: _field(g, diagnostics, "")
    )
    security = _union([d.security_schemes for d in documents], lambda s: s.name, lambda g: g[0])
    api = ApiDocument(title, operations, sources, schemas, security)
    return Merged(api, tuple(diagnostics))


def merge_operation(a: Operation, b: Operation, out: list[Diagnostic]) -> Operation:
    """Two descriptions of one operation as one, by the policy above."""
    return merge_operations([a, b], out)


def merge_operations(ops: Sequence[Operation], out: list[Diagnostic]) -> Operation:
    """Several descriptions of one operation as one, in one pass (the cost is the size of
    the descriptions, however many there are), by the policy above."""
    first = ops[0]
    if len(ops) == 1:
        return first
    where = f"{first.method.upper()} {first.path}"
    title = first.title
    for op in ops[1:]:
        title = _title(replace(first, title=title), op, where, out)
    bodies = [op.request_body for op in ops if op.request_body is not None]
    return replace(
        first,
        title=title,
        sources=tuple(s for op in ops for s in op.sources),
        tag=next((op.tag for op in ops if op.tag), None),
        description=next((op.description for op in ops if op.description), ""),
        parameters=_union(
            [op.parameters for op in ops], _param_key, lambda g: _parameter(g, out, where)
        ),
        request_body=_body(bodies, out, f"{where} body") if bodies else None,
        responses=_union(
            [op.responses for op in ops], lambda r: r.status, lambda g: _response(g, out, where)
        ),
        anchor=next((op.anchor for op in ops if op.anchor), None),
        servers=next((op.servers for op in ops if op.servers), ()),
        error_codes=_union([op.error_codes for op in ops], lambda e: e.code, lambda g: g[0]),
        rate_limit=next((op.rate_limit for op in ops if op.rate_limit), None),
        security=next((op.security for op in ops if op.security is not None), None),
    )


def _title(a: Operation, b: Operation, where: str, out: list[Diagnostic]) -> Title:
    if a.title.placeholder and not b.title.placeholder:
        return b.title
    if not b.title.placeholder and a.title.text != b.title.text:
        out.append(
            info(
                "merge-title-differs",
                f"{where}: title {a.title.text!r} kept over {b.title.text!r}",
                a.sources[0],
                related=b.sources[:1],
            )
        )
    return a.title


def _param_key(p: Parameter) -> tuple[str, str]:
    return (p.location, p.name.lower() if p.location == "header" else p.name)


def _union(
    lists: Sequence[tuple[T, ...]], key: Callable[[T], object], merge: Callable[[list[T]], T]
) -> tuple[T, ...]:
    """The items of every list, those with one key merged into one, in first-seen order."""
    groups: dict[object, list[T]] = {}
    for items in lists:
        for item in items:
            groups.setdefault(key(item), []).append(item)
    return tuple(group[0] if len(group) == 1 else merge(group) for group in groups.values())


def _stated(
    group: Sequence[Field] | Sequence[Parameter], what: str, out: list[Diagnostic]
) -> tuple[TypeExpr | None, bool | None, str]:
    """The type, required flag and description the first statement of each keeps, each
    disagreement with a later one reported."""
    a = group[0]
    type_, required, description = a.type, a.required, a.description
    for b in group[1:]:
        seen = (a.sources, b.sources)
        type_ = _type(type_, b.type, what, seen, out)
        required = _required(required, b.required, what, seen, out)
        description = _description(description, b.description, what, seen, out)
    return type_, required, description


def _parameter(group: list[Parameter], out: list[Diagnostic], where: str) -> Parameter:
    a = group[0]
    type_, required, description = _stated(group, f"{where} {a.location} parameter {a.name!r}", out)
    return replace(
        a,
        type=type_,
        required=required,
        description=description,
        sources=tuple(s for p in group for s in p.sources),
        raw_type=next((p.raw_type for p in group if p.raw_type), ""),
        default=next((p.default for p in group if p.default is not None), None),
    )


def _field(group: list[Field], out: list[Diagnostic], context: str) -> Field:
    a = group[0]
    what = f"{context} field {a.name!r}" if a.name else context
    type_, required, description = _stated(group, what, out)
    return replace(
        a,
        type=type_,
        required=required,
        description=description,
        sources=tuple(s for f in group for s in f.sources),
        raw_type=next((f.raw_type for f in group if f.raw_type), ""),
        default=next((f.default for f in group if f.default is not None), None),
        nullable=any(f.nullable for f in group),
        read_only=all(f.read_only for f in group),
        write_only=all(f.write_only for f in group),
        enum=next((f.enum for f in group if f.enum), ()),
        children=_union(
            [f.children for f in group], lambda f: f.name, lambda g: _field(g, out, context)
        ),
    )


def _body(group: list[Body], out: list[Diagnostic], context: str) -> Body:
    if len(group) == 1:
        return group[0]
    return Body(
        group[0].media_type,
        _field([b.root for b in group], out, context),
        tuple(e for b in group for e in b.examples),
        tuple(a for b in group for a in b.alternatives),
    )


def _response(group: list[Response], out: list[Diagnostic], where: str) -> Response:
    bodies = [r.body for r in group if r.body is not None]
    body = _body(bodies, out, f"{where} response {group[0].status}") if bodies else None
    return Response(group[0].status, body, tuple(s for r in group for s in r.sources))


Where = tuple[tuple[Span, ...], tuple[Span, ...]]


def _type(
    a: TypeExpr | None, b: TypeExpr | None, what: str, where: Where, out: list[Diagnostic]
) -> TypeExpr | None:
    if a is None or b is None or a == b:
        return a if a is not None else b
    wider = _wider_integer(a, b)
    if wider is not None:
        out.append(
            warning(
                "merge-type-conflict",
                f"{what}: {_show(a)} vs {_show(b)}; the wider {_show(wider)} is kept",
                where[0][0],
                related=where[1][:1],
            )
        )
        return wider
    out.append(
        warning(
            "merge-type-conflict",
            f"{what}: {_show(a)} kept over {_show(b)}",
            where[0][0],
            related=where[1][:1],
        )
    )
    return a


def _wider_integer(a: TypeExpr, b: TypeExpr) -> TypeExpr | None:
    if isinstance(a, ArrayOf) and isinstance(b, ArrayOf):
        inner = _wider_integer(a.items, b.items)
        return ArrayOf(inner) if inner is not None else None
    if isinstance(a, Scalar) and isinstance(b, Scalar) and a.kind == b.kind == "integer":
        order = {None: 0, "int32": 1, "int64": 2}
        return a if order.get(a.format, 0) >= order.get(b.format, 0) else b
    return None


def _show(t: TypeExpr) -> str:
    if isinstance(t, ArrayOf):
        return f"array[{_show(t.items)}]"
    if isinstance(t, Scalar):
        return t.format or t.kind
    return type(t).__name__.removesuffix("Type").lower()


def _required(
    a: bool | None, b: bool | None, what: str, where: Where, out: list[Diagnostic]
) -> bool | None:
    if a is None or b is None or a == b:
        return a if a is not None else b
    out.append(
        warning(
            "merge-required-conflict",
            f"{what}: required={a} kept over required={b}",
            where[0][0],
            related=where[1][:1],
        )
    )
    return a


def _description(a: str, b: str, what: str, where: Where, out: list[Diagnostic]) -> str:
    if not a or not b or a == b:
        return a or b
    out.append(
        info(
            "merge-description-differs",
            f"{what}: description {a!r} kept over {b!r}",
            where[0][0],
            related=where[1][:1],
        )
    )
    return a
