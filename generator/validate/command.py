"""`validate SPEC... [--format stylish|json|sarif] [--strict] [--rule CODE=SEVERITY]
[--sourcemap FILE]`: arguments in, the text to print and the exit status out (cli.py prints).

Exit status: 0 no error (warnings allowed unless --strict), 1 a spec has errors (or warnings
with --strict; an unparsable spec is such an error, at its line), 2 usage or I/O: a bad flag
or pyproject entry, a spec or source map that cannot be read.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from generator.diagnostics import Severity
from generator.validate import validate_file
from generator.validate.report import FileReport, as_json, by_place, counts, stylish
from generator.validate.sarif import as_sarif
from generator.validate.settings import RuleSettings, load_settings

FORMATS = ("stylish", "json", "sarif")


@dataclass(frozen=True, slots=True)
class Outcome:
    stdout: str
    stderr: tuple[str, ...]
    status: int


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmd = sub.add_parser("validate", help="check OpenAPI 3.0/3.1 specs: findings at file:line:col")
    cmd.add_argument("specs", nargs="+", type=Path, metavar="SPEC")
    cmd.add_argument("--format", choices=FORMATS, default="stylish", help="output format")
    cmd.add_argument("--strict", action="store_true", help="warnings fail too (exit 1)")
    cmd.add_argument(
        "--rule",
        action="append",
        default=[],
        metavar="CODE=SEVERITY",
        help="set a rule's severity: error, warning, info or off (repeatable)",
    )
    cmd.add_argument(
        "--sourcemap", type=Path, metavar="FILE", help="source map (default: <stem>.sourcemap.json)"
    )


def run(args: argparse.Namespace) -> Outcome:
    try:
        settings = load_settings(Path.cwd(), args.rule)
    except ValueError as exc:
        return Outcome("", (f"error usage: {exc}",), 2)
    if args.sourcemap is not None and len(args.specs) > 1:
        return Outcome("", ("error usage: --sourcemap applies to a single SPEC",), 2)
    reports: list[FileReport] = []
    problems: list[str] = []
    for path in args.specs:
        try:
            found = validate_file(path, settings, args.sourcemap)
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            problems.append(f"{path.as_posix()}: error file-unreadable: {_reason(exc)}")
            continue
        reports.append(by_place(path.as_posix(), found))
    text = _render(reports, args.format, settings)
    return Outcome(text, tuple(problems), 2 if problems else _status(reports, args.strict))


def _render(reports: list[FileReport], fmt: str, settings: RuleSettings) -> str:
    if fmt == "json":
        return as_json(reports)
    if fmt == "sarif":
        return as_sarif(reports, settings, _version())
    return stylish(reports)


def _status(reports: list[FileReport], strict: bool) -> int:
    counted = counts(reports)
    failing = counted[Severity.ERROR] + (counted[Severity.WARNING] if strict else 0)
    return 1 if failing else 0


def _reason(exc: Exception) -> str:
    if isinstance(exc, FileNotFoundError):
        return f"no such file: {exc.filename}"
    if isinstance(exc, IsADirectoryError):
        return f"a directory, not a file: {exc.filename}"
    if isinstance(exc, UnicodeDecodeError):
        return "not UTF-8 text"
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return f"source map: {exc}"


def _version() -> str:
    try:
        return version("doc2openapi")
    except PackageNotFoundError:
        return "0.0.0"
