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
    by_key: dict[tuple[str, str], Operation] = {}
    for doc in documents:
        for op in doc.operations:
            known = by_key.get(op.key)
            by_key[op.key] = op if known is None else merge_operation(known, op, diagnostics)
    title = next((d.title for d in documents if d.title), None)
    sources = tuple(s for d in documents for s in d.sources)
    return Merged(ApiDocument(title, tuple(by_key.values()), sources), tuple(diagnostics))


def merge_operation(a: Operation, b: Operation, out: list[Diagnostic]) -> Operation:
    """Two descriptions of one operation as one, by the policy above."""
    where = f"{a.method.upper()} {a.path}"
    return replace(
        a,
        title=_title(a, b, where, out),
        sources=a.sources + b.sources,
        tag=a.tag or b.tag,
        description=a.description or b.description,
        parameters=_union(
            a.parameters, b.parameters, _param_key, lambda x, y: _parameter(x, y, out, where)
        ),
        request_body=_body(a.request_body, b.request_body, out, f"{where} body"),
        responses=_union(
            a.responses, b.responses, lambda r: r.status, lambda x, y: _response(x, y, out, where)
        ),
        anchor=a.anchor or b.anchor,
        servers=a.servers or b.servers,
        error_codes=_union(a.error_codes, b.error_codes, lambda e: e.code, lambda x, _: x),
        rate_limit=a.rate_limit or b.rate_limit,
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
    a: tuple[T, ...], b: tuple[T, ...], key: Callable[[T], object], merge: Callable[[T, T], T]
) -> tuple[T, ...]:
    merged = {key(x): x for x in a}
    for y in b:
        k = key(y)
        merged[k] = merge(merged[k], y) if k in merged else y
    return tuple(merged.values())


def _parameter(a: Parameter, b: Parameter, out: list[Diagnostic], where: str) -> Parameter:
    what = f"{where} {a.location} parameter {a.name!r}"
    return replace(
        a,
        type=_type(a.type, b.type, what, (a.sources, b.sources), out),
        required=_required(a.required, b.required, what, (a.sources, b.sources), out),
        description=_description(a.description, b.description, what, (a.sources, b.sources), out),
        sources=a.sources + b.sources,
        raw_type=a.raw_type or b.raw_type,
        default=a.default if a.default is not None else b.default,
    )


def _field(a: Field, b: Field, out: list[Diagnostic], context: str) -> Field:
    what = f"{context} field {a.name!r}" if a.name else context
    where = (a.sources, b.sources)
    return replace(
        a,
        type=_type(a.type, b.type, what, where, out),
        required=_required(a.required, b.required, what, where, out),
        description=_description(a.description, b.description, what, where, out),
        sources=a.sources + b.sources,
        raw_type=a.raw_type or b.raw_type,
        default=a.default if a.default is not None else b.default,
        children=_union(
            a.children, b.children, lambda f: f.name, lambda x, y: _field(x, y, out, context)
        ),
    )


def _body(a: Body | None, b: Body | None, out: list[Diagnostic], context: str) -> Body | None:
    if a is None or b is None:
        return a or b
    return Body(
        a.media_type,
        _field(a.root, b.root, out, context),
        a.examples + b.examples,
        a.alternatives + b.alternatives,
    )


def _response(a: Response, b: Response, out: list[Diagnostic], where: str) -> Response:
    body = _body(a.body, b.body, out, f"{where} response {a.status}")
    return Response(a.status, body, a.sources + b.sources)


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
