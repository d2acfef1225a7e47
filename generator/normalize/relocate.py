"""Table rows that a body's sample shows deeper than the table does are nested where the
sample shows them.

Scraped and flattened tables lose their nesting; the samples keep it. A row documented at the
top of a body that the sample never shows at the top, but at exactly one place below it
(inside `data`, in the items of `data`, in `data.data`), moves there. The fields along the
way are the documented fields of those names, or wrappers the table omits, typed by the
sample and reported (`table-wrapper-missing`); rows moved into a documented field are
reported as `table-nesting-restored`. Array items are taken together: a key present in only
some items still places its row.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from generator.diagnostics import Diagnostic, warning
from generator.model import ArrayOf, Example, Field, ObjectType, TypeExpr
from generator.normalize.types import with_object_items

_MAX_DEPTH = 8
Path = tuple[str, ...]


def relocated(root: Field, examples: list[Example], diagnostics: list[Diagnostic]) -> Field:
    """`root` with the rows every sample shows deeper moved there (a row some sample shows
    at the top stays; so does one the samples place in different spots)."""
    shown = [e for e in examples if isinstance(e.value, dict)]
    if not shown or not root.children:
        return root
    tops = {str(k) for e in shown if isinstance(e.value, dict) for k in e.value}
    places = [_places(e.value) for e in shown]  # once per sample: linear in its size
    groups: dict[Path, list[Field]] = {}
    for child in root.children:
        place = None if child.name in tops else _place(child.name, places)
        if place is not None:
            groups.setdefault(place, []).append(child)
    for path, fields in sorted(groups.items()):
        example = next(e for e, p in zip(shown, places, strict=True) if p.get(fields[0].name))
        moving = {f.name for f in fields}
        kept = tuple(c for c in root.children if c.name not in moving)
        whole = root if not kept else None
        root = replace(root, children=kept)
        found: list[Diagnostic] = []
        root = _insert(root, path, tuple(fields), _Where(example.value, example), found)
        diagnostics += _summary(whole, path, example, found)
    return root


def _place(name: str, places: list[dict[str, set[Path]]]) -> Path | None:
    """The one spot below the top where the samples show `name` (the shallowest where a
    sample shows it at several depths), or None."""
    chosen: set[Path] = set()
    for place in places:
        paths = sorted(place.get(name, ()), key=len)
        if paths and (len(paths) == 1 or len(paths[0]) < len(paths[1])):
            chosen.add(paths[0])
        elif paths:
            return None
    return chosen.pop() if len(chosen) == 1 else None


def _summary(
    whole: Field | None, path: Path, example: Example, found: list[Diagnostic]
) -> list[Diagnostic]:
    """A whole table moved into one wrapper is one finding, at the table."""
    if whole is None or not any(d.code == "table-wrapper-missing" for d in found):
        return found
    what = (
        f"the table's fields sit inside {'.'.join(path)!r} in the example; the wrapper is restored"
    )
    return [warning("table-wrapper-missing", what, whole.sources[0], related=example.sources)]


def _places(value: object) -> dict[str, set[Path]]:
    """Every key of a sample below its top level, with the keys leading to it (array items
    are transparent: `data[].id` is at ('data',))."""
    out: dict[str, set[Path]] = {}

    def walk(node: object, path: Path) -> None:
        if len(path) > _MAX_DEPTH:
            return
        if isinstance(node, list):
            for item in node:
                walk(item, path)
        elif isinstance(node, dict):
            for key, inner in node.items():
                if path:
                    out.setdefault(str(key), set()).add(path)
                walk(inner, (*path, str(key)))

    walk(value, ())
    return out


@dataclass(frozen=True, slots=True)
class _Where:
    """The part of the sample at the current depth, and the sample it belongs to."""

    sample: object
    example: Example


def _insert(
    node: Field, path: Path, fields: tuple[Field, ...], where: _Where, diagnostics: list[Diagnostic]
) -> Field:
    """`node` with `fields` added below it at `path`, parents created where missing."""
    if not path:
        have = {c.name for c in node.children}
        added = tuple(f for f in fields if f.name not in have)
        return replace(node, children=node.children + added)
    key, rest = path[0], path[1:]
    example = where.example
    inner = _at(where.sample, key)
    index = next((i for i, c in enumerate(node.children) if c.name == key), None)
    if index is None:
        child = Field(key, _shape(inner), None, "", example.sources)
        _report(diagnostics, "table-wrapper-missing", fields, (key,), example)
        children = (*node.children, child)
        index = len(children) - 1
    else:
        child = node.children[index]
        child = replace(child, type=_container(child.type, inner))
        children = node.children
        if not rest:
            _report(diagnostics, "table-nesting-restored", fields, (key,), example)
    moved = _insert(child, rest, fields, _Where(inner, example), diagnostics)
    return replace(node, children=(*children[:index], moved, *children[index + 1 :]))


def _at(sample: object, key: str) -> object:
    """The value under `key`, looking into array items (the first item that has it)."""
    if isinstance(sample, dict):
        return sample.get(key)
    if isinstance(sample, list):
        return next((i[key] for i in sample if isinstance(i, dict) and key in i), None)
    return None


def _shape(sample: object) -> TypeExpr:
    return ArrayOf(ObjectType()) if isinstance(sample, list) else ObjectType()


def _container(type_: TypeExpr | None, sample: object) -> TypeExpr:
    if isinstance(sample, list) and not isinstance(type_, ArrayOf):
        return ArrayOf(ObjectType())
    return with_object_items(type_) if type_ is not None else _shape(sample)


def _report(
    diagnostics: list[Diagnostic],
    code: str,
    fields: tuple[Field, ...],
    path: Path,
    example: Example,
) -> None:
    where = ".".join(path)
    for f in fields:
        what = f"{f.name!r} sits inside {where!r} in the example; nested there"
        if code == "table-wrapper-missing":
            what += f" ({where!r} is not in the table: the wrapper is restored)"
        diagnostics.append(warning(code, what, f.sources[0], related=example.sources))
