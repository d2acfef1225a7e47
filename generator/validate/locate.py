"""JSON pointer -> `line:col` in the text a spec was read from.

Two locators, one protocol. YAML is composed once by libyaml (the C loader when available) and
pointers are resolved by walking the node tree. JSON is not composed at all (libyaml needs
~5 s for 10 MB): the pointer is followed through the text itself, skipping the values before
the wanted member with the C-accelerated JSON decoder; each object or array met on the way is
indexed once, so locating any number of findings stays linear in the file size.

A member is located at its key (where a reader looks for `responses:`), an array item at the
item. Lines and columns are 1-based; columns count characters.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

import yaml

from generator.pointer import tokens

Position = tuple[int, int]

_WS = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()
_scanstring: Callable[[str, int], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]


def _skip(text: str, at: int) -> int:
    """The offset of the first non-blank character at or after `at`."""
    blank = _WS.match(text, at)
    return blank.end() if blank else at


class Locator(Protocol):
    def position(self, pointer: str) -> Position | None:
        """The (line, column) of the node at `pointer`, or None if there is no such node."""
        ...


def nearest(locator: Locator, pointer: str) -> Position:
    """The position of the node at `pointer`, else of its nearest ancestor that exists."""
    at = pointer
    while True:
        found = locator.position(at)
        if found is not None:
            return found
        if at in ("", "/"):
            return (1, 1)
        at = at.rsplit("/", 1)[0]


@dataclass(slots=True)
class YamlLocator:
    """Walks a composed YAML node tree; each mapping's keys are indexed when first visited."""

    root: yaml.Node
    _keys: dict[int, dict[str, tuple[yaml.Node, yaml.Node]]] = field(default_factory=dict)

    def position(self, pointer: str) -> Position | None:
        node = self.root
        where: yaml.Node = node
        for token in tokens(pointer):
            step = self._step(node, token)
            if step is None:
                return None
            where, node = step
        return (where.start_mark.line + 1, where.start_mark.column + 1)

    def _step(self, node: yaml.Node, token: str) -> tuple[yaml.Node, yaml.Node] | None:
        if isinstance(node, yaml.MappingNode):
            return self._members(node).get(token)
        if isinstance(node, yaml.SequenceNode) and token.isdigit():
            index = int(token)
            if index < len(node.value):
                item: yaml.Node = node.value[index]
                return item, item
        return None

    def _members(self, node: yaml.MappingNode) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        members = self._keys.get(id(node))
        if members is None:
            members = {}
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.value not in members:
                    members[key.value] = (key, value)
            self._keys[id(node)] = members
        return members


@dataclass(slots=True)
class JsonLocator:
    """Follows pointers through JSON text; containers are indexed (member -> offsets) once."""

    text: str
    _lines: list[int] = field(default_factory=list)
    _index: dict[int, dict[str, tuple[int, int]]] = field(default_factory=dict)

    def position(self, pointer: str) -> Position | None:
        try:
            offset = self._offset(pointer)
        except (ValueError, IndexError):
            return None
        return None if offset is None else self._line_col(offset)

    def _offset(self, pointer: str) -> int | None:
        value = where = _skip(self.text, 0)
        for token in tokens(pointer):
            member = self._members(value).get(token)
            if member is None:
                return None
            where, value = member
        return where

    def _members(self, start: int) -> dict[str, tuple[int, int]]:
        members = self._index.get(start)
        if members is None:
            opener = self.text[start : start + 1]
            members = self._object(start) if opener == "{" else self._array(start)
            self._index[start] = members
        return members

    def _object(self, start: int) -> dict[str, tuple[int, int]]:
        text, members = self.text, dict[str, tuple[int, int]]()
        at = _skip(text, start + 1)
        while text[at] == '"':
            key, end = _scanstring(text, at + 1)
            colon = _skip(text, end)
            value = _skip(text, colon + 1)
            members.setdefault(key, (at, value))
            _, end = _DECODER.raw_decode(text, value)
            at = _skip(text, end)
            if text[at] != ",":
                break
            at = _skip(text, at + 1)
        return members

    def _array(self, start: int) -> dict[str, tuple[int, int]]:
        if self.text[start : start + 1] != "[":
            return {}
        text, members = self.text, dict[str, tuple[int, int]]()
        at = _skip(text, start + 1)
        while text[at] != "]":
            members[str(len(members))] = (at, at)
            _, end = _DECODER.raw_decode(text, at)
            at = _skip(text, end)
            if text[at] != ",":
                break
            at = _skip(text, at + 1)
        return members

    def _line_col(self, offset: int) -> Position:
        if not self._lines:
            self._lines = [-1, *(m.start() for m in re.finditer("\n", self.text))]
        line = bisect.bisect_left(self._lines, offset)
        return (line, offset - self._lines[line - 1])
