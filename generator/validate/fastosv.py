"""openapi-spec-validator's own checks, run as they are, made linear on large specs.

Its schema walk (`SchemaValidator`, 0.9) remembers the schemas it has seen in two Python
lists and asks `id in list` for every schema it visits, which is quadratic: on GitHub's REST
description (tens of thousands of schema objects) that alone is most of its 15 seconds. The
subclasses below keep the same walk, registered through the validator's own extension point
(`keyword_validators`), with two changes that do not alter any verdict:

- the seen-sets are sets (`IdSet` keeps the list's `append`, which the walk calls);
- the per-schema meta-schema check first asks jsonschema-rs (already openapi-spec-validator's
  fast backend for the whole document); only a schema it rejects goes through the original
  jsonschema check, which then produces the error exactly as before.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import jsonschema_rs
from jsonschema_path.paths import SchemaPath
from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator
from openapi_spec_validator.validation import keywords


class IdSet(set[int]):
    """A set that the walk can `append` to, as it does to its list."""

    def append(self, item: int) -> None:
        self.add(item)


_FAST: dict[int, Callable[[Any], bool] | None] = {}


def _fast_check(meta_schema: Any) -> Callable[[Any], bool] | None:
    """jsonschema-rs's `is_valid` for a meta-schema (they are module constants: by identity)."""
    key = id(meta_schema)
    if key not in _FAST:
        try:
            _FAST[key] = jsonschema_rs.validator_for(meta_schema).is_valid
        except Exception:  # a dialect jsonschema-rs cannot load: the original check decides
            _FAST[key] = None
    return _FAST[key]


def _prechecked(slow: Callable[[Any], None], meta_schema: Any) -> Callable[[Any], None]:
    fast = _fast_check(meta_schema) if isinstance(meta_schema, Mapping) else None
    if fast is None:
        return slow

    def check(value: Any) -> None:
        if not fast(value):
            slow(value)

    return check


def _meta_schema_of(checker: Any) -> Any:
    """The meta-schema a `check_schema` (bound or partial) validates against, if it says."""
    func = getattr(checker, "func", checker)
    owner = getattr(func, "__self__", None)
    return getattr(owner, "META_SCHEMA", None)


def _linear(validator: keywords.SchemaValidator) -> None:
    validator.visited_schema_ids = IdSet()  # type: ignore[assignment]
    validator.meta_checked_schema_ids = IdSet()  # type: ignore[assignment]


class _Fast:
    """The two changes, for either version's schema validator (listed first among the bases)."""

    def __init__(self, registry: Any) -> None:
        super().__init__(registry)  # type: ignore[call-arg]
        _linear(self)  # type: ignore[arg-type]

    def _get_schema_checker(self, schema: SchemaPath, schema_value: Any) -> Callable[[Any], None]:
        slow = super()._get_schema_checker(schema, schema_value)  # type: ignore[misc]
        return _prechecked(slow, _meta_schema_of(slow))


class FastSchemaValidator30(_Fast, keywords.OpenAPIV30SchemaValidator):
    pass


class FastSchemaValidator31(_Fast, keywords.OpenAPIV31SchemaValidator):
    pass


def _with_schema(base: Mapping[str, type[keywords.KeywordValidator]], cls: type) -> Any:
    return {**base, "schema": cls}


class SpecValidator30(OpenAPIV30SpecValidator):
    keyword_validators = _with_schema(
        OpenAPIV30SpecValidator.keyword_validators, FastSchemaValidator30
    )


class SpecValidator31(OpenAPIV31SpecValidator):
    keyword_validators = _with_schema(
        OpenAPIV31SpecValidator.keyword_validators, FastSchemaValidator31
    )
