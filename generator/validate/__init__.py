"""Checks on a spec: layer 1 (openapi-spec-validator) and layer 2 (the rule table).

Three entry points, one engine:
- `validate_spec`: an in-memory spec (the importer's): findings placed at the source
  documents' lines through the in-memory source map (`blocking`: its errors, which stop
  the importer from writing the spec);
- `validate_file`: a spec file: findings placed at `file:line:col`, and at the source
  document's line when a source map is beside the spec (or given);
- `may_generate`: whether a spec file may be generated from (no error from the checks that
  gate generation: the meta-schema, unresolved refs, clashing names).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostic, Severity, Span, error, has_errors
from generator.heap import collector_paused
from generator.validate.document import Loaded, parse
from generator.validate.engine import Finding, run
from generator.validate.locate import Locator, nearest
from generator.validate.settings import RuleSettings, default_settings, generation_settings
from generator.validate.sourcemaps import Provenance, beside, origin, read_sourcemap

__all__ = [
    "Verdict",
    "blocking",
    "may_generate",
    "validate_file",
    "validate_spec",
    "validate_text",
]


def validate_spec(
    spec: dict[str, Any],
    sourcemap: Mapping[str, tuple[Span, ...]] | None = None,
    raw_types: Mapping[str, str] | None = None,
    settings: RuleSettings | None = None,
) -> list[Diagnostic]:
    """Findings on an in-memory spec, each at its node's source document line (if mapped)."""
    sources = sourcemap or {}
    out = []
    with collector_paused():
        findings = run(spec, settings or default_settings(), raw_types=raw_types)
    for found in findings:
        related = tuple(s for s in (origin(sources, a) for a in found.problem.also) if s)
        out.append(_diagnostic(found, origin(sources, found.problem.at), related))
    return out


def blocking(
    spec: dict[str, Any],
    sourcemap: Mapping[str, tuple[Span, ...]] | None = None,
    raw_types: Mapping[str, str] | None = None,
    findings: list[Diagnostic] | None = None,
) -> list[Diagnostic]:
    """What keeps the importer from writing a spec: every rule runs (unless `findings` of a
    run on this very spec are given), the errors are returned. Warnings are left to
    `validate`: the importer reports its own (a placeholder title, an undocumented response)
    in its own words, at the source line."""
    found = validate_spec(spec, sourcemap, raw_types) if findings is None else findings
    return [d for d in found if d.severity == Severity.ERROR]


def validate_text(
    text: str,
    name: str,
    settings: RuleSettings | None = None,
    provenance: Provenance | None = None,
    folder: Path | None = None,
) -> list[Diagnostic]:
    """Findings on a spec's text, each at `name:line:col` (and its source line, if mapped)."""
    with collector_paused():  # until the spec's data is gone (see `heap`)
        placed = _checked(text, name, settings, provenance=provenance, folder=folder)
    return sorted(placed, key=lambda d: (d.span or Span(name), d.code, d.message))


def _checked(
    text: str,
    name: str,
    settings: RuleSettings | None,
    *,
    provenance: Provenance | None,
    folder: Path | None,
) -> list[Diagnostic]:
    """`validate_text`'s findings, unsorted; the spec's data is gone when it returns."""
    loaded = parse(text, name)
    if isinstance(loaded, Diagnostic):
        return [loaded]
    given = provenance or Provenance()
    base_uri = folder.resolve().joinpath(Path(name).name).as_uri() if folder else ""
    found = run(
        loaded.data,
        settings or default_settings(),
        raw_types=given.types,
        folder=folder,
        base_uri=base_uri,
        refs=loaded.refs,
    )
    return [_placed(f, name, loaded, given) for f in found]


def validate_file(
    path: Path, settings: RuleSettings | None = None, sourcemap: Path | None = None
) -> list[Diagnostic]:
    """Findings on a spec file. OSError/UnicodeDecodeError when the spec cannot be read, or
    an explicitly given source map cannot; ValueError when that map is not one."""
    text = path.read_text(encoding="utf-8-sig")
    mapped = sourcemap or beside(path)
    provenance = None
    if sourcemap is not None or mapped.is_file():
        provenance = read_sourcemap(mapped)
    return validate_text(text, path.as_posix(), settings, provenance, path.parent)


@dataclass(frozen=True, slots=True)
class Verdict:
    ok: bool
    diagnostics: tuple[Diagnostic, ...]


def may_generate(path: Path, settings: RuleSettings | None = None) -> Verdict:
    """Whether code may be generated from the spec at `path`: no error from the checks that
    gate generation (`generation_settings`, unless other `settings` are given)."""
    try:
        found = validate_file(path, settings or generation_settings())
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        return Verdict(False, (error("file-unreadable", str(exc), Span(path.as_posix())),))
    return Verdict(not has_errors(found), tuple(found))


def _placed(found: Finding, name: str, loaded: Loaded, provenance: Provenance) -> Diagnostic:
    line, column = nearest(loaded.locator, found.problem.at)
    related = tuple(_at(loaded.locator, name, a) for a in found.problem.also)
    diagnostic = _diagnostic(found, Span(name, line, column), related)
    return replace(diagnostic, origin=origin(provenance.sources, found.problem.at))


def _at(locator: Locator, name: str, pointer: str) -> Span:
    line, column = nearest(locator, pointer)
    return Span(name, line, column)


def _diagnostic(found: Finding, span: Span | None, related: tuple[Span, ...]) -> Diagnostic:
    problem = found.problem
    return Diagnostic(found.code, found.severity, problem.message, span, problem.at or "/", related)
