"""The servers a page lists once for every operation: `Base URLs:` (or `Servers`, `Host`)
followed by URL lines, each perhaps followed by its variables (`version - Default: v1`)."""

from __future__ import annotations

import re

from generator.interpret.vocabulary import Label, label_of
from generator.model import Server, ServerVariable
from generator.readers.document import Block, Heading, Text

_URL = re.compile(r"(https?://[^\s<>\"'`]+|^\W*/[^\s<>\"'`]*)")
_VARIABLE = re.compile(r"^\W*([A-Za-z_][\w-]*)\W*-\s*Default\s*:\s*(\S+)", re.IGNORECASE)


def page_servers(blocks: tuple[Block, ...]) -> tuple[Server, ...]:
    servers: list[Server] = []
    listing = False
    for block in blocks:
        if not isinstance(block, Text | Heading):
            listing = False
            continue
        if label_of(block.text) is not None:
            listing = label_of(block.text) is Label.SERVERS
            continue
        if not listing:
            continue
        url = _URL.search(block.text)
        variable = _VARIABLE.match(block.text)
        if url:
            servers.append(Server(url.group(1).strip(" *-•").rstrip(".,;)")))
        elif variable and servers:
            known = ServerVariable(variable.group(1), variable.group(2))
            last = servers[-1]
            servers[-1] = Server(last.url, last.description, (*last.variables, known))
        else:
            listing = isinstance(block, Text) and not block.text.strip()
    return tuple(dict.fromkeys(servers))
