"""Reader for page text whose tables are lines of pipe-separated cells, without markup.

    ユーザープロパティの設定                   <- a heading: decided from the line's shape alone
    Field | Type | Required | Description |    <- a table: consecutive pipe rows, header first
    To_Account | String | Yes | Target user account |
    usersig | |                               <- empty cells stay empty
    {"UserAttrs":[{"To_Account": ...}]}       <- a JSON sample (until its brackets balance)
    ...this API:Error Code | Description |    <- a header glued to the sentence before it

There are no blank lines in this format, so a heading is any line shaped like one (short, no
final period, not a URL, number, JSON or lone identifier). A pipe row of another width whose
cells include a column word, or whose next row has its width, starts a new table. JSON is kept
exactly as written, broken or not; repairing it is a later stage's job.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.diagnostics import Diagnostic, Span, info, warning
from generator.interpret.vocabulary import column_of
from generator.readers.document import (
    Block,
    Cell,
    Code,
    Document,
    Heading,
    ReadResult,
    Row,
    Table,
    Text,
)
from generator.readers.plaintext import (
    Line,
    is_delimiter_row,
    looks_like_heading,
    page_bounds,
    split_lines,
    with_title,
)

NAME = "pipes"

_SENTENCE_BREAKS = ":.：。"
_MAX_COLUMN_WORDS = 4
_MIN_PROSE_WORDS = 4
_JSON_VALUE_START = frozenset('{}[]",:-0123456789tfn')


def detect(text: str, filename: str) -> float:
    """High when several lines are `a | b |` rows; 0 for Markdown tables (`| a |`, `|---|`)
    and for one-cell-per-line exports (`| x |`, `x |`)."""
    lines = [ln.text for ln in split_lines(text) if ln.text]
    rows = sum(1 for t in lines if is_pipe_row(t))
    leading = sum(1 for t in lines if t.startswith("|"))
    if rows < 2 or leading >= rows or any(is_delimiter_row(t) for t in lines):
        return 0.0
    return min(1.0, 0.6 + rows / len(lines))


def is_pipe_row(text: str) -> bool:
    """`a | b |`: cells separated by pipes, a trailing pipe, no leading one."""
    return not text.startswith("|") and text.endswith("|") and text.count("|") >= 2


def split_cells(text: str) -> list[str]:
    """`identifier | |` -> [`identifier`, ``]."""
    return [cell.strip() for cell in text.strip()[:-1].split("|")]


def read(text: str, path: str) -> ReadResult:
    lines = split_lines(text)
    blocks: list[Block] = []
    diagnostics: list[Diagnostic] = []
    i, end = page_bounds(lines, path, diagnostics)
    lines = lines[:end]
    while i < end:
        produced, i = _next_blocks(lines, i, path, diagnostics)
        blocks.extend(produced)
    return ReadResult(Document(path, NAME, with_title(blocks)), tuple(diagnostics))


def _next_blocks(
    lines: Sequence[Line], i: int, path: str, diags: list[Diagnostic]
) -> tuple[list[Block], int]:
    line = lines[i]
    if not line.text:
        return [], i + 1
    if is_pipe_row(line.text):
        return _read_table(lines, i, path, diags)
    if starts_json(line.text):
        code, end = _read_json(lines, i, path, diags)
        return [code], end
    if looks_like_heading(line.text):
        return [Heading(line.text, 2, line.number)], i + 1
    return [Text(line.text, line.number)], i + 1


# -- tables -------------------------------------------------------------------------------


def _read_table(
    lines: Sequence[Line], i: int, path: str, diags: list[Diagnostic]
) -> tuple[list[Block], int]:
    head = lines[i]
    names = split_cells(head.text)
    blocks: list[Block] = []
    prose, first = split_prose(names[0])
    if prose:
        blocks.append(Text(prose, head.number))
        names[0] = first
        what = f"table header {first!r} split from the sentence before it"
        diags.append(info("table-header-after-prose", what, Span(path, head.number)))
    rows: list[Row] = []
    j = i + 1
    while j < len(lines) and is_pipe_row(lines[j].text) and not _starts_table(lines, j, len(names)):
        rows.append(_row(lines[j], len(names), path, diags))
        j += 1
    if not rows:
        diags.append(warning("table-no-rows", "table header without rows", Span(path, head.number)))
    header = tuple(Cell(name, head.number) for name in names)
    blocks.append(Table(header, tuple(rows), head.number))
    return blocks, j


def split_prose(cell: str) -> tuple[str, str]:
    """`...specific to this API:Error Code` -> (`...specific to this API:`, `Error Code`).

    The column name starts after the last sentence break if what follows is a column word,
    else it is the longest run of at most four final words that is one, after a sentence of
    four words or more. A cell that is a column word, or has no such ending, is left whole."""
    text = cell.strip()
    if column_of(text) is not None:
        return "", text
    cut = max(text.rfind(ch) for ch in _SENTENCE_BREAKS)
    tail = text[cut + 1 :].strip()
    if cut >= 0 and tail and column_of(tail) is not None:
        return text[: cut + 1].strip(), tail
    words = text.split()
    if len(words) <= _MIN_PROSE_WORDS:
        return "", text
    for size in range(min(_MAX_COLUMN_WORDS, len(words) - _MIN_PROSE_WORDS), 0, -1):
        tail = " ".join(words[-size:])
        if column_of(tail) is not None:
            return " ".join(words[:-size]), tail
    return "", text


def _starts_table(lines: Sequence[Line], j: int, width: int) -> bool:
    """A pipe row that is the header of the next table rather than a row of this one."""
    cells = split_cells(lines[j].text)
    known = [column_of(c) is not None for c in cells]
    if len(cells) >= 2 and all(known):
        return True
    if len(cells) == width:
        return False
    if any(known):
        return True
    nxt = lines[j + 1].text if j + 1 < len(lines) else ""
    return is_pipe_row(nxt) and len(split_cells(nxt)) == len(cells)


def _row(line: Line, width: int, path: str, diags: list[Diagnostic]) -> Row:
    cells = split_cells(line.text)
    span = Span(path, line.number)
    if len(cells) < width:
        what = f"table row has {len(cells)} of {width} cells; the rest are left empty"
        diags.append(warning("table-row-short", what, span))
        cells += [""] * (width - len(cells))
    elif len(cells) > width:
        what = f"table row has {len(cells)} cells, the header {width}; the extra ones are kept"
        diags.append(warning("table-row-extra-cells", what + " in the last cell", span))
        cells = [*cells[: width - 1], " | ".join(cells[width - 1 :])]
    return Row(tuple(Cell(c, line.number) for c in cells), line.number)


# -- JSON samples -------------------------------------------------------------------------


def starts_json(text: str) -> bool:
    """`{"a": ...`, `[{...`, `{` alone: the start of a JSON value (not `[Note] ...`)."""
    if not text or text[0] not in "{[":
        return False
    rest = text[1:].lstrip()
    return not rest or rest[0] in _JSON_VALUE_START


def _read_json(
    lines: Sequence[Line], i: int, path: str, diags: list[Diagnostic]
) -> tuple[Code, int]:
    """The lines of a JSON sample, until its brackets balance or a line cannot be JSON."""
    depth = 0
    j = i
    while j < len(lines):
        text = lines[j].text
        if j > i and text and (is_pipe_row(text) or text[0] not in _JSON_VALUE_START):
            break
        depth += bracket_balance(text)
        j += 1
        if depth <= 0 and text:
            break
    while j - 1 > i and not lines[j - 1].text:
        j -= 1
    if depth > 0:
        what = f"JSON sample ends with {depth} bracket(s) unclosed"
        diags.append(warning("code-json-unbalanced", what, Span(path, lines[i].number)))
    body = "\n".join(ln.raw for ln in lines[i:j])
    return Code(body, "json", lines[i].number), j


def bracket_balance(text: str) -> int:
    """Opening minus closing brackets outside JSON strings on one line."""
    depth = 0
    in_string = escaped = False
    for ch in text:
        if escaped:
            escaped = False
        elif in_string:
            escaped = ch == "\\"
            in_string = ch != '"'
        elif ch == '"':
            in_string = True
        elif ch in "{[":
            depth += 1
        elif ch in "}]":
            depth -= 1
    return depth
