"""Request lines and sample URLs: method, server, path template and query.

`POST https://{host}/{org}/users?limit={N}&{cursor}` gives server `https://{host}`, path
`/{org}/users` and query names `limit`, `cursor`; a sample URL whose segments are placeholders
(`XXXX`, `xxx`) matches a template's variables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

ENDPOINT_LINE = re.compile(
    r"^[>\-*•●\s]*(GET|PUT|POST|DELETE|PATCH|HEAD|OPTIONS|TRACE)\s+((?:https?://|/)\S*)\s*$"
)
URL_LINE = re.compile(r"^\s*(https?://\S+)\s*$")
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
