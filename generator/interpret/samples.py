"""Samples in code blocks: JSON bodies (repaired when broken) and curl commands.

Broken JSON is common on documentation pages (trailing or missing commas, duplicate keys). It
is parsed strictly first; on failure json-repair fixes it and a warning names the line of the
first defect in the source document. Duplicate keys are reported; the last one wins, as in
every JSON parser.
"""

from __future__ import annotations

import json
import re
import shlex
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import json_repair

from generator.diagnostics import Diagnostic, Span, warning
from generator.readers.document import Code

_METHOD_FLAG = re.compile(r"^-X(\w+)$")
_DATA_FLAGS = frozenset({"-d", "--data", "--data-raw", "--data-binary", "--json"})
_HEADER_FLAGS = frozenset({"-H", "--header"})
_RESUME = re.compile(r'"[\w .-]+"\s*:|[{\[]\s*["{\[\d]|[}\]]\s*(?:,|$)')
_DATA_FLAG_IN_LINE = re.compile(r"(?:^|\s)(?:-d|--data(?:-raw|-binary)?|--json)(?:\s|$)")


@dataclass(frozen=True, slots=True)
class Sample:
    """What one code block shows: a JSON value, or a request (method, URL, headers, body)."""

    span: Span
    value: object = None
    has_value: bool = False
    method: str | None = None
    url: str | None = None
    headers: tuple[tuple[str, str], ...] = field(default=())

    @property
    def is_request(self) -> bool:
        return self.url is not None


def read_sample(code: Code, path: str, diagnostics: list[Diagnostic]) -> Sample | None:
    text = code.text.strip()
    span = Span(path, code.line)
    if text.startswith(("{", "[")):
        value, ok = parse_json(text, lambda i: Span(path, code.source_line(i)), diagnostics)
        return Sample(span, value, ok)
    lines = [
        ln for ln in text.split("\n") if ln.strip() and not ln.lstrip().startswith(("#", "//"))
    ]
    if lines and lines[0].lstrip().startswith("curl"):
        return _curl("\n".join(lines), code, path, diagnostics)
    return None


def parse_json(
    text: str, locate: Callable[[int], Span], diagnostics: list[Diagnostic]
) -> tuple[object, bool]:
    """The JSON value of `text`; `locate(i)` is the source span of the text's line i (0-based)."""
    duplicates: list[str] = []
    try:
        value = json.loads(text, object_pairs_hook=lambda pairs: _no_dupes(pairs, duplicates))
    except json.JSONDecodeError as exc:
        repaired = json_repair.repair_json(without_comments(text), return_objects=True)
        if repaired in ("", None):
            where = locate(exc.lineno - 1)
            diagnostics.append(
                warning("example-unreadable", f"sample is not JSON ({exc.msg})", where)
            )
            return None, False
        defect, line = _defect(text, exc)
        diagnostics.append(
            warning(
                "example-json-repaired", f"broken JSON sample ({defect}); repaired", locate(line)
            )
        )
        return repaired, True
    for key in duplicates:
        diagnostics.append(
            warning(
                "example-duplicate-key",
                f"key {key!r} appears twice in a JSON sample; the last value is kept",
                locate(0),
            )
        )
    return value, True


def without_comments(text: str) -> str:
    """`text` without its `//` comments. A comment ends at the end of its line, or where
    JSON resumes on the same line (`1,// Sender"SendTime": 2`: a page that joined the
    sample's lines): at a quoted key, an opening bracket, or a closing one before `,`."""
    out: list[str] = []
    i, in_string = 0, False
    while i < len(text):
        ch = text[i]
        if in_string:
            in_string = ch != '"' or text[i - 1] == "\\"
        elif ch == '"':
            in_string = True
        elif text.startswith("//", i):
            i = _comment_end(text, i + 2)
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _comment_end(text: str, i: int) -> int:
    newline = text.find("\n", i)
    end = len(text) if newline < 0 else newline
    resumed = _RESUME.search(text, i, end)
    return resumed.start() if resumed else end


def _defect(text: str, exc: json.JSONDecodeError) -> tuple[str, int]:
    """What is wrong and on which line (0-based): a comma before a closing bracket is a
    trailing comma on the comma's own line; a missing delimiter is a missing comma after the
    value that ends before it."""
    before = text[: exc.pos].rstrip()
    if before.endswith(",") and text[exc.pos : exc.pos + 1] in ("}", "]"):
        return "trailing comma", before.count("\n")
    if exc.msg.startswith("Expecting ',' delimiter"):
        return "missing comma", before.count("\n")
    return f"{exc.msg} at column {exc.colno}", exc.lineno - 1


def _no_dupes(pairs: list[tuple[str, object]], duplicates: list[str]) -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in pairs:
        if key in out:
            duplicates.append(key)
        out[key] = value
    return out


def _curl(text: str, code: Code, path: str, diagnostics: list[Diagnostic]) -> Sample | None:
    span = Span(path, code.line)
    try:
        words = shlex.split(text.replace("\\\n", " "))
    except ValueError as exc:
        diagnostics.append(
            warning("example-curl-unreadable", f"curl command not parsed: {exc}", span)
        )
        return None
    method, url, headers, data = _curl_parts(words)
    if url is None:
        return None
    value: object = None
    ok = False
    if data is not None:
        offset = _data_line(code.text, data)
        value, ok = parse_json(
            data, lambda i: Span(path, code.source_line(offset + i)), diagnostics
        )
    if method is None:
        method = "POST" if data is not None else "GET"
    return Sample(span, value, ok, method.upper(), url, tuple(headers))


def _curl_parts(
    words: list[str],
) -> tuple[str | None, str | None, list[tuple[str, str]], str | None]:
    method = url = data = None
    headers: list[tuple[str, str]] = []
    i = 1
    while i < len(words):
        word = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else ""
        flag = _METHOD_FLAG.match(word)
        if flag or word in ("-X", "--request"):
            method = flag.group(1) if flag else nxt
            i += 0 if flag else 1
        elif word in _HEADER_FLAGS:
            name, _, header_value = nxt.partition(":")
            headers.append((name.strip(), header_value.strip()))
            i += 1
        elif word in _DATA_FLAGS:
            data = nxt
            i += 1
        elif urlsplit(word.strip()).scheme in ("http", "https"):
            url = word.strip()
        i += 1
    return method, url, headers, data


def _data_line(text: str, data: str) -> int:
    """The code line on which the data argument's line 0 stands: found from the line that
    carries the data flag, never before it (comments may contain the same characters)."""
    lines = text.split("\n")
    flag_at = next((i for i, ln in enumerate(lines) if _DATA_FLAG_IN_LINE.search(ln)), 0)
    lead = len(data) - len(data.lstrip("\n"))
    if lead == 0:
        return flag_at
    first = data.strip().split("\n", 1)[0].strip()
    for index in range(flag_at + 1, len(lines)):
        if first and lines[index].strip().startswith(first):
            return max(index - lead, 0)
    return flag_at
