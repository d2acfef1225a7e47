"""Models in chunks: the same classes as one datamodel-codegen run, cached, in any order."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml

from generator.render import chunks
from generator.render import models as models_module
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


def _classes(files: dict[str, str]) -> Counter[str]:
    """Every class definition of the models, whatever module it is in."""
    found: Counter[str] = Counter()
    for text in files.values():
        tree = ast.parse(text)
        found.update(ast.unparse(n) for n in tree.body if isinstance(n, ast.ClassDef))
    return found


@pytest.mark.parametrize("path", SPECS, ids=lambda p: p.parent.name)
def test_one_schema_per_chunk_gives_the_classes_of_one_run(
    path: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("DOC2OPENAPI_CACHE", "off")
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    whole = render_models(read_api(spec))
    monkeypatch.setattr(chunks, "CHUNK_SIZE", 1)
    one_module = render_models(read_api(spec))
    assert list(one_module.files) == ["models.py"]
    assert _classes(dict(one_module.files)) == _classes(dict(whole.files))
    monkeypatch.setattr(models_module, "PACKAGE_FROM", 1)
    split = render_models(read_api(spec))
    assert list(whole.files) == ["models.py"]
    assert "models/__init__.py" in split.files
    assert split.class_names == whole.class_names
    assert _classes(dict(split.files)) == _classes(dict(whole.files))
    package = tmp_path / f"split_{path.parent.name.replace('-', '_')}"
    for relative, text in split.files.items():
        target = package / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    (package / "__init__.py").write_text("", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    models = importlib.import_module(f"{package.name}.models")
    for name in sorted(whole.class_names):
        model = getattr(models, name)
        assert model.__name__ == name
        model.model_json_schema()  # builds: every name it refers to was found


def test_a_chunk_is_taken_from_the_cache_the_second_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DOC2OPENAPI_CACHE", str(tmp_path))
    spec = yaml.safe_load(SPECS[0].read_text(encoding="utf-8"))
    first = render_models(read_api(spec))
    entries = sorted(tmp_path.glob("models/*/*.json"))
    assert len(entries) == 1
    monkeypatch.setattr("datamodel_code_generator.generate", _fail)
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


def test_the_split_package_passes_ruff_and_mypy_strict(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("DOC2OPENAPI_CACHE", "off")
    monkeypatch.setattr(chunks, "CHUNK_SIZE", 1)
    monkeypatch.setattr(models_module, "PACKAGE_FROM", 1)
    spec = yaml.safe_load(SPECS[-1].read_text(encoding="utf-8"))
    for relative, text in render_models(read_api(spec)).files.items():
        target = tmp_path / "client" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    (tmp_path / "client" / "__init__.py").write_text("", encoding="utf-8")
    bin_dir = Path(sys.executable).parent
    config = ["--config", str(ROOT / "pyproject.toml"), "--no-cache"]
    for command in (
        [str(bin_dir / "ruff"), "check", *config, "client"],
        [str(bin_dir / "mypy"), "--strict", "--cache-dir", str(tmp_path / ".mypy"), "client"],
    ):
        result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stdout + result.stderr
