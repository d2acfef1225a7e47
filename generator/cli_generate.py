"""Command line for code generation: `generate SPEC -o DIR [--templates DIR]`, and the
generation step of `build` (generated/<api>/ from each spec that validates)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostic, Severity, has_errors, sort_key
from generator.heap import collector_paused
from generator.parallel import Aside
from generator.piecestore import PieceStore
from generator.render import (
    Generated,
    UnsafePathError,
    generate,
    source_base_for,
    stale_generated,
)
from generator.render import write_generated as write_tree
from generator.render.memo import Memo, stamp
from generator.sources import load_spec


def register(sub: Any) -> None:
    gen = sub.add_parser("generate", help="FastAPI server, typed client and docs from a spec")
    gen.add_argument("spec", type=Path, metavar="SPEC")
    gen.add_argument("-o", "--output", type=Path, required=True, metavar="DIR")
    gen.add_argument(
        "--templates",
        type=Path,
        metavar="DIR",
        help="a folder of templates that replace built-in ones of the same name",
    )
    gen.set_defaults(run=run_generate)


@collector_paused()  # see `heap`
def run_generate(args: argparse.Namespace) -> int:
    """The checks that gate generation run on the other core while the generation runs:
    nothing is written before they pass, and a generation that a failing spec made fail
    is reported as the checks' errors."""
    checks = Aside(partial(_checks, args.spec))
    gate = Gate(args.spec, checks.result)
    spec = load_spec(args.spec)
    if isinstance(spec, Diagnostic):
        if not _passed(gate, args.output):
            return 1
        print(spec.render(), file=sys.stderr)
        return 2
    source_base = source_base_for(args.spec, args.output)
    return generate_into(
        spec, args.output, templates=args.templates, source_base=source_base, gate=gate
    )


def _checks(spec: Path) -> tuple[bool, tuple[Diagnostic, ...]]:
    """The validator is imported here, in the process that runs the checks (and only plain
    diagnostics travel back: receiving a `Verdict` would import the validator here too)."""
    from generator.validate import may_generate  # noqa: PLC0415

    verdict = may_generate(spec)
    return verdict.ok, verdict.diagnostics


@dataclass(frozen=True, slots=True)
class Gate:
    """The spec file's checks, and how to await their verdict."""

    spec: Path
    verdict: Callable[[], tuple[bool, tuple[Diagnostic, ...]]]  # ok, and the findings


@collector_paused()  # see `heap`: 0.1 s of a rebuild of GitHub's spec
def generate_into(
    spec: dict[str, Any],
    out: Path,
    *,
    templates: Path | None,
    source_base: str,
    check: bool = False,
    gate: Gate | None = None,
) -> int:
    """Generate one API's tree into `out` (or, with `check`, report whether it is stale).

    `gate`'s verdict (the checks on the spec's file) is awaited before anything is
    written. The pieces of the previous generation into `out` (docs sections, mocks, methods)
    are kept in the cache and reused where their inputs are unchanged: a one-operation edit
    of a large API renders that operation again, not the whole API."""
    store = PieceStore(out)
    previous = store.load()
    memo = Memo(previous, stamp(templates))
    try:
        generated: Generated | Exception = generate(
            spec, templates=templates, source_base=source_base, memo=memo
        )
    except NotADirectoryError as exc:
        print(f"{templates}: error templates-missing: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # a spec the checks reject may break generation: they say why
        if gate is None:
            raise
        generated = exc
    if gate is not None and not _passed(gate, out):
        return 1
    if isinstance(generated, Exception):
        raise generated
    return _finish(generated, out, check=check, kept=lambda: store.save(previous, memo.kept))


def _passed(gate: Gate, out: Path) -> bool:
    ok, diagnostics = gate.verdict()
    _print(diagnostics, floor=Severity.ERROR)
    if not ok:
        print(f"{out}: not generated: {gate.spec} has errors", file=sys.stderr)
    return ok


def _finish(generated: Generated, out: Path, *, check: bool, kept: Callable[[], None]) -> int:
    _print(generated.diagnostics, floor=Severity.WARNING)
    if has_errors(generated.diagnostics):
        print(f"{out}: not generated: errors above", file=sys.stderr)
        return 1
    if check:
        stale = stale_generated(out, generated)
        for path in stale:
            print(f"{path}: error stale: differs from what build generates", file=sys.stderr)
        return 1 if stale else 0
    try:
        changed = write_tree(out, generated)
    except UnsafePathError as exc:
        print(f"{out}: error unsafe-path: {exc}", file=sys.stderr)
        return 1
    kept()
    print(f"{out}: {len(generated.files)} files, {len(changed)} changed", file=sys.stderr)
    return 0


def _print(diagnostics: tuple[Diagnostic, ...], *, floor: Severity) -> None:
    for diagnostic in sorted((d for d in diagnostics if d.severity >= floor), key=sort_key):
        print(diagnostic.render(), file=sys.stderr)
