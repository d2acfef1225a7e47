"""The rule table: a stable kebab-case code, the check, a default severity, a one-line doc.

Layer 1 (openapi-spec-validator) and reading problems have codes here too, so that every code
a finding can carry is documented in one place (and listed in SARIF's `tool.driver.rules`).
Their checks yield nothing: the engine produces those findings itself.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.diagnostics import Severity
from generator.validate.rules.base import Problem, Rule, Spec
from generator.validate.rules.examples import default_invalid, example_invalid
from generator.validate.rules.operations import (
    header_parameter_reserved,
    operation_id_missing,
    operation_id_unique,
    operation_success_response,
    parameter_duplicate,
    path_parameter_undeclared,
    path_parameter_unused,
)
from generator.validate.rules.references import (
    component_unused,
    ref_unresolved,
    security_scheme_undefined,
)
from generator.validate.rules.schemas import (
    enum_type_mismatch,
    integer_format_missing,
    required_not_property,
)
from generator.validate.rules.text import server_variable_default, text_placeholder

E, W = Severity.ERROR, Severity.WARNING
SYNTAX = "syntax-error"
NOT_OPENAPI = "openapi-version"
STRUCTURE = "openapi-invalid"


def _engine(spec: Spec) -> Iterator[Problem]:
    """Findings of these codes are made by the engine, not by a check."""
    return iter(())


RULES: tuple[Rule, ...] = (
    Rule(SYNTAX, _engine, E, "The file is not parsable JSON or YAML."),
    Rule(NOT_OPENAPI, _engine, E, "The document is not OpenAPI 3.0 or 3.1 (no `openapi: 3.x`)."),
    Rule(
        STRUCTURE,
        _engine,
        E,
        "openapi-spec-validator: the OpenAPI schema or its own checks.",
        gates_generation=True,
    ),
    Rule("operation-id-missing", operation_id_missing, W, "Every operation has an operationId."),
    Rule(
        "operation-id-unique",
        operation_id_unique,
        E,
        "No two operations share an operationId.",
        gates_generation=True,
    ),
    Rule(
        "path-parameter-undeclared",
        path_parameter_undeclared,
        E,
        "Every `{variable}` of a path template is declared as an `in: path` parameter.",
        gates_generation=True,
    ),
    Rule(
        "path-parameter-unused",
        path_parameter_unused,
        E,
        "Every `in: path` parameter appears in its path template.",
    ),
    Rule(
        "parameter-duplicate",
        parameter_duplicate,
        E,
        "No parameter list declares the same name and location twice.",
        gates_generation=True,
    ),
    Rule(
        "operation-success-response",
        operation_success_response,
        W,
        "Every operation has a 2xx response with a schema (204 and 205 need none).",
    ),
    Rule(
        "ref-unresolved",
        ref_unresolved,
        E,
        "Every `$ref` resolves (local and relative files).",
        gates_generation=True,
    ),
    Rule("component-unused", component_unused, W, "Every component is referenced somewhere."),
    Rule(
        "required-not-property",
        required_not_property,
        W,
        "Every name in `required` is a property of the schema (or of its allOf/anyOf/oneOf).",
    ),
    Rule("enum-type-mismatch", enum_type_mismatch, E, "Every enum value has the schema's type."),
    Rule("example-invalid", example_invalid, E, "Every example validates against its schema."),
    Rule("default-invalid", default_invalid, E, "Every default validates against its schema."),
    Rule(
        "text-placeholder",
        text_placeholder,
        W,
        "No summary or description is empty or placeholder text (to-be-translate, TODO, XXXX).",
    ),
    Rule(
        "header-parameter-reserved",
        header_parameter_reserved,
        W,
        "No header parameter is named Authorization, Content-Type or Accept (they are ignored).",
    ),
    Rule(
        "security-scheme-undefined",
        security_scheme_undefined,
        E,
        "Every security requirement names a scheme of components/securitySchemes.",
        gates_generation=True,
    ),
    Rule(
        "server-variable-default",
        server_variable_default,
        E,
        "Every server variable has a default.",
        gates_generation=True,
    ),
    Rule(
        "integer-format-missing",
        integer_format_missing,
        W,
        "An integer whose source document said int32/int64 has that format (needs a source map).",
    ),
)

RULE_CODES: frozenset[str] = frozenset(r.code for r in RULES)

__all__ = ["NOT_OPENAPI", "RULES", "RULE_CODES", "STRUCTURE", "SYNTAX", "Problem", "Rule", "Spec"]
