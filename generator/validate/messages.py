"""jsonschema's messages, made to fit on a line: the first line, a long offending value
replaced by what it is ("the object ... is not valid under any of the given schemas")."""

from __future__ import annotations

import json

from jsonschema.exceptions import ValidationError

LONGEST = 200
_SHOWN = 40


def describe(error: ValidationError) -> str:
    message = str(error.message).split("\n", 1)[0]
    instance = error.instance
    if isinstance(instance, dict | list):
        for shown in (repr(instance), json.dumps(instance, separators=(",", ":"))):
            if message.startswith(shown) and len(shown) > _SHOWN:
                kind = "the object" if isinstance(instance, dict) else "the array"
                message = kind + message[len(shown) :]
                break
    return shorten(message)


def shorten(message: str) -> str:
    return message if len(message) <= LONGEST else message[: LONGEST - 1] + "…"
