"""The web-page seeds end to end: every documented defect diagnosed at its line, every
example valid against its schema, the HTML reader equal to the Markdown reader, and scores."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from markdown_it import MarkdownIt

from generator.config import load_config
from generator.diagnostics import Diagnostic
from generator.emit.yamlio import load
from generator.pipeline import build_api, import_sources
from generator.sources import Source
from tests.e2e.scoring import SHARED, score

ROOT = Path(__file__).resolve().parents[2]
AGORA = "spec/agora-chat/sources/002_915db4d97270303c.txt"
T003 = "spec/tencent-im/sources/003_bb9de58ff98f5b94.txt"
T004 = "spec/tencent-im/sources/004_b285b8d00c7c41d5.txt"


def _diagnostics(api: str) -> list[Diagnostic]:
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        config = load_config(Path("spec") / api)
        assert not isinstance(config, list)
        result = build_api(config)
        assert result.ok
        return list(result.diagnostics)
    finally:
        os.chdir(cwd)


def _found(diagnostics: list[Diagnostic]) -> set[tuple[str, str, int, int]]:
    return {
        (d.code, d.span.file, d.span.line, d.related[0].line if d.related else 0)
        for d in diagnostics
        if d.span is not None
    }


@pytest.mark.parametrize(
    ("api", "expected"),
    [
        # trailing commas in the curl bodies and JSON samples, on the comma's line
        ("agora-chat", ("example-json-repaired", AGORA, 119, 0)),
        ("agora-chat", ("example-json-repaired", AGORA, 151, 0)),
        # a missing comma after "applicationName": "XXXX"
        ("agora-chat", ("example-json-repaired", AGORA, 762, 0)),
        # "Deleting a user": the request line says /users, its example deletes /users/user1
        ("agora-chat", ("request-line-contradicts-example", AGORA, 716, 750)),
        # "data" documented as JSON (object), the example shows an array
        ("agora-chat", ("example-type-conflict", AGORA, 1295, 1314)),
        # a response table under a "Request body" label
        ("agora-chat", ("label-out-of-order", AGORA, 1367, 0)),
        # POST /users documented twice (one user, an array of users)
        ("agora-chat", ("operation-documented-twice", AGORA, 177, 77)),
        # no HTTP method anywhere on the page
        ("tencent-im", ("method-assumed", T003, 7, 0)),
        # the parameter table names another API than the sample URL
        ("tencent-im", ("path-contradiction", T003, 10, 7)),
        ("tencent-im", ("example-json-repaired", T003, 16, 0)),
        # the response table says Object, the sample shows an array
        ("tencent-im", ("example-type-conflict", T003, 27, 22)),
        # the request table omits the wrapper the sample shows
        ("tencent-im", ("table-wrapper-missing", T004, 23, 21)),
        # a table header glued to the sentence before it
        ("tencent-im", ("table-header-after-prose", T003, 35, 0)),
    ],
)
def test_each_document_defect_is_reported_at_its_line(
    api: str, expected: tuple[str, str, int, int]
) -> None:
    assert expected in _found(_diagnostics(api))


def _inline(node: Any, spec: dict[str, Any]) -> Any:
    """The schema with local $refs replaced by their targets (the seed specs have no cycles)."""
    if isinstance(node, dict):
        if "$ref" in node:
            target: Any = spec
            for part in node["$ref"][2:].split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            rest = {k: v for k, v in node.items() if k != "$ref"}
            return {**_inline(target, spec), **_inline(rest, spec)}
        return {k: _inline(v, spec) for k, v in node.items()}
    if isinstance(node, list):
        return [_inline(v, spec) for v in node]
    return node


def _examples(spec: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    out = []
    for path, item in spec["paths"].items():
        for method, op in item.items():
            bodies = [op.get("requestBody", {}), *op["responses"].values()]
            for body in bodies:
                for media in body.get("content", {}).values():
                    for name, example in media.get("examples", {}).items():
                        out.append((f"{method} {path} {name}", media["schema"], example["value"]))
    return out


@pytest.mark.parametrize("api", ["im-user", "agora-chat", "tencent-im"])
def test_every_example_validates_against_its_schema(api: str) -> None:
    spec = load((ROOT / "spec" / api / "openapi.yaml").read_text(encoding="utf-8"))
    examples = _examples(spec)
    assert len(examples) == {"im-user": 0, "agora-chat": 21, "tencent-im": 5}[api]
    for where, schema, value in examples:
        errors = list(Draft202012Validator(_inline(schema, spec)).iter_errors(value))
        assert errors == [], (where, [e.message for e in errors])


def _expanded(markdown: str) -> str:
    """The Markdown seed with rows collapsed onto one line written one per line, so that a
    Markdown renderer (which truncates such rows) keeps every row in its HTML."""
    out = []
    for line in markdown.split("\n"):
        match = re.fullmatch(r"\|(.*)\|", line.strip())
        cells = match.group(1).split("|") if match else []
        if len(cells) > 3 and (len(cells) + 1) % 4 == 0 and not any(cells[3::4]):
            out += ["|" + "|".join(cells[k : k + 3]) + "|" for k in range(0, len(cells), 4)]
        else:
            out.append(line)
    return "\n".join(out)


@pytest.mark.skipif(not (ROOT / "spec/im-user/sources").exists(), reason="bundled sources")
def test_html_reader_gives_the_same_spec_as_the_markdown_reader() -> None:
    seed = ROOT / "spec/im-user/sources/001_a7637c2a0d4d4cfd.txt"
    markdown = _expanded(seed.read_text(encoding="utf-8"))
    html = MarkdownIt("commonmark").enable("table").render(markdown)
    html = f"<!doctype html><html><body><nav>Docs home</nav><main>{html}</main></body></html>"
    from_md = import_sources([Source("page.md", markdown)])
    from_html = import_sources([Source("page.html", html)])
    assert from_md.ok and from_html.ok
    assert from_md.operations == from_html.operations == 62
    assert _without_sources(from_md.spec) == _without_sources(from_html.spec)


def _without_sources(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _without_sources(v) for k, v in node.items() if k != "x-source"}
    if isinstance(node, list):
        return [_without_sources(v) for v in node]
    return node


@pytest.mark.skipif(not SHARED.exists(), reason="shared acceptance kit not beside the project")
@pytest.mark.parametrize(
    ("spec", "key"),
    [
        ("spec/agora-chat/openapi.yaml", "002_915db4d97270303c.txt"),
        ("spec/tencent-im/openapi.yaml", "003_bb9de58ff98f5b94.txt"),
        ("spec/tencent-im/openapi.yaml", "004_b285b8d00c7c41d5.txt"),
    ],
)
def test_web_page_specsscore(spec: str, key: str) -> None:
    res = score(spec, key)["result"]
    assert res["operations"]["found"] == res["operations"]["gold"]
    found = sum(res[k]["found"] for k in ("params", "body", "response"))
    gold = sum(res[k]["gold"] for k in ("params", "body", "response"))
    assert found >= 0.95 * gold
    for kind in ("params", "body", "response"):
        assert res[kind]["type_ok"] >= 0.95 * res[kind]["found"], kind


PAGE = """Delete accounts
Sample request URL
https://xxxxxx/v4/im_open_login_svc/account_delete?sdkappid=88888888&usersig=xxx
Request parameters
Parameter | Description |
https | The request protocol is HTTPS and the request method is POST. |
xxxxxx | Domain name. China: console.tim.qq.com Singapore: adminapisgp.im.qcloud.com |
sdkappid | SDKAppID assigned by the console |
usersig | |
Sample request
{"DeleteItem": [{"UserID": "UserID_1"},{"UserID": "UserID_2"}]}
Request fields
Field | Type | Required | Description |
DeleteItem | Array | Yes | Accounts to delete. |
UserID | String | Yes | The account. |
EXTRA
Sample response
{"ActionStatus": "OK","ErrorCode": 0}
Response fields
Field | Type | Description |
ActionStatus | String | OK : success; FAIL : failure |
ErrorCode | Integer | Error code |
"""


def _import_page(text: str) -> tuple[dict[str, Any], list[str]]:
    result = import_sources([Source("page.txt", text)])
    assert result.ok and result.spec is not None
    return result.spec, [d.render() for d in result.diagnostics if d.severity >= 1]


def test_nesting_the_table_lost_is_restored_from_the_example() -> None:
    spec, warnings = _import_page(PAGE.replace("EXTRA\n", ""))
    body = spec["paths"]["/v4/im_open_login_svc/account_delete"]["post"]["requestBody"]
    schema = body["content"]["application/json"]["schema"]
    assert schema["properties"]["DeleteItem"]["items"]["properties"]["UserID"]["type"] == "string"
    assert schema["properties"]["DeleteItem"]["items"]["required"] == ["UserID"]
    assert warnings == [
        "page.txt:15: warning table-nesting-restored: 'UserID' sits inside "
        "'DeleteItem' in the example; nested there (see page.txt:11)"
    ]
    assert spec["servers"] == [
        {"url": "https://console.tim.qq.com", "description": "China"},
        {"url": "https://adminapisgp.im.qcloud.com", "description": "Singapore"},
    ]


def test_a_sample_that_contradicts_its_schema_is_dropped_with_a_warning() -> None:
    spec, warnings = _import_page(PAGE.replace("EXTRA\n", "Count | Integer | Yes | How many. |\n"))
    body = spec["paths"]["/v4/im_open_login_svc/account_delete"]["post"]["requestBody"]
    assert "examples" not in body["content"]["application/json"]
    assert (
        "page.txt:11: warning example-dropped: sample left out of the spec: "
        "example does not match its schema: 'Count' is a required property"
    ) in warnings
