"""View-models: spec reading, envelope detection, mocks, Python types, server/client/docs views."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from generator.render import pytypes
from generator.render.client import client_view
from generator.render.common import param_views
from generator.render.docs import DocsOptions, blocks, doc_operation, docs_view
from generator.render.envelope import detect
from generator.render.fields import field_rows
from generator.render.mocks import mock_for
from generator.render.models import render_models
from generator.render.served import served_spec
from generator.render.server import server_view
from generator.render.spec import Api, read_api

ROOT = Path(__file__).resolve().parents[2]


def _api(name: str) -> Api:
    return read_api(yaml.safe_load((ROOT / "spec" / name / "openapi.yaml").read_text("utf-8")))


def _tiny(**operation: Any) -> Api:
    return read_api(
        {
            "openapi": "3.1.0",
            "info": {"title": "T", "version": "1"},
            "paths": {"/x/{id}": {"get": {"operationId": "getX", **operation}}},
        }
    )


def test_envelope_is_detected_from_the_spec() -> None:
    im = detect(_api("im-user"))
    assert (im.code_field, im.message_field, im.success_codes) == ("code", "message", (200,))
    tencent = detect(_api("tencent-im"))
    assert (tencent.code_field, tencent.message_field) == ("ErrorCode", "ErrorInfo")
    assert tencent.success_codes == (0,)
    assert tencent.error_body(401, "no") == {
        "ActionStatus": "FAIL",
        "ErrorCode": 401,
        "ErrorInfo": "no",
    }
    agora = detect(_api("agora-chat"))
    assert not agora.detected and agora.error_body(422, "x") == {"code": 422, "message": "x"}


def test_mock_prefers_a_valid_example_and_reports_invalid_ones() -> None:
    api = _tiny(
        responses={
            "200": {
                "description": "OK",
                "content": {
                    "application/json": {
                        "schema": {"type": "object", "properties": {"n": {"type": "integer"}}},
                        "examples": {"bad": {"value": {"n": "x"}}, "good": {"value": {"n": 2}}},
                    }
                },
            }
        }
    )
    mock, found = mock_for(api, api.operations[0], detect(api))
    assert (mock.value, mock.origin, mock.status) == ({"n": 2}, "good", 200)
    assert [d.code for d in found] == ["render-example-invalid"]
    assert found[0].pointer is not None and found[0].pointer.endswith("/examples/bad")


def test_mock_from_schema_respects_bounds_and_the_success_code() -> None:
    api = _api("im-user")
    op = next(o for o in api.operations if o.operation_id == "getUserSettings")
    mock, found = mock_for(api, op, detect(api))
    assert mock.origin == "schema" and mock.value["code"] == 200
    assert 0 <= mock.value["data"]["no_push_end_hour"] <= 23
    assert [d.code for d in found] == ["render-mock-from-schema"]


def test_parameter_types_and_constraints() -> None:
    enum = {"type": "integer", "format": "int32", "enum": [0, 1]}
    assert pytypes.plain(enum).code == "Literal[0, 1]"
    parsed = pytypes.from_text(enum)
    assert parsed.code == "Annotated[Literal[0, 1], BeforeValidator(params.to_int)]"
    assert (".", "params") in parsed.imports
    assert pytypes.plain({"type": "array", "items": {"type": "string"}}).code == "list[str]"
    bounds = {
        c.keyword: c.value for c in pytypes.constraints({"type": "integer", "format": "int64"})
    }
    assert bounds == {"ge": -(2**63), "le": 2**63 - 1}
    assert pytypes.constraints({"type": "string", "pattern": "("}) == ()


def test_parameter_names_become_unique_identifiers_with_aliases() -> None:
    api = _tiny(
        parameters=[
            {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
            {"name": "access-token", "in": "header", "schema": {"type": "string"}},
            {"name": "access_token", "in": "query", "schema": {"type": "string"}},
            {"name": "body", "in": "query", "schema": {"type": "integer", "default": 3}},
        ],
        responses={"204": {"description": "none"}},
    )
    views = param_views(api.operations[0])
    assert [(v.ident, v.name) for v in views] == [
        ("id_", "id"),
        ("access_token", "access-token"),
        ("access_token_2", "access_token"),
        ("body_2", "body"),
    ]
    assert views[3].has_default and views[3].plain.code == "int"
    assert views[1].plain.code == "str | None"


def test_server_view_routes_security_and_served_spec() -> None:
    api = _api("agora-chat")
    models = render_models(api)
    envelope = detect(api)
    mocks = {op.operation_id: mock_for(api, op, envelope)[0] for op in api.operations}
    view = server_view(api, models, envelope, mocks)
    assert [r.module for r in view.routers] == ["user_system_registration"]
    first = view.operations[0]
    assert (first.function, first.route, first.requirement) == (
        "get_users",
        "/{org_name}/{app_name}/users",
        "requirement_1",
    )
    assert view.schemes[0].fastapi_class == "HTTPBearer"
    served = served_spec(api, envelope)
    responses = served["paths"]["/{org_name}/{app_name}/users"]["get"]["responses"]
    assert set(responses) == {"200", "401", "422"}
    assert "401" not in api.spec["paths"]["/{org_name}/{app_name}/users"]["get"]["responses"]


def test_client_view_credentials_and_base_url() -> None:
    api = _api("tencent-im")
    view = client_view(api, render_models(api), detect(api))
    assert view.default_base_url == "https://console.tim.qq.com"
    assert [(s.argument, s.kind, s.location) for s in view.schemes] == [("usersig", "key", "query")]
    assert view.success_codes == (0,)


def test_docs_view_tables_depth_enums_and_sources() -> None:
    api = _api("im-user")
    options = DocsOptions(source_base="../../../spec/im-user/")
    view = docs_view(api, options)
    entry = next(o for o in view.operations if o.operation_id == "getUserDeviceList")
    found = next(o for o in api.operations if o.operation_id == "getUserDeviceList")
    op = doc_operation(api, found, entry, options)
    assert (op.anchor, op.page, op.method) == ("get-user-device-list", "user_action.md", "GET")
    response = op.responses[0]
    platform = next(r for r in response.fields if r.name == "platform")
    assert platform.depth == 1 and platform.enum[0] == ("1", "ios")
    assert op.sources[0].href == "../../../spec/im-user/sources/000_71eee0da8979026f.txt#L317"
    assert view.links_leave_site
    first = docs_view(api, DocsOptions()).operations[0]
    plain = doc_operation(api, api.operations[0], first, DocsOptions())
    assert plain.sources[0].href is None


def test_description_tables_are_kept_as_tables() -> None:
    found = blocks("Intro line\n| A | B |\n| --- | --- |\n| 1 | x |\n\nAfter")
    assert [b.lines for b in found] == [("Intro line",), (), ("After",)]
    assert found[1].header == ("A", "B") and found[1].rows == (("1", "x"),)


def test_field_rows_follow_refs_without_looping() -> None:
    spec = {
        "components": {
            "schemas": {
                "Node": {
                    "type": "object",
                    "properties": {"next": {"$ref": "#/components/schemas/Node"}},
                }
            }
        }
    }
    rows = field_rows(spec, {"$ref": "#/components/schemas/Node"})
    assert [(r.depth, r.name) for r in rows] == [(0, "next")]
