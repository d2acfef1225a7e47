"""Shared shapes become shared models; discriminated variants stay where they are."""

from __future__ import annotations

from generator.render.hoist import alias_copies, hoist_shared

PERMISSIONS = {"type": "object", "properties": {"admin": {"type": "boolean"}}}
REF = {"$ref": "#/components/schemas/RepoPermissions"}


def test_an_inline_object_met_twice_becomes_one_schema_named_after_its_first_place() -> None:
    schemas = {
        "Repo": {"type": "object", "properties": {"permissions": PERMISSIONS}},
        "Team": {
            "type": "object",
            "properties": {"repos": {"type": "array", "items": PERMISSIONS}},
        },
    }
    assert hoist_shared(schemas) == {
        "RepoPermissions": PERMISSIONS,
        "Repo": {"type": "object", "properties": {"permissions": REF}},
        "Team": {"type": "object", "properties": {"repos": {"type": "array", "items": REF}}},
    }


def test_an_array_item_is_named_in_the_singular() -> None:
    schemas = {
        "A": {"type": "object", "properties": {"entities": {"items": PERMISSIONS}}},
        "B": {"type": "object", "properties": {"x": PERMISSIONS}},
    }
    assert "AEntity" in hoist_shared(schemas)


def test_objects_met_once_and_discriminated_variants_stay_inline() -> None:
    tagged = {
        "oneOf": [PERMISSIONS, PERMISSIONS],
        "discriminator": {"propertyName": "admin"},
    }
    schemas = {"Once": {"type": "object", "properties": {"p": PERMISSIONS}}, "Tagged": tagged}
    assert hoist_shared(schemas) == schemas


def test_a_lifted_schema_equal_to_an_earlier_one_takes_its_model() -> None:
    schemas = {"AResponse": PERMISSIONS, "BResponse": dict(PERMISSIONS), "CResponse": {}}
    assert alias_copies(schemas, ["AResponse", "BResponse", "CResponse"]) == {
        "BResponse": "AResponse"
    }
