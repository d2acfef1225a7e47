"""`mkdocs build --strict` on the generated docs; every operation is in the built site."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from generator.render.names import anchor, unique
from generator.render.spec import read_api
from tests.functional.support import BIN, SEED_APIS, Tree, run


def _build(tree: Tree, site: Path) -> None:
    command = [str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(site)]
    result = run([*command, "--config-file", str(tree.path / "mkdocs.yml")], tree.path)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("api_name", SEED_APIS)
def test_site_builds_with_every_operation(
    seed_trees: dict[str, Tree], api_name: str, tmp_path: Path
) -> None:
    tree = seed_trees[api_name]
    _build(tree, tmp_path / "site")
    pages = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "site").glob("*.html")}
    index = pages["index.html"]
    everything = "\n".join(pages.values())
    api = read_api(tree.spec)
    anchors = unique([anchor(op.operation_id, fallback="operation") for op in api.operations])
    for op, op_anchor in zip(api.operations, anchors, strict=True):
        assert f'id="{op_anchor}"' in everything, op.operation_id
        assert f"#{op_anchor}" in index, op.operation_id
        assert html.escape(op.path, quote=False) in everything, op.path
        assert op.operation_id in everything
    for source in (s for op in api.operations for s in op.sources):
        file, line = source.rsplit(":", 1)
        assert f"../../../spec/{api_name}/{file}#L{line}" in everything
