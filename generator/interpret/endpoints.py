"""Request lines and sample URLs: method, server, path template and query.

`POST https://{host}/{org}/users?limit={N}&{cursor}` gives server `https://{host}`, path
`/{org}/users` and query names `limit`, `cursor`; a sample URL whose segments are placeholders
(`XXXX`, `xxx`) matches a template's variables.

Finding endpoints is one mechanism for every reader (`find_target` for a line of text or a
heading, `code_targets` for a code block): a request line with or without its method, quoted
or in backticks, with a stray space between `{host}` and the path, an `HTTP/1.1` version, and
code blocks holding one or several request lines between `//` or `#` comments. A whole HTTP
request message (request line, then headers) is a sample: its request line counts only where
nothing else states the endpoint.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

_METHODS = "GET|PUT|POST|DELETE|PATCH|HEAD|OPTIONS|TRACE"
_REQUEST = re.compile(
    rf"^(?:({_METHODS})\s+)?((?:https?://|/)\S*)((?:\s+/\S*)?)(?:\s+HTTP/\d(?:\.\d)?)?$",
    re.IGNORECASE,
)
_LEAD = ">-*•●·▪ \t`'\"“”‘’"
_TRAIL = "`'\"“”‘’.,;:，。；"
_COMMENT = ("//", "#", "```", "~~~")  # comments, and fences a broken page left in its code
_MAX_CODE_TARGETS = 4
_HEADER_LINE = re.compile(r"^[A-Za-z][\w-]*:\s*\S")
METHOD_STATEMENT = re.compile(
    r"\b(?:request|http)\s+method\s+(?:is|:)\s*(GET|PUT|POST|DELETE|PATCH|HEAD|OPTIONS)\b",
    re.IGNORECASE,
)
_VARIABLE = re.compile(r"\{([^{}/]+)\}")
_PLACEHOLDER = re.compile(r"^(?:x{3,}|X{3,}|\{[^}]*\}|<[^>]*>|\.\.\.)$")


@dataclass(frozen=True, slots=True)
class Target:
    """Where a request goes, as one line of the document states it."""

    method: str | None
    server: str | None
    host: str | None
    path: str
    query: tuple[tuple[str, str], ...]
    line: int


def find_target(text: str, line: int) -> Target | None:
    """The endpoint a line states (`POST https://{host}/users`, `> GET /users/{id}`, a bare
    `https://host/v4/svc/api?a=1`), or None. A path without a scheme needs its method."""
    match = _REQUEST.match(text.strip().lstrip(_LEAD).rstrip(_TRAIL).strip())
    if match is None:
        return None
    method, url, gap = match.group(1), match.group(2).rstrip(_TRAIL), match.group(3).strip()
    if gap:  # `https://{host} /org/app/users`: the path was cut from its host
        if "://" not in url or "/" in url.split("://", 1)[1]:
            return None
        url += gap.rstrip(_TRAIL)
    if method is None and ("://" not in url or not urlsplit(url).path.strip("/")):
        return None
    return parse_target(method.upper() if method else None, url, line)


def code_targets(text: str, line_of: Callable[[int], int]) -> tuple[Target, ...]:
    """The endpoints of a code block that holds only request lines (between comments and
    blank lines); () for any other code: a curl command, JSON, or a whole HTTP request
    message (`request_message`), which is a sample."""
    found: list[Target] = []
    for index, raw in enumerate(text.split("\n")):
        stripped = raw.strip()
        if not stripped or stripped.startswith(_COMMENT):
            continue
        target = find_target(stripped, line_of(index))
        if target is None or len(found) >= _MAX_CODE_TARGETS:
            return ()
        found.append(target)
    return tuple(found)


def request_message(text: str, line_of: Callable[[int], int]) -> Target | None:
    """The request line of an HTTP request message (`POST /v1/send HTTP/1.1`, then header
    lines or a body): a sample, whose endpoint counts only where nothing else states one."""
    lines = [
        (i, ln.strip())
        for i, ln in enumerate(text.split("\n"))
        if ln.strip() and not ln.strip().startswith(_COMMENT)
    ]
    if len(lines) < 2 or not _HEADER_LINE.match(lines[1][1]):
        return None
    index, first = lines[0]
    target = find_target(first, line_of(index))
    return target if target is not None and target.method else None


def same_endpoint(a: Target, b: Target) -> bool:
    """Whether two request lines name one endpoint: the same path (a sample's placeholder
    segments fit the template's variables) and no contradicting methods."""
    if a.method and b.method and a.method != b.method:
        return False
    return matches(a.path, b.path) or matches(b.path, a.path)


def parse_target(method: str | None, url: str, line: int) -> Target:
    server: str | None = None
    host: str | None = None
    if url.startswith(("http://", "https://")):
        parts = urlsplit(url)
        server = f"{parts.scheme}://{parts.netloc}"
        host = parts.netloc
        path, query = parts.path, parts.query
    else:
        path, _, query = url.partition("?")
    return Target(method, server, host, normal_path(path), _query(query), line)


def normal_path(path: str) -> str:
    path = "/" + path.strip().strip("/")
    return re.sub(r"/+", "/", path)


def _query(query: str) -> tuple[tuple[str, str], ...]:
    out: list[tuple[str, str]] = []
    for part in query.split("&"):
        name, _, value = part.partition("=")
        name = name.strip().strip("{}")
        if name:
            out.append((name, value))
    return tuple(out)


def variables(path: str) -> list[str]:
    return _VARIABLE.findall(path)


def _segments(path: str) -> list[str]:
    return [s for s in path.split("/") if s]


def matches(template: str, sample: str) -> bool:
    """Whether a sample path fits a template (placeholders fit variables)."""
    left, right = _segments(template), _segments(sample)
    return len(left) == len(right) and all(_fits(t, s) for t, s in zip(left, right, strict=True))


def _fits(template_segment: str, sample_segment: str) -> bool:
    return (
        template_segment == sample_segment
        or bool(_VARIABLE.fullmatch(template_segment))
        or bool(_PLACEHOLDER.match(sample_segment))
    )


def extended(template: str, sample: str, unused: list[str]) -> str | None:
    """The template the sample supports when it has more segments than the request line and
    each extra segment can be one of the documented path parameters the line does not use."""
    left, right = _segments(template), _segments(sample)
    extra = len(right) - len(left)
    if extra <= 0 or extra != len(unused) or not matches(template, "/".join(right[: len(left)])):
        return None
    return normal_path("/".join([*left, *(f"{{{name}}}" for name in unused)]))
