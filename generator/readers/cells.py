"""Reader for text copied out of a doc site where every table cell sits on its own line.

    | Parameter name |        <- a row starts with a line that starts with "|"
    Data Type |               <- further cells end with "|"
    |                         <- an empty cell
    Prose lines and numbered headings ("1.2 Set avatar") sit between tables.

The header row gives the column count (header cells are never empty, so the header ends at the
next line that starts with "|"); data rows are then taken that many cells at a time, because an
empty cell ("|") looks the same as the start of a row whose first cell is empty. Lines that
start with "| " followed by text mark row starts and let the reader resynchronise after a
damaged row, which is reported, never dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.diagnostics import Diagnostic, Span, error, warning
from generator.readers.document import Block, Cell, Document, Heading, ReadResult, Row, Table, Text

NAME = "cells"

_MAX_CELL_LINES = 200
_NUMBERED_HEADING = re.compile(r"^(\d{1,2}(?:\.\d{1,3})*)\.?\s+(\S.*)$")


@dataclass(frozen=True, slots=True)
class _Line:
    number: int
    raw: str

    @property
    def is_cell(self) -> bool:
        return self.raw.endswith("|")

    @property
    def starts_row(self) -> bool:
        return self.raw.startswith("|")

    @property
    def names_row(self) -> bool:
        """A row start that carries text ("| name |"), as opposed to an empty cell ("|")."""
        return self.starts_row and bool(self.text)

    @property
    def text(self) -> str:
        body = self.raw[1:] if self.raw.startswith("|") else self.raw
        return body[:-1].strip() if body.endswith("|") else body.strip()


def detect(text: str, filename: str) -> float:
    """Share of non-blank lines that are cells: `| text |`, `text |` or a lone `|`.
    A pipe inside a line (`a | b |`) is another format's table row."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if not lines:
        return 0.0
    cells = sum(1 for ln in lines if _is_cell_line(ln))
    return min(1.0, cells / len(lines) * 1.25)


def _is_cell_line(line: str) -> bool:
    if not line.endswith("|"):
        return False
    inner = line[1:-1] if line.startswith("|") else line[:-1]
    return "|" not in inner


def read(text: str, path: str) -> ReadResult:
    lines = [_Line(i + 1, raw.strip()) for i, raw in enumerate(text.split("\n"))]
    blocks: list[Block] = []
    diagnostics: list[Diagnostic] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.raw:
            i += 1
        elif line.is_cell:
            table, i = _read_table(lines, i, path, diagnostics)
            blocks.append(table)
        else:
            blocks.append(_prose(line))
            i += 1
    return ReadResult(Document(path, NAME, tuple(blocks)), tuple(diagnostics))


def _prose(line: _Line) -> Block:
    match = _NUMBERED_HEADING.match(line.raw)
    if match and match.group(2)[0].isalpha():
        level = match.group(1).count(".") + 1
        return Heading(line.raw, level, line.number)
    return Text(line.raw, line.number)


def _read_table(
    lines: list[_Line], start: int, path: str, diagnostics: list[Diagnostic]
) -> tuple[Table, int]:
    header = [Cell(lines[start].text, lines[start].number)]
    i = start + 1
    while i < len(lines) and lines[i].is_cell and not lines[i].starts_row:
        header.append(Cell(lines[i].text, lines[i].number))
        i += 1
    if not lines[start].starts_row:
        diagnostics.append(
            warning(
                "table-no-row-start",
                "table starts without a '|' row marker",
                _at(path, start, lines),
            )
        )
    rows, i = _read_rows(lines, i, len(header), path, diagnostics)
    return Table(tuple(header), tuple(rows), lines[start].number), i


def _read_rows(
    lines: list[_Line], i: int, width: int, path: str, diagnostics: list[Diagnostic]
) -> tuple[list[Row], int]:
    rows: list[Row] = []
    current: list[Cell] = []
    while i < len(lines):
        line = lines[i]
        if not line.is_cell:
            joined = _continued_cell(lines, i) if current else None
            if joined is None:
                break
            cell, i = joined
            current.append(cell)
        else:
            if current and line.names_row:
                _incomplete(current, width, path, diagnostics)
                rows.append(_pad(current, width))
                current = []
            if not current and not line.starts_row:
                diagnostics.append(
                    error(
                        "table-row-misaligned",
                        "cell found where a row should start",
                        Span(path, line.number),
                    )
                )
            current.append(Cell(line.text, line.number))
            i += 1
        if len(current) == width:
            rows.append(Row(tuple(current), current[0].line))
            current = []
    if current:
        _incomplete(current, width, path, diagnostics)
        rows.append(_pad(current, width))
    return rows, i


def _continued_cell(lines: list[_Line], i: int) -> tuple[Cell, int] | None:
    """A cell whose text runs over several lines (an enumeration, a JSON fragment): lines
    without a final '|', then the line that ends the cell with one; the index after it."""
    end = i
    while end < len(lines) and not lines[end].is_cell and end - i < _MAX_CELL_LINES:
        end += 1
    if not lines[i].raw or end >= len(lines) or lines[end].starts_row:
        return None
    parts = [ln.raw for ln in lines[i:end] if ln.raw] + [lines[end].text]
    return Cell("\n".join(p for p in parts if p).strip(), lines[i].number), end + 1


def _incomplete(cells: list[Cell], width: int, path: str, diagnostics: list[Diagnostic]) -> None:
    diagnostics.append(
        error(
            "table-row-incomplete",
            f"table row has {len(cells)} of {width} cells (cut off?)",
            Span(path, cells[0].line),
        )
    )


def _pad(cells: list[Cell], width: int) -> Row:
    filler = [Cell("", cells[-1].line)] * (width - len(cells))
    return Row(tuple(cells + filler)[:width], cells[0].line)


def _at(path: str, index: int, lines: list[_Line]) -> Span:
    return Span(path, lines[index].number)
