"""Running the shared acceptance scorer (../shared/acceptance/score.py) from the tests."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "acceptance"


def score(spec: Path | str, key: str) -> dict[str, Any]:
    """score.py's JSON result for one spec against the gold facts of one seed document."""
    command = [
        sys.executable,
        str(SHARED / "score.py"),
        str(spec),
        str(SHARED / "seeds.gold.json"),
        "--key",
        key,
        "--json",
    ]
    out = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT).stdout
    result: dict[str, Any] = json.loads(out)
    return result
