"""Models in chunks: the schemas split into groups that datamodel-codegen handles one by one.

Why: one datamodel-codegen run over GitHub's 1,700 schemas takes about 35 s on one core, and
any edit reruns all of it. Chunks run on both cores, and each chunk's output is cached by
its input, so after an edit only the chunks whose schemas changed run again.

How a chunk stands alone: every schema it references but does not own is given to
datamodel-codegen as a stub (an empty object schema of the same name), so references come
out as that class name; the stubs' classes are dropped afterwards, and the real classes come
from the chunks that own them. A stub also reserves a name: when a class that one chunk
invents for a nested object (`ParentField`) clashes with a class of another chunk, the
later chunk runs again with that name reserved, and datamodel-codegen picks another.

Which chunk a schema goes to depends only on its name (a hash), so adding or editing one
schema leaves the other chunks, and their cache entries, as they were.
"""

from __future__ import annotations

import ast
import sys
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

Json = object
CHUNK_SIZE = 48  # schemas per chunk, on average
DEFERRED_BASE = "DeferredModel"
DEFERRED_DEFINITION = f'''class {DEFERRED_BASE}(BaseModel):
    """Base of every model here: each is built on first use, not when the module loads."""

    model_config = ConfigDict(defer_build=True)'''
_DEFER = "model_config = ConfigDict(defer_build=True)"
_STUB: Mapping[str, Json] = {"type": "object"}


@dataclass(frozen=True, slots=True)
class Chunk:
    """Schemas a chunk owns, and the names it must only reference (stubs)."""

    owned: Mapping[str, Json]
    stubs: tuple[str, ...]
    openapi: str = "3.1.0"  # the dialect of the schemas (3.0 has `nullable`)
    nullable: frozenset[str] = frozenset()  # stubs whose schema admits null

    def schemas(self) -> dict[str, Json]:
        stubs = {name: _stub(name in self.nullable, self.openapi) for name in self.stubs}
        return {**stubs, **self.owned}


def _stub(nullable: bool, openapi: str) -> Json:
    """An empty object; one that admits null where the real schema does, since a reference
    to it is typed `X | None` then."""
    if not nullable:
        return _STUB
    if openapi.startswith("3.0"):
        return {"type": "object", "nullable": True}
    return {"type": ["object", "null"]}


def admits_null(schema: Json) -> bool:
    """Whether a schema says itself that null is allowed (`nullable`, or a type list)."""
    if not isinstance(schema, Mapping):
        return False
    kind = schema.get("type")
    return schema.get("nullable") is True or (isinstance(kind, list) and "null" in kind)


@dataclass(frozen=True, slots=True)
class Statement:
    """One top-level statement of a chunk's module: its text, what it defines, and the names
    its evaluation needs at import time (base classes, assigned values)."""

    text: str
    defines: tuple[str, ...]
    needs: frozenset[str]
    refs: frozenset[str] = frozenset()  # every name it mentions, annotations included


@dataclass(frozen=True, slots=True)
class ChunkCode:
    """A chunk's module, taken apart: imports (module -> names) and statements."""

    imports: tuple[tuple[str, tuple[str, ...]], ...]
    plain_imports: tuple[str, ...]
    statements: tuple[Statement, ...]
    owned: tuple[str, ...] = ()  # the chunk's own schemas (the others are nested classes)

    @property
    def classes(self) -> frozenset[str]:
        return frozenset(n for s in self.statements for n in s.defines)


def partition(
    names: Iterable[str], links: Iterable[tuple[str, str]] = (), size: int | None = None
) -> list[list[str]]:
    """Names into ceil(n / size) buckets, rounded up to a power of two, by a stable hash of
    the name, except that linked names share a bucket (that of the smallest name of the
    group): datamodel-codegen rewrites a discriminator's targets, so they must be in its run."""
    size = size or CHUNK_SIZE
    ordered = list(names)
    leader = _groups(ordered, links)
    count = 1
    while count * size < len(ordered):
        count *= 2
    buckets: list[list[str]] = [[] for _ in range(count)]
    for name in ordered:
        buckets[zlib.crc32(leader[name].encode("utf-8")) % count].append(name)
    return [bucket for bucket in buckets if bucket]


def _groups(names: list[str], links: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Each name's group leader (the smallest name linked to it, directly or not)."""
    parent = {name: name for name in names}

    def find(name: str) -> str:
        while parent[name] != name:
            parent[name] = parent[parent[name]]
            name = parent[name]
        return name

    for a, b in links:
        if a in parent and b in parent:
            first, second = sorted((find(a), find(b)))
            parent[second] = first
    return {name: find(name) for name in names}


def discriminator_links(schemas: Mapping[str, Json]) -> list[tuple[str, str]]:
    """(schema, target) for every schema holding a discriminator and each schema it names."""
    links: list[tuple[str, str]] = []
    for name, schema in schemas.items():
        for node in _nodes(schema):
            found = node.get("discriminator")
            if isinstance(found, dict):
                links += [(name, target) for target in sorted(references(node))]
    return links


def _nodes(schema: Json) -> Iterable[dict[str, Json]]:
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            yield node
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


def references(schema: Json, prefix: str = "#/components/schemas/") -> set[str]:
    """Names of the component schemas a schema refers to."""
    found: set[str] = set()
    for node in _nodes(schema):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(prefix):
            found.add(ref[len(prefix) :])
    return found


def make_chunk(
    schemas: Mapping[str, Json],
    owned: Iterable[str],
    reserved: Iterable[str] = (),
    openapi: str = "3.1.0",
) -> Chunk:
    own = {name: schemas[name] for name in owned}
    needed = set(reserved)
    for schema in own.values():
        needed |= references(schema)
    stubs = tuple(sorted(needed - set(own)))
    nullable = frozenset(n for n in stubs if admits_null(schemas.get(n)))
    return Chunk(own, stubs, openapi, nullable)


def take_apart(code: str, stubs: Iterable[str]) -> ChunkCode:
    """The chunk's module as imports and statements, without the stubs' classes and without
    `X.model_rebuild()` calls (models are built on first use, once every chunk is loaded)."""
    tree = ast.parse(code)
    lines = code.splitlines()
    dropped = set(stubs)
    imports: dict[str, list[str]] = {}
    plain: list[str] = []
    statements: list[Statement] = []
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module and node.module != "__future__":
            imports.setdefault(node.module, []).extend(a.name for a in node.names)
        elif isinstance(node, ast.Import):
            plain.extend(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) or _is_rebuild(node):
            continue
        elif not (isinstance(node, ast.ClassDef) and node.name in dropped):
            statements.append(_statement(node, lines))
    if any("ConfigDict" in s.needs for s in statements):  # a deferred RootModel
        imports.setdefault("pydantic", []).append("ConfigDict")
    merged = tuple((m, tuple(sorted(set(n)))) for m, n in sorted(imports.items()))
    return ChunkCode(merged, tuple(sorted(set(plain))), tuple(statements))


def _is_rebuild(node: ast.stmt) -> bool:
    if not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Call)):
        return False
    func = node.value.func
    return isinstance(func, ast.Attribute) and func.attr == "model_rebuild"


def _statement(node: ast.stmt, lines: list[str]) -> Statement:
    first = min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", []))])
    text = "\n".join(lines[first - 1 : node.end_lineno])
    if isinstance(node, ast.ClassDef):
        evaluated: list[ast.AST] = [*node.bases, *node.keywords, *node.decorator_list]
        evaluated += [
            s.value for s in node.body if isinstance(s, ast.Assign | ast.AnnAssign) and s.value
        ]
        text, was, now = _deferred(node, lines, first)
        needs = _names(evaluated) - was | now
        return Statement(text, (node.name,), needs, _names([node]) - was | now)
    if isinstance(node, ast.Assign):
        targets = tuple(t.id for t in node.targets if isinstance(t, ast.Name))
        return Statement(text, targets, _names([node.value]), _names([node.value]))
    return Statement(text, (), _names([node]), _names([node]))


def _deferred(
    node: ast.ClassDef, lines: list[str], first: int
) -> tuple[str, frozenset[str], frozenset[str]]:
    """The class built on first use rather than at import (4,000 models of GitHub's spec
    take seconds to build): a `BaseModel` class derives from the deferred base instead, a
    `RootModel` class gets the setting itself. Returns the text, the names it no longer
    needs and the names it now needs."""
    end = node.end_lineno or node.lineno
    documented = _has_docstring(node)
    if documented and len(node.body) == 1:
        cut = end  # only a docstring: the setting goes after it
    else:
        cut = node.body[1 if documented else 0].lineno - 1
    head, rest = lines[first - 1 : cut], lines[cut:end]
    body = node.body[0]
    bases = [ast.unparse(b) for b in node.bases]
    if bases == ["BaseModel"]:
        start = "\n".join(head).replace("(BaseModel)", f"({DEFERRED_BASE})", 1)
        return "\n".join([start, *rest]), frozenset({"BaseModel"}), frozenset({DEFERRED_BASE})
    if len(bases) == 1 and bases[0].startswith("RootModel["):
        pad = " " * body.col_offset
        return "\n".join([*head, pad + _DEFER, *rest]), frozenset(), frozenset({"ConfigDict"})
    return "\n".join([*head, *rest]), frozenset(), frozenset()


def _has_docstring(node: ast.ClassDef) -> bool:
    first = node.body[0]
    return isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)


def _names(nodes: list[ast.AST]) -> frozenset[str]:
    return frozenset(n.id for node in nodes for n in ast.walk(node) if isinstance(n, ast.Name))


def clashes(codes: list[ChunkCode], owned: list[frozenset[str]]) -> dict[int, set[str]]:
    """Per chunk index, the names it defined that another chunk owns or defined first."""
    every_owned = frozenset().union(*owned)
    seen: set[str] = set()
    found: dict[int, set[str]] = {}
    for index, (code, own) in enumerate(zip(codes, owned, strict=True)):
        for name in sorted(code.classes - own):
            if name in every_owned or name in seen:
                found.setdefault(index, set()).add(name)
        seen |= code.classes - own
    return found


def merged_imports(codes: list[ChunkCode]) -> tuple[dict[str, set[str]], set[str]]:
    """Every chunk's `from module import names` (module -> names) and plain imports."""
    imports: dict[str, set[str]] = {}
    plain: set[str] = set()
    for code in codes:
        for module, names in code.imports:
            imports.setdefault(module, set()).update(names)
        plain.update(code.plain_imports)
    return imports, plain


def assemble(header: str, codes: list[ChunkCode]) -> str:
    """One module: merged imports, then every statement, each after what it needs."""
    imports, plain = merged_imports(codes)
    statements = ordered([s for code in codes for s in code.statements])
    if any(DEFERRED_BASE in s.needs for s in statements):
        imports.setdefault("pydantic", set()).update({"BaseModel", "ConfigDict"})
        statements.insert(0, Statement(DEFERRED_DEFINITION, (DEFERRED_BASE,), frozenset()))
    head = "\n\n".join(
        [header, "from __future__ import annotations", *import_lines(imports, plain)]
    )
    return head + "\n\n\n" + "\n\n\n".join(s.text for s in statements) + "\n"


def import_lines(imports: Mapping[str, Iterable[str]], plain: Iterable[str]) -> list[str]:
    """The import blocks, isort's way: the standard library's, then the others'."""
    groups: dict[bool, list[str]] = {True: [], False: []}
    for name in sorted(plain):
        groups[_stdlib(name)].append(f"import {name}")
    for module in sorted(imports):
        names = ", ".join(sorted(set(imports[module]), key=_isort_key))
        groups[_stdlib(module)].append(f"from {module} import {names}")
    return ["\n".join(groups[flag]) for flag in (True, False) if groups[flag]]


def _isort_key(name: str) -> tuple[int, str]:
    """isort's order within one import: CONSTANTS, Classes, functions."""
    kind = 0 if name.isupper() else 1 if name[:1].isupper() else 2
    return kind, name


def _stdlib(module: str) -> bool:
    return module.split(".", maxsplit=1)[0] in sys.stdlib_module_names


def ordered(statements: list[Statement]) -> list[Statement]:
    """Keep the given order, except that a statement waits for the ones defining what it
    needs at import time (a base class from a later chunk)."""
    definer = {name: i for i, s in enumerate(statements) for name in s.defines}
    done: set[int] = set()
    out: list[Statement] = []

    def emit(index: int, visiting: set[int]) -> None:
        if index in done or index in visiting:
            return
        visiting.add(index)
        for name in sorted(statements[index].needs):
            target = definer.get(name)
            if target is not None and target != index:
                emit(target, visiting)
        done.add(index)
        out.append(statements[index])

    for index in range(len(statements)):
        emit(index, set())
    return out
