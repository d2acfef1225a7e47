"""Examples and defaults validate against their schemas (jsonschema, in the spec's dialect).

OpenAPI 3.0 schemas are a Draft 4 dialect with `nullable`, read/write-only and friends
(openapi-schema-validator's OAS30Validator, built on jsonschema); 3.1 schemas are JSON Schema
2020-12 (OAS31Validator). The whole spec is registered as one resource, so every local `$ref`
(`#/components/schemas/X`) resolves. Formats are not asserted (they are annotations in 2020-12).
One problem per example: jsonschema's best match, located inside the example value.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from jsonschema.exceptions import ValidationError, best_match
from openapi_schema_validator import OAS30Validator, OAS31Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4, DRAFT202012

from generator.validate.messages import describe
from generator.validate.rules.base import Problem, Spec
from generator.validate.walk import child

_BASE = "urn:doc2openapi:spec"


def example_invalid(spec: Spec) -> Iterator[Problem]:
    schemas = _Schemas(spec)
    for example in spec.examples():
        found = schemas.first_error(example.schema_at, example.value)
        if found is not None:
            yield _problem(example.at, "example", found)


def default_invalid(spec: Spec) -> Iterator[Problem]:
    schemas = _Schemas(spec)
    for at, schema in spec.schemas():
        if "default" not in schema:
            continue
        if schema["default"] is None and schema.get("nullable") is True:
            continue
        found = schemas.first_error(at, schema["default"])
        if found is not None:
            yield _problem(child(at, "default"), "default", found)


@dataclass(slots=True)
class _Schemas:
    """One validator per schema pointer, all sharing a registry holding the whole spec."""

    spec: Spec
    _registry: Registry[Any] | None = None
    _validators: dict[str, Any] = field(default_factory=dict)

    def first_error(self, schema_at: str, value: Any) -> ValidationError | None:
        try:
            errors = self._validator(schema_at).iter_errors(value)
            found: ValidationError | None = best_match(errors)
            return found
        except Exception:  # a broken schema is reported by other rules
            return None

    def _validator(self, schema_at: str) -> Any:
        validator = self._validators.get(schema_at)
        if validator is None:
            cls = OAS30Validator if self.spec.version == "3.0" else OAS31Validator
            ref = {"$ref": f"{_BASE}#{quote(schema_at, safe='/~')}"}
            validator = cls(ref, registry=self._shared_registry())
            self._validators[schema_at] = validator
        return validator

    def _shared_registry(self) -> Registry[Any]:
        if self._registry is None:
            dialect = DRAFT4 if self.spec.version == "3.0" else DRAFT202012
            resource: Resource[Any] = dialect.create_resource(self.spec.data)
            self._registry = Registry().with_resource(_BASE, resource)
        return self._registry


def _problem(at: str, what: str, error: ValidationError) -> Problem:
    where = child(at, *error.absolute_path)
    return Problem(where, f"{what} does not match its schema: {describe(error)}")
