"""What the mock server answers: the first documented example that validates, else a sample.

Every example of the spec is checked against its schema (request and response alike); one that
does not validate is reported (`render-example-invalid`) and never served. A sample built from
the schema carries the envelope's success code, so the generated client accepts it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from generator.diagnostics import Diagnostic, info, warning
from generator.pointer import escape as pointer_escape
from generator.render.envelope import Envelope
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


def request_diagnostics(api: Api) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for op in api.operations:
        if op.body is not None:
            found += _valid_examples(api, op.body.schema, op.body.examples, op.body.pointer)[1]
    return found


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
