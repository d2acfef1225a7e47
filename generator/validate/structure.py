"""Layer 1: openapi-spec-validator, each of its errors as a problem at a JSON pointer.

It runs in its two public parts. The OpenAPI meta-schema (`schema_validator`) gives errors
with a path: for `oneOf`/`anyOf` failures jsonschema's best match inside them is taken, so
the pointer and message name the real culprit. Its own checks (`root_validator`) carry no
path: those our rules report precisely are dropped when that rule is on (duplicate
operationIds, unresolved path parameters, duplicate parameters, required names outside
allOf, invalid defaults); the rest are placed by the identity of the node they name.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from jsonschema.exceptions import ValidationError, best_match
from jsonschema.validators import validator_for
from openapi_spec_validator.schemas import schema_v30, schema_v31
from openapi_spec_validator.validation.exceptions import (
    DuplicateOperationIDError,
    ExtraParametersError,
    OpenAPIValidationError,
    ParameterDuplicateError,
    UnresolvableParameterError,
)

from generator.validate.fastosv import SpecValidator30, SpecValidator31
from generator.validate.messages import describe
from generator.validate.rules.base import Problem
from generator.validate.walk import child

_COVERED: tuple[tuple[type[Exception], str], ...] = (
    (DuplicateOperationIDError, "operation-id-unique"),
    (UnresolvableParameterError, "path-parameter-undeclared"),
    (ParameterDuplicateError, "parameter-duplicate"),
    (ExtraParametersError, "required-not-property"),
)


@dataclass(frozen=True, slots=True)
class Structure:
    problems: tuple[Problem, ...]
    stopped: str = ""  # why openapi-spec-validator's own checks could not finish


def check_structure(
    spec: dict[str, Any],
    version: str,
    enabled: frozenset[str],
    *,
    base_uri: str = "",
    taken: frozenset[str] = frozenset(),
    own: Structure | None = None,
) -> Structure:
    """Layer 1, less what a rule already reports at the same node (`taken` pointers).

    `own` is the result of `own_checks` when the caller ran it already (on the other core)."""
    cls = SpecValidator30 if version == "3.0" else SpecValidator31
    problems = [p for p in _schema_problems(spec, cls, version) if not _duplicate(p, taken)]
    if own is None:
        own = own_checks(spec, version, enabled, base_uri=base_uri)
    problems += [p for p in own.problems if p.at not in taken]
    return Structure(tuple(problems), own.stopped)


def own_checks(
    spec: dict[str, Any], version: str, enabled: frozenset[str], *, base_uri: str = ""
) -> Structure:
    """openapi-spec-validator's own checks, less those a rule of `enabled` reports itself."""
    cls = SpecValidator30 if version == "3.0" else SpecValidator31
    try:
        validator = cls(spec, base_uri=base_uri)
        errors = list(validator.root_validator(validator.schema_path))
    except Exception as exc:  # its checks assume a spec the schema accepts
        return Structure((), f"{type(exc).__name__}: {exc}")
    return Structure(tuple(_own_problems(spec, errors, enabled)))


def _schema_problems(spec: dict[str, Any], cls: Any, version: str) -> list[Problem]:
    """The meta-schema's verdict: the fast backend decides, jsonschema explains."""
    errors = list(cls.schema_validator.iter_errors(spec))
    if not errors:
        return []
    detailed = _explained(spec, version)
    if detailed is not None:
        errors = detailed
    return [
        Problem(child("", *e.absolute_path), describe(e), kind=str(e.validator)) for e in errors
    ]


def _explained(spec: dict[str, Any], version: str) -> list[ValidationError] | None:
    """jsonschema's errors, each narrowed to its best match (jsonschema-rs's errors, which
    openapi-spec-validator prefers when installed, stop at the failing oneOf)."""
    try:
        content = dict(schema_v30 if version == "3.0" else schema_v31)
        validator = validator_for(content)(content)
        return [best_match([e]) or e for e in validator.iter_errors(spec)]
    except Exception:  # keep the fast backend's errors
        return None


def _duplicate(problem: Problem, taken: frozenset[str]) -> bool:
    if problem.at in taken:
        return True
    inside = problem.at + "/"
    return problem.kind == "uniqueItems" and any(t.startswith(inside) for t in taken)


def _own_problems(
    spec: dict[str, Any], errors: list[ValidationError], enabled: frozenset[str]
) -> Iterator[Problem]:
    places: dict[int, str] | None = None
    for error in errors:
        if _covered(error, enabled):
            continue
        if places is None:
            places = _containers(spec)
        instance = error.instance if isinstance(error, OpenAPIValidationError) else None
        at = places.get(id(instance), "") if isinstance(instance, dict | list) else ""
        yield Problem(at, describe(error))


def _covered(error: ValidationError, enabled: frozenset[str]) -> bool:
    if not isinstance(error, OpenAPIValidationError):
        return "default-invalid" in enabled  # a default that does not match its schema
    return any(isinstance(error, cls) and code in enabled for cls, code in _COVERED)


def _containers(spec: Any) -> dict[int, str]:
    """id() of every dict and list of the spec -> its pointer."""
    places: dict[int, str] = {}
    stack: list[tuple[str, Any]] = [("", spec)]
    while stack:
        at, node = stack.pop()
        if isinstance(node, dict):
            places[id(node)] = at
            stack.extend((child(at, k), v) for k, v in node.items())
        elif isinstance(node, list):
            places[id(node)] = at
            stack.extend((child(at, i), v) for i, v in enumerate(node))
    return places
