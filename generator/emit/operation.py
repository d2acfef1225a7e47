"""One operation of the model drafted as an OpenAPI operation object (with SRC markers)."""

from __future__ import annotations

import re
from collections.abc import Callable
from http import HTTPStatus

from generator.diagnostics import Diagnostic, Span, info, warning
from generator.emit.components import DOCUMENTED
from generator.emit.naming import summary_from_path, words
from generator.emit.schemas import (
    RAW,
    SRC,
    Schema,
    coerce,
    component_name,
    describe,
    field_schema,
    ordered,
    put_enum,
    type_schema,
)
from generator.model import Body, Example, Operation, Parameter, Scalar, TypeExpr

_PATH_VARIABLE = re.compile(r"\{([^}/]+)\}")

Locate = Callable[[Span], str]


def draft_operation(op: Operation, op_id: str, locate: Locate, diags: list[Diagnostic]) -> Schema:
    draft: Schema = {}
    if op.tag:
        draft["tags"] = [op.tag]
    draft["summary"] = _summary(op, diags)
    if op.description:
        draft["description"] = op.description
    draft["operationId"] = op_id
    draft["x-source"] = [locate(s) for s in op.sources]
    draft.update(_extras(op))
    params = [_parameter(p, diags) for p in op.parameters]
    params += _undocumented_path_params(op, diags)
    draft["parameters"] = params
    if op.request_body is not None:
        draft["requestBody"] = _request_body(op.request_body, diags)
    draft["responses"] = _responses(op, diags)
    if op.security is not None:
        draft[DOCUMENTED] = [
            {component_name(name): list(scopes) for name, scopes in r} for r in op.security
        ]
    draft[SRC] = op.sources
    return draft


def _summary(op: Operation, diags: list[Diagnostic]) -> str:
    if not op.title.placeholder:
        return op.title.text
    summary = summary_from_path(op.method, op.path)
    diags.append(
        info(
            "summary-derived",
            f"{op.method.upper()} {op.path}: summary {summary!r} derived from the path",
            op.sources[0],
        )
    )
    return summary


def _extras(op: Operation) -> Schema:
    out: Schema = {}
    if op.rate_limit is not None:
        limit = op.rate_limit
        out["x-rate-limit"] = {
            "limit": limit.limit,
            "period": limit.period,
            "description": limit.text,
            SRC: limit.sources,
        }
    if op.error_codes:
        out["x-error-codes"] = [
            {
                "code": int(e.code) if e.code.isdigit() else e.code,
                "description": e.description,
                SRC: e.sources,
            }
            for e in op.error_codes
        ]
    return out


def _parameter(p: Parameter, diags: list[Diagnostic]) -> Schema:
    type_: TypeExpr
    if p.type is None:
        type_ = _unstated_type(p)
        diags.append(
            info(
                "type-unstated",
                f"{p.location} parameter {p.name!r} has no type; taken as {type_.kind}"
                + (" (from its default)" if p.default else ""),
                p.sources[0],
            )
        )
    else:
        type_ = p.type
    schema = type_schema(type_)
    describe(
        schema, p.description, default=p.default, t=type_, sources=p.sources, diagnostics=diags
    )
    if p.enum:
        put_enum(schema, p.enum, type_)
    description = schema.pop("description", "")
    out: Schema = {"name": p.name, "in": p.location}
    if description:
        out["description"] = description
    if p.required is not None or p.location == "path":
        out["required"] = bool(p.required) or p.location == "path"
    out["schema"] = ordered(schema)
    if p.raw_type:
        out["schema"][RAW] = p.raw_type
    if p.example is not None:
        example = coerce(p.example, str(schema.get("type", "string")))
        out["example"] = example if example is not None else p.example
    out[SRC] = p.sources
    return out


def _unstated_type(p: Parameter) -> Scalar:
    """A parameter documented without a type: typed by its default when it has one
    (`false` -> boolean, `10` -> integer), else a string, as query strings are."""
    default = (p.default or "").strip().lower()
    if default in ("true", "false"):
        return Scalar("boolean")
    if default.lstrip("-").isdigit():
        return Scalar("integer")
    return Scalar("string")


def _undocumented_path_params(op: Operation, diags: list[Diagnostic]) -> list[Schema]:
    documented = {p.name for p in op.parameters if p.location == "path"}
    out: list[Schema] = []
    for name in _PATH_VARIABLE.findall(op.path):
        if name not in documented:
            diags.append(
                warning(
                    "path-parameter-undocumented",
                    f"{{{name}}} in {op.path} is not documented; declared as a string",
                    op.sources[0],
                )
            )
            out.append(
                {
                    "name": name,
                    "in": "path",
                    "required": True,
                    "schema": {"type": "string"},
                    SRC: op.sources,
                }
            )
    return out


def _request_body(body: Body, diags: list[Diagnostic]) -> Schema:
    root = body.root
    required = root.required if not root.children else any(c.required for c in root.children)
    out: Schema = {}
    if not root.children and root.description:
        out["description"] = root.description
    if required or body.alternatives:
        out["required"] = True
    out["content"] = {body.media_type: _media(body, diags)}
    out[SRC] = root.sources
    return out


def _media(body: Body, diags: list[Diagnostic]) -> Schema:
    schemas = [field_schema(f, diags) for f in (body.root, *body.alternatives)]
    for schema in schemas:
        if not body.root.children:
            schema.pop("description", None)
    media: Schema = {"schema": schemas[0] if len(schemas) == 1 else {"oneOf": schemas}}
    if body.examples:
        media["examples"] = _examples(body.examples)
    return media


def _examples(examples: tuple[Example, ...]) -> Schema:
    out: Schema = {}
    for example in examples:
        key = "-".join(words(example.summary)) or "example"
        n = 2
        while key in out:
            key = f"{'-'.join(words(example.summary))}-{n}"
            n += 1
        out[key] = {"summary": example.summary, "value": example.value, SRC: example.sources}
    return out


def _responses(op: Operation, diags: list[Diagnostic]) -> Schema:
    out: Schema = {}
    for response in sorted(op.responses, key=lambda r: r.status):
        entry: Schema = {"description": _phrase(response.status)}
        if response.body is not None:
            entry["content"] = {response.body.media_type: _media(response.body, diags)}
        entry[SRC] = response.sources
        out[response.status] = entry
    if not out:
        diags.append(
            warning(
                "response-undocumented",
                f"{op.method.upper()} {op.path} documents no response; a bare 200 is assumed",
                op.sources[0],
            )
        )
        out["200"] = {"description": "OK"}
    return out


def _phrase(status: str) -> str:
    try:
        return HTTPStatus(int(status)).phrase
    except ValueError:
        return "Response"
