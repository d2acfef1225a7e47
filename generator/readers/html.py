"""Reader for saved documentation pages (.html), parsed with lxml's HTML parser.

Only the page's content is read: `<main>` if there is one, else every outermost `<article>`,
else `<body>`; navigation and page furniture (nav, banners, footers, asides, scripts, forms,
hidden elements) are skipped. The blocks are the ones the Markdown reader makes for the same
content: a heading per h1..h6, a Text per line of prose (lines end at newlines and `<br>`;
whitespace collapsed; inline markup dropped, its text kept), a Table per `<table>`, a Code per
`<pre>`. Every block and cell carries the `sourceline` of its element.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Protocol, cast

import lxml.etree  # type: ignore[import-untyped]
import lxml.html  # type: ignore[import-untyped]

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

NAME = "html"

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_BLOCKS = _HEADINGS | {
    *("address", "article", "blockquote", "body", "caption", "center", "dd", "details", "div"),
    *("dl", "dt", "fieldset", "figcaption", "figure", "hgroup", "hr", "legend", "li", "main"),
    *("menu", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th"),
    *("thead", "tr", "ul"),
}
_FURNITURE = frozenset(  # the brief's list, then copy buttons, modals, embeds
    {
        *("nav", "aside", "footer", "script", "style", "noscript", "template", "svg", "form"),
        *("button", "dialog", "iframe", "object", "canvas", "head", "title"),
    }
)
_FURNITURE_ROLES = frozenset({"navigation", "banner", "contentinfo"})
_CALLOUTS = frozenset({"notice", "warning", "success", "info", "note", "tip", "danger", "caution"})
_CONTENT_SECTIONS = frozenset({"article", "main", "section"})
_ROW_GROUPS = frozenset({"thead", "tbody", "tfoot"})
_GUTTERS = frozenset({"linenos", "linenodiv", "lineno", "gutter", "line-numbers-rows"})
_PERMALINK_CLASSES = frozenset({"headerlink", "anchor", "header-anchor", "hash-link"})
_PERMALINK_MARKS = frozenset({"", "¶", "#", "§", "🔗"})

_ANCHOR = re.compile(r"\s*\{#([^}]*)\}\s*$")
_LANG_CLASS = re.compile(r"^(?:language|lang)-(\S+)$")
_DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.IGNORECASE)
_DOCTYPE = re.compile(r"<!doctype\s+html", re.IGNORECASE)
_ROOT_TAG = re.compile(r"<(?:html|body)[\s>]", re.IGNORECASE)
_TABLE_TAG = re.compile(r"<table[\s>]", re.IGNORECASE)
_MARKDOWN_HINT = re.compile(r"^ {0,3}(?:#{1,6}\s|\|?\s*:?-{3,}:?\s*\|)", re.MULTILINE)
_UNKNOWN_TAG = "HTML_UNKNOWN_TAG"  # libxml2 < 2.14 calls every HTML5 element (main, nav) unknown
_EMPTY = "no readable content: the page is empty or holds only navigation and furniture"


class _Element(Protocol):
    """The part of lxml's HtmlElement this reader uses (lxml ships no type information)."""

    tag: object  # a str for elements
    text: str | None
    tail: str | None
    sourceline: int | None
    attrib: Mapping[str, str]

    def get(self, key: str) -> str | None: ...
    def __iter__(self) -> Iterator[_Element]: ...
    def iter(self, *tags: str) -> Iterator[_Element]: ...
    def iterancestors(self) -> Iterator[_Element]: ...
    def itertext(self) -> Iterator[str]: ...


@dataclass(frozen=True, slots=True)
class _Problem:
    line: int
    message: str
    fatal: bool  # the parser gave up there: the rest of the page is lost


def detect(text: str, filename: str) -> float:
    if filename.lower().endswith((".html", ".htm")):
        return 1.0
    head = text[:4096]
    if _DOCTYPE.match(head.lstrip("\ufeff \t\r\n")):
        return 0.95
    if _ROOT_TAG.search(head):
        return 0.9
    if _TABLE_TAG.search(text):
        return 0.2 if _MARKDOWN_HINT.search(text) else 0.6
    return 0.0


def read(text: str, path: str) -> ReadResult:
    if _looks_binary(text):
        problem = error("html-binary", "binary data (control characters), not HTML", Span(path))
        return ReadResult(Document(path, NAME, ()), (problem,))
    root, problems = _parse(text.removeprefix("\ufeff"))
    walk = _Walk(path)
    for node in _roots(root):
        walk.sync(node)
        _flow(node, walk)
        walk.end_line()
    diagnostics = [*walk.diagnostics, *_repairs(problems, path), *_truncation(text, path)]
    if not walk.blocks:
        diagnostics.append(error("html-empty", _EMPTY, Span(path)))
    return ReadResult(Document(path, NAME, tuple(walk.blocks)), tuple(diagnostics))


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = sum(1 for ch in sample if ch < " " and ch not in "\t\n\r\f")
    return "\x00" in text or controls * 20 > len(sample)


def _parse(text: str) -> tuple[_Element | None, tuple[_Problem, ...]]:
    """lxml's HTML parser (libxml2), which repairs what it can; its nesting limit (256) keeps
    the recursive walk below far from Python's recursion limit."""
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_pis=True)
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8", "replace"), parser=parser)
    except (lxml.etree.LxmlError, ValueError):
        return None, ()
    problems = tuple(
        _Problem(int(e.line), str(e.message).strip(), e.level_name == "FATAL")
        for e in parser.error_log
        if e.type_name != _UNKNOWN_TAG
    )
    return cast(_Element, root), problems


def _repairs(problems: tuple[_Problem, ...], path: str) -> list[Diagnostic]:
    fatal = next((p for p in problems if p.fatal), None)
    if fatal:
        message = f"the HTML parser stopped here ({fatal.message}); the rest is not read"
        return [error("html-unparsed", message, Span(path, fatal.line))]
    if not problems:
        return []
    first, count = problems[0], len(problems)
    message = f"the HTML parser repaired {count} problem(s); first: {first.message}"
    return [info("html-repaired", message, Span(path, first.line))]


def _truncation(text: str, path: str) -> list[Diagnostic]:
    for tag in ("html", "body"):
        opened = re.search(rf"<{tag}[\s>]", text, re.IGNORECASE)
        if opened and not re.search(rf"</{tag}\s*>", text, re.IGNORECASE):
            where = Span(path, text.rstrip().count("\n") + 1)
            return [warning("html-truncated", f"the page ends without </{tag}> (cut off?)", where)]
    return []


def _tag(element: _Element) -> str:
    return element.tag if isinstance(element.tag, str) else ""


def _line(element: _Element) -> int:
    return element.sourceline or 1


def _classes(element: _Element) -> set[str]:
    return set((element.get("class") or "").split())


def _collapse(text: str) -> str:
    """HTML whitespace collapsing; `&nbsp;` (U+00A0) counts as a space."""
    return " ".join(text.split())


def _skipped(element: _Element) -> bool:
    """Navigation, page furniture and hidden elements: none of the page's content."""
    tag = _tag(element)
    if tag == "aside" and _classes(element) & _CALLOUTS:
        return False  # a note inside the text (Slate: `<aside class="warning">`)
    if not tag or tag in _FURNITURE:
        return True
    if tag == "header" and not any(_tag(a) in _CONTENT_SECTIONS for a in element.iterancestors()):
        return True
    if set((element.get("role") or "").lower().split()) & _FURNITURE_ROLES:
        return True
    if "hidden" in element.attrib or (element.get("aria-hidden") or "").lower() == "true":
        return True
    return bool(_DISPLAY_NONE.search(element.get("style") or ""))


def _visible(element: _Element) -> bool:
    return not _skipped(element) and not any(_skipped(a) for a in element.iterancestors())


def _roots(root: _Element | None) -> list[_Element]:
    """`<main>` (or role=main) if any, else the outermost articles, else the body."""
    body = next((c for c in root if _tag(c) == "body"), None) if root is not None else None
    if body is None:
        return []
    for wanted in (_is_main, lambda e: _tag(e) == "article"):
        found = [e for e in body.iter() if wanted(e) and _visible(e)]
        outermost = [e for e in found if not any(a in found for a in e.iterancestors())]
        if outermost:
            return outermost
    return [body]


def _is_main(element: _Element) -> bool:
    tag = _tag(element)
    return tag == "main" or (bool(tag) and element.get("role") == "main")


@dataclass(slots=True)
class _Walk:
    """The blocks read so far, the current source line and the prose line being collected."""

    path: str
    line: int = 1
    blocks: list[Block] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)
    start: int = 0

    def sync(self, element: _Element) -> None:
        if element.sourceline:
            self.line = element.sourceline

    def add(self, text: str | None) -> None:
        for index, piece in enumerate((text or "").split("\n")):
            if index:
                self.end_line()
                self.line += 1
            if not self.start and piece.strip():
                self.start = self.line
            self.parts.append(piece)

    def end_line(self) -> None:
        text = _collapse("".join(self.parts))
        if text:
            self.blocks.append(Text(text, self.start))
        self.parts.clear()
        self.start = 0

    def emit(self, block: Block) -> None:
        self.end_line()
        self.blocks.append(block)


def _flow(element: _Element, walk: _Walk) -> None:
    """Prose of `element`, with its headings, tables and code blocks in document order."""
    walk.add(element.text)
    for child in element:
        _child(child, walk)
        walk.add(child.tail)


def _child(child: _Element, walk: _Walk) -> None:
    tag = _tag(child)
    if not tag:  # a comment: libxml2 gives it the line it ends on, where its tail starts
        walk.sync(child)
        return
    if _skipped(child):
        walk.line = _end_line(child, walk.line)
        return
    walk.sync(child)
    if tag == "br":
        walk.end_line()
    elif tag in _HEADINGS:
        walk.emit(_heading(child, int(tag[1])))
    elif tag == "pre":
        walk.emit(_code(child))
    elif tag == "table":
        walk.end_line()
        _table_blocks(child, walk)
    elif tag in _BLOCKS:
        walk.end_line()
        _flow(child, walk)
        walk.end_line()
        return
    else:
        _flow(child, walk)
        return
    walk.line = _end_line(child, walk.line)


def _end_line(element: _Element, current: int) -> int:
    """The line an element ends on: its start plus the newlines of its text."""
    start = element.sourceline or current
    return start + sum(text.count("\n") for text in element.itertext())


def _text_of(
    element: _Element, *, br: str, block: str, drop: Callable[[_Element], bool] = _skipped
) -> str:
    """The text inside `element` (not its tail), `<br>` and block boundaries replaced."""
    parts = [element.text or ""]
    for child in element:
        tag = _tag(child)
        if tag == "br":
            parts.append(br)
        elif not drop(child):
            edge = block if tag in _BLOCKS else ""
            parts += (edge, _text_of(child, br=br, block=block, drop=drop), edge)
        parts.append(child.tail or "")
    return "".join(parts)


def _heading(element: _Element, level: int) -> Heading:
    text = _collapse(
        _text_of(element, br=" ", block=" ", drop=lambda e: _is_permalink(e) or _skipped(e))
    )
    anchor = element.get("id") or _permalink_target(element)
    match = _ANCHOR.search(text)
    if match:
        anchor = match.group(1).lstrip("#")
        text = text[: match.start()].strip()
    return Heading(text, level, _line(element), anchor or None)


def _is_permalink(element: _Element) -> bool:
    """A heading's "¶"/"#" self-link (Sphinx, MkDocs, Docusaurus): furniture, not title."""
    if _tag(element) != "a" or not (element.get("href") or "").startswith("#"):
        return False
    mark = _collapse("".join(element.itertext()))
    return bool(_classes(element) & _PERMALINK_CLASSES) or mark in _PERMALINK_MARKS


def _permalink_target(heading: _Element) -> str | None:
    link = next((a for a in heading.iter("a") if _is_permalink(a)), None)
    target = (link.get("href") or "")[1:] if link is not None else ""
    return target or None


def _code(pre: _Element) -> Code:
    text = _text_of(pre, br="\n", block="", drop=lambda e: _is_gutter(e) or _skipped(e)).replace(
        "\xa0", " "
    )
    if (pre.text or "").startswith("\n"):
        text = text[1:]  # browsers drop a newline right after <pre>; libxml2 keeps it
    return Code(text, _lang(pre), _line(pre))


def _lang(pre: _Element) -> str:
    """From a `language-xxx` / `lang-xxx` class of the `<code>` inside, else of the `<pre>`."""
    code = [c for c in pre if _tag(c) == "code"][:1]
    for element in (*code, pre):
        for name in sorted(_classes(element)):
            match = _LANG_CLASS.match(name)
            if match:
                return match.group(1)
    return ""


def _is_gutter(element: _Element) -> bool:
    return bool(_classes(element) & _GUTTERS)


def _table_blocks(table: _Element, walk: _Walk) -> None:
    """A table's caption as prose, then the table; or, for code laid out beside a line-number
    gutter, the code it holds."""
    if any(_is_gutter(cell) for cell in table.iter("td")) and any(True for _ in table.iter("pre")):
        pres = table.iter("pre")
        walk.blocks.extend(_code(p) for p in pres if not _in_gutter(p, table))
        return
    for caption in (c for c in table if _tag(c) == "caption"):
        walk.sync(caption)
        _flow(caption, walk)
        walk.end_line()
    rows = [row for row in _rows(table) if _cells(row)]
    if rows:
        walk.blocks.append(_table(table, rows, walk))


def _in_gutter(pre: _Element, table: _Element) -> bool:
    for ancestor in pre.iterancestors():
        if ancestor is table:
            return False
        if _is_gutter(ancestor):
            return True
    return False


def _rows(table: _Element) -> Iterator[_Element]:
    """The table's own rows, in document order (not those of tables nested in cells)."""
    for child in table:
        tag = _tag(child)
        if tag == "tr" and not _skipped(child):
            yield child
        elif tag in _ROW_GROUPS:
            yield from (r for r in child if _tag(r) == "tr" and not _skipped(r))


def _cells(row: _Element) -> list[_Element]:
    return [cell for cell in row if _tag(cell) in ("td", "th")]


def _table(table: _Element, rows: list[_Element], walk: _Walk) -> Table:
    header = _header_row(rows)
    width = _width(header)
    uneven = any(_int_attr(c, "rowspan") > 1 for r in rows for c in _cells(r))
    body: list[Row] = []
    for row in rows:
        if row is not header:
            body.append(Row(tuple(_cell(c) for c in _cells(row)), _line(row)))
            if not uneven:
                _check_width(row, width, walk)
    return Table(tuple(_cell(c) for c in _cells(header)), tuple(body), _line(table))


def _header_row(rows: list[_Element]) -> _Element:
    """The first row of `<thead>`, else the first row with `<th>` cells, else the first row."""
    head = [r for r in rows if any(_tag(a) == "thead" for a in r.iterancestors())]
    with_th = [r for r in rows if any(_tag(c) == "th" for c in _cells(r))]
    return (head or with_th or rows)[0]


def _cell(cell: _Element) -> Cell:
    return Cell(_collapse(_text_of(cell, br=" ", block=" ")), _line(cell))


def _int_attr(element: _Element, name: str) -> int:
    """A span attribute (`colspan`, `rowspan`) as a count of at least 1."""
    digits = re.match(r"\s*(\d{1,4})", element.get(name) or "")
    return max(1, int(digits.group(1))) if digits else 1


def _width(row: _Element) -> int:
    return sum(_int_attr(cell, "colspan") for cell in _cells(row))


def _check_width(row: _Element, width: int, walk: _Walk) -> None:
    """Rows narrower or wider than the header (counted in columns, so colspan is fine)."""
    found = _width(row)
    if found == width:
        return
    code = "table-row-short" if found < width else "table-row-extra-cells"
    message = f"table row spans {found} of the header's {width} columns"
    walk.diagnostics.append(warning(code, message, Span(walk.path, _line(row))))
