"""`generate` and the generation step of `build`, through the real command line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def test_generate_writes_the_three_targets(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = _cli("generate", "spec/tencent-im/openapi.yaml", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert (out / "server" / "app.py").is_file() and (out / "client" / "client.py").is_file()
    assert (out / "docs" / "index.md").is_file() and (out / "mkdocs.yml").is_file()
    committed = ROOT / "generated" / "tencent-im" / "client" / "client.py"
    assert (out / "client" / "client.py").read_text() == committed.read_text()


def test_generate_refuses_a_spec_with_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /a/{id}:\n"
        "    get:\n      responses: {'200': {description: ok}}\n"
    )
    out = tmp_path / "out"
    result = _cli("generate", str(bad), "-o", str(out))
    assert result.returncode == 1
    assert "path-parameter-undeclared" in result.stderr
    assert f"{out}: not generated: {bad} has errors" in result.stderr
    assert not out.exists()


def test_an_example_that_contradicts_its_schema_does_not_stop_generation(tmp_path: Path) -> None:
    spec = tmp_path / "examples.yaml"
    spec.write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n"
        "      operationId: getA\n      responses:\n        '200':\n          description: ok\n"
        "          content:\n            application/json:\n              schema:\n"
        "                type: object\n                properties: {n: {type: integer}}\n"
        "              example: {n: not a number}\n"
    )
    assert _cli("validate", str(spec)).returncode == 1  # validate reports it...
    out = tmp_path / "out"
    result = _cli("generate", str(spec), "-o", str(out))
    assert result.returncode == 0, result.stderr  # ...generate goes on, without serving it
    assert "error example-invalid" not in result.stderr
    assert "render-example-invalid" in result.stderr
    assert "'not a number'" not in (out / "server" / "examples.py").read_text()


def test_generate_with_a_missing_template_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = _cli(
        "generate",
        "spec/tencent-im/openapi.yaml",
        "-o",
        str(tmp_path / "o"),
        "--templates",
        str(tmp_path / "nope"),
    )
    assert result.returncode == 2
    assert "templates-missing" in result.stderr


def test_build_check_notices_a_stale_generated_file(tmp_path: Path) -> None:
    work = tmp_path / "w"
    (work / "spec").mkdir(parents=True)
    shutil.copytree(ROOT / "spec" / "tencent-im", work / "spec" / "tencent-im")
    assert _cli("build", "-q", cwd=work).returncode == 0
    assert _cli("build", "--check", "-q", cwd=work).returncode == 0
    page = work / "generated" / "tencent-im" / "docs" / "index.md"
    page.write_text(page.read_text() + "edited by hand\n")
    result = _cli("build", "--check", "-q", cwd=work)
    assert result.returncode == 1
    assert "generated/tencent-im/docs/index.md: error stale" in result.stderr
    assert _cli("build", "-q", cwd=work).returncode == 0
    assert "edited by hand" not in page.read_text()
