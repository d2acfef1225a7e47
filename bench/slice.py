"""Cut a small, real slice out of a big OpenAPI description, for test fixtures.

    .venv/bin/python bench/slice.py SPEC -o OUT.json --operations 50 [--source NAME@VERSION:FILE]

Selection (deterministic): every operation gets a group, its first tag, else the first path
segment that is neither a version (`v1`) nor a template (`{id}`). Groups are visited in sorted
order, round-robin, each taking its operations in document order, until N operations are
picked. The slice keeps those operations (with their path-level parameters), everything they
`$ref`, transitively (schemas, parameters, responses, request bodies, headers, examples), the
security schemes they use, and openapi/info/servers/security plus the tags in use.

Prose is not copied: every `description` field is dropped, except a response's (required),
which becomes the HTTP reason phrase of its status. Extensions (`x-*`) that hold long text, a
`$ref` or more than 300 bytes are dropped; so are examples over 2 KB. Facts stay: names, types,
constraints, enums, summaries, small examples. Output: sorted keys, indent 1, one final newline.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from http import HTTPStatus
from pathlib import Path
from typing import Any

Json = Any
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
RULE = (
    "group = first tag, else first path segment that is not a version or a template; groups in "
    "sorted order, round-robin, operations of a group in document order; descriptions dropped "
    "(a response's becomes its HTTP reason phrase); long or $ref-holding x-* and examples over "
    "2 KB dropped"
)
MAX_EXAMPLE = 2048
MAX_EXTENSION = 300
MAX_EXTENSION_TEXT = 120
# Keys whose value maps names (never fields) to OpenAPI/schema objects.
NAMED_MAPS = frozenset(
    {
        "properties",
        "patternProperties",
        "definitions",
        "$defs",
        "paths",
        "content",
        "encoding",
        "headers",
        "links",
        "callbacks",
        "schemas",
        "parameters",
        "requestBodies",
        "securitySchemes",
        "variables",
        "dependentSchemas",
    }
)
# Keys whose value is data, copied as it is.
DATA = frozenset({"default", "enum", "const", "required", "security", "mapping", "value"})
_VERSION = re.compile(r"^v\d+(\.\d+)*$")
_DROP = object()


def group_of(path: str, operation: dict[str, Json]) -> str:
    tags = operation.get("tags")
    if isinstance(tags, list) and tags and isinstance(tags[0], str):
        return tags[0]
    for segment in path.split("/"):
        if segment and not _VERSION.match(segment) and not segment.startswith("{"):
            return segment
    return "default"


def operations(spec: dict[str, Json]) -> Iterator[tuple[str, str, dict[str, Json]]]:
    for path, item in spec.get("paths", {}).items():
        for method in METHODS:
            if isinstance(item.get(method), dict):
                yield path, method, item[method]


def select(spec: dict[str, Json], count: int) -> list[tuple[str, str]]:
    """(path, method) of `count` operations, round-robin over the sorted groups."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for path, method, operation in operations(spec):
        groups.setdefault(group_of(path, operation), []).append((path, method))
    queues = [groups[name] for name in sorted(groups)]
    picked: list[tuple[str, str]] = []
    depth = 0
    while len(picked) < count and any(depth < len(q) for q in queues):
        for queue in queues:
            if depth < len(queue) and len(picked) < count:
                picked.append(queue[depth])
        depth += 1
    return picked


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _tokens(ref: str) -> list[str]:
    parts = ref.removeprefix("#").split("/")[1:]
    return [p.replace("~1", "/").replace("~0", "~") for p in parts]


def _lookup(spec: Json, ref: str) -> Json:
    node = spec
    for token in _tokens(ref):
        node = node[int(token)] if isinstance(node, list) else node[token]
    return node


def _size(value: Json) -> int:
    return len(json.dumps(value, ensure_ascii=False))


def _keep_extension(value: Json) -> bool:
    text = json.dumps(value, ensure_ascii=False)
    if len(text) > MAX_EXTENSION or '"$ref"' in text:
        return False
    return not _has_long_text(value)


def _has_long_text(value: Json) -> bool:
    if isinstance(value, str):
        return len(value) > MAX_EXTENSION_TEXT
    if isinstance(value, dict):
        return any(_has_long_text(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_long_text(v) for v in value)
    return False


class Cleaner:
    """Copies OpenAPI objects without their prose; knows which keys hold names or data."""

    def __init__(self, spec: dict[str, Json]) -> None:
        self.spec = spec

    def node(self, value: Json) -> Json:
        if isinstance(value, dict):
            return self.object(value)
        if isinstance(value, list):
            return [self.node(item) for item in value]
        return value

    def object(self, value: dict[str, Json], *, status: str | None = None) -> dict[str, Json]:
        out: dict[str, Json] = {}
        for key, item in value.items():
            if key == "description":
                if status is not None and "$ref" not in value:
                    out[key] = reason(status)
            elif not key.startswith("x-") or _keep_extension(item):
                kept = self.field(key, item)
                if kept is not _DROP:
                    out[key] = kept
        return out

    def field(self, key: str, item: Json) -> Json:
        """The cleaned value of one field (not a description), or `_DROP`."""
        if key.startswith("x-") or key in DATA:
            return item
        if key == "example":
            return item if _size(item) <= MAX_EXAMPLE else _DROP
        if key == "examples":
            return self.examples(item)
        if key == "responses" and isinstance(item, dict):
            return {s: self.object(r, status=s) for s, r in item.items()}
        if key in NAMED_MAPS and isinstance(item, dict):
            return {name: self.node(v) for name, v in item.items()}
        return self.node(item)

    def examples(self, value: Json) -> Json:
        """A list (schema `examples`: data) or a map of Example objects, big ones dropped."""
        if not isinstance(value, dict):
            return value if _size(value) <= MAX_EXAMPLE else []
        kept: dict[str, Json] = {}
        for name, example in value.items():
            target = example
            if isinstance(example, dict) and isinstance(example.get("$ref"), str):
                target = _lookup(self.spec, example["$ref"])
            if isinstance(target, dict) and _size(target.get("value")) <= MAX_EXAMPLE:
                kept[name] = self.node(example)
        return kept


def reason(status: str) -> str:
    try:
        return HTTPStatus(int(status)).phrase
    except ValueError:
        return "Response" if status == "default" else f"{status} response"


def refs(value: Json) -> Iterator[str]:
    if isinstance(value, dict):
        ref = value.get("$ref")
        if isinstance(ref, str):
            yield ref
        for item in value.values():
            yield from refs(item)
    elif isinstance(value, list):
        for item in value:
            yield from refs(item)


def _paths(spec: dict[str, Json], cleaner: Cleaner, picked: list[tuple[str, str]]) -> Json:
    paths: dict[str, dict[str, Json]] = {}
    for path, method in picked:
        item = spec["paths"][path]
        kept = paths.setdefault(path, {})
        for key, value in item.items():
            if key not in METHODS and key not in kept:
                kept[key] = value
        kept[method] = item[method]
    return {path: cleaner.object(item) for path, item in paths.items()}


def _components(spec: dict[str, Json], cleaner: Cleaner, roots: Json) -> dict[str, Json]:
    """Every component reached from `roots` through `$ref`s, cleaned."""
    components: dict[str, dict[str, Json]] = {}
    pending = list(refs(roots))
    while pending:
        ref = pending.pop()
        parts = _tokens(ref)
        if not ref.startswith("#/components/") or len(parts) < 3:
            raise SystemExit(f"unsupported $ref {ref!r}: only #/components/<kind>/<name>")
        kind, name = parts[1], parts[2]
        if name in components.get(kind, {}):
            continue
        raw = spec["components"][kind][name]
        cleaned = cleaner.object(raw, status="default") if kind == "responses" else None
        cleaned = cleaned if cleaned is not None else cleaner.node(raw)
        components.setdefault(kind, {})[name] = cleaned
        pending.extend(refs(cleaned))
    return components


def _security_names(spec: dict[str, Json], paths: Json) -> set[str]:
    found: set[str] = set()
    requirements = list(spec.get("security", []))
    for item in paths.values():
        for method in METHODS:
            requirements += item.get(method, {}).get("security", [])
    for requirement in requirements:
        found.update(requirement)
    return found


def cut(spec: dict[str, Json], count: int, source: str) -> dict[str, Json]:
    cleaner = Cleaner(spec)
    picked = select(spec, count)
    paths = _paths(spec, cleaner, picked)
    components = _components(spec, cleaner, paths)
    schemes = spec.get("components", {}).get("securitySchemes", {})
    used = _security_names(spec, paths)
    if used & set(schemes):
        components["securitySchemes"] = {
            name: cleaner.node(schemes[name]) for name in sorted(used & set(schemes))
        }
    info = {k: v for k, v in spec["info"].items() if k in ("title", "version", "license")}
    info["x-slice-of"] = {"source": source, "operations": len(picked), "rule": RULE}
    out: dict[str, Json] = {"openapi": spec["openapi"], "info": info, "paths": paths}
    out["components"] = components
    for key in ("servers", "security"):
        if key in spec:
            out[key] = cleaner.node(spec[key])
    tags = {t for _, _, op in operations(out) for t in op.get("tags", [])}
    declared = [cleaner.node(t) for t in spec.get("tags", []) if t.get("name") in tags]
    if declared:
        out["tags"] = declared
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("spec", type=Path)
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--operations", type=int, default=50)
    parser.add_argument("--source", default="", help="provenance, e.g. NAME@VERSION:FILE")
    args = parser.parse_args(argv)
    spec = json.loads(args.spec.read_text(encoding="utf-8"))
    sliced = cut(spec, args.operations, args.source or args.spec.name)
    text = json.dumps(sliced, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    kinds = {kind: len(items) for kind, items in sliced["components"].items()}
    print(
        f"{args.output}: {len(text) // 1024} KB, {len(select(spec, args.operations))} "
        f"operations, components {kinds}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
