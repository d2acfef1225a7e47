"""The canonical form of any OpenAPI document: keys in a fixed order, same meaning.

Known objects (document, path item, operation, parameter, request body, response, media
type, schema, components) get their keys in a fixed order, unknown keys after them in their
original order. Maps whose order carries no meaning are sorted (paths, responses, component
names); maps whose order a reader cares about keep it (schema properties, examples). Lists
keep their order. The result is dumped by libyaml with one quoting style, so `fmt` is
idempotent and reformatting changes no value.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.emit.schemas import SCHEMA_KEYS
from generator.model import HTTP_METHODS

Node = Any
_ROOT = (
    "openapi",
    "info",
    "jsonSchemaDialect",
    "servers",
    "security",
    "tags",
    "paths",
    "webhooks",
    "components",
)
_INFO = ("title", "summary", "version", "description", "termsOfService", "contact", "license")
_PATH_ITEM = ("$ref", "summary", "description", "servers", "parameters", *HTTP_METHODS)
_OPERATION = (
    "tags",
    "summary",
    "description",
    "externalDocs",
    "operationId",
    "x-source",
    "x-rate-limit",
    "x-error-codes",
    "deprecated",
    "security",
    "servers",
    "parameters",
    "requestBody",
    "responses",
    "callbacks",
)
_PARAMETER = (
    "$ref",
    "name",
    "in",
    "description",
    "required",
    "deprecated",
    "allowEmptyValue",
    "style",
    "explode",
    "allowReserved",
    "schema",
    "example",
    "examples",
    "content",
)
_BODY = ("$ref", "description", "required", "content")
_RESPONSE = ("$ref", "description", "headers", "content", "links")
_MEDIA = ("schema", "example", "examples", "encoding")
_SERVER = ("url", "description", "variables")
_COMPONENTS = (
    "schemas",
    "responses",
    "parameters",
    "examples",
    "requestBodies",
    "headers",
    "securitySchemes",
    "links",
    "callbacks",
    "pathItems",
)
_SCHEMA_LISTS = ("allOf", "oneOf", "anyOf", "prefixItems")
_SCHEMA_ONE = (
    "items",
    "not",
    "additionalProperties",
    "contains",
    "if",
    "then",
    "else",
    "propertyNames",
    "unevaluatedProperties",
    "unevaluatedItems",
)


def ordered(node: Node, keys: tuple[str, ...]) -> dict[str, Any]:
    rank = {k: i for i, k in enumerate(keys)}
    known = sorted((k for k in node if k in rank), key=rank.__getitem__)
    return {k: node[k] for k in [*known, *(k for k in node if k not in rank)]}


def canonical(document: Node) -> Node:
    if not isinstance(document, dict):
        return document
    out = ordered(document, _ROOT)
    _apply(out, "info", lambda v: ordered(v, _INFO))
    _apply(out, "servers", lambda v: [_server(s) for s in v])
    _apply(out, "paths", _paths)
    _apply(out, "webhooks", _paths)
    _apply(out, "components", _components)
    return out


def _apply(node: dict[str, Any], key: str, fix: Callable[[Any], Any]) -> None:
    if key in node and isinstance(node[key], dict | list):
        node[key] = fix(node[key])


def _server(server: Node) -> Node:
    return ordered(server, _SERVER) if isinstance(server, dict) else server


def _paths(paths: Node) -> Node:
    if not isinstance(paths, dict):
        return paths
    return {k: _path_item(paths[k]) for k in sorted(paths)}


def _path_item(item: Node) -> Node:
    if not isinstance(item, dict):
        return item
    out = ordered(item, _PATH_ITEM)
    for method in HTTP_METHODS:
        _apply(out, method, _operation)
    _apply(out, "parameters", lambda v: [_parameter(p) for p in v])
    return out


def _operation(op: Node) -> Node:
    if not isinstance(op, dict):
        return op
    out = ordered(op, _OPERATION)
    _apply(out, "parameters", lambda v: [_parameter(p) for p in v])
    _apply(out, "requestBody", _body)
    _apply(out, "responses", _responses)
    _apply(out, "servers", lambda v: [_server(s) for s in v])
    return out


def _parameter(param: Node) -> Node:
    if not isinstance(param, dict):
        return param
    out = ordered(param, _PARAMETER)
    _apply(out, "schema", schema)
    _apply(out, "content", _content)
    return out


def _body(body: Node) -> Node:
    if not isinstance(body, dict):
        return body
    out = ordered(body, _BODY)
    _apply(out, "content", _content)
    return out


def _responses(responses: Node) -> Node:
    if not isinstance(responses, dict):
        return responses
    keys = sorted(responses, key=lambda k: (str(k) == "default", str(k)))
    return {k: _response(responses[k]) for k in keys}


def _response(response: Node) -> Node:
    if not isinstance(response, dict):
        return response
    out = ordered(response, _RESPONSE)
    _apply(out, "content", _content)
    _apply(out, "headers", lambda v: {k: _parameter(h) for k, h in v.items()})
    return out


def _content(content: Node) -> Node:
    if not isinstance(content, dict):
        return content
    return {k: _media(v) for k, v in content.items()}


def _media(media: Node) -> Node:
    if not isinstance(media, dict):
        return media
    out = ordered(media, _MEDIA)
    _apply(out, "schema", schema)
    return out


def schema(node: Node) -> Node:
    if not isinstance(node, dict):
        return node
    out = ordered(node, SCHEMA_KEYS)
    _apply(out, "properties", lambda v: {k: schema(s) for k, s in v.items()})
    _apply(out, "patternProperties", lambda v: {k: schema(s) for k, s in v.items()})
    _apply(out, "$defs", lambda v: {k: schema(v[k]) for k in sorted(v)})
    for key in _SCHEMA_LISTS:
        _apply(out, key, lambda v: [schema(s) for s in v])
    for key in _SCHEMA_ONE:
        _apply(out, key, schema)
    return out


def _components(components: Node) -> Node:
    if not isinstance(components, dict):
        return components
    out = ordered(components, _COMPONENTS)
    fixes: dict[str, Callable[[Any], Any]] = {
        "schemas": schema,
        "parameters": _parameter,
        "headers": _parameter,
        "requestBodies": _body,
        "responses": _response,
        "pathItems": _path_item,
    }
    for section, value in out.items():
        if isinstance(value, dict) and not section.startswith("x-"):
            fix = fixes.get(section, lambda v: v)
            out[section] = {name: fix(value[name]) for name in sorted(value)}
    return out
