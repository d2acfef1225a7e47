"""What every rule sees (`Spec`) and yields (`Problem`); the `Rule` record of the table.

A check is a small function `Spec -> Iterator[Problem]`: where (a JSON pointer) and what.
It knows nothing of severity or of lines: the engine gives each problem its rule's code and
configured severity, and the reporter turns the pointer into `file:line:col`.

`Spec.found` (operations, parameters, servers...) is cheap and always there. What costs a
walk over the whole document is found when a rule first asks for it, then kept for the next
rule: `schemas()` and `examples()` (every schema object), `refs()` and `texts()` (every
node). `ref_targets()`, the distinct `$ref` strings, costs nothing when the reader gathered
them (`known_refs`). A run with only the rules that gate generation pays for none of these
walks unless a reference does not resolve.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.diagnostics import Severity
from generator.validate.datawalk import DataFound, Text, data_walk
from generator.validate.walk import Example, Found, Located, Schemas, expand, lookup, resolve


@dataclass(frozen=True, slots=True)
class Problem:
    at: str  # JSON pointer of the node to fix
    message: str
    also: tuple[str, ...] = ()  # pointers of related nodes (the first duplicate, ...)
    kind: str = ""  # layer 1: the JSON Schema keyword that failed


@dataclass(slots=True)
class _Later:
    """What `Spec` found on demand, once."""

    schemas: Schemas | None = None
    data: DataFound | None = None
    targets: dict[str, Any] = field(default_factory=dict)  # `$ref` -> its node (or None)


@dataclass(frozen=True, slots=True)
class Spec:
    """A parsed spec and what the walk found in it (the costly parts when first asked)."""

    data: dict[str, Any]
    version: str  # "3.0" or "3.1"
    found: Found
    raw_types: Mapping[str, str]
    folder: Path | None = None  # where relative `$ref` files are looked up
    known_refs: frozenset[str] | None = None  # every `$ref` string, if the reader gathered them
    _later: _Later = field(default_factory=_Later, repr=False, compare=False)

    def node(self, pointer: str) -> Any:
        return lookup(self.data, "#" + pointer)

    def resolve(self, node: Any) -> Any:
        return resolve(self.data, node, targets=self._later.targets)

    def schemas(self) -> list[Located]:
        """Every schema object, in walk order."""
        return self._expanded().schemas

    def examples(self) -> list[Example]:
        """Every example value with the pointer of the schema it must satisfy."""
        return self._expanded().examples

    def refs(self) -> list[tuple[str, str]]:
        """(pointer of `$ref`, its target) outside example data and extensions, sorted."""
        return self._walked().refs

    def texts(self) -> list[Text]:
        """Every summary and description outside example data and extensions."""
        return self._walked().texts

    def ref_targets(self) -> frozenset[str]:
        """The targets of `refs()`, or more: every `$ref` string the reader met anywhere in
        the document, example data included, when it gathered them."""
        if self.known_refs is not None:
            return self.known_refs
        return frozenset(ref for _, ref in self.refs())

    def _expanded(self) -> Schemas:
        if self._later.schemas is None:
            self._later.schemas = expand(self.data, self.found.roots)
        return self._later.schemas

    def _walked(self) -> DataFound:
        if self._later.data is None:
            self._later.data = data_walk(self.data)
        return self._later.data


Check = Callable[[Spec], Iterator[Problem]]


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    check: Check
    default_severity: Severity
    doc: str
    gates_generation: bool = False  # a finding means the generated code would be wrong
