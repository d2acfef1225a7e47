"""The corpus ratchet: ../shared/corpus/measure.py on its 87 real pages, every family held at
the figures recorded in corpus_floors.json (raise them when the importer improves; they may
never go down)."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
FLOORS = Path(__file__).with_name("corpus_floors.json")


def _measure(tmp_path: Path) -> list[dict[str, Any]]:
    out = tmp_path / "pages.json"
    command = [sys.executable, str(CORPUS / "measure.py"), "--json", str(out), "--timeout", "120"]
    subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT)
    rows: list[dict[str, Any]] = json.loads(out.read_text(encoding="utf-8"))
    return rows


def _figures(rows: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for family in sorted({r["family"] for r in rows}):
        pages = [r for r in rows if r["family"] == family]
        out[family] = {
            "strict": statistics.mean(r["strict"] for r in pages),
            "share_at_090": sum(r["strict"] >= 0.9 for r in pages) / len(pages),
            "without_spec": sum(not r["written"] for r in pages),
            "tracebacks": sum(r["traceback"] for r in pages),
            "timeouts": sum(r["timeout"] for r in pages),
        }
    return out


@pytest.mark.skipif(not (CORPUS / "measure.py").is_file(), reason="../shared/corpus is absent")
def test_no_family_drops_below_its_recorded_floor(tmp_path: Path) -> None:
    floors: dict[str, dict[str, float]] = json.loads(FLOORS.read_text(encoding="utf-8"))
    figures = _figures(_measure(tmp_path))
    assert sorted(figures) == sorted(floors)
    drops = []
    for family, floor in floors.items():
        now = figures[family]
        for key in ("strict", "share_at_090"):
            if now[key] < floor[key] - 1e-9:
                drops.append(f"{family} {key}: {now[key]:.3f} < floor {floor[key]:.3f}")
        for key in ("without_spec", "tracebacks", "timeouts"):
            if now[key] > floor[key]:
                drops.append(f"{family} {key}: {now[key]:.0f} > {floor[key]:.0f}")
    assert drops == [], "\n".join(drops)
