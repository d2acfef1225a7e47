"""The datamodel-code-generator adapter: pinned, deterministic, envelopes kept typed."""

from __future__ import annotations

import ast
from pathlib import Path

import yaml

from generator.render.models import HEADER, class_names_for, render_models
from generator.render.spec import read_api

ROOT = Path(__file__).resolve().parents[2]


def _spec(name: str) -> dict[str, object]:
    spec: dict[str, object] = yaml.safe_load(
        (ROOT / "spec" / name / "openapi.yaml").read_text(encoding="utf-8")
    )
    return spec


def _fields(code: str, class_name: str) -> dict[str, str]:
    tree = ast.parse(code)
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == class_name)
    return {
        node.target.id: ast.unparse(node.annotation)
        for node in cls.body
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name)
    }


def test_envelope_subtypes_keep_their_own_field_types() -> None:
    models = render_models(read_api(_spec("im-user")))
    boolean = _fields(models.code, "BooleanResponse")
    assert boolean["data"] == "Annotated[bool | MISSING, Field(description='Result data')]"
    assert set(boolean) == {"code", "data", "message"}
    assert models.code.startswith(HEADER) and "datamodel-codegen" not in models.code


def test_inline_bodies_and_responses_get_operation_names() -> None:
    models = render_models(read_api(_spec("agora-chat")))
    assert models.requests["postUsers"] == "PostUsersRequest"
    assert models.responses["getUsers"] == "GetUsersResponse"
    assert "PostUsersRequest" in models.class_names


def test_output_is_identical_across_runs() -> None:
    api = read_api(_spec("tencent-im"))
    assert render_models(api).code == render_models(api).code


def test_component_names_become_safe_class_names() -> None:
    names = class_names_for({'Evil"Name': {}, "BaseModel": {}, "User": {}, "user": {}})
    assert names == {
        'Evil"Name': "EvilName",
        "BaseModel": "BaseModelModel",
        "User": "User",
        "user": "User2",  # datamodel-codegen would turn User_2 into User2 itself
    }
