"""Tables flattened into one paragraph, as a page's tabs are when scraped:

    • • Image message Parameter Type Description Required filename String The name... No
      secret String The secret for ... No size JSON The size of the image:
    • height: The image height.
    • width: The image width. No url String The URL address of the image file... Yes

The caption (`Image message`) comes first, then the header's column words separated by
spaces, then the rows one after another. A row starts with a name followed by a type word,
right after the flag or the sentence that ends the row before it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from generator.interpret.vocabulary import Column, column_of, flag_of
from generator.readers.document import Cell, Row, Table

_TYPES = (
    "JSON Array|JSON Object|JSONArray|JSONObject|Boolean|Integer|String|Number|Double|Object|"
    "Int32|Int64|Float|Array|Long|Bool|JSON|List|Int|Map"
)
_ROW_START = re.compile(rf"(?:(?<=\s)|^)([A-Za-z_][\w.\-]*) ({_TYPES})(?=\s|$)")
_MIN_COLUMNS = 3
_LOOK_BACK = 80  # characters before a row start that say whether the row before ended
_ROW_ENDS = ".:;!?)\"'”。"


@dataclass(frozen=True, slots=True)
class InlineTable:
    caption: str
    table: Table


def has_inline_header(text: str) -> bool:
    return _header(text) is not None


def inline_table(text: str, lines: Sequence[tuple[int, str]]) -> InlineTable | None:
    """The table flattened into `text` (the paragraph's lines joined by newlines; `lines`
    are their numbers and texts), or None when the paragraph holds no spaced header
    followed by rows."""
    found = _header(text)
    if found is None:
        return None
    caption, roles, names, rest_at = found
    rows = _rows(text[rest_at:], roles, rest_at, lines)
    if not rows:
        return None
    header = tuple(Cell(name, lines[0][0]) for name in names)
    return InlineTable(caption, Table(header, tuple(rows), lines[0][0]))


def _header(text: str) -> tuple[str, list[Column], list[str], int] | None:
    """The caption, the header's roles and words, and where the rows start."""
    words = list(re.finditer(r"\S+", text))
    for start in range(len(words)):
        roles: list[Column] = []
        end = start
        while end < len(words):
            role = column_of(words[end].group())
            if role is None or role in roles or _ROW_START.match(text, words[end].start()):
                break
            roles.append(role)
            end += 1
        if len(roles) >= _MIN_COLUMNS and roles[0] is Column.NAME and Column.TYPE in roles:
            caption = text[: words[start].start()].strip(" •·-*\n")
            names = [w.group() for w in words[start:end]]
            return caption, roles, names, words[end - 1].end()
    return None


def _rows(
    text: str, roles: list[Column], offset: int, lines: Sequence[tuple[int, str]]
) -> list[Row]:
    starts = [m for m in _ROW_START.finditer(text) if _after_row_end(text, m.start())]
    rows = []
    for index, match in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(text)
        cells = _cells(match.group(1), match.group(2), text[match.end() : end], roles)
        line = _line_at(offset + match.start(), lines)
        rows.append(Row(tuple(Cell(c, line) for c in cells), line))
    return rows


def _after_row_end(text: str, at: int) -> bool:
    """A row starts at the beginning, or after a flag or a finished sentence."""
    before = text[max(0, at - _LOOK_BACK) : at].rstrip()
    if not before:
        return at < _LOOK_BACK
    last = before.split()[-1]
    return flag_of(last.rstrip(".")) is not None or before[-1] in _ROW_ENDS


def _cells(name: str, type_: str, rest: str, roles: list[Column]) -> list[str]:
    """The row's cells in the header's order: name, type, then the free text, with the
    flag columns taken from the text's end (or its start, when they come first)."""
    body = rest.strip()
    values: dict[Column, str] = {Column.NAME: name, Column.TYPE: type_}
    after_type = roles[roles.index(Column.TYPE) + 1 :]
    for role in [r for r in after_type if r in (Column.REQUIRED, Column.NOT_NULL)]:
        first, _, tail = body.partition(" ")
        last = body.rsplit(None, 1)[-1] if body else ""
        if after_type.index(role) == 0 and flag_of(first) is not None:
            values[role], body = first, tail.strip()
        elif flag_of(last.rstrip(".")) is not None:
            values[role], body = last.rstrip("."), body[: -len(last)].rstrip()
    free = next((r for r in roles if r not in values), None)
    if free is not None:
        values[free] = body
    return [values.get(role, "") for role in roles]


def _line_at(position: int, lines: Sequence[tuple[int, str]]) -> int:
    seen = 0
    for number, text in lines:
        seen += len(text) + 1
        if position < seen:
            return number
    return lines[-1][0]
