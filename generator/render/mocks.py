"""What the mock server answers: the first documented example that validates, else a sample.

Every example of the spec is checked against its schema (request and response alike); one that
does not validate is reported (`render-example-invalid`) and never served. A sample built from
the schema carries the envelope's success code, so the generated client accepts it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import orjson

from generator.diagnostics import Diagnostic, Severity, info, warning
from generator.pointer import escape as pointer_escape
from generator.render.envelope import Envelope
from generator.render.fingerprint import digest
from generator.render.memo import Memo
from generator.render.schemas import errors, sample
from generator.render.spec import Api, Example, Json, Operation


@dataclass(frozen=True, slots=True)
class Mock:
    operation_id: str
    status: int
    has_body: bool
    value: Json
    origin: str  # the example's name, or "schema"


def status_code(status: str) -> int:
    return int(status) if status.isdigit() else 200


def _valid_examples(
    api: Api, schema: Mapping[str, Json], examples: tuple[Example, ...], pointer: str
) -> tuple[list[Example], list[Diagnostic]]:
    valid: list[Example] = []
    found: list[Diagnostic] = []
    for example in examples:
        problems = errors(api.spec, schema, example.value)
        if problems:
            where = f"{pointer}/examples/{pointer_escape(example.name)}"
            if example.name == "example":
                where = f"{pointer}/example"
            found.append(
                warning(
                    "render-example-invalid",
                    f"example {example.name!r} does not match its schema: {problems[0]}",
                    pointer=where,
                )
            )
        else:
            valid.append(example)
    return valid, found


def request_diagnostics(api: Api, op: Operation) -> list[Diagnostic]:
    """The request body's examples that do not match its schema."""
    if op.body is None:
        return []
    return _valid_examples(api, op.body.schema, op.body.examples, op.body.pointer)[1]


def memo_key(*parts: str) -> str:
    """The key of an operation's mock (and request checks) in a `Memo`, from the parts it is
    made from: the operation's id and the fingerprint of its exchange, in their context."""
    return digest("mock", *parts)


def cached_mock(
    memo: Memo, key: str, api: Api, op: Operation, envelope: Envelope
) -> tuple[Mock, list[Diagnostic]]:
    """`mock_for` and `request_diagnostics`, reused from `memo` while `key` (`memo_key`) is
    unchanged."""

    made: list[tuple[Mock, list[Diagnostic]]] = []

    def make() -> str:
        mock, found = mock_for(api, op, envelope)
        made.append((mock, request_diagnostics(api, op) + found))
        return _encoded(*made[0])

    text = memo.text(key, make)
    if made:  # made just now (and kept, unless JSON cannot carry its value exactly)
        return made[0]
    if not text:  # kept as uncacheable by an earlier run in this process: made again
        mock, found = mock_for(api, op, envelope)
        return mock, request_diagnostics(api, op) + found
    data = orjson.loads(text)
    mock = Mock(op.operation_id, data["status"], data["body"], data["value"], data["origin"])
    found = [Diagnostic(c, Severity(s), m, pointer=p) for c, s, m, p in data["found"]]
    return mock, found


def _encoded(mock: Mock, found: list[Diagnostic]) -> str:
    data = {
        "status": mock.status,
        "body": mock.has_body,
        "value": mock.value,
        "origin": mock.origin,
        "found": [[d.code, int(d.severity), d.message, d.pointer] for d in found],
    }
    try:
        text = orjson.dumps(data).decode()
    except TypeError:  # an integer beyond 64 bits, a key that is not a string
        return ""
    return text if orjson.loads(text)["value"] == mock.value else ""


def mock_for(api: Api, op: Operation, envelope: Envelope) -> tuple[Mock, list[Diagnostic]]:
    success = op.success
    status = status_code(success.status) if success else 200
    if success is None or success.schema is None:
        return Mock(op.operation_id, status, has_body=False, value=None, origin=""), []
    valid, found = _valid_examples(api, success.schema, success.examples, success.pointer)
    if valid:
        return Mock(op.operation_id, status, True, valid[0].value, valid[0].name), found
    value = sample(api.spec, success.schema)
    if isinstance(value, dict) and envelope.success_codes and envelope.code_field in value:
        value = {**value, envelope.code_field: envelope.success_codes[0]}
    problems = errors(api.spec, success.schema, value)
    if problems:
        found.append(
            warning(
                "render-mock-invalid",
                f"no valid example, and the value built from the schema fails: {problems[0]}",
                pointer=success.pointer,
            )
        )
    else:
        found.append(
            info(
                "render-mock-from-schema",
                f"{op.operation_id}: no documented example; the mock answers a value built "
                "from the schema",
                pointer=success.pointer,
            )
        )
    return Mock(op.operation_id, status, True, value, "schema"), found
