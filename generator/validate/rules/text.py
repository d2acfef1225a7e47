"""Words and servers: placeholder text, server variables without a default."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.validate.rules.base import Problem, Spec
from generator.validate.walk import child

PLACEHOLDER = re.compile(
    r"to[-_ ]?be[-_ ]?translated?|\bTODO\b|\bFIXME\b|\bTBD\b|(?-i:X{4,})", re.IGNORECASE
)


def text_placeholder(spec: Spec) -> Iterator[Problem]:
    for text in spec.texts():
        field = text.at.rsplit("/", 1)[1]
        if not text.value.strip():
            yield Problem(text.at, f"empty {field}")
            continue
        found = PLACEHOLDER.search(text.value)
        if found:
            yield Problem(text.at, f"placeholder text in {field}: '{found.group(0)}'")


def server_variable_default(spec: Spec) -> Iterator[Problem]:
    for list_at, servers in spec.found.servers:
        for i, server in enumerate(servers):
            variables = server.get("variables") if isinstance(server, dict) else None
            for name, variable in variables.items() if isinstance(variables, dict) else ():
                if not isinstance(variable, dict) or "default" not in variable:
                    at = child(list_at, i, "variables", name)
                    yield Problem(at, f"server variable '{name}' has no default")
