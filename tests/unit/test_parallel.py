"""The second-core helper and layer 1 run aside: same findings as run in line."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import PurePosixPath

import pytest
import yaml

from generator.parallel import Aside, jobs
from generator.render import generate
from generator.validate import engine
from generator.validate.settings import default_settings
from tests.functional.support import ROOT


def _boom() -> int:
    raise ValueError("boom")


def test_aside_returns_the_value_computed_in_the_child() -> None:
    parent = os.getpid()
    assert Aside(os.getpid).result() != parent or jobs() < 2
    assert Aside(lambda: 6 * 7).result() == 42


def test_aside_raises_the_childs_exception() -> None:
    with pytest.raises(ValueError, match="boom"):
        Aside(_boom).result()


def test_one_job_runs_in_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOC2OPENAPI_JOBS", "1")
    assert jobs() == 1
    assert Aside(os.getpid).result() == os.getpid()


def test_layer_one_aside_finds_what_it_finds_in_line(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = yaml.safe_load((ROOT / "tests/fixtures/render/hostile.yaml").read_text("utf-8"))
    spec["tags"] = [{"name": "twice"}, {"name": "twice"}]  # only openapi-spec-validator's own
    in_line = engine.run(spec, default_settings())
    monkeypatch.setattr(engine, "LARGE", 0)
    aside = engine.run(spec, default_settings())
    assert aside == in_line
    messages = [f.problem.message for f in aside if f.code == "openapi-invalid"]
    assert messages[-1] == "Duplicate tag name 'twice'"
    assert len(messages) == 3


def test_generate_with_docs_and_mocks_aside_writes_the_same_files(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    module = sys.modules[generate.__module__]
    spec = yaml.safe_load((ROOT / "spec/agora-chat/openapi.yaml").read_text("utf-8"))
    in_line = generate(spec)
    monkeypatch.setattr(module, "LARGE", 0)
    aside = generate(spec)
    assert _written(aside.files) == _written(in_line.files)  # made aside: bytes, not text
    assert aside.diagnostics == in_line.diagnostics
    assert "server/openapi.json" in {str(path) for path in aside.files}


def _written(files: Mapping[PurePosixPath, str | bytes]) -> dict[PurePosixPath, bytes]:
    return {
        path: data if isinstance(data, bytes) else data.encode() for path, data in files.items()
    }
