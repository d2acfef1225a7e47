"""Check (not a test: it needs the npm registry) that `fmt` keeps the meaning of GitHub's REST
API description and is idempotent, and time it.

    .venv/bin/python bench/fmt_check.py [--version 23.0.2]

Fetches `@octokit/openapi` like bench/validate.py (cached in bench/.cache/), then formats
`api.github.com.json` twice through the real command in a temporary folder. Exits 1 if a value
changed or the second run changed a byte.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from validate import fetch

ROOT = Path(__file__).resolve().parent.parent


def _fmt(path: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "generator", "fmt", str(path)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--version", default="23.0.2")
    args = parser.parse_args()
    source = fetch(args.version, "api.github.com.json")
    with tempfile.TemporaryDirectory() as folder:
        spec = Path(folder) / "api.github.com.json"
        shutil.copy(source, spec)
        first = _fmt(spec)
        once = spec.read_bytes()
        second = _fmt(spec)
        same_meaning = json.loads(once) == json.loads(source.read_bytes())
        idempotent = spec.read_bytes() == once
    print(
        f"fmt api.github.com.json ({source.stat().st_size / 1e6:.1f} MB): first run "
        f"{first:.1f} s, second run {second:.1f} s"
    )
    print(f"meaning kept: {same_meaning}; idempotent: {idempotent}")
    return 0 if same_meaning and idempotent else 1


if __name__ == "__main__":
    sys.exit(main())
