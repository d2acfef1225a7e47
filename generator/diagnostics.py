"""One diagnostic type for every stage: a stable code, a severity, a source span, a JSON pointer.

Stages return diagnostics as values; nothing recoverable is raised. The exit code of a command
follows the worst severity it collected.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum


class Severity(IntEnum):
    """Ordered so that `max()` gives the worst."""

    INFO = 0
    WARNING = 1
    ERROR = 2

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A place in a document: 1-based line (0 = the file as a whole) and 1-based column
    (0 = the line as a whole)."""

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if not self.line:
            return self.file
        where = f"{self.file}:{self.line}"
        return f"{where}:{self.column}" if self.column else where


@dataclass(frozen=True, slots=True)
class Diagnostic:
    code: str
    severity: Severity
    message: str
    span: Span | None = None
    pointer: str | None = None
    related: tuple[Span, ...] = ()
    hint: str | None = None
    origin: Span | None = None  # where a spec node came from: the source document's line

    def render(self) -> str:
        """`file:line: severity code: message`, with related places appended."""
        where = f"{self.span}: " if self.span else ""
        text = f"{where}{self.severity} {self.code}: {self.message}"
        if self.related:
            text += " (see " + ", ".join(str(s) for s in self.related) + ")"
        if self.origin:
            text += f" (from {self.origin})"
        if self.pointer:
            text += f" [{self.pointer}]"
        return text


@dataclass(frozen=True, slots=True)
class _Constructor:
    """`error(code, message, span, related=..., pointer=...)` and its siblings."""

    severity: Severity

    def __call__(
        self,
        code: str,
        message: str,
        span: Span | None = None,
        *,
        related: tuple[Span, ...] = (),
        pointer: str | None = None,
    ) -> Diagnostic:
        return Diagnostic(code, self.severity, message, span, pointer, related)


error = _Constructor(Severity.ERROR)
warning = _Constructor(Severity.WARNING)
info = _Constructor(Severity.INFO)


def worst(diagnostics: Iterable[Diagnostic]) -> Severity | None:
    return max((d.severity for d in diagnostics), default=None)


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return worst(diagnostics) == Severity.ERROR


def sort_key(d: Diagnostic) -> tuple[str, int, str, str]:
    span = d.span or Span("")
    return (span.file, span.line, d.code, d.message)
