"""Building one API of the workspace: import, then reconcile with the designers' edits.

The reading and writing of spec/<api>/ files happens here and in the CLI; the stages stay pure.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from generator.config import ApiConfig
from generator.diagnostics import Diagnostic, Span, error, has_errors
from generator.edits.overlay import Overlay, overlay_from
from generator.edits.workflow import reconcile
from generator.emit.yamlio import dump
from generator.pipeline import build_api, rendered
from generator.sources import load_spec
from generator.validate import blocking

SPEC = "openapi.yaml"
IMPORTED = "imported.yaml"
OVERLAY = "overlay.yaml"


@dataclass(frozen=True, slots=True)
class BuildOutcome:
    files: dict[Path, str]
    diagnostics: tuple[Diagnostic, ...]
    operations: int = 0
    spec: dict[str, Any] | None = None

    @property
    def ok(self) -> bool:
        return bool(self.files) and not has_errors(self.diagnostics)


def build_outputs(config: ApiConfig) -> BuildOutcome:
    """Every file `build` writes for one API, or the diagnostics that stop it."""
    result = build_api(config)
    if not result.ok or result.spec is None:
        return BuildOutcome({}, result.diagnostics)
    folder = config.folder
    problems: list[Diagnostic] = []
    base = _read_yaml(folder / IMPORTED, problems)
    ours = _read_yaml(folder / SPEC, problems)
    overlay = _read_overlay(folder / OVERLAY, config, problems)
    if problems:
        return BuildOutcome({}, result.diagnostics + tuple(problems))
    merged = reconcile(
        result.spec,
        base=base,
        ours=ours,
        overlay=overlay,
        locate=result.sourcemap,
        where=str(folder / SPEC),
    )
    checked = (
        blocking(merged.spec, result.sourcemap, result.raw_types) if merged.overlay.actions else []
    )
    if checked:
        return BuildOutcome({}, result.diagnostics + merged.diagnostics + tuple(checked))
    files = rendered(replace(result, spec=merged.spec), folder / SPEC, str(folder))
    files[folder / IMPORTED] = dump(result.spec)
    if merged.overlay.actions:
        files[folder / OVERLAY] = dump(merged.overlay.as_dict())
    return BuildOutcome(
        files, result.diagnostics + merged.diagnostics, result.operations, merged.spec
    )


def _read_yaml(path: Path, problems: list[Diagnostic]) -> dict[str, Any] | None:
    """A file of the workspace, or None when it does not exist yet."""
    if not path.exists():
        return None
    loaded = load_spec(path)
    if isinstance(loaded, Diagnostic):
        problems.append(loaded)
        return None
    return loaded


def _read_overlay(path: Path, config: ApiConfig, problems: list[Diagnostic]) -> Overlay:
    empty = Overlay(f"Hand edits of {config.info.title or config.name}")
    data = _read_yaml(path, problems)
    if data is None:
        return empty
    try:
        return overlay_from(data)
    except ValueError as exc:
        problems.append(error("overlay-invalid", str(exc), Span(str(path), 1)))
        return empty
