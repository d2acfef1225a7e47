"""Tables checked against the document's own examples.

- Where a table says only Array/JSON/Object, the items or properties come from the examples
  (every key of items that share at least one: items with no common keys are maps, left
  free-form).
- Where a table and an example disagree on object vs array, the example wins (it is what the
  API returns) and a warning names both places; scalar disagreements are reported only.
- Where the table's fields all sit inside one wrapper key of the example (`UserAttrs: [...]`)
  the wrapper the table omits is restored, reported.
"""

from __future__ import annotations

from dataclasses import replace

from generator.diagnostics import Diagnostic, info, warning
from generator.model import (
    AnyType,
    ArrayOf,
    Body,
    Example,
    Field,
    ObjectType,
    Operation,
    Ref,
    Scalar,
    TypeExpr,
)
from generator.normalize.relocate import relocated


def reconcile(op: Operation, diagnostics: list[Diagnostic]) -> Operation:
    body = op.request_body
    if body is not None:
        body = _body(body, diagnostics)
    responses = tuple(
        replace(r, body=_body(r.body, diagnostics)) if r.body is not None else r
        for r in op.responses
    )
    return replace(op, request_body=body, responses=responses)


def _body(body: Body, diagnostics: list[Diagnostic]) -> Body:
    variants = [body.root, *body.alternatives]
    examples = [_wrapped(variants, shown, diagnostics) for shown in body.examples]
    for index, variant in enumerate(variants):
        own = [e for e in examples if _variant_for(variants, e.value) == index]
        variants[index] = relocated(variant, own, diagnostics)
    for example in examples:
        index = _variant_for(variants, example.value)
        variants[index] = _match(variants[index], example.value, example, diagnostics)
    return replace(
        body, root=variants[0], alternatives=tuple(variants[1:]), examples=tuple(examples)
    )


def _wrapped(variants: list[Field], example: Example, diagnostics: list[Diagnostic]) -> Example:
    """A bare array shown where the table documents one array field (`users`) and no
    variant is an array: the sample is the field's value, wrapped as the table says."""
    root = variants[0]
    if not isinstance(example.value, list) or any(isinstance(v.type, ArrayOf) for v in variants):
        return example
    if len(root.children) != 1 or not isinstance(root.children[0].type, ArrayOf | None):
        return example
    name = root.children[0].name
    diagnostics.append(
        warning(
            "example-wrapper-missing",
            f"the sample is a bare array; the table puts it in {name!r}: the sample is wrapped",
            example.sources[0],
            related=root.children[0].sources[:1],
        )
    )
    return replace(example, value={name: example.value})


def _variant_for(variants: list[Field], value: object) -> int:
    want_array = isinstance(value, list)
    for index, root in enumerate(variants):
        if isinstance(root.type, ArrayOf) == want_array:
            return index
    return 0


def _match(field: Field, value: object, example: Example, diags: list[Diagnostic]) -> Field:
    if value is None or isinstance(field.type, Ref):  # a named schema is checked as itself
        return field
    if field.type is None:
        return _inferred(field, value, example)
    shown = _container_conflict(field.type, value)
    if shown:
        return _conflict(field, value, example, diags, shown)
    if isinstance(field.type, Scalar):
        _check_scalar(field, field.type, value, example, diags)
        return field
    return _match_container(field, value, example, diags)


def _match_container(
    field: Field, value: object, example: Example, diags: list[Diagnostic]
) -> Field:
    if isinstance(value, list):
        return _match_items(field, value, example, diags)
    if isinstance(value, dict) and field.children:
        return replace(field, children=_match_children(field.children, value, example, diags))
    return field


def _container_conflict(type_: TypeExpr, value: object) -> str:
    if isinstance(value, list) and not isinstance(type_, ArrayOf):
        return "an array"
    if isinstance(value, dict) and isinstance(type_, ArrayOf | Scalar):
        return "an object"
    return ""


def _match_children(
    children: tuple[Field, ...],
    value: dict[str, object],
    example: Example,
    diags: list[Diagnostic],
) -> tuple[Field, ...]:
    return tuple(
        _match(child, value[child.name], example, diags) if child.name in value else child
        for child in children
    )


def _match_items(
    field: Field, items: list[object], example: Example, diags: list[Diagnostic]
) -> Field:
    assert isinstance(field.type, ArrayOf)
    dicts = [i for i in items if isinstance(i, dict)]
    if field.children:
        children = field.children
        for item in dicts:
            children = _match_children(children, item, example, diags)
        return replace(field, children=children)
    if isinstance(field.type.items, AnyType | ObjectType) and items:
        inferred = _inferred(replace(field, type=None), items, example)
        if inferred.children or inferred.type != field.type:
            diags.append(
                info(
                    "schema-inferred-from-example",
                    f"items of {field.name or 'the body'!r} typed from the example",
                    field.sources[0],
                    related=example.sources,
                )
            )
        return replace(field, type=inferred.type, children=inferred.children)
    return field


def _conflict(
    field: Field, value: object, example: Example, diags: list[Diagnostic], shown: str
) -> Field:
    diags.append(
        warning(
            "example-type-conflict",
            f"{field.name or 'the body'!r} is documented "
            f"as {field.raw_type or 'another type'!r} but the example shows {shown}; "
            "the example is followed",
            field.sources[0],
            related=example.sources,
        )
    )
    inferred = _inferred(replace(field, type=None, children=()), value, example)
    return replace(inferred, raw_type=field.raw_type, description=field.description)


def _check_scalar(
    field: Field, type_: Scalar, value: object, example: Example, diags: list[Diagnostic]
) -> None:
    kind = _kind(value)
    ok = kind == type_.kind or (kind == "integer" and type_.kind == "number")
    if not ok:
        diags.append(
            warning(
                "example-type-conflict",
                f"{field.name!r} is documented as {type_.kind} but the example shows {kind}",
                field.sources[0],
                related=example.sources,
            )
        )


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def _inferred(field: Field, value: object, example: Example) -> Field:
    """The field typed (and its children built) from a sample value."""
    if isinstance(value, dict):
        children = tuple(
            _inferred(Field(k, None, None, "", example.sources), v, example)
            for k, v in value.items()
        )
        return replace(field, type=ObjectType(), children=field.children or children)
    if isinstance(value, list):
        return _inferred_items(field, value, example)
    if value is None:
        return replace(field, type=field.type or AnyType())
    return replace(field, type=Scalar(_kind(value)))  # type: ignore[arg-type]


def _record_keys(dicts: list[dict[str, object]]) -> list[str]:
    """The keys of array items that are records (they share at least one key): every key
    any item has, in order of appearance. Items sharing none are maps: no keys."""
    if not set(dicts[0]).intersection(*dicts[1:]):
        return []
    return list(dict.fromkeys(k for d in dicts for k in d))


def _first_value(dicts: list[dict[str, object]], key: str) -> object:
    values = [d[key] for d in dicts if key in d]
    return next((v for v in values if v is not None), None)


def _inferred_items(field: Field, items: list[object], example: Example) -> Field:
    dicts = [i for i in items if isinstance(i, dict)]
    if dicts and len(dicts) == len(items):
        children = tuple(
            _inferred(Field(k, None, None, "", example.sources), _first_value(dicts, k), example)
            for k in _record_keys(dicts)
        )
        return replace(field, type=ArrayOf(ObjectType()), children=field.children or children)
    first = next((i for i in items if i is not None), None)
    if first is None:
        return replace(field, type=ArrayOf(AnyType()))
    item = _inferred(Field("", None, None, "", example.sources), first, example)
    return replace(field, type=ArrayOf(item.type or AnyType()), children=item.children)
