"""What operations carry for the docs: error-code tables, rate limits, tables kept as notes."""

from __future__ import annotations

from generator.diagnostics import Span
from generator.interpret.content import RATE, SectionContent
from generator.interpret.vocabulary import Column, Label, column_of
from generator.model import ErrorCode, RateLimit
from generator.readers.document import Table


def error_codes(content: SectionContent, path: str) -> tuple[ErrorCode, ...]:
    out: list[ErrorCode] = []
    for item in content.tables:
        if item.label is not Label.ERRORS:
            continue
        roles = [column_of(c.text) for c in item.table.header]
        code_at = roles.index(Column.CODE) if Column.CODE in roles else 0
        text_at = next((i for i, r in enumerate(roles) if i != code_at), None)
        for row in item.table.rows:
            code = row.cells[code_at].text.strip()
            text = row.cells[text_at].text.strip() if text_at is not None else ""
            if code:
                out.append(ErrorCode(code, text, (Span(path, row.line),)))
    return tuple(out)


def rate_limit(content: SectionContent, path: str) -> RateLimit | None:
    statement = content.rate_limit
    if statement is None:
        return None
    match = RATE.search(statement.text)
    if match is None:
        return None
    limit = int(match.group(1).replace(",", ""))
    return RateLimit(limit, match.group(2).lower(), statement.text, (Span(path, statement.line),))


def notes_markdown(tables: tuple[Table, ...]) -> str:
    """Tables that describe no parameters (support matrices, special values), kept as text."""
    return "\n\n".join(_markdown(t) for t in tables)


def _markdown(table: Table) -> str:
    def row(cells: list[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in cells) + " |"

    lines = [row([c.text for c in table.header]), row(["---"] * len(table.header))]
    lines += [row([c.text for c in r.cells]) for r in table.rows]
    return "\n".join(lines)
