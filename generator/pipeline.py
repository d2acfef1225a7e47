"""The import pipeline: sources -> readers -> interpreter -> merge -> emit -> validate.

`import_sources` is pure (texts in, spec and diagnostics out); `import_documents` and
`build_api` add the reading edge; only the CLI writes.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from generator.config import ApiConfig
from generator.diagnostics import Diagnostic, Span, error, has_errors, warning
from generator.emit.openapi import SpecInfo, emit
from generator.emit.sourcemap import RawTypes, SourceMap
from generator.emit.yamlio import dump
from generator.interpret import interpret
from generator.model import HTTP_METHODS, ApiDocument
from generator.normalize.evidence import with_evidence
from generator.normalize.examples import reconcile
from generator.normalize.merge import merge_documents
from generator.normalize.parameters import fill_unstated
from generator.pointer import escape, lookup, unescape
from generator.readers import read_document
from generator.sources import Source, load_source
from generator.validate import blocking, validate_spec

SOURCEMAP_SUFFIX = ".sourcemap.json"


@dataclass(frozen=True, slots=True)
class ImportResult:
    """`spec` holds every operation understood (None when there is none); `ok` says that
    nothing went wrong. With errors and a spec, the spec is partial: the errors name what
    was left out, at its line."""

    spec: dict[str, Any] | None
    sourcemap: SourceMap
    diagnostics: tuple[Diagnostic, ...]
    operations: int = 0
    raw_types: RawTypes = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.spec is not None and not has_errors(self.diagnostics)

    @property
    def partial(self) -> bool:
        return self.spec is not None and has_errors(self.diagnostics)


def import_sources(
    sources: Sequence[Source],
    *,
    fmt: str | None = None,
    spec_info: SpecInfo | None = None,
    locate_from: str | None = None,
) -> ImportResult:
    diagnostics: list[Diagnostic] = []
    documents: list[ApiDocument] = []
    for source in sources:
        read = read_document(source.text, source.path, fmt)
        diagnostics += read.diagnostics
        understood = interpret(read.document)
        diagnostics += understood.diagnostics
        operations = tuple(
            with_evidence(reconcile(op, diagnostics), diagnostics)
            for op in understood.api.operations
        )
        if not understood.api.operations and not has_errors(read.diagnostics):
            diagnostics.append(_no_operations(source.path))
        documents.append(replace(understood.api, operations=operations))
    merged = merge_documents(documents)
    diagnostics += merged.diagnostics
    api, filled = fill_unstated(merged.api)
    diagnostics += filled
    info = spec_info or SpecInfo(title="", version="0.0.0")
    if not info.title:
        info = replace(info, title=api.title or "API")
    emitted = emit(api, info, _locator(locate_from))
    diagnostics += emitted.diagnostics
    found = validate_spec(emitted.spec, emitted.sourcemap, emitted.raw_types)
    dropped = drop_invalid_examples(emitted.spec, emitted.sourcemap, found)
    diagnostics += dropped  # when a sample was dropped the spec changed: check it again
    refused = blocking(
        emitted.spec, emitted.sourcemap, emitted.raw_types, None if dropped else found
    )
    emptied = drop_refused_components(emitted.spec, refused)
    left_out = drop_refused_operations(emitted.spec, emitted.sourcemap, refused)
    if left_out or emptied:
        refused = blocking(emitted.spec, emitted.sourcemap, emitted.raw_types)
    diagnostics += [*emptied, *left_out, *refused]
    count = len(api.operations) - len(left_out)
    spec = emitted.spec if count > 0 and not refused else None
    return ImportResult(spec, emitted.sourcemap, tuple(diagnostics), count, emitted.raw_types)


def drop_refused_operations(
    spec: dict[str, Any], sourcemap: SourceMap, refused: list[Diagnostic]
) -> list[Diagnostic]:
    """Operations the validator refuses (a path parameter the path lacks, a parameter
    declared twice) are taken out of the spec, in place, with an error at each: one
    misunderstood section must not cost the others."""
    paths = spec.get("paths")
    out: list[Diagnostic] = []
    if not isinstance(paths, dict):
        return out
    for key, reasons in _by_operation(refused).items():
        path, method = key
        item = paths.get(path)
        if not isinstance(item, dict) or item.pop(method, None) is None:
            continue
        if not any(m in item for m in HTTP_METHODS):
            paths.pop(path)
        pointer = f"/paths/{escape(path)}/{method}"
        spans = sourcemap.get(pointer, ())
        _forget(sourcemap, pointer if path in paths else f"/paths/{escape(path)}")
        why = _reasons(reasons)
        where = spans[0] if spans else reasons[0].span
        what = f"{method.upper()} {path} left out of the spec: {why}"
        out.append(error("operation-left-out", what, where, related=_spans(reasons)[:3]))
    return out


def drop_refused_components(spec: dict[str, Any], refused: list[Diagnostic]) -> list[Diagnostic]:
    """A component schema the validator refuses becomes an untyped schema (its references
    stay valid); a refused security scheme is taken out, with the requirements naming it.
    Each with an error at the finding's line."""
    components = spec.get("components") or {}
    groups: dict[tuple[str, str], list[Diagnostic]] = {}
    for finding in refused:
        parts = (finding.pointer or "").split("/")
        if len(parts) >= 4 and parts[1] == "components" and parts[2] in _MENDABLE:
            groups.setdefault((parts[2], unescape(parts[3])), []).append(finding)
    out: list[Diagnostic] = []
    for (kind, name), reasons in groups.items():
        holder = components.get(kind)
        if not isinstance(holder, dict) or name not in holder:
            continue
        if kind == "schemas":
            holder[name] = {"description": f"Left untyped: {_reasons(reasons)}"}
        else:
            holder.pop(name)
            _forget_requirements(spec, name)
        what = f"{kind} {name!r} {_MENDABLE[kind]}: {_reasons(reasons)}"
        out.append(error("component-left-out", what, reasons[0].span))
    return out


_MENDABLE = {"schemas": "left untyped", "securitySchemes": "left out"}


def _forget_requirements(spec: dict[str, Any], scheme: str) -> None:
    holders = [spec, *(op for item in (spec.get("paths") or {}).values() for op in item.values())]
    for holder in holders:
        if isinstance(holder, dict) and isinstance(holder.get("security"), list):
            kept = [r for r in holder["security"] if not (isinstance(r, dict) and scheme in r)]
            holder["security"] = kept


def _reasons(found: list[Diagnostic], shown: int = 3) -> str:
    messages = list(dict.fromkeys(d.message for d in found))
    more = f"; and {len(messages) - shown} more" if len(messages) > shown else ""
    return "; ".join(messages[:shown]) + more


def _forget(sourcemap: SourceMap, pointer: str) -> None:
    for stale in [k for k in sourcemap if k == pointer or k.startswith(pointer + "/")]:
        del sourcemap[stale]


def _by_operation(found: list[Diagnostic]) -> dict[tuple[str, str], list[Diagnostic]]:
    groups: dict[tuple[str, str], list[Diagnostic]] = {}
    for finding in found:
        parts = (finding.pointer or "").split("/")
        if len(parts) >= 4 and parts[1] == "paths" and parts[3] in HTTP_METHODS:
            groups.setdefault((unescape(parts[2]), parts[3]), []).append(finding)
    return groups


def _spans(found: list[Diagnostic]) -> tuple[Span, ...]:
    return tuple(dict.fromkeys(d.span for d in found if d.span is not None))


def drop_invalid_examples(
    spec: dict[str, Any], sourcemap: SourceMap, findings: list[Diagnostic]
) -> list[Diagnostic]:
    """A documentation sample that contradicts the documented schema even after the tables
    were reconciled with it is taken out of the spec (in place), with a warning at its line:
    a documentation defect should not cost the whole import."""
    found = [d for d in findings if d.code == "example-invalid"]
    out: list[Diagnostic] = []
    for finding in found:
        pointer = finding.pointer or ""
        head, marker, tail = pointer.partition("/examples/")
        if not marker:
            continue
        name = unescape(tail.split("/", 1)[0])
        examples = lookup(spec, head + "/examples")
        if isinstance(examples, dict) and examples.pop(name, None) is not None:
            if not examples:
                lookup(spec, head).pop("examples", None)
            spans = sourcemap.get(f"{head}/examples/{tail.split('/', 1)[0]}", ())
            out.append(
                warning(
                    "example-dropped",
                    f"sample left out of the spec: {finding.message}",
                    spans[0] if spans else finding.origin,
                )
            )
    return out


def _no_operations(path: str) -> Diagnostic:
    return error(
        "no-operations", "no operation found: no 'METHOD /path' line under a heading", Span(path, 0)
    )


def _locator(base: str | None) -> Any:
    def locate(span: Span) -> str:
        file = span.file
        if base is not None:
            file = os.path.relpath(file, base)
        return f"{Path(file).as_posix()}:{span.line}"

    return locate


def load_sources(paths: Sequence[Path]) -> tuple[list[Source], list[Diagnostic]]:
    sources: list[Source] = []
    problems: list[Diagnostic] = []
    for path in paths:
        loaded = load_source(path, _display(path))
        if isinstance(loaded, Diagnostic):
            problems.append(loaded)
        else:
            sources.append(loaded)
    return sources, problems


def _display(path: Path) -> str:
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:
        return str(path)


def import_documents(
    paths: Sequence[Path],
    *,
    fmt: str | None = None,
    spec_info: SpecInfo | None = None,
    output: Path | None = None,
) -> ImportResult:
    sources, problems = load_sources(paths)
    if problems:
        return ImportResult(None, {}, tuple(problems))
    base = _display(output.parent) if output is not None else None
    return import_sources(sources, fmt=fmt, spec_info=spec_info, locate_from=base)


def build_api(config: ApiConfig) -> ImportResult:
    output = config.folder / "openapi.yaml"
    return import_documents(config.sources, fmt=config.format, spec_info=config.info, output=output)


def rendered(result: ImportResult, output: Path, locate_from: str | None = None) -> dict[Path, str]:
    """The files an import writes: the spec and its source map beside it."""
    assert result.spec is not None
    locate = _locator(locate_from)
    sources = {ptr: [locate(s) for s in spans] for ptr, spans in result.sourcemap.items()}
    document = {"version": 1, "sources": sources, "types": result.raw_types}
    return {
        output: dump(result.spec),
        output.with_name(output.stem + SOURCEMAP_SUFFIX): json.dumps(
            document, indent=1, ensure_ascii=False, sort_keys=True
        )
        + "\n",
    }
