"""Command line for spec maintenance: `fmt SPEC...` and `diff OLD NEW`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostic
from generator.edits.canonical import canonical
from generator.edits.specdiff import diff_specs
from generator.emit.yamlio import dump
from generator.sources import load_spec
from generator.writer import stale_files, write_files


def register(sub: Any) -> None:
    fmt = sub.add_parser("fmt", help="rewrite specs in the canonical form (same meaning)")
    fmt.add_argument("specs", nargs="+", type=Path, metavar="SPEC")
    fmt.add_argument("--check", action="store_true", help="fail if a spec is not canonical")
    fmt.set_defaults(run=run_fmt)
    diff = sub.add_parser("diff", help="changes between two specs; breaking ones marked")
    diff.add_argument("old", type=Path, metavar="OLD")
    diff.add_argument("new", type=Path, metavar="NEW")
    diff.add_argument("--format", choices=("text", "json"), default="text")
    diff.add_argument(
        "--fail-on",
        choices=("breaking", "any", "never"),
        default="breaking",
        help="which changes make the exit status 1 (default: breaking)",
    )
    diff.set_defaults(run=run_diff)


def _is_json(path: Path) -> bool:
    return path.suffix.lower() == ".json"


def _text(path: Path, data: dict[str, Any]) -> str:
    """JSON stays JSON, YAML stays YAML."""
    if _is_json(path):
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    return dump(data)


def _read(path: Path) -> dict[str, Any] | None:
    loaded = load_spec(path)
    if isinstance(loaded, Diagnostic):
        print(loaded.render(), file=sys.stderr)
        return None
    return loaded


def run_fmt(args: argparse.Namespace) -> int:
    files: dict[Path, str] = {}
    for path in args.specs:
        data = _read(path)
        if data is None:
            return 2
        files[path] = _text(path, canonical(data))
    if args.check:
        stale = stale_files(files)
        for path in stale:
            print(
                f"{path}: error not-canonical: run `python -m generator fmt {path}`",
                file=sys.stderr,
            )
        return 1 if stale else 0
    for path in write_files(files):
        print(f"{path}: reformatted", file=sys.stderr)
    return 0


def run_diff(args: argparse.Namespace) -> int:
    old, new = _read(args.old), _read(args.new)
    if old is None or new is None:
        return 2
    changes = diff_specs(old, new)
    if args.format == "json":
        rows = [
            {"code": c.code, "breaking": c.breaking, "where": c.where, "message": c.message}
            for c in changes
        ]
        print(json.dumps(rows, indent=1, ensure_ascii=False))
    else:
        for change in changes:
            print(change.render())
        breaking = sum(1 for c in changes if c.breaking)
        print(f"{len(changes)} changes, {breaking} breaking", file=sys.stderr)
    failing = {"breaking": any(c.breaking for c in changes), "any": bool(changes), "never": False}
    return 1 if failing[args.fail_on] else 0
