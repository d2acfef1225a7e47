"""Models of a large API as a package whose modules load on first use.

Building 4,000 pydantic classes takes seconds even when their validators are deferred
(pydantic still evaluates every annotation). So when the models come in several chunks,
each chunk becomes a module `models/_mNNN.py`, and `models/__init__.py` loads a module only
when one of its names is asked for (PEP 562 `__getattr__`), together with the modules its
annotations mention, whose names it copies into the module so pydantic finds them when it
builds the model on first use. What a class needs while it is being defined (a base class,
a `RootModel[...]` parameter) is imported at the top of its module; chunks whose such
imports would go round in a circle share one module. For mypy, every name is imported
under `TYPE_CHECKING`, so the package type-checks as if it were one module.
"""

from __future__ import annotations

from collections.abc import Mapping

from generator.render import names
from generator.render.chunks import (
    DEFERRED_BASE,
    DEFERRED_DEFINITION,
    ChunkCode,
    Statement,
    import_lines,
    merged_imports,
    ordered,
)

BASE_MODULE = "_base"
_INIT_DOC = '''"""The models, each module loaded on first use: `models.Name` imports the module that
defines Name and the modules its fields refer to, not the whole API."""'''
_LOADER = """_LOADED: set[str] = set()


def _load(module: str) -> Any:
    loaded = importlib.import_module(f".{module}", __name__)
    if module not in _LOADED:
        _LOADED.add(module)
        for name in _REFS.get(module, ()):
            setattr(loaded, name, getattr(_load(_WHERE[name]), name))
    return loaded


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(_load(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(_WHERE)"""


def package(header: str, codes: list[ChunkCode]) -> dict[str, str]:
    """`models/...` file name -> text, for chunks that are not all one module."""
    imports, plain = merged_imports(codes)
    groups = _modules([group for code in codes for group in _by_schema(code)])
    stems = names.unique(
        [f"_{names.snake(group[0].defines[0])}" for group in groups], taken=[BASE_MODULE]
    )
    pairs = zip(stems, groups, strict=True)
    where = {n: stem for stem, group in pairs for s in group for n in s.defines}
    where[DEFERRED_BASE] = BASE_MODULE
    files = {f"models/{BASE_MODULE}.py": _base_module(header)}
    refs: dict[str, tuple[str, ...]] = {}
    for stem, group in zip(stems, groups, strict=True):
        text, outside = _module(header, group, (imports, plain), where)
        files[f"models/{stem}.py"] = text
        refs[stem] = outside
    files["models/__init__.py"] = _init(header, where, refs)
    return files


def _by_schema(code: ChunkCode) -> list[list[Statement]]:
    """A chunk's statements per schema it owns: each schema's class with the classes
    invented for its nested objects (found through its references), first statement first."""
    owned = set(code.owned)
    by_name = {n: s for s in code.statements for n in s.defines}
    taken: set[int] = set()
    groups: list[list[Statement]] = []
    for statement in code.statements:
        if id(statement) in taken or not owned.intersection(statement.defines):
            continue
        group, stack = [], [statement]
        while stack:
            current = stack.pop()
            if id(current) in taken:
                continue
            taken.add(id(current))
            group.append(current)
            nested = (by_name[n] for n in sorted(current.refs) if n in by_name and n not in owned)
            stack.extend(nested)
        groups.append(group)
    rest = [s for s in code.statements if id(s) not in taken and s.defines]
    return [*groups, *([rest] if rest else [])]


def _modules(chunks: list[list[Statement]]) -> list[list[Statement]]:
    """Statements per module. A statement that needs names of one other module while it is
    being defined (`RootModel[list[Repository]]`) moves to that module; modules that still
    need each other that way become one (strongly connected parts of the graph)."""
    home = {id(s): i for i, chunk in enumerate(chunks) for s in chunk}
    every = [s for chunk in chunks for s in chunk]
    for _ in range(len(chunks)):
        definer = {n: home[id(s)] for s in every for n in s.defines}
        moves = 0
        for statement in every:
            targets = {definer[n] for n in statement.needs if n in definer}
            targets.discard(home[id(statement)])
            if len(targets) == 1:
                home[id(statement)] = targets.pop()
                moves += 1
        if not moves:
            break
    definer = {n: home[id(s)] for s in every for n in s.defines}
    edges: list[set[int]] = [set() for _ in chunks]
    for statement in every:
        edges[home[id(statement)]] |= {definer[n] for n in statement.needs if n in definer}
    parts = sorted(_strongly_connected([sorted(e) for e in edges]), key=min)
    part_of = {node: index for index, part in enumerate(parts) for node in part}
    modules: list[list[Statement]] = [[] for _ in parts]
    for statement in every:
        modules[part_of[home[id(statement)]]].append(statement)
    return [module for module in modules if module]


def _strongly_connected(edges: list[list[int]]) -> list[list[int]]:
    """Nodes that reach each other, together (n is the number of chunks: a few hundred)."""
    reach = [_reachable(edges, node) for node in range(len(edges))]
    parts: dict[int, list[int]] = {}
    for node in range(len(edges)):
        leader = min(other for other in reach[node] if node in reach[other])
        parts.setdefault(leader, []).append(node)
    return list(parts.values())


def _reachable(edges: list[list[int]], start: int) -> set[int]:
    seen = {start}
    stack = [start]
    while stack:
        for target in edges[stack.pop()]:
            if target not in seen:
                seen.add(target)
                stack.append(target)
    return seen


def _module(
    header: str,
    group: list[Statement],
    imports_and_plain: tuple[dict[str, set[str]], set[str]],
    where: Mapping[str, str],
) -> tuple[str, tuple[str, ...]]:
    """A module's text, and the names it uses from other modules."""
    statements = ordered(group)
    own = {n for s in statements for n in s.defines}
    used = {n for s in statements for n in s.refs if n in where and n not in own}
    eager = {n for s in statements for n in s.needs if n in used}
    lazy = used - eager
    mentioned = {n for s in statements for n in s.refs}
    every_import, plain = imports_and_plain
    imports = {m: {n for n in listed if n in mentioned} for m, listed in every_import.items()}
    if lazy:
        imports.setdefault("typing", set()).add("TYPE_CHECKING")
    blocks = import_lines({m: n for m, n in imports.items() if n}, plain)
    blocks.append(_local_imports(eager, where, indent=""))
    if lazy:
        blocks.append("if TYPE_CHECKING:\n" + _local_imports(lazy, where, indent="    "))
    head = "\n\n".join([header, "from __future__ import annotations", *filter(None, blocks)])
    body = "\n\n\n".join(s.text for s in statements)
    return f"{head}\n\n\n{body}\n", tuple(sorted(used))


def _local_imports(names: set[str], where: Mapping[str, str], indent: str) -> str:
    by_module: dict[str, list[str]] = {}
    for name in sorted(names):
        by_module.setdefault(where[name], []).append(name)
    lines = []
    for module, listed in sorted(by_module.items()):
        inner = "".join(f"{indent}    {n},\n" for n in listed)
        lines.append(f"{indent}from .{module} import (\n{inner}{indent})")
    return "\n".join(lines)


def _base_module(header: str) -> str:
    return f"{header}\n\nfrom pydantic import BaseModel, ConfigDict\n\n\n{DEFERRED_DEFINITION}\n"


def _init(header: str, where: Mapping[str, str], refs: Mapping[str, tuple[str, ...]]) -> str:
    lines = [header, _INIT_DOC, "from __future__ import annotations"]
    lines.append("import importlib\nfrom typing import TYPE_CHECKING, Any")
    exported: dict[str, list[str]] = {}
    for name, module in sorted(where.items()):
        exported.setdefault(module, []).append(name)
    checking = "".join(
        f"    from .{module} import (\n"
        + "".join(f"        {n} as {n},\n" for n in names)
        + "    )\n"
        for module, names in sorted(exported.items())
    )
    lines.append("if TYPE_CHECKING:\n" + checking.rstrip("\n"))
    table = "".join(f"    {n!r}: {m!r},\n" for n, m in sorted(where.items()))
    lines.append(f"_WHERE: dict[str, str] = {{\n{table}}}")
    needs = "".join(
        f"    {m!r}: (\n" + "".join(f"        {n!r},\n" for n in names) + "    ),\n"
        for m, names in sorted(refs.items())
        if names
    )
    lines.append(f"_REFS: dict[str, tuple[str, ...]] = {{\n{needs}}}")
    return "\n\n".join(lines) + "\n\n\n" + _LOADER + "\n"
