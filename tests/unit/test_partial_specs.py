"""A problem in one section never discards the others: partial specs, operations the
validator refuses left out at their line, nothing lost silently."""

from __future__ import annotations

from typing import Any

from generator.diagnostics import Span, error
from generator.pipeline import drop_refused_components, drop_refused_operations, import_sources
from generator.sources import Source

TWO_SECTIONS = """## Get a user

GET /users/{id}

### Request Header

| Parameter name | Data Type | Required | Description |
| --- | --- | --- | --- |
| app_id | string | true | App |
| app_id | string | true | App again |

## Orders

| Parameter name | Data Type |
| --- | --- |
| order_id | string |

## List users

GET /users
"""


def test_everything_understood_is_kept_and_the_rest_reported() -> None:
    result = import_sources([Source("p.md", TWO_SECTIONS)])
    assert result.spec is not None and result.ok
    assert sorted(result.spec["paths"]) == ["/users", "/users/{id}"]
    found = {(d.code, d.span.line if d.span else 0) for d in result.diagnostics}
    assert ("parameter-listed-twice", 10) in found
    assert ("section-no-endpoint", 12) not in found  # after an endpoint: an aside, not lost
    assert ("table-kept-as-note", 14) in found


def _spec() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "paths": {
            "/a/{id}": {"get": {"responses": {}}, "put": {"responses": {}}},
            "/b": {"get": {"responses": {}}},
        },
    }


def test_operations_the_validator_refuses_are_left_out_with_an_error() -> None:
    spec = _spec()
    sourcemap: dict[str, tuple[Span, ...]] = {
        "/paths/~1a~1{id}/get": (Span("p.md", 3),),
        "/paths/~1a~1{id}/get/parameters/0": (Span("p.md", 9),),
        "/paths/~1b/get": (Span("p.md", 20),),
    }
    refused = [
        error(
            "path-parameter-unused",
            "x is not in the path",
            Span("p.md", 9),
            pointer="/paths/~1a~1{id}/get/parameters/0",
        ),
        error(
            "parameter-duplicate",
            "y is declared twice",
            Span("p.md", 10),
            pointer="/paths/~1b/get/parameters/1",
        ),
    ]
    left_out = drop_refused_operations(spec, sourcemap, refused)
    assert spec["paths"] == {"/a/{id}": {"put": {"responses": {}}}}
    assert sorted(sourcemap) == []
    assert [d.render() for d in left_out] == [
        "p.md:3: error operation-left-out: GET /a/{id} left out of the spec: "
        "x is not in the path (see p.md:9)",
        "p.md:20: error operation-left-out: GET /b left out of the spec: "
        "y is declared twice (see p.md:10)",
    ]


def test_a_page_without_any_endpoint_writes_nothing() -> None:
    result = import_sources(
        [Source("p.md", "## Orders\n\n| Field | Type |\n| --- | --- |\n| a | string |\n")]
    )
    assert result.spec is None and not result.ok
    assert [d.code for d in result.diagnostics] == ["section-no-endpoint", "no-operations"]


def test_components_the_validator_refuses_are_emptied_or_left_out() -> None:
    spec: dict[str, Any] = {
        "security": [{"bad key": []}, {"good": []}],
        "paths": {"/a": {"get": {"security": [{"bad key": []}]}}},
        "components": {
            "schemas": {"Pet": {"type": "object", "enum": [{}]}, "Tag": {"type": "string"}},
            "securitySchemes": {"bad key": {"type": "apiKey"}, "good": {"type": "http"}},
        },
    }
    refused = [
        error(
            "enum-type-mismatch",
            "enum value {} is wrong",
            Span("p.md", 7),
            pointer="/components/schemas/Pet/enum/0",
        ),
        error(
            "openapi-invalid",
            "'name' is a required property",
            Span("p.md", 3),
            pointer="/components/securitySchemes/bad key",
        ),
    ]
    found = drop_refused_components(spec, refused)
    assert spec["components"]["schemas"]["Pet"] == {
        "description": "Left untyped: enum value {} is wrong"
    }
    assert spec["components"]["schemas"]["Tag"] == {"type": "string"}
    assert list(spec["components"]["securitySchemes"]) == ["good"]
    assert spec["security"] == [{"good": []}]
    assert spec["paths"]["/a"]["get"]["security"] == []
    assert [d.render() for d in found] == [
        "p.md:7: error component-left-out: schemas 'Pet' left untyped: enum value {} is wrong",
        "p.md:3: error component-left-out: securitySchemes 'bad key' left out: "
        "'name' is a required property",
    ]
