"""Schemathesis against each running generated server: examples, coverage and fuzzing phases.

Bounded: 5 examples per operation and phase, a fixed seed, one worker, a hard timeout; loopback
only. Every check runs. The configuration gives the test key for each security scheme and turns
off `allow-extra-parameters`: a server must ignore headers and query keys it does not know
(proxies add them), and schemathesis's own exemption for such cases re-reads integer header
values as text, which reports valid requests as accepted negative data.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.render.spec import read_api
from tests.functional.support import BIN, SEED_APIS, TEST_KEY, Tree, run, running_server

_KEYS = {"key": "api_key", "bearer": "bearer"}


def _config(tree: Tree, folder: Path) -> Path:
    lines = ["[generation]", "allow-extra-parameters = false", ""]
    for scheme in read_api(tree.spec).schemes:
        kind = "key" if scheme.kind == "apiKey" else scheme.scheme
        lines.append(f"[auth.openapi.{scheme.name}]")
        if kind == "basic":
            lines += [f'username = "{TEST_KEY}"', f'password = "{TEST_KEY}"']
        else:
            lines.append(f'{_KEYS.get(kind, "bearer")} = "{TEST_KEY}"')
        lines.append("")
    path = folder / "schemathesis.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.mark.parametrize("api_name", SEED_APIS)
def test_schemathesis_finds_no_failure(
    seed_trees: dict[str, Tree], api_name: str, tmp_path: Path
) -> None:
    tree = seed_trees[api_name]
    config = _config(tree, tmp_path)
    with running_server(tree) as base:
        command = [str(BIN / "schemathesis"), "--config-file", str(config), "run"]
        command += [f"{base}/openapi.json", "--url", base, "--checks", "all"]
        command += ["--max-examples", "5", "--seed", "1", "--workers", "1"]
        command += ["--request-timeout", "10", "--no-color"]
        result = run(command, cwd=tmp_path, timeout=240)
    report = result.stdout[-6000:] + result.stderr[-2000:]
    assert result.returncode == 0, report
    assert "passed" in result.stdout, report
