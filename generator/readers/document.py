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
    """A code block; `line_map[k]` is the source line of its k-th line when the lines are not
    consecutive in the source (a scraped page interleaves line-number gutters)."""

    text: str
    lang: str
    line: int
    line_map: tuple[int, ...] = ()

    def source_line(self, index: int) -> int:
        """The source line of the code's line `index` (0-based)."""
        if index < len(self.line_map):
            return self.line_map[index]
        return self.line + index


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
