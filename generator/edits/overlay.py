"""OpenAPI Overlay 1.0: apply actions to a document, and capture hand edits as actions.

Apply follows the Overlay specification: `update` is merged recursively into each object the
JSONPath `target` selects (appended to a selected array); `remove: true` deletes each selected
node. Capture writes the smallest actions that turn one document into another: objects are
diffed key by key; a value that changes kind, or a list that changes at all, is removed and set
again, so the update can never merge into stale content.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import Any

from jsonpath_ng.exceptions import JsonPathParserError
from jsonpath_ng.ext.parser import parse as parse_jsonpath

from generator.pointer import escape

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
VERSION = "1.0.0"


@dataclass(frozen=True, slots=True)
class Action:
    target: str
    update: Any = None
    remove: bool = False
    description: str = ""

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"target": self.target}
        if self.description:
            out["description"] = self.description
        if self.remove:
            out["remove"] = True
        else:
            out["update"] = self.update
        return out


@dataclass(frozen=True, slots=True)
class Overlay:
    title: str
    version: str = "1.0.0"
    actions: tuple[Action, ...] = field(default=())

    def as_dict(self) -> dict[str, Any]:
        return {
            "overlay": VERSION,
            "info": {"title": self.title, "version": self.version},
            "actions": [a.as_dict() for a in self.actions],
        }


@dataclass(frozen=True, slots=True)
class Match:
    """One node a target selected: its JSON pointer, parent and key in the parent."""

    pointer: str
    parent: Any
    key: str | int


def overlay_from(data: Any) -> Overlay:
    """An Overlay from its parsed YAML; raises ValueError with a readable reason."""
    if not isinstance(data, dict) or not str(data.get("overlay", "")).startswith("1."):
        raise ValueError("not an Overlay 1.x document (no 'overlay: 1.0.0')")
    info: dict[str, Any] = data["info"] if isinstance(data.get("info"), dict) else {}
    actions = []
    for index, raw in enumerate(data.get("actions") or []):
        if not isinstance(raw, dict) or not isinstance(raw.get("target"), str):
            raise ValueError(f"action {index + 1} has no target")
        actions.append(
            Action(
                raw["target"],
                raw.get("update"),
                bool(raw.get("remove")),
                str(raw.get("description", "")),
            )
        )
    return Overlay(str(info.get("title", "")), str(info.get("version", "1.0.0")), tuple(actions))


def target_of(tokens: list[str | int]) -> str:
    """A JSONPath selecting exactly the node at `tokens`."""
    out = "$"
    for token in tokens:
        if isinstance(token, int):
            out += f"[{token}]"
        elif _IDENTIFIER.match(token):
            out += f".{token}"
        else:
            quoted = token.replace("\\", "\\\\").replace("'", "\\'")
            out += f"['{quoted}']"
    return out


def select(document: Any, target: str) -> list[Match]:
    if target.strip() == "$":
        return [Match("", None, "")]
    try:
        found = parse_jsonpath(target).find(document)
    except (JsonPathParserError, Exception) as exc:  # the parser raises plain Exceptions too
        raise ValueError(f"invalid JSONPath {target!r}: {exc}") from exc
    return [Match(_pointer(m), m.context.value if m.context else None, _key(m)) for m in found]


def _key(match: Any) -> str | int:
    path = match.path
    if hasattr(path, "fields"):
        return str(path.fields[0])
    return int(path.indices[0])


def _pointer(match: Any) -> str:
    tokens: list[str] = []
    while match is not None and match.context is not None:
        key = _key(match)
        tokens.append(escape(str(key)))
        match = match.context
    return "".join("/" + t for t in reversed(tokens))


def apply(document: Any, overlay: Overlay) -> tuple[Any, list[int]]:
    """The document with every action applied in order, and how many nodes each selected."""
    result = copy.deepcopy(document)
    counts: list[int] = []
    for action in overlay.actions:
        matches = select(result, action.target)
        counts.append(len(matches))
        for match in reversed(matches):
            result = _act(result, match, action)
    return result, counts


def _act(document: Any, match: Match, action: Action) -> Any:
    if match.parent is None:
        return merge(document, copy.deepcopy(action.update)) if not action.remove else document
    if action.remove:
        del match.parent[match.key]
    else:
        match.parent[match.key] = merge(match.parent[match.key], copy.deepcopy(action.update))
    return document


def merge(target: Any, update: Any) -> Any:
    if isinstance(target, dict) and isinstance(update, dict):
        for key, value in update.items():
            target[key] = merge(target[key], value) if key in target else value
        return target
    if isinstance(target, list):
        return [*target, *(update if isinstance(update, list) else [update])]
    return update


def capture(before: Any, after: Any) -> list[Action]:
    """Actions that turn `before` into `after` (both parsed documents)."""
    actions: list[Action] = []
    _diff(before, after, [], actions)
    return actions


def _diff(a: Any, b: Any, tokens: list[str | int], out: list[Action]) -> None:
    if not (isinstance(a, dict) and isinstance(b, dict)):
        if a != b:
            out.append(Action(target_of(tokens[:-1]), update={tokens[-1]: b}))
        return
    out.extend(Action(target_of([*tokens, key]), remove=True) for key in a if key not in b)
    updates: dict[str, Any] = {}
    for key, value in b.items():
        if key not in a:
            updates[key] = value
        elif a[key] != value:
            _changed(a[key], value, [*tokens, key], out, updates)
    if updates:
        out.append(Action(target_of(tokens), update=updates))


def _changed(
    old: Any, new: Any, tokens: list[str | int], out: list[Action], updates: dict[str, Any]
) -> None:
    """A key whose value changed: objects are diffed deeper; anything else is set again
    (after removing a container, so the update replaces instead of merging)."""
    if isinstance(old, dict) and isinstance(new, dict):
        _diff(old, new, tokens, out)
        return
    if isinstance(old, dict | list):
        out.append(Action(target_of(tokens), remove=True))
    updates[str(tokens[-1])] = new
