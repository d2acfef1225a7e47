"""References: `$ref`s that resolve, components that are used, security schemes that exist."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from generator.pointer import tokens
from generator.validate.document import Loaded, parse
from generator.validate.rules.base import Problem, Spec
from generator.validate.walk import child, lookup

_REMOTE = ("http://", "https://", "urn:")
_COMPONENTS = "#/components/"


def ref_unresolved(spec: Spec) -> Iterator[Problem]:
    files: dict[Path, Loaded | None] = {}
    if all(_resolves(spec, ref, files) for ref in sorted(spec.ref_targets())):
        return  # the usual case, told without the walk that finds each `$ref`'s pointer
    for at, ref in spec.refs():
        problem = _unresolved(spec, ref, files)
        if problem:
            yield Problem(at, f"$ref '{ref}' does not resolve: {problem}")


def component_unused(spec: Spec) -> Iterator[Problem]:
    components = spec.data.get("components")
    if not isinstance(components, dict):
        return
    used = _used_components(spec)
    for kind, entries in components.items():
        if kind == "securitySchemes" or not isinstance(entries, dict):
            continue
        for name in entries:
            if (kind, str(name)) not in used:
                yield Problem(child("/components", kind, name), f"{kind} '{name}' is never used")
    schemes = components.get("securitySchemes")
    required = _required_schemes(spec)
    for name in schemes if isinstance(schemes, dict) else ():
        if name not in required:
            at = child("/components/securitySchemes", name)
            yield Problem(at, f"security scheme '{name}' is not required anywhere")


def security_scheme_undefined(spec: Spec) -> Iterator[Problem]:
    schemes = spec.node("/components/securitySchemes")
    defined = set(schemes) if isinstance(schemes, dict) else set()
    for list_at, requirements in spec.found.security:
        for i, requirement in enumerate(requirements):
            for name in requirement if isinstance(requirement, dict) else ():
                if name not in defined:
                    at = child(list_at, i, name)
                    yield Problem(at, f"security requirement names no scheme: '{name}'")


def _resolves(spec: Spec, ref: str, files: dict[Path, Loaded | None]) -> bool:
    """Whether `ref` resolves, for the quick verdict; a ref that breaks the check counts as
    unresolved, so that the full pass (which reports it as it always did) runs."""
    try:
        return not _unresolved(spec, ref, files)
    except Exception:  # the full pass meets it again, where it counts
        return False


def _unresolved(spec: Spec, ref: str, files: dict[Path, Loaded | None]) -> str:
    """Why `ref` does not resolve ('' when it does, or when it cannot be checked offline)."""
    if ref.startswith("#"):
        return "" if lookup(spec.data, ref) is not None else "no such node in this document"
    if ref.startswith(_REMOTE) or spec.folder is None:
        return ""
    file, _, fragment = ref.partition("#")
    path = (spec.folder / unquote(file)).resolve()
    if path not in files:
        files[path] = _load(path)
    loaded = files[path]
    if loaded is None:
        return f"cannot read {file}"
    if fragment and lookup(loaded.data, "#" + fragment) is None:
        return f"no such node in {file}"
    return ""


def _load(path: Path) -> Loaded | None:
    try:
        loaded = parse(path.read_text(encoding="utf-8"), str(path))
    except (OSError, UnicodeDecodeError):
        return None
    return loaded if isinstance(loaded, Loaded) else None


def _used_components(spec: Spec) -> set[tuple[str, str]]:
    used: set[tuple[str, str]] = set()
    for _, ref in spec.refs():
        _mark(used, ref)
    for _, schema in spec.schemas():
        mapping = _mapping(schema)
        for target in map(str, mapping.values()):
            _mark(used, target if "/" in target else _COMPONENTS + "schemas/" + target)
    return used


def _mark(used: set[tuple[str, str]], ref: str) -> None:
    if ref.startswith(_COMPONENTS):
        parts = tokens(unquote(ref[1:]))
        if len(parts) >= 3:
            used.add((parts[1], parts[2]))


def _mapping(schema: Any) -> dict[str, Any]:
    discriminator = schema.get("discriminator") if isinstance(schema, dict) else None
    mapping = discriminator.get("mapping") if isinstance(discriminator, dict) else None
    return mapping if isinstance(mapping, dict) else {}


def _required_schemes(spec: Spec) -> set[str]:
    names: set[str] = set()
    for _, requirements in spec.found.security:
        for requirement in requirements:
            if isinstance(requirement, dict):
                names.update(str(n) for n in requirement)
    return names
