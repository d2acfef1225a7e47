"""The API model to an OpenAPI 3.1 document (a plain dict) plus its source map.

Drafts each operation, then runs the lifting passes (security, shared parameters, response
envelope, shared schemas) and finally pulls the provenance markers out into the source map.
Everything is ordered deterministically: paths sorted, methods in HTTP_METHODS order,
components sorted by name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

from generator.diagnostics import Diagnostic, Span, info, warning
from generator.emit.components import lift_envelope, lift_security, share_parameters
from generator.emit.naming import operation_id, summary_from_path, unique
from generator.emit.schemas import SRC, Schema, describe, field_schema, ordered, type_schema
from generator.emit.sharing import share_schemas
from generator.emit.sourcemap import SourceMap, extract
from generator.model import HTTP_METHODS, ApiDocument, Body, Operation, Parameter, Scalar

_PATH_VARIABLE = re.compile(r"\{([^}/]+)\}")
ENVELOPE = "ApiResponse"


@dataclass(frozen=True, slots=True)
class Server:
    url: str
    description: str = ""


@dataclass(frozen=True, slots=True)
class SpecInfo:
    title: str
    version: str
    description: str = ""
    servers: tuple[Server, ...] = ()


@dataclass(frozen=True, slots=True)
class Emitted:
    spec: dict[str, Any]
    sourcemap: SourceMap
    diagnostics: tuple[Diagnostic, ...]


Locate = Callable[[Span], str]


def emit(api: ApiDocument, spec_info: SpecInfo, locate: Locate = str) -> Emitted:
    diagnostics: list[Diagnostic] = []
    ops = sorted(api.operations, key=lambda o: (o.path, HTTP_METHODS.index(o.method)))
    taken: set[str] = set()
    paths: dict[str, dict[str, Any]] = {}
    drafts: list[dict[str, Any]] = []
    for op in ops:
        op_id = unique(operation_id(op.method, op.path), taken)
        taken.add(op_id)
        draft = _operation(op, op_id, locate, diagnostics)
        paths.setdefault(op.path, {})[op.method] = draft
        drafts.append(draft)
    components: dict[str, Any] = {}
    security = lift_security(drafts, components)
    share_parameters(drafts, components)
    lift_envelope(_response_roots(drafts), components, ENVELOPE)
    spec: dict[str, Any] = {"openapi": "3.1.0", "info": _info(spec_info)}
    if spec_info.servers:
        spec["servers"] = [_server(s) for s in spec_info.servers]
    if security:
        spec["security"] = security
    tags = list(dict.fromkeys(o.tag for o in api.operations if o.tag))
    if tags:
        spec["tags"] = [{"name": t} for t in tags]
    spec["paths"] = paths
    spec["components"] = components
    share_schemas(spec)
    spec["components"] = {k: dict(sorted(v.items())) for k, v in sorted(components.items()) if v}
    if not spec["components"]:
        del spec["components"]
    clean, sourcemap = extract(spec)
    return Emitted(clean, sourcemap, tuple(diagnostics))


def _info(spec_info: SpecInfo) -> dict[str, Any]:
    out: dict[str, Any] = {"title": spec_info.title, "version": spec_info.version}
    if spec_info.description:
        out["description"] = spec_info.description
    return out


def _server(server: Server) -> dict[str, Any]:
    out: dict[str, Any] = {"url": server.url}
    if server.description:
        out["description"] = server.description
    return out


def _operation(op: Operation, op_id: str, locate: Locate, diags: list[Diagnostic]) -> Schema:
    summary = op.title.text
    if op.title.placeholder:
        summary = summary_from_path(op.method, op.path)
        diags.append(
            info(
                "summary-derived",
                f"{op.method.upper()} {op.path}: summary {summary!r} derived from the path",
                op.sources[0],
            )
        )
    draft: Schema = {}
    if op.tag:
        draft["tags"] = [op.tag]
    draft["summary"] = summary
    if op.description:
        draft["description"] = op.description
    draft["operationId"] = op_id
    draft["x-source"] = [locate(s) for s in op.sources]
    params = [_parameter(p, diags) for p in op.parameters]
    params += _undocumented_path_params(op, diags)
    draft["parameters"] = params
    if op.request_body is not None:
        draft["requestBody"] = _request_body(op.request_body, diags)
    draft["responses"] = _responses(op, diags)
    draft[SRC] = op.sources
    return draft


def _parameter(p: Parameter, diags: list[Diagnostic]) -> Schema:
    type_ = p.type if p.type is not None else Scalar("string")
    if p.type is None:
        diags.append(
            info(
                "type-unstated",
                f"{p.location} parameter {p.name!r} has no type; taken as string",
                p.sources[0],
            )
        )
    schema = type_schema(type_)
    describe(
        schema, p.description, default=p.default, t=type_, sources=p.sources, diagnostics=diags
    )
    description = schema.pop("description", "")
    out: Schema = {"name": p.name, "in": p.location}
    if description:
        out["description"] = description
    if p.required is not None or p.location == "path":
        out["required"] = bool(p.required) or p.location == "path"
    out["schema"] = ordered(schema)
    out[SRC] = p.sources
    return out


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
    if required:
        out["required"] = True
    schema = field_schema(root, diags)
    if not root.children:
        schema.pop("description", None)
    out["content"] = {body.media_type: {"schema": schema}}
    out[SRC] = root.sources
    return out


def _responses(op: Operation, diags: list[Diagnostic]) -> Schema:
    out: Schema = {}
    for response in sorted(op.responses, key=lambda r: r.status):
        entry: Schema = {"description": _phrase(response.status)}
        if response.body is not None:
            schema = field_schema(response.body.root, diags)
            entry["content"] = {response.body.media_type: {"schema": schema}}
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


def _response_roots(drafts: list[Schema]) -> list[Schema]:
    return [
        media["schema"]
        for draft in drafts
        for status, response in draft["responses"].items()
        if status.startswith("2")
        for media_type, media in response.get("content", {}).items()
        if "json" in media_type
    ]
