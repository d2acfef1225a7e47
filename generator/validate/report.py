"""Findings as text: `stylish` for people, `json` for programs (SARIF lives in sarif.py).

Stylish groups findings by file, one per line as `file:line:col  severity  code  message`,
aligned, the source document's line under it when known, then a count.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from generator.diagnostics import Diagnostic, Severity, Span

_NOUNS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"}


@dataclass(frozen=True, slots=True)
class FileReport:
    """The findings of one spec file, in reading order."""

    file: str
    diagnostics: tuple[Diagnostic, ...]


def by_place(file: str, diagnostics: Sequence[Diagnostic]) -> FileReport:
    return FileReport(file, tuple(sorted(diagnostics, key=_place)))


def _place(d: Diagnostic) -> tuple[int, int, str, str]:
    span = d.span or Span("")
    return (span.line, span.column, d.code, d.message)


def counts(reports: Sequence[FileReport]) -> dict[Severity, int]:
    found = [d.severity for r in reports for d in r.diagnostics]
    return {s: found.count(s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)}


def summary(reports: Sequence[FileReport]) -> str:
    counted = counts(reports)
    files = f"{len(reports)} file{'s' if len(reports) != 1 else ''}"
    if not any(counted.values()):
        return f"no problems in {files}"
    parts = [f"{n} {_NOUNS[s]}{'s' if n != 1 else ''}" for s, n in counted.items()]
    return ", ".join(parts) + f" in {files}"


def stylish(reports: Sequence[FileReport]) -> str:
    blocks = [_stylish_file(r) for r in reports if r.diagnostics]
    return "\n\n".join([*blocks, summary(reports)]) + "\n"


def _stylish_file(report: FileReport) -> str:
    rows = [(str(d.span or Span(report.file)), str(d.severity), d.code) for d in report.diagnostics]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    lines = []
    for row, d in zip(rows, report.diagnostics, strict=True):
        cells = (cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        lines.append("  ".join((*cells, _message(d))))
        if d.origin is not None:
            lines.append(" " * 4 + f"from {d.origin}")
    return "\n".join(lines)


def _message(d: Diagnostic) -> str:
    if not d.related:
        return d.message
    return d.message + " (see " + ", ".join(str(s) for s in d.related) + ")"


def as_json(reports: Sequence[FileReport]) -> str:
    document = {
        "version": 1,
        "files": [
            {"file": r.file, "findings": [_finding(d) for d in r.diagnostics]} for r in reports
        ],
        "summary": {_NOUNS[s] + "s": n for s, n in counts(reports).items()},
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _finding(d: Diagnostic) -> dict[str, object]:
    span = d.span or Span("")
    return {
        "code": d.code,
        "severity": str(d.severity),
        "message": d.message,
        "pointer": d.pointer,
        "line": span.line,
        "column": span.column,
        "source": None if d.origin is None else {"file": d.origin.file, "line": d.origin.line},
        "related": [{"file": s.file, "line": s.line, "column": s.column} for s in d.related],
    }
