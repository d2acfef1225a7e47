"""Findings as SARIF 2.1.0, the format code-scanning tools read.

One run; `tool.driver.rules` lists every code of the rule table with its one-line doc and
configured level; each result names its rule (id and index), its level, the spec file's
line and column (columns count Unicode code points: `columnKind`), the JSON pointer as a
logical location, and as related locations the source document's line and related nodes.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from typing import Any

from generator.diagnostics import Diagnostic, Severity, Span
from generator.validate.report import FileReport
from generator.validate.rules import RULES
from generator.validate.settings import RuleSettings

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def as_sarif(reports: Sequence[FileReport], settings: RuleSettings, version: str) -> str:
    index = {rule.code: i for i, rule in enumerate(RULES)}
    results = [_result(d, r.file, index) for r in reports for d in r.diagnostics]
    document = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": _driver(settings, version)},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _driver(settings: RuleSettings, version: str) -> dict[str, Any]:
    rules = []
    for rule in RULES:
        level = settings.severity(rule.code)
        configuration = {"level": _LEVELS[level]} if level is not None else {"enabled": False}
        rules.append(
            {
                "id": rule.code,
                "name": _camel(rule.code),
                "shortDescription": {"text": rule.doc},
                "defaultConfiguration": configuration,
            }
        )
    return {"name": "doc2openapi", "version": version, "rules": rules}


def _result(d: Diagnostic, file: str, index: dict[str, int]) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": d.code,
        "level": _LEVELS[d.severity],
        "message": {"text": d.message},
        "locations": [_location(d.span or Span(file), d.pointer)],
    }
    if d.code in index:
        result["ruleIndex"] = index[d.code]
    related = [(d.origin, "source document")] if d.origin else []
    related += [(span, "related") for span in d.related]
    if related:
        result["relatedLocations"] = [
            {"id": i, **_physical(span), "message": {"text": text}}
            for i, (span, text) in enumerate(related, 1)
        ]
    return result


def _location(span: Span, pointer: str | None) -> dict[str, Any]:
    location = _physical(span)
    if pointer:
        location["logicalLocations"] = [{"fullyQualifiedName": pointer, "kind": "object"}]
    return location


def _physical(span: Span) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(span.file)}}
    if span.line > 0:
        region = {"startLine": span.line}
        if span.column > 0:
            region["startColumn"] = span.column
        physical["region"] = region
    return {"physicalLocation": physical}


def _uri(file: str) -> str:
    path = Path(file)
    if path.is_absolute():
        return path.as_uri()
    return str(PurePosixPath(*path.parts)).replace(" ", "%20")


def _camel(code: str) -> str:
    head, *rest = code.split("-")
    return head + "".join(word.capitalize() for word in rest)
