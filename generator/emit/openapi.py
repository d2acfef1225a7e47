"""The API model to an OpenAPI 3.1 document (a plain dict) plus its source map.

Drafts each operation, then runs the lifting passes (security, shared parameters, response
envelope, shared schemas) and finally pulls the provenance markers out into the source map.
Everything is ordered deterministically: paths sorted, methods in HTTP_METHODS order,
components sorted by name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from generator.diagnostics import Diagnostic
from generator.edits.canonical import canonical
from generator.emit.components import (
    lift_envelope,
    lift_security,
    scheme_object,
    share_parameters,
)
from generator.emit.naming import operation_id, unique
from generator.emit.operation import Locate, draft_operation
from generator.emit.schemas import Schema, component_name, field_schema
from generator.emit.sharing import share_schemas
from generator.emit.sourcemap import RawTypes, SourceMap, extract
from generator.model import HTTP_METHODS, ApiDocument, Operation, Server

_PATH_VARIABLE = re.compile(r"\{([^}/]+)\}")
ENVELOPE = "ApiResponse"
# OpenAPI's own default when no server is given, stated: linters reject an empty server list.
_NO_SERVER = MappingProxyType(
    {"url": "/", "description": "No server is documented: paths are relative to the host"}
)


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
    raw_types: RawTypes


def emit(api: ApiDocument, spec_info: SpecInfo, locate: Locate = str) -> Emitted:
    diagnostics: list[Diagnostic] = []
    ops = sorted(api.operations, key=lambda o: (o.path, HTTP_METHODS.index(o.method)))
    taken: set[str] = set()
    paths: dict[str, dict[str, Any]] = {}
    drafts: list[dict[str, Any]] = []
    for op in ops:
        op_id = unique(operation_id(op.method, op.path), taken)
        taken.add(op_id)
        draft = draft_operation(op, op_id, locate, diagnostics)
        paths.setdefault(op.path, {})[op.method] = draft
        drafts.append(draft)
    components: dict[str, Any] = {}
    if api.schemas:
        components["schemas"] = {
            component_name(f.name): field_schema(f, diagnostics) for f in api.schemas
        }
    if api.security_schemes:
        components["securitySchemes"] = {s.name: scheme_object(s) for s in api.security_schemes}
    security = lift_security(drafts, components)
    share_parameters([(op.path, d) for op, d in zip(ops, drafts, strict=True)], components)
    lift_envelope(_response_roots(drafts), components, ENVELOPE)
    spec: dict[str, Any] = {"openapi": "3.1.0", "info": _info(spec_info)}
    spec["servers"] = _servers(spec_info, ops, paths) or [dict(_NO_SERVER)]
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
    clean, sourcemap, raw_types = extract(spec)
    return Emitted(canonical(clean), sourcemap, tuple(diagnostics), raw_types)


def _info(spec_info: SpecInfo) -> dict[str, Any]:
    out: dict[str, Any] = {"title": spec_info.title, "version": spec_info.version}
    if spec_info.description:
        out["description"] = spec_info.description
    return out


def server_object(server: Server) -> dict[str, Any]:
    out: dict[str, Any] = {"url": server.url}
    if server.description:
        out["description"] = server.description
    if server.variables:
        out["variables"] = {
            v.name: {
                "default": v.default,
                **({"description": v.description} if v.description else {}),
            }
            for v in server.variables
        }
    return out


def _servers(
    spec_info: SpecInfo, ops: list[Operation], paths: dict[str, dict[str, Any]]
) -> list[dict[str, Any]]:
    """The configured servers; else the documents' own, page-wide when all operations agree,
    per operation when they do not."""
    if spec_info.servers:
        return [server_object(s) for s in spec_info.servers]
    if len({op.servers for op in ops}) == 1:
        return [server_object(s) for s in ops[0].servers] if ops else []
    for op in ops:
        if op.servers:
            paths[op.path][op.method]["servers"] = [server_object(s) for s in op.servers]
    return []


def _response_roots(drafts: list[Schema]) -> list[Schema]:
    return [
        media["schema"]
        for draft in drafts
        for status, response in draft["responses"].items()
        if status.startswith("2")
        for media_type, media in response.get("content", {}).items()
        if "json" in media_type
    ]
