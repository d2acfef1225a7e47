"""The one shape every reader returns: a flat list of blocks, each knowing its source line.

Readers only recover structure (headings, prose lines, tables, code); they do not interpret it.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.diagnostics import Diagnostic, Span


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    line: int


@dataclass(frozen=True, slots=True)
class Row:
    cells: tuple[Cell, ...]
    line: int


@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[Cell, ...]
    rows: tuple[Row, ...]
    line: int


@dataclass(frozen=True, slots=True)
class Heading:
    text: str
    level: int
    line: int
    anchor: str | None = None


@dataclass(frozen=True, slots=True)
class Text:
    """One line of prose (a paragraph contributes one block per source line)."""

    text: str
    line: int


@dataclass(frozen=True, slots=True)
class Code:
    text: str
    lang: str
    line: int


Block = Heading | Text | Table | Code


@dataclass(frozen=True, slots=True)
class Document:
    path: str
    format: str
    blocks: tuple[Block, ...]

    def span(self, line: int) -> Span:
        return Span(self.path, line)


@dataclass(frozen=True, slots=True)
class ReadResult:
    document: Document
    diagnostics: tuple[Diagnostic, ...] = ()
