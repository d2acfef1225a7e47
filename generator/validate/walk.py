"""One pass over a spec that finds what the rules look at, each with its JSON pointer.

The walk knows the OpenAPI object kinds (path item, operation, parameter, media type, schema,
...), so a property *named* `example` is a schema and an `example` *keyword* is data. Found:
operations, parameter lists, every schema object, every example with the schema it must
satisfy. A separate generic pass (`data_walk`) lists every `$ref` and every summary or
description outside example data and `x-` extensions.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from generator.pointer import join as make_pointer
from generator.pointer import tokens

Node = Any
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_SUBSCHEMA_ONE = (
    "items",
    "not",
    "additionalProperties",
    "contains",
    "propertyNames",
    "if",
    "then",
    "else",
    "unevaluatedItems",
    "unevaluatedProperties",
    "additionalItems",
)
_SUBSCHEMA_LIST = ("allOf", "anyOf", "oneOf", "prefixItems")
_SUBSCHEMA_MAP = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
MAX_SCHEMA_DEPTH = 200  # schemas nested deeper are not looked into (no real spec comes close)
_DATA_KEYS = frozenset({"example", "default", "enum", "const"})


def child(at: str, *keys: str | int) -> str:
    return at + make_pointer(*keys)


@dataclass(frozen=True, slots=True)
class Operation:
    path: str  # the path template ("" for webhooks and callbacks)
    method: str
    at: str  # pointer of the operation object
    node: dict[str, Any]
    path_item_at: str
    templated: bool


@dataclass(frozen=True, slots=True)
class Example:
    at: str  # pointer of the example value
    value: Any
    schema_at: str  # pointer of the schema it must validate against


@dataclass(slots=True)
class Found:
    operations: list[Operation] = field(default_factory=list)
    parameter_lists: list[str] = field(default_factory=list)  # pointers of `parameters` arrays
    parameters: list[str] = field(default_factory=list)  # parameter objects where defined
    schemas: list[str] = field(default_factory=list)
    examples: list[Example] = field(default_factory=list)
    servers: list[str] = field(default_factory=list)  # pointers of `servers` arrays
    security: list[str] = field(default_factory=list)  # pointers of `security` arrays


def resolve(root: Node, node: Node, depth: int = 0) -> Node:
    """`node` with local `$ref`s followed (None if one does not resolve)."""
    while isinstance(node, dict) and isinstance(node.get("$ref"), str) and depth < 32:
        node = lookup(root, node["$ref"])
        depth += 1
    return node


def lookup(root: Node, ref: str) -> Node:
    """The node a local reference (`#/a/b`) points at, or None."""
    if not ref.startswith("#"):
        return None
    node = root
    for token in tokens(unquote(ref[1:])):
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return None
    return node


@dataclass(slots=True)
class _Walk:
    root: Node
    found: Found = field(default_factory=Found)

    def document(self) -> Found:
        spec = self.root
        self.servers(spec, "")
        self.security(spec, "")
        for path, item in _items(spec.get("paths")):
            self.path_item(item, child("/paths", path), path, templated=True)
        for name, item in _items(spec.get("webhooks")):
            self.path_item(item, child("/webhooks", name), "", templated=False)
        self.components(spec.get("components"))
        return self.found

    def components(self, components: Node) -> None:
        if not isinstance(components, dict):
            return
        for name, schema in _items(components.get("schemas")):
            self.schema(schema, child("/components/schemas", name))
        for name, param in _items(components.get("parameters")):
            self.parameter(param, child("/components/parameters", name))
        for name, body in _items(components.get("requestBodies")):
            self.content(body, child("/components/requestBodies", name))
        for name, response in _items(components.get("responses")):
            self.response(response, child("/components/responses", name))
        for name, header in _items(components.get("headers")):
            self.parameter(header, child("/components/headers", name), header=True)
        for name, item in _items(components.get("pathItems")):
            self.path_item(item, child("/components/pathItems", name), "", templated=False)
        for name, callback in _items(components.get("callbacks")):
            self.callback(callback, child("/components/callbacks", name))

    def path_item(self, item: Node, at: str, path: str, *, templated: bool) -> None:
        if not isinstance(item, dict) or "$ref" in item:
            return
        self.servers(item, at)
        self.parameter_list(item, at)
        for method in METHODS:
            op = item.get(method)
            if isinstance(op, dict):
                op_at = child(at, method)
                self.found.operations.append(Operation(path, method, op_at, op, at, templated))
                self.operation(op, op_at)

    def operation(self, op: dict[str, Any], at: str) -> None:
        self.servers(op, at)
        self.security(op, at)
        self.parameter_list(op, at)
        self.content(op.get("requestBody"), child(at, "requestBody"))
        for status, response in _items(op.get("responses")):
            self.response(response, child(at, "responses", status))
        for name, callback in _items(op.get("callbacks")):
            self.callback(callback, child(at, "callbacks", name))

    def callback(self, callback: Node, at: str) -> None:
        for expression, item in _items(callback):
            self.path_item(item, child(at, expression), "", templated=False)

    def parameter_list(self, owner: dict[str, Any], at: str) -> None:
        params = owner.get("parameters")
        if isinstance(params, list):
            self.found.parameter_lists.append(child(at, "parameters"))
            for i, param in enumerate(params):
                self.parameter(param, child(at, "parameters", i))

    def parameter(self, param: Node, at: str, *, header: bool = False) -> None:
        if not isinstance(param, dict) or "$ref" in param:
            return
        if not header:
            self.found.parameters.append(at)
        if "schema" in param:
            self.schema(param["schema"], child(at, "schema"))
            self.examples(param, at, child(at, "schema"))
        self.content(param, at)

    def response(self, response: Node, at: str) -> None:
        if not isinstance(response, dict) or "$ref" in response:
            return
        for name, header in _items(response.get("headers")):
            self.parameter(header, child(at, "headers", name), header=True)
        self.content(response, at)

    def content(self, owner: Node, at: str) -> None:
        if not isinstance(owner, dict) or "$ref" in owner:
            return
        for media_type, media in _items(owner.get("content")):
            media_at = child(at, "content", media_type)
            if isinstance(media, dict) and "schema" in media:
                self.schema(media["schema"], child(media_at, "schema"))
                self.examples(media, media_at, child(media_at, "schema"))
            self.encoding(media, media_at)

    def encoding(self, media: Node, at: str) -> None:
        for name, encoding in _items(media.get("encoding") if isinstance(media, dict) else None):
            headers = encoding.get("headers") if isinstance(encoding, dict) else None
            for header_name, header in _items(headers):
                header_at = child(at, "encoding", name, "headers", header_name)
                self.parameter(header, header_at, header=True)

    def examples(self, owner: dict[str, Any], at: str, schema_at: str) -> None:
        if "example" in owner:
            self.found.examples.append(Example(child(at, "example"), owner["example"], schema_at))
        for name, example in _items(owner.get("examples")):
            target = resolve(self.root, example)
            if isinstance(target, dict) and "value" in target:
                value_at = child(at, "examples", name, "value")
                self.found.examples.append(Example(value_at, target["value"], schema_at))

    def schema(self, schema: Node, at: str, depth: int = 0) -> None:
        if not isinstance(schema, dict) or depth > MAX_SCHEMA_DEPTH:
            return
        self.found.schemas.append(at)
        if "$ref" in schema and len(schema) == 1:
            return
        self.schema_examples(schema, at)
        for key in _SUBSCHEMA_ONE:
            if isinstance(schema.get(key), dict):
                self.schema(schema[key], child(at, key), depth + 1)
        for key in _SUBSCHEMA_LIST:
            for i, sub in enumerate(_list(schema.get(key))):
                self.schema(sub, child(at, key, i), depth + 1)
        for key in _SUBSCHEMA_MAP:
            for name, sub in _items(schema.get(key)):
                self.schema(sub, child(at, key, name), depth + 1)

    def schema_examples(self, schema: dict[str, Any], at: str) -> None:
        if "example" in schema:
            self.found.examples.append(Example(child(at, "example"), schema["example"], at))
        for i, value in enumerate(_list(schema.get("examples"))):
            self.found.examples.append(Example(child(at, "examples", i), value, at))

    def servers(self, owner: dict[str, Any], at: str) -> None:
        if isinstance(owner.get("servers"), list):
            self.found.servers.append(child(at, "servers"))

    def security(self, owner: dict[str, Any], at: str) -> None:
        if isinstance(owner.get("security"), list):
            self.found.security.append(child(at, "security"))


def walk(spec: Node) -> Found:
    if not isinstance(spec, dict):
        return Found()
    return _Walk(spec).document()


def _items(node: Node) -> Iterator[tuple[str, Any]]:
    if isinstance(node, dict):
        yield from ((str(k), v) for k, v in node.items())


def _list(node: Node) -> list[Any]:
    return node if isinstance(node, list) else []


@dataclass(frozen=True, slots=True)
class Text:
    at: str  # pointer of the text itself (`.../description`)
    value: str


@dataclass(slots=True)
class DataFound:
    refs: list[tuple[str, str]] = field(default_factory=list)  # (pointer of `$ref`, target)
    texts: list[Text] = field(default_factory=list)


def data_walk(spec: Node) -> DataFound:
    """Every `$ref` and every summary/description, outside example data and extensions."""
    out = DataFound()
    stack: list[tuple[str, Node, str]] = [("", spec, _OBJECT)]
    while stack:
        at, node, context = stack.pop()
        if isinstance(node, list):
            stack.extend((child(at, i), v, _OBJECT) for i, v in enumerate(node))
        elif isinstance(node, dict):
            for name, value in node.items():
                key = str(name)
                inner = _inner(context, key, value)
                if inner is None:
                    continue
                if context != _NAMES:
                    _collect(out, at, key, value)
                stack.append((child(at, key), value, inner))
    out.refs.sort()
    return out


# What a dict is: an OpenAPI object, a map from names to objects, a map from names to
# Example objects, an Example object.
_OBJECT, _NAMES, _EXAMPLE_MAP, _EXAMPLE = "object", "names", "example-map", "example"
_NAME_MAPS = frozenset(
    {
        *_SUBSCHEMA_MAP,
        "paths",
        "webhooks",
        "callbacks",
        "responses",
        "schemas",
        "parameters",
        "requestBodies",
        "headers",
        "securitySchemes",
        "links",
        "pathItems",
        "content",
        "encoding",
        "variables",
        "mapping",
        "scopes",
    }
)


def _inner(context: str, key: str, value: Node) -> str | None:
    """The context of `value` under `key`, or None when it is data (not walked)."""
    if context == _NAMES:
        return _OBJECT
    if context == _EXAMPLE_MAP:
        return _EXAMPLE
    if key.startswith("x-") or key in _DATA_KEYS or (context == _EXAMPLE and key == "value"):
        return None
    if key == "examples":
        return _EXAMPLE_MAP if isinstance(value, dict) else None
    return _NAMES if key in _NAME_MAPS and isinstance(value, dict) else _OBJECT


def _collect(out: DataFound, at: str, key: str, value: Node) -> None:
    if key == "$ref" and isinstance(value, str):
        out.refs.append((child(at, key), value))
    elif key in ("summary", "description") and isinstance(value, str):
        out.texts.append(Text(child(at, key), value))
