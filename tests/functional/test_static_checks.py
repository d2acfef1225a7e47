"""`ruff check` (with the project's rules) and `mypy --strict` on every generated tree."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.functional.support import BIN, ROOT, SEED_APIS, Tree, run

TREES = (*SEED_APIS, "hostile")


def _tree(name: str, seed_trees: dict[str, Tree], hostile_tree: Tree) -> Tree:
    return hostile_tree if name == "hostile" else seed_trees[name]


@pytest.mark.parametrize("name", TREES)
def test_ruff_passes(name: str, seed_trees: dict[str, Tree], hostile_tree: Tree) -> None:
    tree = _tree(name, seed_trees, hostile_tree)
    config = ROOT / "pyproject.toml"
    result = run(
        [str(BIN / "ruff"), "check", "--config", str(config), "--no-cache", "."], tree.path
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("name", TREES)
def test_mypy_strict_passes(
    name: str, seed_trees: dict[str, Tree], hostile_tree: Tree, tmp_path: Path
) -> None:
    tree = _tree(name, seed_trees, hostile_tree)
    command = [str(BIN / "mypy"), "--strict", "--cache-dir", str(tmp_path / "cache")]
    result = run([*command, "server", "client"], tree.path)
    assert result.returncode == 0, result.stdout + result.stderr
