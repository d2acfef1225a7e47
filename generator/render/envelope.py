"""Find the API's own response envelope and how it says "error", from the spec alone.

The envelope is the schema most responses build on (the `$ref` inside their `allOf`, or the one
they reference directly). Its error-code field is an integer or string property named like a
code (`code`, `ErrorCode`, `errcode`, `status_code`); its message field a string property named
like a message (`message`, `msg`, `ErrorInfo`, `error`, `detail`, `reason`). Success codes come
from the success examples and from the code field's description ("200 is success",
"0 : Successful"). Without an envelope, the generated server answers errors with
`{"code": <HTTP status>, "message": ...}` and documents that shape.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from generator.pointer import escape
from generator.render.schemas import SCHEMA_PREFIX, errors, merge_allof, ref_name
from generator.render.spec import Api, Json, resolve

_CODE_NAME = re.compile(r"(^|_|[a-z])(code|errcode)$", re.IGNORECASE)
_MESSAGE_NAME = re.compile(r"(message|msg|info|error|detail|reason)", re.IGNORECASE)
_SUCCESS_AFTER = re.compile(r"(-?\d+)\s*(?:is|=|:|means|-|–)?\s*(?:a\s+)?success", re.IGNORECASE)
_SUCCESS_BEFORE = re.compile(r"success\w*\s*(?:is|=|:|-)?\s*(-?\d+)", re.IGNORECASE)
_FAILURE_WORD = re.compile(r"fail|error|invalid", re.IGNORECASE)
FALLBACK_SCHEMA: Mapping[str, Json] = MappingProxyType(
    {
        "type": "object",
        "required": ["code", "message"],
        "properties": {
            "code": {"type": "integer", "description": "The HTTP status code."},
            "message": {"type": "string", "description": "What went wrong."},
        },
    }
)


@dataclass(frozen=True, slots=True)
class Envelope:
    code_field: str
    message_field: str
    success_codes: tuple[int | str, ...]  # empty: a 2xx body is never judged by its code
    error_base: Mapping[str, Json]  # the other fields of an error body (e.g. a FAIL status)
    schema: Mapping[str, Json]  # what error responses are documented with
    detected: bool

    def error_body(self, status: int, message: str) -> dict[str, Any]:
        return {**self.error_base, self.code_field: status, self.message_field: message}


def detect(api: Api) -> Envelope:
    base = _base_schema(api)
    if base is not None:
        envelope = _from_schema(api, base)
        if envelope is not None:
            return envelope
    return Envelope("code", "message", (), {}, FALLBACK_SCHEMA, detected=False)


def _base_schema(api: Api) -> str | None:
    votes: Counter[str] = Counter()
    for op in api.operations:
        for response in op.responses:
            if response.schema is not None:
                name = _base_of(api, response.schema)
                if name is not None:
                    votes[name] += 1
    ranked = sorted(votes.items(), key=lambda item: (-item[1], item[0]))
    return ranked[0][0] if ranked else None


def _base_of(api: Api, schema: Mapping[str, Json]) -> str | None:
    direct = ref_name(schema)
    node = resolve(api.spec, schema) if direct else schema
    for member in node.get("allOf") or [] if isinstance(node, Mapping) else []:
        if isinstance(member, Mapping) and ref_name(member):
            return ref_name(member)
    return direct


def _from_schema(api: Api, name: str) -> Envelope | None:
    schema = merge_allof(api.spec, resolve(api.spec, {"$ref": SCHEMA_PREFIX + name}))
    properties: Mapping[str, Json] = schema.get("properties") or {}
    typed = {k: resolve(api.spec, v) for k, v in properties.items() if isinstance(v, Mapping)}
    codes = [k for k, v in typed.items() if _CODE_NAME.search(k) and _kind(v) in ("integer",)]
    messages = [k for k, v in typed.items() if _MESSAGE_NAME.search(k) and _kind(v) == "string"]
    if not codes or not messages:
        return None
    code = "code" if "code" in codes else codes[0]
    message = next((m for m in messages if m != code), None)
    if message is None:
        return None
    base = _failure_values(typed, skip={code, message}, required=schema.get("required") or [])
    envelope = Envelope(
        code_field=code,
        message_field=message,
        success_codes=_success_codes(api, code, typed[code]),
        error_base=base,
        schema={"$ref": SCHEMA_PREFIX + escape(name)},
        detected=True,
    )
    probe = envelope.error_body(422, "probe")
    return envelope if not errors(api.spec, envelope.schema, probe) else None


def _kind(schema: Mapping[str, Json]) -> str:
    """The schema's type; a nullable one (`[string, "null"]`) counts as its other type."""
    kind = schema.get("type")
    if isinstance(kind, list):
        kinds = [k for k in kind if k != "null"]
        kind = kinds[0] if len(kinds) == 1 else None
    return kind if isinstance(kind, str) else ""


def _failure_values(
    typed: Mapping[str, Mapping[str, Json]], *, skip: set[str], required: list[str]
) -> dict[str, Json]:
    base: dict[str, Json] = {}
    for name, schema in typed.items():
        if name in skip:
            continue
        values = schema.get("enum") or []
        meanings = schema.get("x-enum-descriptions") or []
        for i, value in enumerate(values):
            meaning = str(meanings[i]) if i < len(meanings) else ""
            if _FAILURE_WORD.search(f"{value} {meaning}"):
                base[name] = value
                break
        if name not in base and name in required and values:
            base[name] = values[0]
    return base


def _success_codes(api: Api, field: str, schema: Mapping[str, Json]) -> tuple[int | str, ...]:
    found: list[int | str] = []
    for op in api.operations:
        success = op.success
        for example in success.examples if success else ():
            value = example.value.get(field) if isinstance(example.value, Mapping) else None
            if isinstance(value, int) and not isinstance(value, bool) and value not in found:
                found.append(value)
    text = str(schema.get("description") or "")
    for pattern in (_SUCCESS_AFTER, _SUCCESS_BEFORE):
        for match in pattern.finditer(text):
            value = int(match.group(1))
            if value not in found:
                found.append(value)
    return tuple(found)
