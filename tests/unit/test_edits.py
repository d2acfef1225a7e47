"""fmt (canonical form), overlays (apply, capture) and diff (breaking changes)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from generator.edits.canonical import canonical
from generator.edits.overlay import Action, Overlay, apply, capture, overlay_from, target_of
from generator.edits.specdiff import diff_specs
from generator.emit.yamlio import dump, load

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "spec").glob("*/openapi.yaml"))


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.parent.name)
def test_fmt_is_idempotent_and_keeps_meaning(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    shuffled = load(text)
    shuffled = dict(reversed(list(shuffled.items())))
    once = dump(canonical(shuffled))
    assert load(once) == load(text)
    assert dump(canonical(load(once))) == once
    assert once == text  # the importer's output is already canonical


def test_fmt_orders_known_objects_and_keeps_property_order() -> None:
    doc = {
        "paths": {
            "/b": {
                "get": {
                    "responses": {"default": {"description": "x"}, "200": {"description": "ok"}},
                    "operationId": "b",
                }
            },
            "/a": {},
        },
        "info": {"version": "1", "title": "t"},
        "openapi": "3.1.0",
        "components": {"schemas": {"Z": {"properties": {"z": {}, "a": {}}, "type": "object"}}},
    }
    out = canonical(doc)
    assert list(out) == ["openapi", "info", "paths", "components"]
    assert list(out["info"]) == ["title", "version"]
    assert list(out["paths"]) == ["/a", "/b"]
    assert list(out["paths"]["/b"]["get"]) == ["operationId", "responses"]
    assert list(out["paths"]["/b"]["get"]["responses"]) == ["200", "default"]
    assert list(out["components"]["schemas"]["Z"]) == ["type", "properties"]
    assert list(out["components"]["schemas"]["Z"]["properties"]) == ["z", "a"]


def test_targets_quote_what_json_path_needs() -> None:
    assert target_of(["paths", "/user/list", "get", "x-source", 0]) == (
        "$.paths['/user/list'].get['x-source'][0]"
    )
    assert target_of(["a", "it's"]) == "$.a['it\\'s']"


def test_apply_follows_overlay_semantics() -> None:
    doc = {"info": {"title": "t", "x": {"a": 1}}, "tags": [{"name": "a"}], "paths": {"/p": {}}}
    overlay = Overlay(
        "o",
        actions=(
            Action("$.info", update={"x": {"b": 2}, "title": "T"}),
            Action("$.tags", update={"name": "b"}),
            Action("$.paths['/p']", remove=True),
            Action("$.tags[?(@.name=='a')]", update={"description": "first"}),
            Action("$.nothing", update={"a": 1}),
        ),
    )
    result, counts = apply(doc, overlay)
    assert result == {
        "info": {"title": "T", "x": {"a": 1, "b": 2}},
        "tags": [{"name": "a", "description": "first"}, {"name": "b"}],
        "paths": {},
    }
    assert counts == [1, 1, 1, 1, 0]
    assert doc["paths"] == {"/p": {}}  # the input is not modified


def test_capture_then_apply_reproduces_the_edit() -> None:
    before = load((ROOT / "spec/im-user/openapi.yaml").read_text(encoding="utf-8"))
    after = copy.deepcopy(before)
    after["info"]["title"] = "Renamed"
    after["paths"]["/user/list"]["get"]["parameters"].pop()
    after["components"]["schemas"]["UserSettings"]["properties"]["id"] = {"type": "string"}
    del after["paths"]["/user/kick"]
    actions = capture(before, after)
    result, counts = apply(before, Overlay("o", actions=tuple(actions)))
    assert result == after and all(counts)
    round_trip = overlay_from(load(dump(Overlay("o", actions=tuple(actions)).as_dict())))
    assert apply(before, round_trip)[0] == after


def test_overlay_document_is_checked() -> None:
    with pytest.raises(ValueError, match="not an Overlay"):
        overlay_from({"openapi": "3.1.0"})
    with pytest.raises(ValueError, match="action 1 has no target"):
        overlay_from({"overlay": "1.0.0", "actions": [{"update": {}}]})


def _spec() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/items/{id}": {
                "get": {
                    "parameters": [
                        {
                            "name": "id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        },
                        {
                            "name": "q",
                            "in": "query",
                            "schema": {"type": "string", "enum": ["a", "b"]},
                        },
                    ],
                    "requestBody": {
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {"n": {"type": "integer"}},
                                }
                            }
                        }
                    },
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Item"}
                                }
                            },
                        }
                    },
                }
            }
        },
        "components": {
            "schemas": {
                "Item": {
                    "type": "object",
                    "properties": {"name": {"type": "string"}, "size": {"type": "integer"}},
                }
            }
        },
    }


def _breaking(change: Any) -> list[str]:
    old = _spec()
    new = _spec()
    change(new)
    return [c.code for c in diff_specs(old, new) if c.breaking]


def _op(spec: dict[str, Any]) -> dict[str, Any]:
    op: dict[str, Any] = spec["paths"]["/items/{id}"]["get"]
    return op


def test_no_change_no_finding() -> None:
    assert diff_specs(_spec(), _spec()) == []


def test_removed_operation_is_breaking() -> None:
    assert _breaking(lambda s: s["paths"].clear()) == ["operation-removed"]


def test_parameter_that_became_required_is_breaking() -> None:
    assert _breaking(lambda s: _op(s)["parameters"][1].update(required=True)) == [
        "parameter-became-required"
    ]


def test_new_required_parameter_is_breaking_an_optional_one_is_not() -> None:
    def add(required: bool) -> Any:
        return lambda s: _op(s)["parameters"].append(
            {"name": "x", "in": "query", "required": required, "schema": {"type": "string"}}
        )

    assert _breaking(add(True)) == ["parameter-added-required"]
    assert _breaking(add(False)) == []


def test_changed_type_is_breaking() -> None:
    def change(s: dict[str, Any]) -> None:
        s["components"]["schemas"]["Item"]["properties"]["size"] = {"type": "string"}

    assert _breaking(change) == ["type-changed"]


def test_narrowed_enum_is_breaking() -> None:
    assert _breaking(lambda s: _op(s)["parameters"][1]["schema"].update(enum=["a"])) == [
        "enum-narrowed"
    ]


def test_removed_response_property_is_breaking() -> None:
    def change(s: dict[str, Any]) -> None:
        del s["components"]["schemas"]["Item"]["properties"]["name"]

    assert _breaking(change) == ["property-removed"]


def test_request_body_that_became_required_is_breaking() -> None:
    assert _breaking(lambda s: _op(s)["requestBody"].update(required=True)) == [
        "request-body-became-required"
    ]
