"""Models in chunks: the same classes as one datamodel-codegen run, cached, in any order."""

from __future__ import annotations

import ast
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest
import yaml

from generator.render import chunks
from generator.render.chunks import Statement, ordered, partition
from generator.render.models import render_models
from generator.render.spec import read_api

ROOT = Path(__file__).resolve().parents[2]
SPECS = [
    ROOT / "spec/im-user/openapi.yaml",
    ROOT / "spec/agora-chat/openapi.yaml",
    ROOT / "spec/tencent-im/openapi.yaml",
    ROOT / "tests/fixtures/render/hostile.yaml",
]


def _statements(code: str) -> Counter[str]:
    tree = ast.parse(code)
    return Counter(ast.unparse(node) for node in tree.body)


@pytest.mark.parametrize("path", SPECS, ids=lambda p: p.parent.name)
def test_one_schema_per_chunk_gives_the_classes_of_one_run(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DOC2OPENAPI_CACHE", "off")
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    whole = render_models(read_api(spec))
    monkeypatch.setattr(chunks, "CHUNK_SIZE", 1)
    split = render_models(read_api(spec))
    assert split.class_names == whole.class_names
    assert _statements(split.code) == _statements(whole.code)
    module = ModuleType("split_models")
    monkeypatch.setitem(sys.modules, module.__name__, module)
    exec(compile(split.code, "split_models", "exec"), module.__dict__)
    assert set(whole.class_names) <= set(vars(module))


def test_a_chunk_is_taken_from_the_cache_the_second_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DOC2OPENAPI_CACHE", str(tmp_path))
    spec = yaml.safe_load(SPECS[0].read_text(encoding="utf-8"))
    first = render_models(read_api(spec))
    entries = sorted(tmp_path.glob("models/*/*.json"))
    assert len(entries) == 1
    monkeypatch.setattr("generator.render.models.generate", _fail)
    assert render_models(read_api(spec)) == first


def _fail(*args: object, **kwargs: object) -> str:
    raise AssertionError("datamodel-codegen ran although the chunk was cached")


def test_partition_depends_on_the_name_only() -> None:
    names = [f"Schema{i}" for i in range(100)]
    groups = partition(names, size=10)
    assert len(groups) == 16
    assert sorted(n for g in groups for n in g) == sorted(names)
    again = partition([*names, "Added"], size=10)
    moved = [g for g in groups if g not in again]
    assert len(moved) == 1 and moved[0] + ["Added"] in again


def test_a_class_waits_for_its_base_from_a_later_chunk() -> None:
    child = Statement("class B(A): pass", ("B",), frozenset({"A"}))
    base = Statement("class A: pass", ("A",), frozenset())
    alone = Statement("X = 1", ("X",), frozenset())
    assert ordered([child, alone, base]) == [base, child, alone]
