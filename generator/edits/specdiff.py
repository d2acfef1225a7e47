"""The changes between two versions of a spec, each marked breaking or not for clients.

Breaking: an operation or a documented response removed; a parameter added as required or
made required; a request body made required or given a new required property; a type
changed; enum values removed; a response property removed. Everything else (additions,
wording) is listed as a change that breaks nothing. Local $refs are followed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generator.model import HTTP_METHODS
from generator.pointer import lookup

Node = Any
_DEPTH = 24


@dataclass(frozen=True, slots=True)
class Change:
    code: str
    breaking: bool
    where: str
    message: str

    def render(self) -> str:
        flag = "BREAKING" if self.breaking else "change  "
        return f"{flag}  {self.code}  {self.where}: {self.message}"


@dataclass(frozen=True, slots=True)
class _Ctx:
    old: dict[str, Any]
    new: dict[str, Any]
    where: str


def diff_specs(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    old_ops, new_ops = _operations(old), _operations(new)
    changes: list[Change] = []
    for key in sorted(old_ops.keys() - new_ops.keys()):
        changes.append(Change("operation-removed", True, key, "operation removed"))
    for key in sorted(new_ops.keys() - old_ops.keys()):
        changes.append(Change("operation-added", False, key, "operation added"))
    for key in sorted(old_ops.keys() & new_ops.keys()):
        ctx = _Ctx(old, new, key)
        changes += _operation(ctx, old_ops[key], new_ops[key])
    return changes


def _operations(spec: dict[str, Any]) -> dict[str, tuple[Node, Node]]:
    out: dict[str, tuple[Node, Node]] = {}
    for path, raw in (spec.get("paths") or {}).items():
        item = _resolve(spec, raw)
        for method in HTTP_METHODS:
            if isinstance(item.get(method), dict):
                out[f"{method.upper()} {path}"] = (item, item[method])
    return out


def _resolve(spec: dict[str, Any], node: Node, depth: int = 0) -> Node:
    while isinstance(node, dict) and isinstance(node.get("$ref"), str) and depth < _DEPTH:
        ref = node["$ref"]
        target = lookup(spec, ref) if ref.startswith("#") else None
        if target is None:
            return {}
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
        depth += 1
    return node if isinstance(node, dict) else {}


def _operation(ctx: _Ctx, old: tuple[Node, Node], new: tuple[Node, Node]) -> list[Change]:
    changes = list(_parameters(ctx, _params(ctx.old, *old), _params(ctx.new, *new)))
    changes += _request_body(ctx, old[1].get("requestBody"), new[1].get("requestBody"))
    changes += _responses(ctx, old[1].get("responses") or {}, new[1].get("responses") or {})
    return changes


def _params(spec: dict[str, Any], item: Node, op: Node) -> dict[tuple[str, str], Node]:
    out: dict[tuple[str, str], Node] = {}
    for raw in [*(item.get("parameters") or []), *(op.get("parameters") or [])]:
        param = _resolve(spec, raw)
        if "name" in param:
            name = str(param["name"])
            where = str(param.get("in", ""))
            out[(where, name.lower() if where == "header" else name)] = param
    return out


def _parameters(
    ctx: _Ctx, old: dict[tuple[str, str], Node], new: dict[tuple[str, str], Node]
) -> Iterator[Change]:
    for key in sorted(old.keys() - new.keys()):
        yield Change(
            "parameter-removed", False, ctx.where, f"{key[0]} parameter {key[1]!r} removed"
        )
    for key in sorted(new.keys() - old.keys()):
        required = bool(new[key].get("required"))
        code = "parameter-added-required" if required else "parameter-added"
        yield Change(
            code,
            required,
            ctx.where,
            f"{key[0]} parameter {key[1]!r} added" + (" as required" if required else ""),
        )
    for key in sorted(old.keys() & new.keys()):
        if not old[key].get("required") and new[key].get("required"):
            yield Change(
                "parameter-became-required",
                True,
                ctx.where,
                f"{key[0]} parameter {key[1]!r} became required",
            )
        yield from _schema(
            ctx,
            old[key].get("schema"),
            new[key].get("schema"),
            f"{key[0]} parameter {key[1]!r}",
            request=True,
        )


def _request_body(ctx: _Ctx, old: Node, new: Node) -> Iterator[Change]:
    old, new = _resolve(ctx.old, old), _resolve(ctx.new, new)
    if not old and not new:
        return
    if not old.get("required") and new.get("required"):
        yield Change(
            "request-body-became-required", True, ctx.where, "request body became required"
        )
    yield from _content(
        ctx, old.get("content") or {}, new.get("content") or {}, "request body", request=True
    )


def _responses(ctx: _Ctx, old: Node, new: Node) -> Iterator[Change]:
    for status in sorted(set(old) - set(new), key=str):
        yield Change("response-removed", True, ctx.where, f"response {status} removed")
    for status in sorted(set(new) - set(old), key=str):
        yield Change("response-added", False, ctx.where, f"response {status} added")
    for status in sorted(set(old) & set(new), key=str):
        o, n = _resolve(ctx.old, old[status]), _resolve(ctx.new, new[status])
        yield from _content(
            ctx, o.get("content") or {}, n.get("content") or {}, f"response {status}", request=False
        )


def _content(ctx: _Ctx, old: Node, new: Node, what: str, *, request: bool) -> Iterator[Change]:
    for media in sorted(set(old) & set(new)):
        yield from _schema(
            ctx,
            (old[media] or {}).get("schema"),
            (new[media] or {}).get("schema"),
            what,
            request=request,
        )
    for media in sorted(set(old) - set(new)):
        yield Change("media-type-removed", True, ctx.where, f"{what}: {media} removed")


def _schema(
    ctx: _Ctx, old: Node, new: Node, what: str, *, request: bool, depth: int = 0
) -> Iterator[Change]:
    if old is None or new is None or depth > _DEPTH:
        return
    old, new = _flat(ctx.old, old), _flat(ctx.new, new)
    if _type(old) and _type(new) and _type(old) != _type(new):
        yield Change(
            "type-changed", True, ctx.where, f"{what}: type {_type(old)} became {_type(new)}"
        )
        return
    yield from _enum(ctx, old, new, what, request=request)
    yield from _properties(ctx, old, new, what, request=request, depth=depth)
    if "items" in old and "items" in new:
        yield from _schema(
            ctx, old["items"], new["items"], f"{what}[]", request=request, depth=depth + 1
        )


def _flat(spec: dict[str, Any], schema: Node) -> Node:
    """A schema with its $ref and allOf members merged into one view."""
    schema = _resolve(spec, schema)
    members = [_flat(spec, m) for m in schema.get("allOf") or [] if isinstance(m, dict)]
    if not members:
        return schema
    merged: dict[str, Any] = {k: v for k, v in schema.items() if k != "allOf"}
    properties: dict[str, Any] = {}
    required: list[str] = []
    for member in members:  # later members refine earlier ones; the schema's own win last
        merged.setdefault("type", member.get("type"))
        properties.update(member.get("properties") or {})
        required += member.get("required") or []
    merged["properties"] = {**properties, **(schema.get("properties") or {})}
    merged["required"] = [*required, *(schema.get("required") or [])]
    return merged


def _type(schema: Node) -> str:
    kind = schema.get("type")
    return "/".join(sorted(kind)) if isinstance(kind, list) else str(kind or "")


def _enum(ctx: _Ctx, old: Node, new: Node, what: str, *, request: bool) -> Iterator[Change]:
    if "enum" not in old or "enum" not in new:
        return
    removed = [v for v in old["enum"] if v not in new["enum"]]
    added = [v for v in new["enum"] if v not in old["enum"]]
    if removed:
        yield Change("enum-narrowed", True, ctx.where, f"{what}: values {removed} removed")
    if added:
        yield Change("enum-widened", not request, ctx.where, f"{what}: values {added} added")


def _properties(
    ctx: _Ctx, old: Node, new: Node, what: str, *, request: bool, depth: int
) -> Iterator[Change]:
    old_props, new_props = old.get("properties") or {}, new.get("properties") or {}
    newly_required = set(new.get("required") or []) - set(old.get("required") or [])
    for name in old_props:
        if name not in new_props:
            yield Change(
                "property-removed", not request, ctx.where, f"{what}: property {name!r} removed"
            )
    for name in new_props:
        if name not in old_props:
            breaking = request and name in newly_required
            yield Change(
                "property-added",
                breaking,
                ctx.where,
                f"{what}: property {name!r} added" + (" as required" if breaking else ""),
            )
        else:
            if request and name in newly_required:
                yield Change(
                    "property-became-required",
                    True,
                    ctx.where,
                    f"{what}: property {name!r} became required",
                )
            yield from _schema(
                ctx,
                old_props[name],
                new_props[name],
                f"{what}.{name}",
                request=request,
                depth=depth + 1,
            )
