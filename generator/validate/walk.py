"""The walk over a spec's OpenAPI objects, in two steps, each node kept with its JSON pointer.

The walk knows the OpenAPI object kinds (path item, operation, parameter, media type, schema,
...), so a property *named* `example` is a schema and an `example` *keyword* is data.

`walk` is the cheap step: operations, parameter lists, parameters, servers, security
requirements, and where each schema tree starts (its root) and which objects hold examples,
without looking inside a schema. `expand` is the costly step (tens of thousands of schema
objects in a large spec): every schema object under those roots, and every example with the
schema it must satisfy, in the order one recursive walk would meet them. Only the rules that
look at schemas or examples ask for it (`Spec.schemas`), so the generation gate never does.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple
from urllib.parse import unquote

from generator.pointer import join, tokens

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


def child(at: str, *keys: str | int) -> str:
    return at + join(*keys)


class Located(NamedTuple):
    at: str  # JSON pointer of `node`
    node: Any


@dataclass(frozen=True, slots=True)
class Operation:
    path: str  # the path template ("" for webhooks and callbacks)
    method: str
    at: str  # pointer of the operation object
    node: dict[str, Any]
    path_item_at: str
    path_item: dict[str, Any]
    templated: bool


@dataclass(frozen=True, slots=True)
class Example:
    at: str  # pointer of the example value
    value: Any
    schema_at: str  # pointer of the schema it must validate against


@dataclass(frozen=True, slots=True)
class ExampleOwner:
    """A parameter or media type: its `example` and `examples` are checked against the
    schema at `schema_at`."""

    at: str
    node: dict[str, Any]
    schema_at: str


Root = Located | ExampleOwner  # in walk order: a schema tree's root, or an example holder


@dataclass(slots=True)
class Found:
    operations: list[Operation] = field(default_factory=list)
    parameter_lists: list[Located] = field(default_factory=list)  # `parameters` arrays
    parameters: list[Located] = field(default_factory=list)  # parameter objects where defined
    servers: list[Located] = field(default_factory=list)  # `servers` arrays
    security: list[Located] = field(default_factory=list)  # `security` arrays
    roots: list[Root] = field(default_factory=list)  # what `expand` starts from


@dataclass(frozen=True, slots=True)
class Schemas:
    schemas: list[Located]  # every schema object
    examples: list[Example]


def resolve(
    root: Node, node: Node, depth: int = 0, *, targets: dict[str, Node] | None = None
) -> Node:
    """`node` with local `$ref`s followed (None if one does not resolve); `targets` keeps
    each reference's node for the next call."""
    while isinstance(node, dict) and isinstance(node.get("$ref"), str) and depth < 32:
        ref = node["$ref"]
        if targets is None:
            node = lookup(root, ref)
        else:
            if ref not in targets:
                targets[ref] = lookup(root, ref)
            node = targets[ref]
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
                operation = Operation(path, method, op_at, op, at, item, templated)
                self.found.operations.append(operation)
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
            self.found.parameter_lists.append(Located(child(at, "parameters"), params))
            for i, param in enumerate(params):
                self.parameter(param, child(at, "parameters", i))

    def parameter(self, param: Node, at: str, *, header: bool = False) -> None:
        if not isinstance(param, dict) or "$ref" in param:
            return
        if not header:
            self.found.parameters.append(Located(at, param))
        if "schema" in param:
            self.schema(param["schema"], child(at, "schema"))
            self.found.roots.append(ExampleOwner(at, param, child(at, "schema")))
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
                self.found.roots.append(ExampleOwner(media_at, media, child(media_at, "schema")))
            self.encoding(media, media_at)

    def encoding(self, media: Node, at: str) -> None:
        for name, encoding in _items(media.get("encoding") if isinstance(media, dict) else None):
            headers = encoding.get("headers") if isinstance(encoding, dict) else None
            for header_name, header in _items(headers):
                header_at = child(at, "encoding", name, "headers", header_name)
                self.parameter(header, header_at, header=True)

    def schema(self, schema: Node, at: str) -> None:
        if isinstance(schema, dict):
            self.found.roots.append(Located(at, schema))

    def servers(self, owner: dict[str, Any], at: str) -> None:
        if isinstance(owner.get("servers"), list):
            self.found.servers.append(Located(child(at, "servers"), owner["servers"]))

    def security(self, owner: dict[str, Any], at: str) -> None:
        if isinstance(owner.get("security"), list):
            self.found.security.append(Located(child(at, "security"), owner["security"]))


def walk(spec: Node) -> Found:
    """The cheap step: everything but the inside of schemas (see the module's doc)."""
    if not isinstance(spec, dict):
        return Found()
    return _Walk(spec).document()


@dataclass(slots=True)
class _Expand:
    root: Node
    schemas: list[Located] = field(default_factory=list)
    examples: list[Example] = field(default_factory=list)

    def owner_examples(self, owner: ExampleOwner) -> None:
        node, at, schema_at = owner.node, owner.at, owner.schema_at
        if "example" in node:
            self.examples.append(Example(child(at, "example"), node["example"], schema_at))
        for name, example in _items(node.get("examples")):
            target = resolve(self.root, example)
            if isinstance(target, dict) and "value" in target:
                value_at = child(at, "examples", name, "value")
                self.examples.append(Example(value_at, target["value"], schema_at))

    def schema(self, located: Located, depth: int) -> None:
        self.schemas.append(located)
        at, schema = located
        if "$ref" in schema and len(schema) == 1:
            return
        self.schema_examples(schema, at)
        if depth < MAX_SCHEMA_DEPTH:
            for sub in _subschemas(schema, at):
                self.schema(sub, depth + 1)

    def schema_examples(self, schema: dict[str, Any], at: str) -> None:
        if "example" in schema:
            self.examples.append(Example(child(at, "example"), schema["example"], at))
        for i, value in enumerate(_list(schema.get("examples"))):
            self.examples.append(Example(child(at, "examples", i), value, at))


def _subschemas(schema: dict[str, Any], at: str) -> Iterator[Located]:
    for key in _SUBSCHEMA_ONE:
        sub = schema.get(key)
        if isinstance(sub, dict):
            yield Located(child(at, key), sub)
    for key in _SUBSCHEMA_LIST:
        for i, sub in enumerate(_list(schema.get(key))):
            if isinstance(sub, dict):
                yield Located(child(at, key, i), sub)
    for key in _SUBSCHEMA_MAP:
        subs = schema.get(key)
        for name, sub in subs.items() if isinstance(subs, dict) else ():
            if isinstance(sub, dict):
                yield Located(child(at, key, name), sub)


def expand(spec: Node, roots: list[Root]) -> Schemas:
    """The costly step: every schema object and every example, from `walk`'s roots."""
    done = _Expand(spec)
    for root in roots:
        if isinstance(root, ExampleOwner):
            done.owner_examples(root)
        else:
            done.schema(root, 0)
    return Schemas(done.schemas, done.examples)


def _items(node: Node) -> Iterator[tuple[str, Any]]:
    if isinstance(node, dict):
        yield from ((str(k), v) for k, v in node.items())


def _list(node: Node) -> list[Any]:
    return node if isinstance(node, list) else []
