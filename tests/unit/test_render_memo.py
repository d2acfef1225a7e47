"""Reusing pieces of a previous generation: fingerprints that change exactly where the input
did, and a memo that gives the very files a fresh generation gives."""

from __future__ import annotations

import copy
import json
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
import yaml

from generator.render import client, server
from generator.render.fingerprint import fingerprints
from generator.render.generate import generate
from generator.render.lazy import Lazy
from generator.render.memo import Memo, stamp
from generator.render.spec import METHODS, Operation

ROOT = Path(__file__).resolve().parents[2]


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _spec() -> dict[str, Any]:
    def op(schema: dict[str, str]) -> dict[str, Any]:
        content = {"application/json": {"schema": schema}}
        return {"responses": {"200": {"description": "ok", "content": content}}}

    return {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1"},
        "paths": {
            "/a": {"get": op(_ref("A"))},
            "/c": {"get": op(_ref("C"))},
            "/d": {"get": op(_ref("D")), "parameters": [{"$ref": "#/components/parameters/P"}]},
        },
        "components": {
            "schemas": {
                "A": {"type": "object", "properties": {"b": _ref("B")}},
                "B": {"type": "string"},
                "C": {"type": "integer"},
                "D": {"type": "object", "properties": {"e": _ref("E")}},
                "E": {"type": "object", "properties": {"d": _ref("D")}},
            },
            "parameters": {"P": {"name": "p", "in": "query", "schema": {"type": "string"}}},
        },
    }


def _ops(spec: dict[str, Any]) -> dict[str, str]:
    found = fingerprints(spec, METHODS)
    return {path: found.operation(path, "get") for path in ("/a", "/c", "/d")}


def test_a_schema_change_reaches_the_operations_that_use_it_transitively() -> None:
    spec = _spec()
    before = _ops(spec)
    spec["components"]["schemas"]["B"]["maxLength"] = 3
    after = _ops(spec)
    assert [before[p] != after[p] for p in ("/a", "/c", "/d")] == [True, False, False]


def test_a_cycle_is_one_group_and_a_parameter_component_counts() -> None:
    spec = _spec()
    found = fingerprints(spec, METHODS)
    assert found.components["schemas/D"] == found.components["schemas/E"]
    before = _ops(spec)
    spec["components"]["schemas"]["E"]["description"] = "changed"
    assert [before[p] != v for p, v in _ops(spec).items()] == [False, False, True]
    spec["components"]["parameters"]["P"]["required"] = True
    assert _ops(spec)["/d"] != _ops(_spec())["/d"]


def test_the_global_parts_change_every_operation() -> None:
    spec = _spec()
    before = _ops(spec)
    spec["info"]["title"] = "Other"
    assert all(before[p] != v for p, v in _ops(spec).items())


def _seed() -> dict[str, Any]:
    text = (ROOT / "spec" / "im-user" / "openapi.yaml").read_text("utf-8")
    loaded: dict[str, Any] = yaml.safe_load(text)
    return loaded


def test_a_warm_memo_gives_the_same_files_and_reuses_every_piece() -> None:
    spec = _seed()
    fresh = generate(spec, source_base="../")
    first = Memo(stamp=stamp(None))
    assert generate(spec, source_base="../", memo=first) == fresh
    # 66 operations: 9 pieces each (docs section, mock, 2 client methods, handler and mock
    # methods, route, the server's and the client's facts), an examples entry each (all
    # answer a body), the models
    assert first.made == len(first.kept) == 9 * 66 + 66 + 1
    second = Memo(first.kept, stamp(None))
    assert generate(spec, source_base="../", memo=second) == fresh
    assert second.made == 0


def test_after_a_one_operation_edit_only_that_operation_is_made_again() -> None:
    spec = _seed()
    warm = Memo(stamp=stamp(None))
    generate(spec, memo=warm)
    edited = copy.deepcopy(spec)
    path, item = next(iter(edited["paths"].items()))
    method = next(m for m in METHODS if m in item)
    item[method]["summary"] = "Edited summary"
    again = Memo(warm.kept, stamp(None))
    assert generate(edited, memo=again) == generate(edited)
    # its docs section, two client methods, handler and mock methods, route and both facts:
    # not its mock, which is made from the request body and the responses only
    assert again.made == 8, (path, method)
    item[method]["responses"]["200"]["description"] = "Edited answer"
    third = Memo(again.kept, stamp(None))
    assert generate(edited, memo=third) == generate(edited)
    # the same 8, its mock and its examples entry (an operation's server and client pieces
    # are keyed by the whole operation, so that its views need not be built to find them)
    assert third.made == 10, (path, method)


def test_operations_behind_path_item_refs_have_their_own_fingerprints() -> None:
    spec = _spec()
    spec["components"]["pathItems"] = {"X": spec["paths"]["/a"], "Y": spec["paths"]["/c"]}
    spec["paths"] = {
        "/x": {"$ref": "#/components/pathItems/X"},
        "/y": {"$ref": "#/components/pathItems/Y"},
    }
    found = fingerprints(spec, METHODS)
    x, y = found.operation("/x", "get"), found.operation("/y", "get")
    assert "" not in (x, y) and x != y
    assert found.exchange("/x", "get") not in ("", found.exchange("/y", "get"))
    spec["components"]["schemas"]["B"]["maxLength"] = 3
    assert fingerprints(spec, METHODS).operation("/x", "get") != x


def test_an_operation_renamed_for_a_duplicate_id_is_made_again() -> None:
    spec = _spec()
    for path in ("/a", "/c"):
        spec["paths"][path]["get"]["operationId"] = "same"
    warm = Memo(stamp=stamp(None))
    generate(spec, memo=warm)
    del spec["paths"]["/a"]["get"]["operationId"]  # /c's operation is "same", not "same_2"
    again = Memo(warm.kept, stamp(None))
    assert generate(spec, memo=again) == generate(spec)
    assert again.made > 0


def test_templates_of_the_user_change_the_stamp(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "operation.md.jinja").write_text("## {{ op.title }}\n", "utf-8")
    assert stamp(tmp_path) != stamp(None)
    warm = Memo(stamp=stamp(None))
    generate(_seed(), memo=warm)
    custom = generate(_seed(), templates=tmp_path, memo=Memo(warm.kept, stamp(tmp_path)))
    page = next(t for p, t in custom.files.items() if p.name == "user_action.md")
    assert "**Authentication:**" not in page


def test_a_path_item_ref_generates_what_the_item_written_out_does() -> None:
    inline = _spec()
    inline["paths"]["/d"]["get"]["parameters"] = [{"name": "q", "in": "query"}]
    referenced = copy.deepcopy(inline)
    referenced["components"]["pathItems"] = {"D": referenced["paths"]["/d"]}
    referenced["paths"]["/d"] = {"$ref": "#/components/pathItems/D"}
    served = PurePosixPath("server/openapi.json")
    expected, found = generate(inline).files, generate(referenced).files
    assert {p: t for p, t in found.items() if p != served} == {
        p: t for p, t in expected.items() if p != served
    }
    paths = json.loads(found[served])["paths"]
    assert paths == json.loads(expected[served])["paths"]
    assert "422" in paths["/d"]["get"]["responses"]


def test_a_rebuild_builds_the_views_of_the_edited_operation_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    spec = _seed()
    warm = Memo(stamp=stamp(None))
    generate(spec, memo=warm)
    built: list[str] = []
    for module in (server, client):
        original = module._operation

        def counting(op: Operation, *args: Any, __original: Any = original, **kw: Any) -> Any:
            built.append(op.operation_id)
            return __original(op, *args, **kw)

        monkeypatch.setattr(module, "_operation", counting)
    edited = copy.deepcopy(spec)
    first = next(iter(edited["paths"].values()))
    op = next(first[m] for m in METHODS if m in first)
    op["summary"] = "Edited summary"
    assert generate(edited, memo=Memo(warm.kept, stamp(None))) == generate(edited)
    assert built.count(op["operationId"]) == 4  # server and client, with the memo and without
    assert len(built) == 4 + 2 * 65


def test_a_lazy_view_is_built_once_and_reads_like_the_view() -> None:
    calls: list[int] = []

    def build() -> Path:
        calls.append(1)
        return Path("a/b.txt")

    lazy = Lazy("key", build)
    assert calls == [] and repr(lazy) == "Lazy('key')"
    assert (lazy.name, lazy.suffix, lazy.view()) == ("b.txt", ".txt", Path("a/b.txt"))
    assert calls == [1]


def test_a_template_that_reads_operations_directly_sees_their_views(tmp_path: Path) -> None:
    (tmp_path / "server").mkdir()
    (tmp_path / "server" / "handler.py.jinja").write_text(
        "{% for op in view.operations %}{{ op.function }} {{ op.result.kind }}\n{% endfor %}",
        "utf-8",
    )
    spec = _seed()
    warm = Memo(stamp=stamp(tmp_path))
    generate(spec, templates=tmp_path, memo=warm)
    again = generate(spec, templates=tmp_path, memo=Memo(warm.kept, stamp(tmp_path)))
    lines = str(again.files[PurePosixPath("server/handler.py")]).splitlines()
    assert len(lines) == 66 and lines[0] == "put_user_authmode model"
