"""Reader for text scraped from a documentation web page (tags gone, layout half-kept).

    Skip to main content / Android / iOS ...    <- navigation: a leading run of menu items
    Registering a user                          <- a heading: a short line between blank lines
    ParameterTypeDescriptionRequired            <- a table header: column words run together
    hostStringThe domain name ....Yes           <- a row: name, type word, description, flag
      • 26 lowercase English letters (a-z)      <- the description goes on
    Yes                                         <- a flag the row was still missing
    _6                                          <- a line-number gutter before each code line
    curl -X POST ...
    vundefined                                  <- a script artefact at the end

Rows are split by the header's column roles (`column_of`): the name runs until a type word
starts (the longest type word wins, so `dataJSONArray` is `data` + `JSONArray`), Yes/No flags
sit where the header puts them. A line that does not start a row continues the row before it,
unless it is a bullet whose text is itself a row (a scrape that glued a list onto the next
rows). Rows that cannot be split are kept whole and reported.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from generator.diagnostics import Diagnostic, Span, info, warning
from generator.interpret.vocabulary import Column, column_of, flag_of
from generator.readers import plaintext
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
from generator.readers.inline_tables import has_inline_header, inline_table
from generator.readers.plaintext import Line

NAME = "scraped"

# Longest first, so that the first one matching at a position is the longest there.
_TYPE_WORDS: tuple[str, ...] = ("JSON Object", "JSONObject", "JSON Array", "JSONArray")
_TYPE_WORDS += ("Boolean", "Integer", "String", "Number", "Double", "Object", "Int32", "Int64")
_TYPE_WORDS += ("Float", "Array", "Long", "Bool", "JSON", "List", "Int")
_TYPE_AT = re.compile("|".join(re.escape(word) for word in _TYPE_WORDS))
_GLUED_FLAGS = ("Yes", "No", "True", "False")
_FREE = frozenset({Column.DESCRIPTION, Column.DEFAULT, Column.EXAMPLE})
_FLAGS = frozenset({Column.REQUIRED, Column.NOT_NULL})
_GUTTER = re.compile(r"_(\d{1,5})")
_NAME = re.compile(r"[^\W\d][\w.\-]*")
_CAPITALISED = re.compile(r"[A-Z][a-z]+")
_PLAIN_WORD = re.compile(r"(?:[A-Z][a-z]*|[A-Z]{2,5})[,.:;]?")
_ATX = re.compile(r" {0,3}#{1,6}\s")
_MAX_NAME = 64
_MAX_HEADER = 80
_MAX_COLUMN_WORD = 24

_Segments = tuple[tuple[str, Column], ...]


@dataclass(frozen=True, slots=True)
class _Page:
    """The page's lines, where its own text lies (menus and artefacts cut off), and the
    diagnostics collected while reading it."""

    lines: tuple[Line, ...]
    path: str
    start: int
    end: int
    diagnostics: list[Diagnostic]

    def span(self, index: int) -> Span:
        return Span(self.path, self.lines[index].number)


@dataclass(frozen=True, slots=True)
class _Split:
    """A row's cell texts, and the flag columns a later `Yes`/`No` line may still fill."""

    cells: tuple[str, ...]
    pending: tuple[int, ...]


def detect(text: str, filename: str) -> float:
    """High for line-number gutters (`_6`) and for fused table headers; 0 for Markdown and for
    text whose lines end in pipes (the `cells` and `pipes` formats)."""
    lines = plaintext.split_lines(text)
    nonblank = [ln for ln in lines if ln.text]
    if not nonblank or _other_format(lines, len(nonblank)):
        return 0.0
    gutters = sum(1 for ln in nonblank if _gutter(ln.text))
    headers = sum(1 for ln in nonblank if fused_header(ln.text))
    score = 0.5 + min(0.2, 0.05 * headers) if headers else 0.0
    if gutters >= 2:
        score += 0.5
    return min(1.0, score)


def _other_format(lines: Sequence[Line], nonblank: int) -> bool:
    piped = sum(1 for ln in lines if ln.text.endswith("|"))
    if piped * 10 > nonblank or any(plaintext.is_delimiter_row(ln.text) for ln in lines):
        return True
    atx = sum(
        1
        for k, ln in enumerate(lines)
        if _ATX.match(ln.raw) and not (k and _gutter(lines[k - 1].text))
    )
    return atx >= 2


def read(text: str, path: str) -> ReadResult:
    lines = plaintext.split_lines(text)
    diagnostics: list[Diagnostic] = []
    start, end = plaintext.page_bounds(lines, path, diagnostics)
    page = _Page(lines, path, start, end, diagnostics)
    blocks: list[Block] = []
    i = start
    while i < end:
        found, i = _next_block(page, i)
        blocks += found
    return ReadResult(Document(path, NAME, plaintext.with_title(blocks)), tuple(diagnostics))


def _next_block(page: _Page, i: int) -> tuple[list[Block], int]:
    line = page.lines[i]
    if not line.text:
        return [], i + 1
    count = _gutter(line.text)
    if count:
        code, end = _read_code(page, i, count)
        return [code], end
    header = fused_header(line.text)
    if header:
        table, end = _read_table(page, i, header)
        return [table], end
    if has_inline_header(line.text):
        return _read_inline(page, i)
    before = i == page.start or plaintext.is_blank_at(page.lines, i - 1)
    after = i + 1 == page.end or plaintext.is_blank_at(page.lines, i + 1)
    if before and after and plaintext.looks_like_heading(line.text):
        return [Heading(line.text, 2, line.number)], i + 1
    return [Text(line.text, line.number)], i + 1


def _read_inline(page: _Page, i: int) -> tuple[list[Block], int]:
    """A table flattened into a paragraph (a scraped tab): its caption, then the table."""
    end = i
    while end < page.end and page.lines[end].text and not _gutter(page.lines[end].text):
        end += 1
    lines = [(ln.number, ln.text) for ln in page.lines[i:end]]
    found = inline_table("\n".join(text for _, text in lines), lines)
    if found is None:
        return [Text(page.lines[i].text, page.lines[i].number)], i + 1
    what = f"a table flattened into one paragraph ({len(found.table.rows)} rows) read"
    page.diagnostics.append(info("table-inline", what, page.span(i)))
    caption = [Heading(found.caption, 6, page.lines[i].number)] if found.caption else []
    return [*caption, found.table], end


# -- code blocks --------------------------------------------------------------------------


def _gutter(text: str) -> int:
    match = _GUTTER.fullmatch(text)
    return int(match.group(1)) if match else 0


def _read_code(page: _Page, i: int, count: int) -> tuple[Code, int]:
    """`_N` / line / `_N` / line ...: N code lines, each after its gutter line."""
    lines, end = page.lines, page.end
    content: list[Line] = []
    j = i
    while j < end and len(content) < count and _gutter(lines[j].text) == count:
        if j + 1 < end:
            content.append(lines[j + 1])
        j += 2
    if len(content) != count:
        what = f"code block has {len(content)} of the {count} lines its gutter numbers"
        page.diagnostics.append(info("code-gutter-count", what, page.span(i)))
    text = plaintext.dedent(ln.raw for ln in content)
    first = content[0].number if content else lines[i].number
    numbers = tuple(ln.number for ln in content)
    return Code(text, plaintext.code_lang(text), first, numbers), min(j, end)


# -- fused table headers ------------------------------------------------------------------


def fused_header(text: str) -> _Segments | None:
    """`ParameterTypeDescriptionRequired` -> its column words with their roles, or None.

    The segmentation uses every column word once at most and prefers more words, so
    `ParameterType...` is `Parameter` + `Type`, but `ParameterName` stays one name column."""
    if not 2 < len(text) <= _MAX_HEADER or not text.isalpha():
        return None
    camel = any(ch.isupper() for ch in text[1:])
    best = _segment(_Search(text, camel, {}, {}), 0, frozenset())
    if best is None or len(best) < 2:
        return None
    if all(role in _FREE or role in _FLAGS for _, role in best):
        return None
    return best


@dataclass(frozen=True, slots=True)
class _Search:
    """One header's segmentation: its text, whether its words are capitalised (`FieldType`:
    then words start only at capitals), the column words at each position, the best tails."""

    text: str
    camel: bool
    words: dict[int, list[tuple[int, Column]]]
    tails: dict[tuple[int, frozenset[Column]], _Segments | None]


def _segment(search: _Search, start: int, used: frozenset[Column]) -> _Segments | None:
    """The segmentation of the text from `start` with the most words, none of a role in
    `used` (memoised, so a line costs at most positions x role sets)."""
    text = search.text
    if start == len(text):
        return ()
    if (start, used) in search.tails:
        return search.tails[start, used]
    if start not in search.words:
        ends = range(start + 1, min(len(text), start + _MAX_COLUMN_WORD) + 1)
        cuts = (e for e in ends if e == len(text) or not search.camel or text[e].isupper())
        found = ((end, column_of(text[start:end])) for end in cuts)
        search.words[start] = [(end, role) for end, role in found if role is not None]
    best: _Segments | None = None
    for end, role in search.words[start]:
        if role in used:
            continue
        rest = _segment(search, end, used | {role})
        if rest is not None and (best is None or len(rest) + 1 > len(best)):
            best = ((text[start:end], role), *rest)
    search.tails[start, used] = best
    return best


# -- fused rows ---------------------------------------------------------------------------


def split_row(text: str, roles: Sequence[Column]) -> _Split | None:
    """The cells of a fused row for a header's column roles, or None if it is not a row."""
    cells = [""] * len(roles)
    lead = _leading(text, roles, cells)
    if lead is None:
        return None
    pos, free = lead
    pending: list[int] = []
    rest = text[pos:]
    for j in range(len(roles) - 1, free, -1):
        if roles[j] not in _FLAGS:
            break
        flag = _glued_flag(rest)
        if flag:
            cells[j], rest = flag, rest[: -len(flag)]
        else:
            pending.insert(0, j)
    if free < len(roles):
        cells[free] = rest.strip()
    elif rest.strip():
        return None
    return _Split(tuple(cells), tuple(pending))


def _leading(text: str, roles: Sequence[Column], cells: list[str]) -> tuple[int, int] | None:
    """Fill the cells before the first free-text column; (position reached, that column)."""
    pos, i = 0, 0
    while i < len(roles) and roles[i] not in _FREE:
        role = roles[i]
        if role in _FLAGS:
            cells[i] = _flag_at(text, pos)
            pos += len(cells[i])
        elif role is Column.TYPE:
            found = _type_after(text, pos, spaced=False)
            if found is None:
                return None
            cells[i], pos = found
        else:
            typed = i + 1 < len(roles) and roles[i + 1] is Column.TYPE
            named = _name_and_type(text, pos) if typed else _name_only(text, pos)
            if named is None:
                return None
            cells[i], word, pos = named
            if typed:
                i += 1
                cells[i] = word
        i += 1
    return pos, i


def _name_and_type(text: str, pos: int) -> tuple[str, str, int] | None:
    """`hostStringThe...` -> (`host`, `String`, end); the longest type word wins, then the
    latest start (`userIntIdString` is `userIntId` + `String`)."""
    name = _NAME.match(text, pos)
    if name is None:
        return None
    stop = min(name.end(), pos + _MAX_NAME)
    best: tuple[str, str, int] | None = None
    for k in range(pos + 1, stop + 1):
        if text[k - 1] in ".-" or not (k == stop or text[k].isupper()):
            continue
        found = _type_after(text, k, spaced=k == stop)
        if found is not None and (best is None or len(found[0]) >= len(best[1])):
            best = (text[pos:k], found[0], found[1])
    return best or _unknown_type(text, pos, stop)


def _unknown_type(text: str, pos: int, stop: int) -> tuple[str, str, int] | None:
    """`createAtInstantThe time...`: a type word the vocabulary lacks is one capitalised
    word between the name and a description that starts with a plain capitalised word."""
    for k in range(stop - 1, pos, -1):
        word = _CAPITALISED.match(text, k)
        if word is None or not text[k - 1].islower():
            continue
        description = text[word.end() :].split(" ", 1)[0]
        if _PLAIN_WORD.fullmatch(description) and _is_name(text[pos:k]):
            return text[pos:k], word.group(), word.end()
    return None


def _type_after(text: str, k: int, *, spaced: bool) -> tuple[str, int] | None:
    """The type word starting at `k` (after one space if `spaced`) and where it ends.

    After a space only `JSON Array`-like words count, or words glued to the description, so
    that prose (`Returns String value`) is not taken for a row."""
    start = k + 1 if spaced else k
    if spaced and text[k : k + 1] != " ":
        return None
    match = _TYPE_AT.match(text, start)
    if match is None:
        return None
    word, end = match.group(), match.end()
    if spaced and " " not in word and (end >= len(text) or text[end].isspace()):
        return None
    return word, end


def _name_only(text: str, pos: int) -> tuple[str, str, int] | None:
    """Without a type column the name ends at its last lower-to-upper case change
    (`limitThe number...`), and the description must start with a capitalised word."""
    stop = text.find(" ", pos)
    stop = len(text) if stop < 0 else stop
    for k in range(min(stop, pos + _MAX_NAME) - 1, pos + 1, -1):
        before, at, after = text[k - 1], text[k], text[k + 1 : k + 2]
        if before.islower() and at.isupper() and after.islower() and _is_name(text[pos:k]):
            return text[pos:k], "", k
    return None


def _is_name(text: str) -> bool:
    return bool(_NAME.fullmatch(text)) and text[-1] not in ".-"


def _flag_at(text: str, pos: int) -> str:
    for flag in _GLUED_FLAGS:
        after = text[pos + len(flag) : pos + len(flag) + 1]
        if text.startswith(flag, pos) and not after.islower():
            return flag
    return ""


def _glued_flag(text: str) -> str:
    """`...project.Yes` -> `Yes`: a flag at the end, glued to the text before it."""
    for flag in _GLUED_FLAGS:
        if text.endswith(flag) and (text == flag or not text[-len(flag) - 1].isspace()):
            return flag
    return ""


def _lone_flag(text: str) -> bool:
    return text.isalpha() and flag_of(text) is not None


# -- tables -------------------------------------------------------------------------------


def _read_table(page: _Page, i: int, header: tuple[tuple[str, Column], ...]) -> tuple[Table, int]:
    head = page.lines[i]
    roles = tuple(role for _, role in header)
    groups, j = _group_rows(page, i + 1, roles)
    rows = tuple(_build_row(page, group, roles) for group in groups)
    if not rows:
        what = "table header without rows"
        page.diagnostics.append(warning("table-no-rows", what, page.span(i)))
    cells = tuple(Cell(word, head.number) for word, _ in header)
    return Table(cells, rows, head.number), j


def _group_rows(page: _Page, i: int, roles: tuple[Column, ...]) -> tuple[list[list[Line]], int]:
    """The lines of each row: a row start, then the lines that continue it."""
    lines, end = page.lines, page.end
    groups: list[list[Line]] = []
    while i < end:
        line = lines[i]
        if not line.text:
            nxt = plaintext.next_nonblank(lines, i, end)
            if nxt >= end or not _resumes(lines[nxt], groups, roles):
                break
            i = nxt
            continue
        if _gutter(line.text) or fused_header(line.text):
            break
        if not groups or _starts_row(line.text, roles):
            groups.append([line])
        else:
            groups[-1].append(line)
        i += 1
    return groups, i


def _starts_row(text: str, roles: Sequence[Column]) -> bool:
    return split_row(plaintext.strip_bullet(text), roles) is not None


def _resumes(line: Line, groups: list[list[Line]], roles: tuple[Column, ...]) -> bool:
    """After a blank line the table goes on with a row, or with the flag a row still lacks."""
    if _starts_row(line.text, roles):
        return True
    return bool(groups) and _lone_flag(line.text) and bool(_assemble(groups[-1], roles)[1])


def _build_row(page: _Page, group: Sequence[Line], roles: tuple[Column, ...]) -> Row:
    cells, _, split = _assemble(group, roles)
    if not split:
        what = "cannot split the row into its columns; its text is kept in one cell"
        span = Span(page.path, group[0].number)
        page.diagnostics.append(warning("table-row-unsplit", what, span))
    return Row(cells, group[0].number)


def _assemble(
    group: Sequence[Line], roles: tuple[Column, ...]
) -> tuple[tuple[Cell, ...], tuple[int, ...], bool]:
    """A row's cells from its lines, the flag columns still empty, and whether its first line
    could be split into columns."""
    first = group[0]
    free = next((k for k, role in enumerate(roles) if role in _FREE), len(roles) - 1)
    split = split_row(plaintext.strip_bullet(first.text), roles)
    texts = list(split.cells) if split else [""] * len(roles)
    pending = list(split.pending) if split else []
    parts = [(texts[free] if split else first.text, first.number)]
    found = [first.number] * len(roles)
    for line in group[1:]:
        text = line.text
        flag = text if _lone_flag(text) else _glued_flag(text)
        if pending and flag:
            column = pending.pop(0)
            texts[column], found[column] = flag, line.number
            text = text[: -len(flag)].rstrip()
        if text:
            parts.append((text, line.number))
    parts = [(text, number) for text, number in parts if text]
    texts[free] = "\n".join(text for text, _ in parts)
    found[free] = parts[0][1] if parts else first.number
    cells = tuple(Cell(text, number) for text, number in zip(texts, found, strict=True))
    return cells, tuple(pending), split is not None
