"""Helpers shared by the readers of page text without markup (`scraped`, `pipes`).

Such text has lost its tags, so structure is guessed from each line's own shape: a heading is a
short line that starts like a title and does not end like a sentence; a code line is JSON, a
shell command or an HTTP request line. The readers add their own context (blank lines around a
heading) on top of these shape tests.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from generator.diagnostics import Diagnostic, Span, info
from generator.readers.document import Block, Code, Heading, Table

_SENTENCE_END = frozenset(".:;,?!。：；，？！、|")
_NOT_IN_TITLES = frozenset('{}[]<>=|`"$\\')
_FLAG_WORDS = frozenset({"yes", "no", "true", "false"})
_MAX_HEADING_CHARS = 80
_MAX_HEADING_WORDS = 10
_MAX_UNSPACED_HEADING = 40
_HTTP_METHODS = frozenset({"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE"})
_HEADER_FIELD = re.compile(r"[A-Za-z][\w-]*:\s")
_TRAILER = re.compile(r"\S{0,3}(?:undefined|null|NaN)")
_MIN_MENU_LINES = 3
_MAX_MENU_ITEM = 32
_BULLET = re.compile(r"[•·▪◦‣*\-]\s+")


@dataclass(frozen=True, slots=True)
class Line:
    """One source line: its 1-based number, the raw text (no line break) and the stripped text."""

    number: int
    raw: str
    text: str


def split_lines(text: str) -> tuple[Line, ...]:
    """Lines split on "\\n" only (as every reader numbers them), carriage returns dropped."""
    out = []
    for index, raw in enumerate(text.split("\n")):
        clean = raw.rstrip("\r")
        out.append(Line(index + 1, clean, clean.strip()))
    return tuple(out)


def is_blank_at(lines: Sequence[Line], index: int) -> bool:
    """True for a blank line, and for positions before the first or after the last line."""
    return not (0 <= index < len(lines)) or not lines[index].text


def next_nonblank(lines: Sequence[Line], index: int, end: int) -> int:
    """The index of the first non-blank line at or after `index` (or `end`)."""
    while index < end and not lines[index].text:
        index += 1
    return index


def looks_like_heading(text: str) -> bool:
    """A short line that starts like a title and ends unlike a sentence.

    Not headings: sentences (final `.` `:` `?` ...), fragments starting in lower case, numbers
    and quantities (`100 times/second`), URLs, JSON, request lines (`POST https://...`),
    `Header: value` lines, lone identifiers (`ErrorCode`, `user_id`), lone Yes/No.
    """
    t = text.strip()
    if not t or len(t) > _MAX_HEADING_CHARS or t[-1] in _SENTENCE_END:
        return False
    if not t[0].isalpha() or t[0].islower() or _looks_like_code(t):
        return False
    words = t.split()
    if len(words) > _MAX_HEADING_WORDS:
        return False
    if len(words) == 1 and not _may_be_title_word(t):
        return False
    return sum(1 for ch in t if ch.isalpha()) * 2 >= len(t)


def _looks_like_code(text: str) -> bool:
    """URLs, JSON or template fragments, request lines, `Header: value` lines."""
    if any(ch in _NOT_IN_TITLES for ch in text) or "://" in text:
        return True
    return (
        text.lower().startswith("www.") or is_request_line(text) or bool(_HEADER_FIELD.match(text))
    )


def _may_be_title_word(word: str) -> bool:
    """`Example`, `Authorization` are titles; `ErrorCode`, `user_id`, `v4`, `data.result`,
    `Yes` are not; nor is a very long unspaced line."""
    if word.lower() in _FLAG_WORDS or len(word) > _MAX_UNSPACED_HEADING:
        return False
    if any(ch in "_." or ch.isdigit() for ch in word):
        return False
    return not any(a.islower() and b.isupper() for a, b in pairwise(word))


def is_request_line(text: str) -> bool:
    """`POST https://{host}/users`, `GET /users/{id}`: an HTTP method, then a target."""
    method, _, target = text.strip().partition(" ")
    return method in _HTTP_METHODS and bool(target.strip())


def strip_bullet(text: str) -> str:
    """`• timestampNumber...` -> `timestampNumber...`; other text unchanged."""
    match = _BULLET.match(text)
    return text[match.end() :] if match else text


def code_lang(text: str) -> str:
    """`json` for {...} or [...], `shell` for curl or # comments, `http` for request/header
    lines, else empty."""
    body = text.lstrip()
    first = body.split("\n", 1)[0].strip()
    if body.startswith(("{", "[")):
        return "json"
    if body.startswith("#") or first == "curl" or first.startswith("curl "):
        return "shell"
    if is_request_line(first) or _HEADER_FIELD.match(first):
        return "http"
    return ""


def dedent(raw_lines: Iterable[str]) -> str:
    """Lines joined with "\\n", their common leading indentation removed."""
    items = [raw.rstrip() for raw in raw_lines]
    widths = [len(s) - len(s.lstrip()) for s in items if s.strip()]
    cut = min(widths, default=0)
    return "\n".join(s[cut:] for s in items)


def with_title(blocks: Sequence[Block]) -> tuple[Block, ...]:
    """Headings are found at level 2; the first one becomes the page title (level 1) when no
    table or code block comes before it."""
    out = list(blocks)
    for index, block in enumerate(out):
        if isinstance(block, Table | Code):
            break
        if isinstance(block, Heading):
            out[index] = replace(block, level=1)
            break
    return tuple(out)


def is_delimiter_row(text: str) -> bool:
    """A Markdown table delimiter row: `|---|:---:|`, `--- | ---`."""
    t = text.strip()
    return "-" in t and "|" in t and all(ch in "|-: " for ch in t)


def page_bounds(lines: Sequence[Line], path: str, diags: list[Diagnostic]) -> tuple[int, int]:
    """Where the page's own text lies: after leading menus (paragraphs of three or more short
    lines: `Skip to main content`, `Android`, `iOS`...), before a trailing script artefact
    (`undefined`). What is skipped is reported as a note."""
    start = 0
    while True:
        first = next_nonblank(lines, start, len(lines))
        stop = first
        while stop < len(lines) and lines[stop].text:
            stop += 1
        menu = lines[first:stop]
        if len(menu) < _MIN_MENU_LINES or not all(_menu_item(ln.text) for ln in menu):
            break
        what = f"{len(menu)} navigation lines skipped ({menu[0].text!r} ... {menu[-1].text!r})"
        diags.append(info("page-noise-skipped", what, Span(path, menu[0].number)))
        start = stop
    last = len(lines) - 1
    while last >= start and not lines[last].text:
        last -= 1
    if last >= start and _TRAILER.fullmatch(lines[last].text):
        what = f"stray {lines[last].text!r} at the end of the page skipped"
        diags.append(info("page-noise-skipped", what, Span(path, lines[last].number)))
        return start, last
    return start, len(lines)


def _menu_item(text: str) -> bool:
    """`Skip to main content`, `React Native`: a few words, no sentence, no code."""
    if len(text) > _MAX_MENU_ITEM or len(text.split()) > 4 or not text[0].isalpha():
        return False
    return text[-1] not in _SENTENCE_END and not _looks_like_code(text)
