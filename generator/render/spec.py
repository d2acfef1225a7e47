"""The spec as the renderers see it: operations, parameters, bodies and responses, resolved.

`read_api` turns the OpenAPI dict into frozen dataclasses; `$ref`s to components/parameters,
requestBodies and responses are followed, schema `$ref`s are kept (the schema helpers follow them
where needed). Order is the spec's order throughout, so everything downstream is deterministic.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from generator.pointer import escape as escape_token
from generator.pointer import lookup as lookup_pointer
from generator.render import names

Json = Any
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
DEFAULT_TAG = "default"


@dataclass(frozen=True, slots=True)
class Example:
    name: str
    summary: str
    value: Json


@dataclass(frozen=True, slots=True)
class Parameter:
    name: str
    location: str  # path, query, header, cookie
    required: bool
    schema: Mapping[str, Json]
    description: str
    example: Json = None


@dataclass(frozen=True, slots=True)
class Body:
    required: bool
    media_type: str
    schema: Mapping[str, Json]
    description: str
    examples: tuple[Example, ...]
    pointer: str


@dataclass(frozen=True, slots=True)
class Response:
    status: str
    description: str
    media_type: str | None
    schema: Mapping[str, Json] | None
    examples: tuple[Example, ...]
    pointer: str


@dataclass(frozen=True, slots=True)
class SecurityScheme:
    name: str
    kind: str  # apiKey, http, oauth2, openIdConnect, mutualTLS
    location: str  # header, query, cookie (apiKey); header for http / oauth2
    parameter: str  # header / query / cookie name
    scheme: str  # bearer, basic, ... for http
    description: str


@dataclass(frozen=True, slots=True)
class Operation:
    method: str
    path: str
    operation_id: str
    summary: str
    description: str
    tags: tuple[str, ...]
    parameters: tuple[Parameter, ...]
    body: Body | None
    responses: tuple[Response, ...]
    security: tuple[tuple[str, ...], ...]  # alternatives; () inside means "no credentials"
    sources: tuple[str, ...]
    error_codes: tuple[tuple[str, str], ...]
    rate_limit: Mapping[str, Json] | None
    pointer: str

    @property
    def success(self) -> Response | None:
        """The first documented 2xx response (else `default`), the one a mock answers with."""
        ok = [r for r in self.responses if r.status.startswith("2")]
        fallback = [r for r in self.responses if r.status == "default"]
        found = ok or fallback
        return found[0] if found else None

    @property
    def requires_auth(self) -> bool:
        return bool(self.security) and () not in self.security


@dataclass(frozen=True, slots=True)
class Api:
    title: str
    version: str
    description: str
    servers: tuple[str, ...]
    schemes: tuple[SecurityScheme, ...]
    operations: tuple[Operation, ...]
    tags: tuple[str, ...]
    tag_descriptions: Mapping[str, str]
    schemas: Mapping[str, Json]
    spec: Mapping[str, Json]


def is_openapi_30(spec: Mapping[str, Json]) -> bool:
    """Whether the spec is OpenAPI 3.0 (whose schemas say `nullable`), not 3.1."""
    return str(spec.get("openapi", "")).startswith("3.0")


def resolve(spec: Mapping[str, Json], node: Json) -> Json:
    """Follow local `$ref`s (several hops, cycles stop) to the referenced object."""
    if type(node) is dict and "$ref" not in node:  # most nodes (an ABC check costs more)
        return node
    seen: set[str] = set()
    while isinstance(node, Mapping) and isinstance(node.get("$ref"), str):
        ref = node["$ref"]
        if ref in seen or not ref.startswith("#/"):
            return {}
        seen.add(ref)
        node = lookup(spec, ref)
    return node


def lookup(spec: Mapping[str, Json], ref: str) -> Json:
    found: Json = lookup_pointer(spec, ref)
    return found if found is not None else {}


def read_api(spec: Mapping[str, Json]) -> Api:
    info = _mapping(spec.get("info"))
    components = _mapping(spec.get("components"))
    operations = _read_operations(spec)
    declared = [str(_mapping(t).get("name", "")) for t in _list(spec.get("tags"))]
    used = [tag for op in operations for tag in op.tags]
    tags = tuple(dict.fromkeys([t for t in declared if t in used] + used))
    return Api(
        title=str(info.get("title") or "API"),
        version=str(info.get("version") or ""),
        description=str(info.get("description") or ""),
        servers=tuple(_server_url(s) for s in _list(spec.get("servers"))),
        schemes=_read_schemes(_mapping(components.get("securitySchemes"))),
        operations=operations,
        tags=tags,
        tag_descriptions={
            str(_mapping(t).get("name", "")): str(_mapping(t).get("description") or "")
            for t in _list(spec.get("tags"))
        },
        schemas=_mapping(components.get("schemas")),
        spec=spec,
    )


def _server_url(server: Json) -> str:
    server = _mapping(server)
    url = str(server.get("url") or "/")
    for name, variable in _mapping(server.get("variables")).items():
        url = url.replace("{" + str(name) + "}", str(_mapping(variable).get("default", "")))
    return url


def _read_schemes(raw: Mapping[str, Json]) -> tuple[SecurityScheme, ...]:
    schemes = []
    for name, raw_node in raw.items():
        node = _mapping(raw_node)
        kind = str(node.get("type", ""))
        schemes.append(
            SecurityScheme(
                name=str(name),
                kind=kind,
                location=str(node.get("in", "header")) if kind == "apiKey" else "header",
                parameter=str(node.get("name", "")) if kind == "apiKey" else "Authorization",
                scheme=str(node.get("scheme", "bearer")).lower() if kind == "http" else "bearer",
                description=str(node.get("description") or ""),
            )
        )
    return tuple(schemes)


def _read_operations(spec: Mapping[str, Json]) -> tuple[Operation, ...]:
    operations: list[Operation] = []
    top_security = _security(spec.get("security"))
    for path, raw_item in _mapping(spec.get("paths")).items():
        item = _mapping(resolve(spec, raw_item))
        shared = _list(item.get("parameters"))
        for method in METHODS:
            if isinstance(item.get(method), Mapping):
                pointer = f"/paths/{escape_token(str(path))}/{method}"
                op = _read_operation(
                    spec, str(path), method, node=item[method], shared=shared, pointer=pointer
                )
                if "security" not in item[method]:
                    op = _with_security(op, top_security)
                operations.append(op)
    ids = names.unique([op.operation_id for op in operations])
    return tuple(_with_id(op, new) for op, new in zip(operations, ids, strict=True))


def _with_security(op: Operation, security: tuple[tuple[str, ...], ...]) -> Operation:
    return replace(op, security=security)


def _with_id(op: Operation, operation_id: str) -> Operation:
    return op if op.operation_id == operation_id else replace(op, operation_id=operation_id)


def _read_operation(
    spec: Mapping[str, Json],
    path: str,
    method: str,
    *,
    node: Mapping[str, Json],
    shared: list[Json],
    pointer: str,
) -> Operation:
    params = _parameters(spec, shared, _list(node.get("parameters")))
    operation_id = str(node.get("operationId") or names.snake(f"{method} {path}"))
    return Operation(
        method=method,
        path=path,
        operation_id=operation_id,
        summary=str(node.get("summary") or ""),
        description=str(node.get("description") or ""),
        tags=tuple(str(t) for t in _list(node.get("tags"))) or (DEFAULT_TAG,),
        parameters=params,
        body=_body(spec, node.get("requestBody"), f"{pointer}/requestBody"),
        responses=_responses(spec, _mapping(node.get("responses")), f"{pointer}/responses"),
        security=_security(node.get("security")),
        sources=tuple(str(s) for s in _list(node.get("x-source"))),
        error_codes=tuple(
            (str(_mapping(e).get("code", "")), str(_mapping(e).get("description") or ""))
            for e in _list(node.get("x-error-codes"))
        ),
        rate_limit=_mapping(node.get("x-rate-limit")) or None,
        pointer=pointer,
    )


def _parameters(
    spec: Mapping[str, Json], shared: list[Json], own: list[Json]
) -> tuple[Parameter, ...]:
    merged: dict[tuple[str, str], Parameter] = {}
    for raw in [*shared, *own]:
        node = _mapping(resolve(spec, raw))
        name, location = str(node.get("name", "")), str(node.get("in", ""))
        if not name or location not in ("path", "query", "header", "cookie"):
            continue
        merged[(location, name.lower() if location == "header" else name)] = Parameter(
            name=name,
            location=location,
            required=bool(node.get("required")) or location == "path",
            schema=_mapping(node.get("schema")),
            description=str(node.get("description") or ""),
            example=node.get("example"),
        )
    return tuple(merged.values())


def _json_content(content: Mapping[str, Json]) -> tuple[str, Mapping[str, Json]] | None:
    for media_type, node in content.items():
        if "json" in str(media_type).lower():
            return str(media_type), _mapping(node)
    return None


def _examples(spec: Mapping[str, Json], media: Mapping[str, Json]) -> tuple[Example, ...]:
    found = [Example("example", "Example", media["example"])] if "example" in media else []
    for name, raw_node in _mapping(media.get("examples")).items():
        node = _mapping(resolve(spec, raw_node))
        if "value" in node:
            found.append(Example(str(name), str(node.get("summary") or name), node["value"]))
    return tuple(found)


def _body(spec: Mapping[str, Json], raw: Json, pointer: str) -> Body | None:
    node = _mapping(resolve(spec, raw))
    content = _json_content(_mapping(node.get("content")))
    if content is None:
        return None
    media_type, media = content
    return Body(
        required=bool(node.get("required")),
        media_type=media_type,
        schema=_mapping(media.get("schema")),
        description=str(node.get("description") or ""),
        examples=_examples(spec, media),
        pointer=f"{pointer}/content/{escape_token(media_type)}",
    )


def _responses(
    spec: Mapping[str, Json], raw: Mapping[str, Json], pointer: str
) -> tuple[Response, ...]:
    responses = []
    for status, value in raw.items():
        node = _mapping(resolve(spec, value))
        content = _json_content(_mapping(node.get("content")))
        media_type, media = content if content else (None, {})
        here = f"{pointer}/{escape_token(str(status))}"
        responses.append(
            Response(
                status=str(status),
                description=str(node.get("description") or ""),
                media_type=media_type,
                schema=_mapping(media.get("schema")) if content else None,
                examples=_examples(spec, media),
                pointer=f"{here}/content/{escape_token(media_type)}" if media_type else here,
            )
        )
    return tuple(responses)


def _security(raw: Json) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(str(k) for k in _mapping(req)) for req in _list(raw))


def _mapping(value: Json) -> Mapping[str, Json]:
    return value if type(value) is dict or isinstance(value, Mapping) else {}


def _list(value: Json) -> list[Json]:
    return list(value) if isinstance(value, list | tuple) else []
