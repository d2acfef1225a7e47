"""Designers' edits survive re-imports (overlay + last import), conflicts are reported."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.config import load_config
from generator.diagnostics import Diagnostic
from generator.emit.yamlio import dump, load
from generator.workspace import build_outputs
from generator.writer import write_files

ROOT = Path(__file__).resolve().parents[2]
SEED = "000_71eee0da8979026f.txt"

NEW_SECTION = """1.42 Get user level
GET /user/level
| Parameter name |
Data Type |
Required |
Description |
| app_id |
string |
true |
App ID |
Response Body
● 200 Response data format:JSON
| Parameter name |
Type |
Description |
| code |
int32 |
Return code, 200 is success |
| data |
int32 |
Level |
| message |
string |
Error information, null means success |
Interface Description
"""


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Path]:
    api = tmp_path / "spec" / "demo"
    (api / "sources").mkdir(parents=True)
    shutil.copy(ROOT / "spec" / "im-user" / "sources" / SEED, api / "sources" / SEED)
    (api / "config.yaml").write_text(f"title: Demo\nversion: 1.0.0\nsources: [sources/{SEED}]\n")
    cwd = Path.cwd()
    os.chdir(tmp_path)
    yield Path("spec/demo")
    os.chdir(cwd)


def _build(folder: Path) -> list[Diagnostic]:
    config = load_config(folder)
    assert not isinstance(config, list)
    outcome = build_outputs(config)
    assert outcome.ok, [d.render() for d in outcome.diagnostics]
    write_files(outcome.files)
    return list(outcome.diagnostics)


def _spec(folder: Path) -> dict[str, Any]:
    data: dict[str, Any] = load((folder / "openapi.yaml").read_text(encoding="utf-8"))
    return data


def _edit_spec(folder: Path) -> None:
    spec = _spec(folder)
    paths = spec["paths"]
    paths["/user/list"]["get"]["operationId"] = "listUsers"  # 1. rename an operationId
    paths["/user/avatar"]["put"]["description"] = "Replaces the caller's avatar."  # 2. description
    paths["/user/nickname"]["put"]["responses"]["200"]["content"]["application/json"][
        "examples"
    ] = {"ok": {"value": {"code": 200, "data": True, "message": "OK"}}}  # 3. add an example
    settings = spec["components"]["schemas"]["UserSettings"]["properties"]
    settings["push_token"] = {"type": "string", "format": "byte"}  # 4. change a type
    del paths["/user/kick"]["post"]  # 5. remove an operation
    (folder / "openapi.yaml").write_text(dump(spec), encoding="utf-8")


def _edit_document(folder: Path) -> None:
    source = folder / "sources" / SEED
    text = source.read_text(encoding="utf-8")
    text = text.replace(  # a new field in the /user/list response rows
        "| ⇥ username |\nstring |\nUsername |\n| message |",
        "| ⇥ username |\nstring |\nUsername |\n| ⇥ nickname |\nstring |\nNickname |\n| message |",
        1,
    )
    source.write_text(text + NEW_SECTION, encoding="utf-8")  # a new operation


def test_five_hand_edits_and_two_document_changes_all_survive(workspace: Path) -> None:
    _build(workspace)
    assert not (workspace / "overlay.yaml").exists()
    _edit_spec(workspace)
    _edit_document(workspace)
    diagnostics = _build(workspace)
    assert [d.code for d in diagnostics if d.code == "edits-captured"] == ["edits-captured"]
    spec = _spec(workspace)
    paths = spec["paths"]
    assert paths["/user/list"]["get"]["operationId"] == "listUsers"
    assert paths["/user/avatar"]["put"]["description"] == "Replaces the caller's avatar."
    media = paths["/user/nickname"]["put"]["responses"]["200"]["content"]["application/json"]
    assert media["examples"]["ok"]["value"] == {"code": 200, "data": True, "message": "OK"}
    settings = spec["components"]["schemas"]["UserSettings"]["properties"]
    assert settings["push_token"] == {"type": "string", "format": "byte"}
    assert "post" not in paths["/user/kick"] and "put" in paths["/user/kick"]
    assert "/user/level" in paths  # the document's new operation
    items = paths["/user/list"]["get"]["responses"]["200"]["content"]["application/json"]
    assert "nickname" in str(items["schema"])  # the document's new field
    overlay = load((workspace / "overlay.yaml").read_text(encoding="utf-8"))
    assert overlay["overlay"] == "1.0.0" and len(overlay["actions"]) >= 5
    # building again changes nothing
    before = {p: p.read_bytes() for p in sorted(workspace.iterdir()) if p.is_file()}
    assert [d.code for d in _build(workspace) if d.code == "edits-captured"] == []
    assert before == {p: p.read_bytes() for p in sorted(workspace.iterdir()) if p.is_file()}


def test_a_conflicting_document_change_is_reported_not_lost(workspace: Path) -> None:
    _build(workspace)
    spec = _spec(workspace)
    spec["paths"]["/user/avatar"]["put"]["summary"] = "Change my avatar"
    (workspace / "openapi.yaml").write_text(dump(spec), encoding="utf-8")
    source = workspace / "sources" / SEED
    source.write_text(
        source.read_text(encoding="utf-8").replace("1.2 Set avatar", "1.2 Upload avatar"),
        encoding="utf-8",
    )
    diagnostics = _build(workspace)
    conflicts = [d for d in diagnostics if d.code == "edit-conflict"]
    assert len(conflicts) == 1
    message = conflicts[0].message
    assert "'Set avatar' to 'Upload avatar'" in message and "'Change my avatar'" in message
    assert conflicts[0].span is not None
    assert (conflicts[0].span.file, conflicts[0].span.line) == (f"spec/demo/sources/{SEED}", 50)
    assert _spec(workspace)["paths"]["/user/avatar"]["put"]["summary"] == "Change my avatar"
    assert _spec(workspace)["paths"]["/user/avatar"]["post"]["summary"] == "Upload avatar"


def test_an_edit_whose_target_left_the_documents_is_kept_and_reported(workspace: Path) -> None:
    _build(workspace)
    spec = _spec(workspace)
    spec["paths"]["/user/vibratory"]["put"]["description"] = "Vibrate on new messages."
    (workspace / "openapi.yaml").write_text(dump(spec), encoding="utf-8")
    source = workspace / "sources" / SEED
    text = source.read_text(encoding="utf-8")
    source.write_text(text[: text.index("1.41 Set whether to vibrate")], encoding="utf-8")
    diagnostics = _build(workspace)
    assert "overlay-target-missing" in [d.code for d in diagnostics]
    assert "/user/vibratory" not in _spec(workspace)["paths"]
    assert "Vibrate on new messages." in (workspace / "overlay.yaml").read_text(encoding="utf-8")


def test_a_hand_edit_that_breaks_the_spec_stops_the_build(workspace: Path) -> None:
    _build(workspace)
    spec = _spec(workspace)
    spec["paths"]["/user/list"]["get"]["parameters"].append(
        {"name": "limit", "in": "query", "schema": {"type": "integer", "default": "ten"}}
    )
    (workspace / "openapi.yaml").write_text(dump(spec), encoding="utf-8")
    edited = (workspace / "openapi.yaml").read_bytes()
    config = load_config(workspace)
    assert not isinstance(config, list)
    outcome = build_outputs(config)
    assert not outcome.ok and outcome.files == {}
    assert "default-invalid" in [d.code for d in outcome.diagnostics]
    assert (workspace / "openapi.yaml").read_bytes() == edited


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def test_fmt_and_diff_commands(workspace: Path) -> None:
    _build(workspace)
    spec_file = workspace / "openapi.yaml"
    assert _cli("fmt", "--check", str(spec_file)).returncode == 0
    spec = _spec(workspace)
    messy = {"paths": spec["paths"], "info": spec["info"], "openapi": spec["openapi"]}
    messy_file = workspace.parent / "messy.yaml"
    messy_file.write_text(dump(messy), encoding="utf-8")
    assert _cli("fmt", "--check", str(messy_file)).returncode == 1
    assert _cli("fmt", str(messy_file)).returncode == 0
    assert _cli("fmt", "--check", str(messy_file)).returncode == 0
    del spec["paths"]["/user/kick"]
    changed = workspace.parent / "changed.yaml"
    changed.write_text(dump(spec), encoding="utf-8")
    result = _cli("diff", str(spec_file), str(changed))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "BREAKING  operation-removed  POST /user/kick: operation removed",
        "BREAKING  operation-removed  PUT /user/kick: operation removed",
    ]
    assert _cli("diff", "--fail-on", "never", str(spec_file), str(changed)).returncode == 0
    assert _cli("diff", str(spec_file), str(spec_file)).returncode == 0
    assert _cli("diff", str(spec_file), "missing.yaml").returncode == 2
