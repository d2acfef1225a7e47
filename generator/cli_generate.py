"""Command line for code generation: `generate SPEC -o DIR [--templates DIR]`, and the
generation step of `build` (generated/<api>/ from each spec that validates)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostic, Severity, has_errors, sort_key
from generator.render import UnsafePathError, generate, source_base_for, stale_generated
from generator.render import write_generated as write_tree
from generator.sources import load_spec
from generator.validate import may_generate


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


def run_generate(args: argparse.Namespace) -> int:
    verdict = may_generate(args.spec)
    _print(verdict.diagnostics, floor=Severity.ERROR)
    if not verdict.ok:
        print(f"{args.output}: not generated: {args.spec} has errors", file=sys.stderr)
        return 1
    spec = load_spec(args.spec)
    if isinstance(spec, Diagnostic):
        print(spec.render(), file=sys.stderr)
        return 2
    source_base = source_base_for(args.spec, args.output)
    return generate_into(spec, args.output, templates=args.templates, source_base=source_base)


def generate_into(
    spec: dict[str, Any],
    out: Path,
    *,
    templates: Path | None,
    source_base: str,
    check: bool = False,
) -> int:
    """Generate one API's tree into `out` (or, with `check`, report whether it is stale)."""
    try:
        generated = generate(spec, templates=templates, source_base=source_base)
    except NotADirectoryError as exc:
        print(f"{templates}: error templates-missing: {exc}", file=sys.stderr)
        return 2
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
    print(f"{out}: {len(generated.files)} files, {len(changed)} changed", file=sys.stderr)
    return 0


def _print(diagnostics: tuple[Diagnostic, ...], *, floor: Severity) -> None:
    for diagnostic in sorted((d for d in diagnostics if d.severity >= floor), key=sort_key):
        print(diagnostic.render(), file=sys.stderr)
