"""Content fingerprints of a spec's parts, so that work on one operation can be reused while
the operation and everything it references are unchanged.

Each component (`#/components/<kind>/<name>`) gets a digest of its own JSON text and of the
components it references, transitively (references are read off the same text, so cycles are
handled by digesting each strongly connected group as a whole). An operation's fingerprint is
the digest of its own text (with its path item's parameters and servers), of the fingerprints
of the components it references, and of the spec's global parts (everything outside `paths`
and the referenced components: info, servers, security, security schemes, tags...). Its
exchange (request body and responses, what a mock is made from) is digested on its own too.

Costs one compact `json.dumps` per part: about 0.1 s for GitHub's 13 MB description.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from urllib.parse import unquote

import orjson

from generator.pointer import tokens
from generator.render.spec import resolve

Json = Any
_REF = re.compile(r'"\$ref":"((?:[^"\\]|\\.)*)"')
_GLOBAL_COMPONENTS = ("securitySchemes",)  # used by every operation, referenced by name


@dataclass(frozen=True, slots=True)
class Fingerprints:
    context: str  # the spec's global parts
    components: Mapping[str, str]  # "<kind>/<name>" -> deep digest
    operations: Mapping[tuple[str, str], str]  # (path, method) -> digest
    exchanges: Mapping[tuple[str, str], str]  # (path, method) -> digest of its body and answers

    def operation(self, path: str, method: str) -> str:
        return self.operations.get((path, method), "")

    def exchange(self, path: str, method: str) -> str:
        """The part of an operation a mock is made from: its request body and responses, the
        components they reference and the global parts (an edited parameter leaves it alone)."""
        return self.exchanges.get((path, method), "")


def digest(*parts: str) -> str:
    """The parts, each followed by a NUL, hashed (one call: a key often has hundreds)."""
    text = "\x00".join(parts) + "\x00" if parts else ""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def text_of(node: Json) -> str:
    """The node's compact JSON, in the spec's own key order (which the output follows)."""
    try:
        return orjson.dumps(node, option=orjson.OPT_NON_STR_KEYS, default=repr).decode()
    except TypeError:  # an integer beyond 64 bits
        return json.dumps(node, ensure_ascii=False, separators=(",", ":"), default=repr)


def fingerprints(spec: Mapping[str, Json], methods: tuple[str, ...]) -> Fingerprints:
    components = _deep(spec.get("components"))
    rest = {k: v for k, v in spec.items() if k not in ("paths", "components", "webhooks")}
    schemes = spec.get("components", {}) if isinstance(spec.get("components"), dict) else {}
    context = digest(text_of(rest), *(text_of(schemes.get(k)) for k in _GLOBAL_COMPONENTS))
    operations: dict[tuple[str, str], str] = {}
    exchanges: dict[tuple[str, str], str] = {}
    for path, raw in _items(spec.get("paths")):
        item = _path_item(spec, raw)
        ref = raw.get("$ref") if isinstance(raw, Mapping) else None
        shared = text_of([item.get("parameters"), item.get("servers"), ref])
        shared_refs = _references(shared)
        for method in methods:
            op = item.get(method)
            if not isinstance(op, Mapping):
                continue
            parts = {k: v for k, v in op.items() if k not in _EXCHANGE}
            own, exchange = text_of(parts), text_of([op.get(k) for k in _EXCHANGE])
            exchange_refs = _references(exchange)
            deep = _deep_of(components, shared_refs | _references(own) | exchange_refs)
            operations[(path, method)] = digest(context, path, method, shared, own, exchange, *deep)
            deep = _deep_of(components, exchange_refs)
            exchanges[(path, method)] = digest(context, path, method, exchange, *deep)
    return Fingerprints(context, components, operations, exchanges)


_EXCHANGE = ("requestBody", "responses")


def _path_item(spec: Mapping[str, Json], raw: Json) -> Mapping[str, Json]:
    """A path item, or the one its local `$ref`s lead to, as `spec.read_api` reads it (the
    `$ref` is digested with the item's parameters, and brings the component's digest)."""
    found = resolve(spec, raw)
    return found if isinstance(found, Mapping) else {}


def _deep_of(components: Mapping[str, str], refs: set[str]) -> list[str]:
    """The deep digests of the referenced components."""
    return [f"{r}={components.get(r, '')}" for r in sorted(refs)]


def _items(node: Json) -> Iterator[tuple[str, Json]]:
    if isinstance(node, dict):
        yield from ((str(k), v) for k, v in node.items())


def _references(text: str) -> set[str]:
    """The components a JSON text references, as "<kind>/<name>"."""
    found = {_component(raw) for raw in set(_REF.findall(text))}
    found.discard("")
    return found


@lru_cache(maxsize=65536)
def _component(raw: str) -> str:
    """ "<kind>/<name>" for the JSON-escaped text of a `$ref` to a component, else ""."""
    try:
        ref = json.loads(f'"{raw}"') if "\\" in raw else raw
    except ValueError:
        return ""
    if not ref.startswith("#/components/"):
        return ""
    parts = tokens(unquote(ref[1:]))
    return f"{parts[1]}/{parts[2]}" if len(parts) >= 3 else ""


def _deep(components: Json) -> dict[str, str]:
    """Each component's digest over itself and everything it references, transitively."""
    own: dict[str, str] = {}
    edges: dict[str, list[str]] = {}
    for kind, table in _items(components):
        for name, node in _items(table):
            key = f"{kind}/{name}"
            text = text_of(node)
            own[key] = digest(key, text)
            edges[key] = sorted(_references(text))
    edges = {key: [r for r in targets if r in own] for key, targets in edges.items()}
    deep: dict[str, str] = {}
    for group in _strongly_connected(edges):
        members = sorted(group)
        outside = sorted({r for m in members for r in edges[m] if r not in group})
        value = digest(*(own[m] for m in members), *(deep[r] for r in outside))
        for member in members:
            deep[member] = value
    return deep


def _strongly_connected(edges: Mapping[str, list[str]]) -> list[set[str]]:
    """Tarjan's algorithm; groups come out dependencies first."""
    tarjan = _Tarjan(edges)
    for root in edges:
        if root not in tarjan.index:
            tarjan.visit(root)
    return tarjan.groups


@dataclass(slots=True)
class _Tarjan:
    edges: Mapping[str, list[str]]
    index: dict[str, int] = field(default_factory=dict)
    low: dict[str, int] = field(default_factory=dict)
    stack: list[str] = field(default_factory=list)
    on_stack: set[str] = field(default_factory=set)
    groups: list[set[str]] = field(default_factory=list)

    def visit(self, root: str) -> None:
        """Depth first from `root`, without recursion (reference chains can be long)."""
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            node, position = work.pop()
            if position == 0:
                self.index[node] = self.low[node] = len(self.index)
                self.stack.append(node)
                self.on_stack.add(node)
            successors = self.edges[node]
            if position < len(successors):
                work.append((node, position + 1))
                target = successors[position]
                if target not in self.index:
                    work.append((target, 0))
                elif target in self.on_stack:
                    self.low[node] = min(self.low[node], self.index[target])
                continue
            self.close(node)
            if work:
                parent = work[-1][0]
                self.low[parent] = min(self.low[parent], self.low[node])

    def close(self, node: str) -> None:
        """`node`'s successors are done: it is the root of a group, or part of one."""
        if self.low[node] != self.index[node]:
            return
        group: set[str] = set()
        while True:
            member = self.stack.pop()
            self.on_stack.discard(member)
            group.add(member)
            if member == node:
                break
        self.groups.append(group)
