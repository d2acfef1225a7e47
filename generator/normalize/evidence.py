"""Types and nullability from the page's own evidence, after the tables met the samples.

- A field or parameter documented as `Number` whose sample values are all integers, or, with
  no sample value, whose description speaks of a count, a timestamp, a limit, an index or a
  size, is an integer (`type-narrowed`): a generated client then takes `limit: int`.
- A field is nullable when a sample shows null for it (`nullable-from-example`) or its
  description says so: "null means success", "may be null", "or null"; never for "cannot be
  null" (`nullable-from-prose`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from generator.diagnostics import Diagnostic, info
from generator.model import Body, Field, Operation, Parameter, Scalar

_INTEGER_WORDS = re.compile(
    r"\b(?:count|number of|timestamp|unix time|milliseconds?|seconds?|minutes?|ms|limit|"
    r"page|pages|page size|size|total|index|offset|seq|sequence|quantity|times|amount of)\b",
    re.IGNORECASE,
)
_NULLABLE = re.compile(
    r"\b(?:(?:may|can|might|could|will|is|are)\s+(?:also\s+)?(?:be\s+)?null|or\s+null|"
    r"null\s+(?:means|indicates|if|when|for|otherwise)|returns?\s+null|nullable)\b",
    re.IGNORECASE,
)
_NOT_NULL = re.compile(
    r"\b(?:cannot|can't|can not|must not|mustn't|never|not)\s+(?:be\s+)?null\b|non-?null",
    re.IGNORECASE,
)
_NUMBER = Scalar("number")
_MISSING = object()
Values = dict[tuple[str, ...], list[object]]


def with_evidence(op: Operation, diagnostics: list[Diagnostic]) -> Operation:
    body = _body(op.request_body, diagnostics) if op.request_body else None
    responses = tuple(
        replace(r, body=_body(r.body, diagnostics)) if r.body is not None else r
        for r in op.responses
    )
    params = tuple(_parameter(p, diagnostics) for p in op.parameters)
    return replace(op, request_body=body, responses=responses, parameters=params)


def _body(body: Body, diagnostics: list[Diagnostic]) -> Body:
    values: Values = {}
    for example in body.examples:
        _collect(body.root, example.value, (), values)
    root = _field(body.root, (), values, diagnostics)
    return replace(body, root=root)


def _collect(field: Field, value: object, path: tuple[str, ...], out: Values) -> None:
    if value is _MISSING:
        return
    if isinstance(value, list) and not isinstance(field.type, Scalar):
        for item in value:
            _collect(field, item, path, out)
        return
    out.setdefault(path, []).append(value)
    if isinstance(value, dict):
        for child in field.children:
            _collect(child, value.get(child.name, _MISSING), (*path, child.name), out)


def _field(
    field: Field, path: tuple[str, ...], values: Values, diagnostics: list[Diagnostic]
) -> Field:
    seen = values.get(path, [])
    if field.name and field.type == _NUMBER and _integral(seen, field.description):
        field = replace(field, type=Scalar("integer"))
        _note(
            diagnostics,
            "type-narrowed",
            f"{field.name!r} is documented as a number; "
            "its samples and description show an integer",
            field,
        )
    if field.name and not field.nullable:
        if any(v is None for v in seen):
            field = replace(field, nullable=True)
            _note(
                diagnostics,
                "nullable-from-example",
                f"a sample shows {field.name!r} as null; it is nullable",
                field,
            )
        elif _says_nullable(field.description):
            field = replace(field, nullable=True)
            _note(
                diagnostics,
                "nullable-from-prose",
                f"the description of {field.name!r} says it may be null; it is nullable",
                field,
            )
    if not field.children:
        return field
    children = tuple(_field(c, (*path, c.name), values, diagnostics) for c in field.children)
    return replace(field, children=children)


def _parameter(p: Parameter, diagnostics: list[Diagnostic]) -> Parameter:
    if p.type != _NUMBER:
        return p
    sample: list[object] = [_number(p.example)] if p.example is not None else []
    if not _integral(sample, p.description):
        return p
    what = f"parameter {p.name!r} is documented as a number; its sample or prose shows an integer"
    diagnostics.append(info("type-narrowed", what, p.sources[0] if p.sources else None))
    return replace(p, type=Scalar("integer"))


def _number(text: str) -> object:
    try:
        return int(text)
    except ValueError:
        return text


def _integral(seen: list[object], description: str) -> bool:
    numbers = [v for v in seen if v is not None]
    if numbers:
        return all(isinstance(v, int) and not isinstance(v, bool) for v in numbers)
    return bool(_INTEGER_WORDS.search(description))


def _says_nullable(description: str) -> bool:
    return bool(_NULLABLE.search(description)) and not _NOT_NULL.search(description)


def _note(diagnostics: list[Diagnostic], code: str, what: str, field: Field) -> None:
    span = field.sources[0] if field.sources else None
    diagnostics.append(info(code, what, span))
