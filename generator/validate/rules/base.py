"""What every rule sees (`Spec`) and yields (`Problem`); the `Rule` record of the table.

A check is a small function `Spec -> Iterator[Problem]`: where (a JSON pointer) and what.
It knows nothing of severity or of lines: the engine gives each problem its rule's code and
configured severity, and the reporter turns the pointer into `file:line:col`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.diagnostics import Severity
from generator.validate.walk import DataFound, Found, lookup, resolve


@dataclass(frozen=True, slots=True)
class Problem:
    at: str  # JSON pointer of the node to fix
    message: str
    also: tuple[str, ...] = ()  # pointers of related nodes (the first duplicate, ...)
    kind: str = ""  # layer 1: the JSON Schema keyword that failed


@dataclass(frozen=True, slots=True)
class Spec:
    """A parsed spec and what one walk found in it."""

    data: dict[str, Any]
    version: str  # "3.0" or "3.1"
    found: Found
    data_found: DataFound
    raw_types: Mapping[str, str]
    folder: Path | None = None  # where relative `$ref` files are looked up

    def node(self, pointer: str) -> Any:
        return lookup(self.data, "#" + pointer)

    def resolve(self, node: Any) -> Any:
        return resolve(self.data, node)


Check = Callable[[Spec], Iterator[Problem]]


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    check: Check
    default_severity: Severity
    doc: str
    gates_generation: bool = False  # a finding means the generated code would be wrong
