"""The bundled workspace end to end: golden spec, determinism, validity, provenance, scores."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from openapi_spec_validator import validate

from generator.config import load_config
from generator.emit.yamlio import load
from generator.pipeline import build_api, rendered
from tests.e2e.scoring import SHARED, score

ROOT = Path(__file__).resolve().parents[2]
IM_USER = ROOT / "spec" / "im-user"
SEED_000 = "000_71eee0da8979026f.txt"
SEED_001 = "001_a7637c2a0d4d4cfd.txt"


def _build(folder: Path) -> dict[Path, str]:
    config = load_config(folder)
    assert not isinstance(config, list), config
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        result = build_api(config)
        assert result.ok, [d.render() for d in result.diagnostics]
        relative = Path("spec") / folder.name / "openapi.yaml"
        return {
            ROOT / p: text for p, text in rendered(result, relative, str(relative.parent)).items()
        }
    finally:
        os.chdir(cwd)


def test_build_reproduces_the_committed_spec_and_sourcemap() -> None:
    files = _build(IM_USER)
    assert sorted(p.name for p in files) == ["openapi.sourcemap.json", "openapi.yaml"]
    for path, text in files.items():
        assert path.read_text(encoding="utf-8") == text, f"{path} is stale: run make build"


def _run_import(out: Path, seed: str, hash_seed: str) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "import",
            str(IM_USER / "sources" / seed),
            str(IM_USER / "sources" / SEED_001),
            "-o",
            str(out),
            "-q",
        ],
        check=True,
        cwd=ROOT,
        env=env,
    )
    return out.read_bytes()


def test_output_is_identical_across_hash_seeds(tmp_path: Path) -> None:
    first = _run_import(tmp_path / "a.yaml", SEED_000, "1")
    second = _run_import(tmp_path / "b.yaml", SEED_000, "4242")
    assert first == second
    assert (tmp_path / "a.sourcemap.json").read_bytes() == (
        tmp_path / "b.sourcemap.json"
    ).read_bytes()


def test_committed_spec_is_valid_openapi_31() -> None:
    spec = load((IM_USER / "openapi.yaml").read_text(encoding="utf-8"))
    assert spec["openapi"] == "3.1.0"
    validate(spec)


def test_shape_of_the_canonical_spec() -> None:
    spec = load((IM_USER / "openapi.yaml").read_text(encoding="utf-8"))
    components = spec["components"]
    assert components["securitySchemes"] == {
        "accessToken": {
            "type": "apiKey",
            "in": "header",
            "name": "access-token",
            "description": "Token",
        }
    }
    assert spec["security"] == [{"accessToken": []}, {}]
    assert sorted(components["parameters"]) == ["AppId", "GroupId", "UserId"]
    assert components["parameters"]["GroupId"]["schema"] == {"type": "integer", "format": "int64"}
    envelope = components["schemas"]["ApiResponse"]["properties"]
    assert list(envelope) == ["code", "data", "message"]
    settings = components["schemas"]["UserSettings"]["properties"]
    assert len(settings) == 17
    assert settings["user_id"] == {"type": "integer", "format": "int64", "description": "User ID"}
    users = [
        f"{method.upper()} {path}"
        for path, item in spec["paths"].items()
        for method, op in item.items()
        if "UserSettingsResponse" in json.dumps(op["responses"])
    ]
    assert users == [
        "POST /user/register",
        "POST /user/register/push",
        "POST /user/register/v2",
        "GET /user/settings",
    ]
    op_ids = [op["operationId"] for item in spec["paths"].values() for op in item.values()]
    assert len(op_ids) == len(set(op_ids)) == 66
    disable = spec["paths"]["/user/disable"]["put"]
    assert disable["summary"] == "Banned user"
    assert disable["x-source"] == [
        "sources/000_71eee0da8979026f.txt:419",
        "sources/001_a7637c2a0d4d4cfd.txt:338",
    ]


def test_prose_becomes_enum_default_and_range() -> None:
    spec = load((IM_USER / "openapi.yaml").read_text(encoding="utf-8"))
    params = {
        p["name"]: p["schema"]
        for p in spec["paths"]["/user/list"]["get"]["parameters"]
        if "name" in p
    }
    assert params["page_num"] == {
        "type": "integer",
        "format": "int32",
        "default": 1,
        "exclusiveMinimum": 0,
    }
    assert params["page_size"]["default"] == 50
    limit = {
        p["name"]: p["schema"]
        for p in spec["paths"]["/user/push/limit"]["put"]["parameters"]
        if "name" in p
    }
    assert (limit["no_push_end_hour"]["minimum"], limit["no_push_end_hour"]["maximum"]) == (0, 23)
    authmode = spec["paths"]["/user/authmode"]["put"]["parameters"][-1]
    assert authmode["schema"]["enum"] == [0, 1, 2, 3]
    assert authmode["schema"]["x-enum-descriptions"][3] == "reject all adding friend requests"
    assert "0 - No verification" in authmode["description"]


def test_every_operation_parameter_and_property_has_a_source() -> None:
    spec = load((IM_USER / "openapi.yaml").read_text(encoding="utf-8"))
    document = json.loads((IM_USER / "openapi.sourcemap.json").read_text(encoding="utf-8"))
    assert document["version"] == 1
    sourcemap = document["sources"]
    assert document["types"]["/components/parameters/GroupId/schema"] == "int64"
    missing = []
    for path, item in spec["paths"].items():
        base = "/paths/" + path.replace("~", "~0").replace("/", "~1")
        for method, op in item.items():
            pointers = [f"{base}/{method}"] + [
                f"{base}/{method}/parameters/{i}" for i in range(len(op.get("parameters", [])))
            ]
            missing += [p for p in pointers if p not in sourcemap]
    for name, schema in spec["components"]["schemas"].items():
        for prop in schema.get("properties", {}):
            pointer = f"/components/schemas/{name}/properties/{prop}"
            if pointer not in sourcemap:
                missing.append(pointer)
    assert missing == []
    assert sourcemap["/components/schemas/UserSettings/properties/auto_download"][0].startswith(
        "sources/000_71eee0da8979026f.txt:"
    )


def _assert_meets_bar(result: dict[str, object]) -> None:
    res = result["result"]
    assert isinstance(res, dict)
    assert res["operations"]["found"] == res["operations"]["gold"]
    for kind in ("params", "body", "response"):
        r = res[kind]
        assert r["found"] >= 0.98 * r["gold"], (kind, r)
        assert r["type_ok"] >= 0.98 * r["found"], (kind, r)
        if r["req_n"]:
            assert r["req_ok"] >= 0.98 * r["req_n"], (kind, r)


@pytest.mark.skipif(not SHARED.exists(), reason="shared acceptance kit not beside the project")
@pytest.mark.parametrize("key", [SEED_000, SEED_001])
def test_merged_spec_scores_on_each_seed(key: str) -> None:
    _assert_meets_bar(score(IM_USER / "openapi.yaml", key))


@pytest.mark.skipif(not SHARED.exists(), reason="shared acceptance kit not beside the project")
@pytest.mark.parametrize("key", [SEED_000, SEED_001])
def test_each_seed_imported_alone_scores(tmp_path: Path, key: str) -> None:
    out = tmp_path / "alone.yaml"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "import",
            str(IM_USER / "sources" / key),
            "-o",
            str(out),
            "-q",
        ],
        check=True,
        cwd=ROOT,
    )
    result = score(out, key)
    _assert_meets_bar(result)
    assert result["extra_operations"] == []
