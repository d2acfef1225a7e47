"""doc2openapi: API documentation in, canonical OpenAPI 3.1, checks, server, client and docs out.

Subcommands: import, build, validate, generate, fmt, diff (see the README).

Diagnostics go to stderr as `file:line: severity code: message`; exit status 0 when the output
was written (warnings allowed), 1 when the input has errors (nothing is written), 2 on usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from generator import cli_generate
from generator.diagnostics import Diagnostic, Severity, sort_key

if TYPE_CHECKING:
    from generator.pipeline import ImportResult
    from generator.workspace import BuildOutcome

# The other commands' modules are imported when their command runs (or when the whole
# parser is built): `generate`, run after every edit of a spec, starts without the readers,
# the importer's pipeline and the validator (which its checks load in their own process).


def main(argv: Sequence[str] | None = None) -> int:
    given = list(sys.argv[1:] if argv is None else argv)
    parser = _generate_parser() if given[:1] == ["generate"] else _parser()
    args = parser.parse_args(given)
    try:
        code: int = args.run(args)
    except KeyboardInterrupt:
        return 130
    return code


def _generate_parser() -> argparse.ArgumentParser:
    """The parser for `generate` alone: the same subcommand, without importing the others."""
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    cli_generate.register(sub)
    return parser


def _parser() -> argparse.ArgumentParser:
    from generator import cli_edits  # noqa: PLC0415
    from generator.readers import FORMATS  # noqa: PLC0415
    from generator.validate import command as validate_command  # noqa: PLC0415

    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    imp = sub.add_parser("import", help="read documents into one OpenAPI 3.1 spec")
    imp.add_argument("documents", nargs="+", type=Path, metavar="DOC")
    imp.add_argument("-o", "--output", type=Path, required=True, metavar="SPEC")
    imp.add_argument("--format", choices=FORMATS, help="skip format detection")
    imp.add_argument("--title", default="", help="info.title (default: the document's title)")
    imp.add_argument("--version", default="0.0.0", help="info.version")
    imp.add_argument("--server", action="append", default=[], metavar="URL")
    imp.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 on warnings too (the spec is still written)",
    )
    _verbosity(imp)
    imp.set_defaults(run=_import)
    build = sub.add_parser("build", help="rebuild spec/<api>/openapi.yaml for every API")
    build.add_argument("--workspace", type=Path, default=Path("."), metavar="DIR")
    build.add_argument("--check", action="store_true", help="fail if an output is out of date")
    build.add_argument(
        "--templates",
        type=Path,
        metavar="DIR",
        help="a folder of templates that replace built-in ones of the same name",
    )
    _verbosity(build)
    build.set_defaults(run=_build)
    validate_command.add_parser(sub)
    cli_edits.register(sub)
    cli_generate.register(sub)
    sub.choices["validate"].set_defaults(run=_validate)
    return parser


def _verbosity(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("-v", "--verbose", action="store_true", help="also print notes")
    group.add_argument("-q", "--quiet", action="store_true", help="print errors only")


def _validate(args: argparse.Namespace) -> int:
    from generator.validate import command as validate_command  # noqa: PLC0415

    outcome = validate_command.run(args)
    for line in outcome.stderr:
        print(line, file=sys.stderr)
    sys.stdout.write(outcome.stdout)
    return outcome.status


def _import(args: argparse.Namespace) -> int:
    from generator.emit.openapi import SpecInfo  # noqa: PLC0415
    from generator.model import Server  # noqa: PLC0415
    from generator.pipeline import import_documents  # noqa: PLC0415

    info = SpecInfo(args.title, args.version, "", tuple(Server(u) for u in args.server))
    result = import_documents(args.documents, fmt=args.format, spec_info=info, output=args.output)
    return _finish(result, args.output, args)


def _build(args: argparse.Namespace) -> int:
    from generator.config import CONFIG_NAME, load_config  # noqa: PLC0415
    from generator.workspace import build_outputs  # noqa: PLC0415

    spec_root = args.workspace / "spec"
    folders = sorted(p.parent for p in spec_root.glob(f"*/{CONFIG_NAME}"))
    if not folders:
        print(f"{spec_root}: error no-apis: no spec/<api>/{CONFIG_NAME} found", file=sys.stderr)
        return 1
    status = 0
    for folder in folders:
        config = load_config(folder)
        if isinstance(config, list):
            _report(config, args)
            status = 1
            continue
        outcome = build_outputs(config)
        status = max(status, _build_one(outcome, folder, args))
        if outcome.ok and outcome.spec is not None:
            out = args.workspace / "generated" / folder.name
            base = f"../../../spec/{folder.name}/"
            code = cli_generate.generate_into(
                outcome.spec, out, templates=args.templates, source_base=base, check=args.check
            )
            status = max(status, code)
    return status


def _build_one(outcome: BuildOutcome, folder: Path, args: argparse.Namespace) -> int:
    from generator.workspace import SPEC  # noqa: PLC0415
    from generator.writer import stale_files, write_files  # noqa: PLC0415

    _report(outcome.diagnostics, args)
    output = folder / SPEC
    if not outcome.ok:
        print(f"{output}: not written: the input has errors", file=sys.stderr)
        return 1
    if args.check:
        stale = stale_files(outcome.files)
        for path in stale:
            print(f"{path}: error stale: differs from what build produces", file=sys.stderr)
        return 1 if stale else 0
    changed = write_files(outcome.files)
    state = "written" if output in changed else "unchanged"
    if not args.quiet:
        print(f"{output}: {outcome.operations} operations, {state}", file=sys.stderr)
    return 0


def _finish(result: ImportResult, output: Path, args: argparse.Namespace) -> int:
    """Write what was understood. Exit 0 when nothing went wrong, 1 when the input has
    errors (the spec, if written, is partial: the errors name what it lacks) or, with
    --strict, warnings."""
    from generator.pipeline import rendered  # noqa: PLC0415
    from generator.writer import write_files  # noqa: PLC0415

    _report(result.diagnostics, args)
    if result.spec is None:
        print(f"{output}: not written: the input has errors", file=sys.stderr)
        return 1
    changed = write_files(rendered(result, output, str(output.parent)))
    state = "written" if output in changed else "unchanged"
    if result.partial:
        state += ", partial: the errors above name what it lacks"
    if not args.quiet or result.partial:
        print(f"{output}: {result.operations} operations, {state}", file=sys.stderr)
    worst = Severity.WARNING if args.strict else Severity.ERROR
    return 1 if any(d.severity >= worst for d in result.diagnostics) else 0


_NOUNS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _report(diagnostics: Sequence[Diagnostic], args: argparse.Namespace) -> None:
    floor = Severity.ERROR if args.quiet else Severity.INFO if args.verbose else Severity.WARNING
    shown = sorted((d for d in diagnostics if d.severity >= floor), key=sort_key)
    for diagnostic in shown:
        print(diagnostic.render(), file=sys.stderr)
    counts = {s: sum(1 for d in diagnostics if d.severity == s) for s in Severity}
    if any(counts.values()) and not args.quiet:
        summary = ", ".join(
            f"{n} {_NOUNS[s]}{'s' if n != 1 else ''}" for s, n in reversed(counts.items())
        )
        hidden = "" if args.verbose else " (-v shows notes)"
        print(f"{summary}{hidden if counts[Severity.INFO] else ''}", file=sys.stderr)
