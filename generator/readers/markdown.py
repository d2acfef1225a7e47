"""Reader for Markdown exports, parsed with markdown-it-py (tables enabled, `token.map` kept).

markdown-it gives the block structure and line ranges. Table rows are split again from their
source lines, because exports collapse several rows onto one line (`|a||x||b||y|`: rows of N
cells glued by an empty cell) and markdown-it drops every cell past the header's count.
Generated reference pages (widdershins/Slate) add a YAML front matter, which is skipped, and
raw HTML: `<h3 id="...">` headings and `<aside>` notes are read, anchors are not.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Sequence
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from generator.diagnostics import Diagnostic, Span, error, info, warning
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

NAME = "markdown"

_ANCHOR = re.compile(r"\s*\{#([^}]*)\}\s*$")
_PIPE = re.compile(r"(?<!\\)\|")
_HTML_HEADING = re.compile(
    r"^\s*<h([1-6])(?:\s[^>]*?\bid=[\"']([^\"']*)[\"'])?[^>]*>(.*?)</h\1>\s*$", re.IGNORECASE
)
_TAG = re.compile(r"<[^>]*>")
_COMMENT = re.compile(r"<!--.*?-->")
_HEADING_LINE = re.compile(r"^ {0,3}#{1,6}\s", re.MULTILINE)
_DELIMITER_LINE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$", re.MULTILINE)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


def detect(text: str, filename: str) -> float:
    score = 0.5 if filename.lower().endswith((".md", ".markdown")) else 0.0
    if _HEADING_LINE.search(text):
        score += 0.4
    if _DELIMITER_LINE.search(text):
        score += 0.4
    return min(score, 1.0)


def read(text: str, path: str) -> ReadResult:
    text = _without_front_matter(text)
    lines = text.split("\n")
    tokens = _parser().parse(text)
    blocks: list[Block] = []
    diagnostics: list[Diagnostic] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type == "heading_open":
            blocks.append(_heading(token, tokens[i + 1]))
            i += 3
        elif token.type == "table_open":
            close = _closing(tokens, i, "table_close")
            blocks.append(_table(token, lines, path, diagnostics))
            i = close + 1
        elif token.type == "inline" and token.map:
            blocks.extend(_prose(token))
            i += 1
        elif token.type in ("fence", "code_block") and token.map:
            blocks.append(Code(token.content, token.info.strip(), token.map[0] + 1))
            i += 1
        elif token.type == "html_block" and token.map:
            blocks.extend(_html(token.content, token.map[0] + 1))
            i += 1
        else:
            i += 1
    return ReadResult(Document(path, NAME, tuple(blocks)), tuple(diagnostics))


def _without_front_matter(text: str) -> str:
    """A YAML front matter block (`---` ... `---` at the top: Slate's title, language tabs)
    blanked out, its lines kept so that every line number stays right."""
    if not text.startswith("---\n"):
        return text
    end = text.find("\n---\n", 3)
    if end < 0 or text[4:end].lstrip().startswith("-"):
        return text
    head = text[: end + 4]
    return "\n" * head.count("\n") + text[end + 5 :]


def _html(fragment: str, first: int) -> list[Block]:
    """Raw HTML inside Markdown: `<h3 id="x">Parameters</h3>` is a heading; other elements
    (`<aside>` notes) give their text, line by line; anchors and comments give nothing."""
    out: list[Block] = []
    for offset, raw in enumerate(fragment.split("\n")):
        heading = _HTML_HEADING.match(raw)
        if heading:
            text = plain(_TAG.sub("", heading.group(3))).strip()
            out.append(Heading(text, int(heading.group(1)), first + offset, heading.group(2)))
            continue
        text = _TAG.sub("", _COMMENT.sub("", raw)).strip()
        if text:
            out.append(Text(html_lib.unescape(text), first + offset))
    return out


def _heading(open_token: Token, inline: Token) -> Heading:
    text = plain(inline.content)
    anchor = None
    match = _ANCHOR.search(text)
    if match:
        anchor = match.group(1).lstrip("#")
        text = text[: match.start()]
    line = open_token.map[0] + 1 if open_token.map else 0
    return Heading(text.strip(), int(open_token.tag[1:]), line, anchor)


def _prose(token: Token) -> list[Block]:
    first = token.map[0] + 1 if token.map else 0
    out: list[Block] = []
    for offset, raw in enumerate(token.content.split("\n")):
        text = plain(raw).strip()
        if text:
            out.append(Text(text, first + offset))
    return out


def _closing(tokens: Sequence[Token], start: int, kind: str) -> int:
    for j in range(start, len(tokens)):
        if tokens[j].type == kind:
            return j
    return len(tokens) - 1


def plain(markdown: str) -> str:
    """The text of an inline Markdown fragment, markup removed (`**x**` -> `x`, an inline
    `<a href="...">x</a>` -> `x`)."""
    if not any(ch in markdown for ch in "*_`[<\\!&"):
        return markdown
    out: list[str] = []
    for token in _parser().parseInline(markdown):
        for child in token.children or ():
            if child.type in ("text", "code_inline"):
                out.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                out.append(" ")
    return "".join(out)


def _table(token: Token, lines: list[str], path: str, diagnostics: list[Diagnostic]) -> Table:
    start, end = token.map or (0, 0)
    header = [Cell(plain(c), start + 1) for c in split_row(lines[start])]
    rows: list[Row] = []
    for index in range(start + 2, end):
        raw = lines[index].strip()
        if raw:
            rows.extend(_rows(raw, index + 1, len(header), path, diagnostics))
    return Table(tuple(header), tuple(rows), start + 1)


def split_row(raw: str) -> list[str]:
    """Cells of a pipe-table row; leading and trailing pipes optional, `\\|` escapes a pipe."""
    body = raw.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    return [cell.strip().replace("\\|", "|") for cell in _PIPE.split(body)]


def _rows(raw: str, line: int, width: int, path: str, diagnostics: list[Diagnostic]) -> list[Row]:
    cells = split_row(raw)
    span = Span(path, line)
    if len(cells) > width:
        glued = _unglue(cells, width)
        if glued:
            diagnostics.append(
                info(
                    "table-rows-collapsed", f"{len(glued)} table rows collapsed onto one line", span
                )
            )
            return [_row(group, line) for group in glued]
        diagnostics.append(
            error("table-row-extra-cells", f"row has {len(cells)} cells, the header {width}", span)
        )
    elif len(cells) < width:
        cut = not raw.rstrip().endswith("|")
        make = error if cut else warning
        code = "table-row-incomplete" if cut else "table-row-short"
        diagnostics.append(make(code, f"table row has {len(cells)} of {width} cells", span))
        cells += [""] * (width - len(cells))
    return [_row(cells[:width], line)]


def _unglue(cells: list[str], width: int) -> list[list[str]] | None:
    """Rows of `width` cells joined by one empty cell each, or None if the row is not that."""
    stride = width + 1
    if (len(cells) + 1) % stride:
        return None
    separators = cells[width::stride]
    if any(separators):
        return None
    return [cells[k : k + width] for k in range(0, len(cells), stride)]


def _row(cells: list[str], line: int) -> Row:
    return Row(tuple(Cell(plain(c), line) for c in cells), line)
