"""Byte-identical output across runs and hash seeds (two processes, different PYTHONHASHSEED)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.functional.support import FIXTURES, ROOT, SEED_APIS

SCRIPT = """
import hashlib, json, sys
from pathlib import Path
import yaml
from generator.render import generate
digests = {}
for name, path in json.loads(sys.argv[1]).items():
    spec = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    generated = generate(spec, source_base=f"../../../spec/{name}/")
    for rel, content in generated.files.items():
        data = content if isinstance(content, bytes) else content.encode()
        digests[f"{name}/{rel}"] = hashlib.sha256(data).hexdigest()
    digests[f"{name}/diagnostics"] = [d.render() for d in generated.diagnostics]
print(json.dumps(digests, sort_keys=True))
"""


def _digests(seed: str) -> dict[str, object]:
    specs = {api: str(ROOT / "spec" / api / "openapi.yaml") for api in SEED_APIS}
    specs["hostile"] = str(FIXTURES / "hostile.yaml")
    env = {**os.environ, "PYTHONHASHSEED": seed}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, json.dumps(specs)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    digests: dict[str, object] = json.loads(result.stdout)
    return digests


def test_same_bytes_under_different_hash_seeds() -> None:
    first, second = _digests("0"), _digests("4242")
    assert first == second
    assert len(first) > 80
