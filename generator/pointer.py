"""JSON Pointer (RFC 6901): the one place its escaping and lookup are written."""

from __future__ import annotations

from typing import Any


def escape(token: str) -> str:
    if "~" not in token and "/" not in token:  # nearly every token: returned as it is
        return token
    return token.replace("~", "~0").replace("/", "~1")


def unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def join(*tokens: str | int) -> str:
    """`join("paths", "/a", "get")` -> `/paths/~1a/get`."""
    joined = ""
    for token in tokens:
        joined = f"{joined}/{escape(str(token))}"
    return joined


def tokens(pointer: str) -> list[str]:
    """`/paths/~1a/get` -> ["paths", "/a", "get"]; the root ("" or "/") has none."""
    return [unescape(t) for t in pointer.split("/")[1:]] if pointer not in ("", "/") else []


def lookup(document: Any, pointer: str) -> Any:
    """The node at `pointer` (a leading `#` is allowed), or None when it is not there."""
    node = document
    for token in tokens(pointer.removeprefix("#")):
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return None
    return node
