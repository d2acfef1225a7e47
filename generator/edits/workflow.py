"""Designers' edits survive re-imports: a three-way reconciliation recorded as an overlay.

Files in spec/<api>/: `imported.yaml` (the importer's last output, before any edit),
`overlay.yaml` (every hand edit, as Overlay 1.0 actions) and `openapi.yaml` (imported + overlay:
the spec designers read and edit). On each build:

1. hand edits: `openapi.yaml` is compared with `imported.yaml` + overlay; any difference is a new
   edit, captured as overlay actions (appended, so later edits win);
2. the documents are imported afresh;
3. the overlay is applied to the fresh import. An action whose target the documents changed
   since the last import (base vs fresh) is a conflict: reported with both versions and the
   source location, and the designer's version is kept. An action that selects nothing any
   more (its operation left the documents) is reported and kept in the overlay.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from generator.diagnostics import Diagnostic, Span, info, warning
from generator.edits.canonical import canonical
from generator.edits.overlay import Action, Overlay, apply, capture, select
from generator.pointer import escape, unescape
from generator.validate.sourcemaps import origin


@dataclass(frozen=True, slots=True)
class Reconciled:
    spec: dict[str, Any]
    overlay: Overlay
    diagnostics: tuple[Diagnostic, ...]


def reconcile(
    fresh: dict[str, Any],
    *,
    base: dict[str, Any] | None,
    ours: dict[str, Any] | None,
    overlay: Overlay,
    locate: Mapping[str, tuple[Span, ...]],
    where: str,
) -> Reconciled:
    """`where` names the spec file for diagnostics; `locate` maps pointers to source spans."""
    diagnostics: list[Diagnostic] = []
    if base is not None and ours is not None:
        expected, _ = apply(base, overlay)
        if canonical(expected) != canonical(ours):
            new = capture(expected, ours)
            overlay = replace(overlay, actions=overlay.actions + tuple(new))
            diagnostics.append(
                info(
                    "edits-captured",
                    f"{len(new)} hand edit(s) of the spec recorded in the overlay",
                    Span(where, 0),
                )
            )
    result, counts = apply(fresh, overlay)
    for action, count in zip(overlay.actions, counts, strict=True):
        if count == 0:
            diagnostics.append(
                warning(
                    "overlay-target-missing",
                    f"overlay action on "
                    f"{action.target} selects nothing in the new import; "
                    "kept in the overlay",
                    Span(where, 0),
                )
            )
        elif base is not None:
            diagnostics += _conflicts(action, base, fresh, locate, where)
    return Reconciled(canonical(result), overlay, tuple(diagnostics))


def _conflicts(
    action: Action, base: Any, fresh: Any, locate: Mapping[str, tuple[Span, ...]], where: str
) -> list[Diagnostic]:
    """The documents changed a node the action sets or removes since the last import."""
    before = {m.pointer: _value(m) for m in select(base, action.target)}
    out: list[Diagnostic] = []
    for match in select(fresh, action.target):
        if match.pointer not in before:
            continue
        for pointer, old, new in _touched(action, match, before[match.pointer]):
            if old == new:
                continue
            mine = "removed it" if action.remove else f"set it to {_short(_at(action, pointer))}"
            out.append(
                warning(
                    "edit-conflict",
                    f"{pointer}: the documents changed it from {_short(old)} to "
                    f"{_short(new)}, and your edit {mine}; your edit is kept",
                    origin(locate, pointer) or Span(where, 0),
                )
            )
    return out


def _touched(action: Action, match: Any, old: Any) -> list[tuple[str, Any, Any]]:
    new = _value(match)
    if action.remove or not isinstance(action.update, dict):
        return [(match.pointer, old, new)]
    pairs = []
    for key in action.update:
        token = escape(str(key))
        old_value = old.get(key) if isinstance(old, dict) else None
        new_value = new.get(key) if isinstance(new, dict) else None
        pairs.append((f"{match.pointer}/{token}", old_value, new_value))
    return pairs


def _value(match: Any) -> Any:
    return match.parent[match.key] if match.parent is not None else None


def _at(action: Action, pointer: str) -> Any:
    key = unescape(pointer.rsplit("/", 1)[-1])
    return action.update.get(key) if isinstance(action.update, dict) else action.update


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
