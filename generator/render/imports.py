"""Import blocks for generated modules, computed from what the module uses, sorted like isort.

Type annotations carry the (module, name) pairs they need (`pytypes.TypeText`); a view-model
unions them and hands the template finished `ImportLine`s: sections (standard library,
third party, local), modules sorted, names ordered CONSTANT, Class, function as ruff's isort
expects, long lines wrapped one name per line.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from generator.render.filters import LINE_LENGTH

_STDLIB = frozenset({"__future__", "collections.abc", "dataclasses", "typing", "os", "json"})


@dataclass(frozen=True, slots=True)
class ImportLine:
    module: str
    names: tuple[str, ...]

    @property
    def fits(self) -> bool:
        return len(f"from {self.module} import {', '.join(self.names)}") <= LINE_LENGTH

    @property
    def plain(self) -> bool:
        """`import module` rather than `from module import names`."""
        return not self.names


def _member_key(name: str) -> tuple[int, str]:
    if name.isupper() and len(name) > 1:
        return (0, name.lower())
    if name[:1].isupper():
        return (1, name.lower())
    return (2, name.lower())


def _section(module: str) -> int:
    if module.startswith("."):
        return 2
    return 0 if module.partition(".")[0] in _STDLIB or module in _STDLIB else 1


def _module_key(module: str) -> tuple[int, str]:
    level = len(module) - len(module.lstrip("."))
    return (-level, module.lstrip(".").lower())


def import_sections(pairs: Iterable[tuple[str, str]]) -> tuple[tuple[ImportLine, ...], ...]:
    """Pairs (module, name) -> sorted sections; a pair (module, "") means `import module`."""
    by_module: dict[str, set[str]] = {}
    plain: set[str] = set()
    for module, name in pairs:
        if name:
            by_module.setdefault(module, set()).add(name)
        else:
            plain.add(module)
    sections: list[list[ImportLine]] = [[], [], []]
    for module in sorted(plain, key=_module_key):
        sections[_section(module)].append(ImportLine(module, ()))
    for module in sorted(by_module, key=_module_key):
        names = tuple(sorted(by_module[module], key=_member_key))
        sections[_section(module)].append(ImportLine(module, names))
    return tuple(tuple(section) for section in sections if section)


def relocate(pairs: Iterable[tuple[str, str]], depth: int) -> frozenset[tuple[str, str]]:
    """Package-relative imports (`.`, `.handler`) as seen from a module `depth` folders down."""
    return frozenset(
        (("." * depth + module) if module.startswith(".") else module, name)
        for module, name in pairs
    )
