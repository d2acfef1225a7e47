"""Jinja filters: every spec string reaches generated text through one of these.

Python: `pyrepr` (any JSON-like literal, via `repr`), `pystr` (a string literal wrapped to the line
length), `pyliteral` (a nested literal laid out over several lines), `docstring`, `comment`,
`identifier`. Markdown: `md_text`, `md_cell`, `md_code`, `md_fence`, `anchor`. YAML: `yaml_str`.
None of them lets a quote, a newline, a backslash, `{{`, HTML or a path separator of the input
reach the output as syntax.
"""

from __future__ import annotations

import html
import json
import math
import re
import unicodedata
from collections.abc import Callable

from generator.render import names

LINE_LENGTH = 99
_MD_INLINE = re.compile(r"([\\`*_{}\[\]()])")
_MD_BLOCK_START = re.compile(r"^(\s*)(\d+)?([#+=*-]|[.)])")
_MD_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9,.:;'/?=%@!-]*(?: [A-Za-z0-9,.:;'/?=%@!-]+)*")
_LINE_BREAKS = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def width(text: str) -> int:
    """Display width as ruff measures it: wide East Asian characters count twice."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _check_literal(value: object) -> None:
    if isinstance(value, bool | int | str) or value is None:
        return
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"not a finite number: {value!r}")
        return
    if isinstance(value, list | tuple):
        for item in value:
            _check_literal(item)
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"non-string key: {key!r}")
            _check_literal(item)
        return
    raise TypeError(f"not a JSON-like literal: {type(value).__name__}")


def pyrepr(value: object) -> str:
    """A Python literal for a JSON-like value; `repr` escapes quotes, backslashes and newlines."""
    _check_literal(value)
    return repr(value)


def _chunks(text: str, room: int) -> list[str]:
    """Split `text` into pieces whose `repr` fits `room` columns, preferring word boundaries."""
    pieces: list[str] = []
    current = ""
    for token in re.findall(r"\S+\s*|\s+", text):
        for char_group in _fit(token, room):
            if current and width(repr(current + char_group)) > room:
                pieces.append(current)
                current = ""
            current += char_group
    if current or not pieces:
        pieces.append(current)
    return pieces


def _fit(token: str, room: int) -> list[str]:
    """A token too long for one line is cut into character runs that fit."""
    if width(repr(token)) <= room:
        return [token]
    runs: list[str] = []
    current = ""
    for char in token:
        if current and width(repr(current + char)) > room:
            runs.append(current)
            current = ""
        current += char
    return [*runs, current] if current else runs


def pystr(value: str, indent: int = 0, prefix: int = 0) -> str:
    """A string literal on a line indented by `indent`, after `prefix` columns of other text.

    Too long for the line, it becomes a parenthesised run of literals, one per line.
    """
    text = pyrepr(str(value))
    if indent + prefix + width(text) + 1 <= LINE_LENGTH:
        return text
    return _wrapped(str(value), indent)


def _wrapped(value: str, indent: int) -> str:
    inner = " " * (indent + 4)
    lines = [inner + repr(piece) for piece in _chunks(value, LINE_LENGTH - len(inner))]
    return "(\n" + "\n".join(lines) + "\n" + " " * indent + ")"


def pyliteral(value: object, indent: int = 0, prefix: int = 0) -> str:
    """A nested JSON-like literal, one item per line where it does not fit on one line."""
    _check_literal(value)
    return _layout(value, indent, prefix)


def _layout(value: object, indent: int, prefix: int) -> str:
    flat = repr(value)
    if indent + prefix + width(flat) + 1 <= LINE_LENGTH:
        return flat
    inner = indent + 4
    pad = " " * inner
    if isinstance(value, str):
        return _wrapped(value, indent)
    if isinstance(value, dict):
        items = [
            f"{pad}{key!r}: {_layout(item, inner, width(repr(key)) + 2)},"
            for key, item in value.items()
        ]
        return "{\n" + "\n".join(items) + "\n" + " " * indent + "}"
    if isinstance(value, list | tuple):
        items = [f"{pad}{_layout(item, inner, 0)}," for item in value]
        return "[\n" + "\n".join(items) + "\n" + " " * indent + "]"
    return flat


def one_line(text: object) -> str:
    """Collapse every kind of line break and control character to a space."""
    flat = _LINE_BREAKS.sub(" ", str(text))
    return "".join(ch if ch.isprintable() else " " for ch in flat).strip()


def comment(text: object) -> str:
    """Text safe after `# `: a single line with no control characters."""
    return one_line(text)


def docstring(text: object, indent: int = 4) -> str:
    """A complete triple-quoted docstring, wrapped to the line length, with nothing to escape."""
    pad = " " * indent
    lines = [_doc_escape(line) for line in _wrap_lines(str(text), LINE_LENGTH - indent)]
    if not lines or not any(lines):
        lines = ["(no description)"]
    if len(lines) == 1 and width(lines[0]) + indent + 6 <= LINE_LENGTH:
        return f'"""{lines[0]}"""'
    body = "\n".join(pad + line if line else "" for line in lines)
    return f'"""\n{body}\n{pad}"""'


def _doc_escape(line: str) -> str:
    escaped = line.replace("\\", "\\\\").replace('"', '\\"')
    if escaped.isprintable():
        return escaped
    return "".join(ch if ch.isprintable() else _char_escape(ch) for ch in escaped)


def _char_escape(ch: str) -> str:
    code = ord(ch)
    return (
        f"\\x{code:02x}"
        if code <= 0xFF
        else f"\\u{code:04x}"
        if code <= 0xFFFF
        else f"\\U{code:08x}"
    )


def _wrap_lines(text: str, room: int) -> list[str]:
    out: list[str] = []
    for raw in _LINE_BREAKS.split(text.strip()):
        line = raw.rstrip()
        if not line:
            out.append("")
            continue
        current, used = "", 0
        for word in line.split(" "):
            size = _doc_width(word)
            if current and used + 1 + size > room:
                out.append(current)
                current, used = word, size
            elif current:
                current, used = f"{current} {word}", used + 1 + size
            else:
                current, used = word, size
        out.extend(_hard_cut(current, room))
    while out and not out[-1]:
        out.pop()
    return out


def _doc_width(text: str) -> int:
    """Width of the escaped text; escaping works char by char, so widths add up."""
    return width(_doc_escape(text))


def _hard_cut(text: str, room: int) -> list[str]:
    if _doc_width(text) <= room:
        return [text]
    pieces: list[str] = []
    current, used = "", 0
    for char in text:
        size = _doc_width(char)
        if current and used + size > room:
            pieces.append(current)
            current, used = "", 0
        current += char
        used += size
    return [*pieces, current]


def identifier(text: object) -> str:
    """A snake_case Python identifier (already-safe names pass unchanged)."""
    value = str(text)
    return value if names.is_identifier(value) else names.snake(value)


def md_text(text: object) -> str:
    """Inline Markdown: HTML escaped, Markdown punctuation backslash-escaped, breaks as `<br>`."""
    if _MD_PLAIN.fullmatch(value := str(text)):  # words and harmless punctuation: as it is
        return value
    value = html.escape(value, quote=False)
    value = _MD_INLINE.sub(r"\\\1", value)
    lines = [" ".join(part.split()) for part in _LINE_BREAKS.split(value)]
    joined = "<br>".join(line for line in lines if line)
    return _MD_BLOCK_START.sub(r"\1\2\\\3", joined, count=1)


def md_cell(text: object) -> str:
    """A table cell: like `md_text`, with pipes escaped; never empty."""
    return md_text(text).replace("|", "\\|") or " "


def md_code(text: object) -> str:
    """An inline code span (any backticks inside get a longer fence); unsafe in tables -> text."""
    value = one_line(text)
    if "|" in value:
        return md_cell(value)
    longest = max((len(run) for run in re.findall(r"`+", value)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if value.startswith("`") or value.endswith("`") or not value else ""
    return f"{fence}{pad}{value}{pad}{fence}"


def md_fence(text: object, lang: str = "") -> str:
    """A fenced code block longer than any backtick run in the text."""
    value = str(text)
    longest = max((len(run) for run in re.findall(r"`{3,}", value)), default=2)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{names.snake(lang, fallback='text') if lang else ''}\n{value}\n{fence}"


def to_json(value: object) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


def anchor(text: object) -> str:
    return names.anchor(str(text))


def yaml_str(text: object) -> str:
    """A YAML double-quoted scalar; anything not printable is written as an escape."""
    out = []
    for ch in str(text):
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch.isprintable() and (ch.isascii() or ord(ch) > 0xA0):
            out.append(ch)
        else:
            out.append(_char_escape(ch))
    return '"' + "".join(out) + '"'


def html_text(text: object) -> str:
    """HTML-escaped text, for values a site theme inserts into HTML as they are (mkdocs)."""
    return html.escape(one_line(text), quote=True)


def repeat(text: str, count: int) -> str:
    return text * count


def all_filters() -> dict[str, Callable[..., str]]:
    return {
        "pyrepr": pyrepr,
        "pystr": pystr,
        "pyliteral": pyliteral,
        "docstring": docstring,
        "comment": comment,
        "identifier": identifier,
        "md_text": md_text,
        "md_cell": md_cell,
        "md_code": md_code,
        "md_fence": md_fence,
        "to_json": to_json,
        "anchor": anchor,
        "yaml_str": yaml_str,
        "repeat": repeat,
        "html_text": html_text,
    }
