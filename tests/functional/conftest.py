"""Session fixtures: the three seed APIs generated once into a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.functional.support import FIXTURES, ROOT, SEED_APIS, Tree, build_tree, load_spec


@pytest.fixture(scope="session")
def seed_trees(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Tree]:
    root = tmp_path_factory.mktemp("generated")
    return {
        api: build_tree(api, load_spec(ROOT / "spec" / api / "openapi.yaml"), root / api)
        for api in SEED_APIS
    }


@pytest.fixture(scope="session")
def hostile_tree(tmp_path_factory: pytest.TempPathFactory) -> Tree:
    root = tmp_path_factory.mktemp("hostile")
    return build_tree("hostile", load_spec(FIXTURES / "hostile.yaml"), root / "out")


def tree_path(tree: Tree) -> Path:
    return tree.path
