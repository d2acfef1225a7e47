"""A hostile spec: quotes, triple quotes, backslashes, newlines, `{{ }}`, `</script>`, `../` in
tags and operationIds, non-ASCII. The output compiles, imports, runs, builds, contains none of
the injected text as code, and stays inside its folder."""

from __future__ import annotations

import ast
import io
import tokenize
from pathlib import Path

from generator.render.spec import read_api
from tests.functional.support import BIN, TEST_KEY, Tree, import_package, run, running_server

_CODE_TOKENS = {tokenize.NAME, tokenize.OP, tokenize.NUMBER}


def _python_files(tree: Tree) -> list[Path]:
    return sorted(tree.path.rglob("*.py"))


def test_every_file_stays_inside_the_output_folder(hostile_tree: Tree) -> None:
    root = hostile_tree.path.resolve()
    for relative in hostile_tree.generated.files:
        assert ".." not in relative.parts and not relative.is_absolute()
        assert (root / relative).resolve().is_relative_to(root)
    siblings = {p.name for p in root.parent.iterdir()}
    assert siblings <= {root.name, f"{root.name}-helpers"}
    assert {p.name for p in (root / "docs").iterdir()} == {
        "index.md",
        "etc_passwd.md",
        "u_title_script_alert_1_script.md",
    }


def test_injected_text_never_becomes_code(hostile_tree: Tree) -> None:
    for path in _python_files(hostile_tree):
        source = path.read_text(encoding="utf-8")
        module = ast.parse(source, filename=str(path))
        compile(module, str(path), "exec")
        for node in ast.walk(module):
            if isinstance(node, ast.Call):
                func = node.func
                assert not (isinstance(func, ast.Name) and func.id in {"__import__", "eval"})
                assert not (isinstance(func, ast.Attribute) and func.attr == "system"), path
        tokens = tokenize.generate_tokens(io.StringIO(source).readline)
        for token in tokens:
            if token.type in _CODE_TOKENS:
                assert "PWNED" not in token.string, (path, token)
                assert token.string not in {"__import__", "{{", "}}"}, (path, token)


def test_templates_never_evaluate_spec_text(hostile_tree: Tree) -> None:
    files = hostile_tree.generated.files.values()
    texts = "\n".join(f if isinstance(f, str) else f.decode() for f in files)
    assert "{{ 7*7 }}" in texts or "{{ 7\\*7 }}" in texts or "\\{\\{ 7\\*7 \\}\\}" in texts
    assert "49" not in (hostile_tree.path / "docs" / "index.md").read_text(encoding="utf-8")


def test_hostile_server_and_client_run(hostile_tree: Tree) -> None:
    client_module = import_package(hostile_tree, "client")
    api = read_api(hostile_tree.spec)
    assert len(api.operations) == 2
    with running_server(hostile_tree) as base:
        with client_module.Client(base, evil_scheme=TEST_KEY) as client:
            item = client.evil_import_os_system_pwned(item_id="it's ü", class_=1, a_b_c_d="abc")
            assert item.label.startswith('say """')
            body = client_module.models.ClassRequest.model_validate({'"""': "x", "ünï": "it's"})
            created = client.class_(id_=5, body=body)
            assert created is not None
        with client_module.Client(base, evil_scheme="wrong") as client:
            try:
                client.evil_import_os_system_pwned(item_id="x", class_=0)
            except client_module.ApiError as exc:
                assert exc.status_code == 401
            else:
                raise AssertionError("a wrong credential was accepted")


def test_hostile_docs_build_without_raw_html(hostile_tree: Tree, tmp_path: Path) -> None:
    command = [str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(tmp_path)]
    result = run(command, hostile_tree.path)
    assert result.returncode == 0, result.stdout + result.stderr
    for page in tmp_path.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "<script>alert" not in text and "</title><script" not in text, page.name
        assert 'href="javascript:' not in text, page.name
    source_links = (hostile_tree.path / "docs" / "etc_passwd.md").read_text(encoding="utf-8")
    assert "etc/passwd#L" not in source_links
    assert "(../../../spec/hostile/sources/ok.txt#L12)" in source_links
