"""Checks on a written spec. Layer 1: openapi-spec-validator, each error with its JSON pointer."""

from __future__ import annotations

from typing import Any

from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator

from generator.diagnostics import Diagnostic, Span, error
from generator.emit.sourcemap import SourceMap, pointer


def check_openapi(spec: dict[str, Any], sourcemap: SourceMap | None = None) -> list[Diagnostic]:
    version = str(spec.get("openapi", ""))
    validator_class = (
        OpenAPIV30SpecValidator if version.startswith("3.0") else OpenAPIV31SpecValidator
    )
    out: list[Diagnostic] = []
    for problem in validator_class(spec).iter_errors():
        at = pointer(*getattr(problem, "absolute_path", ()))
        out.append(
            error(
                "openapi-invalid",
                str(getattr(problem, "message", problem)),
                _nearest(at, sourcemap or {}),
                pointer=at or "/",
            )
        )
    return out


def _nearest(at: str, sourcemap: SourceMap) -> Span | None:
    """The source span of the node at `at`, or of its nearest ancestor that has one."""
    while True:
        spans = sourcemap.get(at or "/")
        if spans:
            return spans[0]
        if not at:
            return None
        at = at.rsplit("/", 1)[0]
