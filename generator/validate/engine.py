"""Runs layer 1 and the rule table over parsed spec data: problems with codes and severities.

Pure: data in, findings out. Where a finding is in a file (or in the source documents) is the
caller's business (`generator.validate`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from generator.diagnostics import Severity
from generator.parallel import Aside
from generator.validate.rules import NOT_OPENAPI, RULES, STRUCTURE, Problem, Spec
from generator.validate.settings import RuleSettings
from generator.validate.structure import Structure, check_structure, own_checks
from generator.validate.walk import walk

_VERSIONS = {"3.0": "3.0", "3.1": "3.1"}
LARGE = 200  # path items + component schemas from which layer 1 runs on the other core


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    severity: Severity
    problem: Problem


def openapi_version(data: Any) -> str | None:
    """ "3.0" or "3.1", or None when the document is neither."""
    if not isinstance(data, dict):
        return None
    declared = str(data.get("openapi", ""))
    return _VERSIONS.get(".".join(declared.split(".")[:2]))


def run(
    data: Any,
    settings: RuleSettings,
    *,
    raw_types: Mapping[str, str] | None = None,
    folder: Path | None = None,
    base_uri: str = "",
    refs: frozenset[str] | None = None,
) -> list[Finding]:
    """Layer 1 and the rules `settings` turn on; `refs`: every `$ref` string of `data`, if
    the reader gathered them (spares a walk)."""
    version = openapi_version(data)
    if version is None:
        return _not_openapi(data, settings)
    level = settings.severity(STRUCTURE)
    own = None
    if (
        level is not None and settings.own_checks and _large(data)
    ):  # its own checks go to the other core meanwhile
        own = Aside(partial(own_checks, data, version, settings.enabled, base_uri=base_uri))
    spec = Spec(data, version, walk(data), raw_types or {}, folder, refs)
    findings = _rules(spec, settings)
    if level is not None:
        done = own.result() if own is not None else None if settings.own_checks else Structure(())
        findings += _structure(spec, level, settings, findings, base_uri, own=done)
    return findings


def _large(data: dict[str, Any]) -> bool:
    """Worth a second process: forking costs a few milliseconds, small specs take less."""
    paths = data.get("paths")
    components = data.get("components")
    schemas = components.get("schemas") if isinstance(components, dict) else None
    count = len(paths) if isinstance(paths, dict) else 0
    return count + (len(schemas) if isinstance(schemas, dict) else 0) >= LARGE


def _not_openapi(data: Any, settings: RuleSettings) -> list[Finding]:
    level = settings.severity(NOT_OPENAPI) or Severity.ERROR
    if not isinstance(data, dict):
        message = "not an OpenAPI document: the top level is not a mapping"
        return [Finding(NOT_OPENAPI, level, Problem("", message))]
    if "openapi" in data:
        message = f"OpenAPI {data['openapi']} is not supported: 3.0.x and 3.1.x are"
        return [Finding(NOT_OPENAPI, level, Problem("/openapi", message))]
    what = "Swagger 2.0" if "swagger" in data else "no 'openapi' field"
    message = f"not an OpenAPI 3.0 or 3.1 document ({what})"
    return [Finding(NOT_OPENAPI, level, Problem("", message))]


def _rules(spec: Spec, settings: RuleSettings) -> list[Finding]:
    findings: list[Finding] = []
    for rule in RULES:
        level = settings.severity(rule.code)
        if level is None:
            continue
        try:
            findings += [Finding(rule.code, level, p) for p in rule.check(spec)]
        except Exception as exc:  # a rule must never end the run
            stopped = Problem("", f"the check stopped: {type(exc).__name__}: {exc}")
            findings.append(Finding(rule.code, level, stopped))
    return findings


def _structure(
    spec: Spec,
    level: Severity,
    settings: RuleSettings,
    findings: list[Finding],
    base_uri: str,
    *,
    own: Structure | None,
) -> list[Finding]:
    """Layer 1, less what a rule already reports at the same node."""
    taken = frozenset(f.problem.at for f in findings)
    result = check_structure(
        spec.data, spec.version, settings.enabled, base_uri=base_uri, taken=taken, own=own
    )
    out = [Finding(STRUCTURE, level, p) for p in result.problems]
    if result.stopped and not any(f.severity == Severity.ERROR for f in findings + out):
        message = f"openapi-spec-validator stopped: {result.stopped}"
        out.append(Finding(STRUCTURE, level, Problem("", message)))
    return out
