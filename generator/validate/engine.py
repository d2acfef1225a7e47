"""Runs layer 1 and the rule table over parsed spec data: problems with codes and severities.

Pure: data in, findings out. Where a finding is in a file (or in the source documents) is the
caller's business (`generator.validate`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.diagnostics import Severity
from generator.validate.rules import NOT_OPENAPI, RULES, STRUCTURE, Problem, Spec
from generator.validate.settings import RuleSettings
from generator.validate.structure import check_structure
from generator.validate.walk import data_walk, walk

_VERSIONS = {"3.0": "3.0", "3.1": "3.1"}


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
) -> list[Finding]:
    version = openapi_version(data)
    if version is None:
        return _not_openapi(data, settings)
    spec = Spec(data, version, walk(data), data_walk(data), raw_types or {}, folder)
    findings = _rules(spec, settings)
    level = settings.severity(STRUCTURE)
    if level is not None:
        findings += _structure(spec, level, settings, findings, base_uri)
    return findings


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
) -> list[Finding]:
    """Layer 1, less what a rule already reports at the same node."""
    taken = frozenset(f.problem.at for f in findings)
    result = check_structure(
        spec.data, spec.version, settings.enabled, base_uri=base_uri, taken=taken
    )
    out = [Finding(STRUCTURE, level, p) for p in result.problems]
    if result.stopped and not any(f.severity == Severity.ERROR for f in findings + out):
        message = f"openapi-spec-validator stopped: {result.stopped}"
        out.append(Finding(STRUCTURE, level, Problem("", message)))
    return out
