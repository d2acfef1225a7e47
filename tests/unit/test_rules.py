"""One bad fixture per rule (tests/fixtures/bad/): exactly that code, at that pointer, line
and column, and nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diagnostics import Diagnostic, Severity
from generator.validate import validate_file, validate_spec, validate_text
from generator.validate.rules import RULES

BAD = Path(__file__).resolve().parents[1] / "fixtures" / "bad"
OP = "/paths/~1pets/get"
JSON_BODY = "/responses/200/content/application~1json"

CASES = [
    ("syntax-error.yaml", "syntax-error", None, 8, 1),
    ("openapi-version.yaml", "openapi-version", "/", 1, 1),
    ("openapi-invalid.yaml", "openapi-invalid", f"{OP}/responses/200/description", 11, 11),
    ("operation-id-missing.yaml", "operation-id-missing", OP, 7, 5),
    ("operation-id-unique.yaml", "operation-id-unique", "/paths/~1pets/post/operationId", 17, 7),
    ("operation-id-unique.json", "operation-id-unique", "/paths/~1pets/post/operationId", 11, 9),
    (
        "path-parameter-undeclared.yaml",
        "path-parameter-undeclared",
        "/paths/~1pets~1{petId}/get",
        7,
        5,
    ),
    ("path-parameter-unused.yaml", "path-parameter-unused", f"{OP}/parameters/0", 10, 9),
    ("parameter-duplicate.yaml", "parameter-duplicate", f"{OP}/parameters/1", 14, 9),
    (
        "operation-success-response.yaml",
        "operation-success-response",
        f"{OP}/responses/200",
        10,
        9,
    ),
    ("ref-unresolved.yaml", "ref-unresolved", f"{OP}{JSON_BODY}/schema/$ref", 15, 17),
    ("component-unused.yaml", "component-unused", "/components/schemas/Owner", 20, 5),
    (
        "required-not-property.yaml",
        "required-not-property",
        f"{OP}{JSON_BODY}/schema/required/1",
        16,
        34,
    ),
    ("enum-type-mismatch.yaml", "enum-type-mismatch", f"{OP}/parameters/0/schema/enum/2", 14, 24),
    (
        "example-invalid.yaml",
        "example-invalid",
        f"{OP}{JSON_BODY}/examples/rex/value/age",
        20,
        21,
    ),
    ("example-invalid-30.yaml", "example-invalid", f"{OP}{JSON_BODY}/example/name", 24, 17),
    ("default-invalid.yaml", "default-invalid", f"{OP}/parameters/0/schema/default", 14, 11),
    ("text-placeholder.yaml", "text-placeholder", f"{OP}/summary", 9, 7),
    (
        "header-parameter-reserved.yaml",
        "header-parameter-reserved",
        f"{OP}/parameters/0/name",
        10,
        9,
    ),
    (
        "security-scheme-undefined.yaml",
        "security-scheme-undefined",
        f"{OP}/security/0/apiKey",
        10,
        9,
    ),
    (
        "server-variable-default.yaml",
        "server-variable-default",
        "/servers/0/variables/region",
        8,
        5,
    ),
    (
        "integer-format-missing.yaml",
        "integer-format-missing",
        f"{OP}{JSON_BODY}/schema/properties/id",
        17,
        19,
    ),
]


def _where(d: Diagnostic) -> tuple[str, str | None, int, int]:
    assert d.span is not None
    return (d.code, d.pointer, d.span.line, d.span.column)


@pytest.mark.parametrize(("name", "code", "pointer", "line", "column"), CASES)
def test_each_bad_fixture_yields_exactly_its_finding(
    name: str, code: str, pointer: str | None, line: int, column: int
) -> None:
    found = validate_file(BAD / name)
    assert [_where(d) for d in found] == [(code, pointer, line, column)]
    assert found[0].span is not None and found[0].span.file == (BAD / name).as_posix()


def test_every_rule_of_the_table_has_a_bad_fixture() -> None:
    assert {code for _, code, *_ in CASES} == {rule.code for rule in RULES}


def test_default_severities_come_from_the_table() -> None:
    levels = {rule.code: rule.default_severity for rule in RULES}
    found = {d.code: d.severity for case in CASES for d in validate_file(BAD / case[0])}
    assert found == levels
    assert levels["component-unused"] == Severity.WARNING
    assert levels["example-invalid"] == Severity.ERROR


def test_the_source_map_beside_the_spec_names_the_source_line() -> None:
    (found,) = validate_file(BAD / "integer-format-missing.yaml")
    assert found.origin is not None
    assert (found.origin.file, found.origin.line) == ("tests/fixtures/bad/sources/pets.md", 12)
    assert found.message == "integer without format: the source document says int64 (int64)"


def test_the_first_duplicate_is_named_as_related() -> None:
    (found,) = validate_file(BAD / "operation-id-unique.yaml")
    assert [(s.line, s.column) for s in found.related] == [(8, 7)]


def test_a_204_response_needs_no_schema() -> None:
    found = validate_file(BAD / "operation-success-response.yaml")
    assert [d.pointer for d in found] == [f"{OP}/responses/200"]


SPEC_30 = """\
openapi: 3.0.3
info: {title: T, version: '1'}
paths:
  /pets/{id}:
    parameters:
    - {name: id, in: path, required: true, schema: {type: string}}
    get:
      operationId: getPet
      responses:
        default: {$ref: '#/components/responses/Error'}
        '200':
          description: OK
          content:
            application/json:
              schema:
                allOf:
                - $ref: '#/components/schemas/Named'
                - required: [name]
              example: {name: Rex, tag: null}
components:
  responses:
    Error: {description: Error}
  schemas:
    Named:
      type: object
      properties:
        name: {type: string}
        tag: {type: string, nullable: true, example: 'TODO: is data, not text'}
        default: {$ref: '#/components/schemas/Other'}
    Other: {type: string, enum: [a, b]}
"""


def test_a_clean_30_spec_has_no_findings() -> None:
    """Path-level parameters, required through allOf, nullable examples, a `default`
    response and a property named `default` holding a $ref, placeholder-like example data."""
    assert validate_text(SPEC_30, "clean.yaml") == []


def test_in_memory_findings_are_placed_at_the_source_document() -> None:
    from generator.diagnostics import Span
    from generator.validate.walk import child

    spec = {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1"},
        "paths": {"/a": {"get": {"operationId": "a", "responses": {"200": {"description": 5}}}}},
    }
    op = child("/paths", "/a", "get")
    found = validate_spec(spec, {op: (Span("doc.md", 7),)})
    assert [(d.code, d.pointer, d.span) for d in found if d.severity == Severity.ERROR] == [
        ("openapi-invalid", f"{op}/responses/200/description", Span("doc.md", 7))
    ]


@pytest.mark.parametrize(
    ("text", "code", "line", "message"),
    [
        ("", "syntax-error", 1, "empty document"),
        ("a: &x [*x]\n", "syntax-error", 1, "an alias refers to a node that contains it"),
        ("[" * 600 + "]" * 600, "syntax-error", 1, "nested deeper than 500 levels"),
        ("- 1\n", "openapi-version", 1, "not an OpenAPI document"),
        ("openapi: 3.2.0\n", "openapi-version", 1, "OpenAPI 3.2.0 is not supported"),
        ("openapi: 3.1.0\npaths: []\n", "openapi-invalid", 1, "'info' is a required property"),
    ],
)
def test_bad_documents_are_findings_not_tracebacks(
    text: str, code: str, line: int, message: str
) -> None:
    found = validate_text(text, "bad.yaml")
    assert found[0].span is not None
    assert (found[0].code, found[0].span.line) == (code, line)
    assert found[0].message.startswith(message)
