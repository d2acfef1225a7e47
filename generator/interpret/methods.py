"""An operation's HTTP method when its request line states none, and where the rows of a
generic `Request parameters` table go.

The method comes from the best evidence there is, reported: a sentence (`the request method
is POST`), the operation's own request sample (`curl -X GET ...` calling the same path), a
documented request body (POST), the methods every other operation of the page uses on the
same URL family, and only when nothing says otherwise GET.

A generic parameter table's rows that name parts of the URL (query keys, path variables, the
host placeholder, the API path) describe the URL; the other rows are the body's fields when
the method carries a body, else query parameters.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from generator.diagnostics import Diagnostic, Span, info, warning
from generator.interpret.content import LabelledTable, SectionContent
from generator.interpret.endpoints import METHOD_STATEMENT, Target, matches, parse_target
from generator.interpret.vocabulary import Label
from generator.readers.document import Row

_BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})
_SCHEMES = frozenset({"http", "https"})


@dataclass(frozen=True, slots=True)
class Evidence:
    method: str
    reason: str
    stated: bool = False


def method_of(
    content: SectionContent,
    target: Target,
    family: dict[str, str],
    path: str,
    diagnostics: list[Diagnostic],
) -> str:
    found = _evidence(content, target, family)
    if not found.stated:
        severity = info if found.reason.startswith("its request sample") else warning
        what = f"no HTTP method is stated; {found.method} assumed ({found.reason})"
        diagnostics.append(severity("method-assumed", what, Span(path, target.line)))
    return found.method


def _evidence(content: SectionContent, target: Target, family: dict[str, str]) -> Evidence:
    texts = [s.text for s in content.method_statements] + [
        cell.text for t in content.tables for row in t.table.rows for cell in row.cells
    ]
    for text in texts:
        match = METHOD_STATEMENT.search(text)
        if match:
            return Evidence(match.group(1).upper(), "stated", stated=True)
    for item in content.samples:
        sample = item.sample
        if sample.method and sample.url and matches(target.path, _path(sample.url)):
            return Evidence(sample.method, "its request sample uses it")
    if _has_request_fields(content, target):
        return Evidence("POST", "a request body is documented")
    known = family.get(family_key(target))
    if known:
        return Evidence(known, f"every other operation under {family_key(target)} uses it")
    return Evidence("GET", "no request body is documented")


def family_key(target: Target) -> str:
    """The URL family of an endpoint: its first path segment (`/v4`)."""
    return "/" + target.path.strip("/").split("/", 1)[0]


def families(targets: list[Target]) -> dict[str, str]:
    """The method each URL family's stated request lines agree on (families that disagree
    are left out)."""
    seen: dict[str, set[str]] = {}
    for target in targets:
        if target.method:
            seen.setdefault(family_key(target), set()).add(target.method.upper())
    return {key: next(iter(methods)) for key, methods in seen.items() if len(methods) == 1}


def _path(url: str) -> str:
    return parse_target(None, url, 0).path


def _has_request_fields(content: SectionContent, target: Target) -> bool:
    for item in content.tables:
        if item.label in (Label.BODY, Label.FORM):
            return True
        if item.label is Label.PARAMS and any(
            not names_url_part(_name(row), target) for row in item.table.rows
        ):
            return True
    return any(s.label is Label.REQUEST_EXAMPLE and s.sample.has_value for s in content.samples)


def names_url_part(name: str, target: Target) -> bool:
    name = name.strip().strip("/")
    return (
        name.lower() in _SCHEMES
        or "/" in name
        or name == (target.host or "")
        or name in {k for k, _ in target.query}
        or f"{{{name}}}" in target.path
    )


def _name(row: Row) -> str:
    return row.cells[0].text if row.cells else ""


def split_params(
    content: SectionContent, target: Target, method: str, path: str, diagnostics: list[Diagnostic]
) -> SectionContent:
    """The section with each generic parameter table cut in two: the rows describing the
    URL stay; the others become body fields (POST, PUT, PATCH) or query parameters."""
    tables: list[LabelledTable] = []
    for item in content.tables:
        if item.label is not Label.PARAMS:
            tables.append(item)
            continue
        url_rows = tuple(r for r in item.table.rows if names_url_part(_name(r), target))
        other = tuple(r for r in item.table.rows if not names_url_part(_name(r), target))
        if url_rows:
            tables.append(replace(item, table=replace(item.table, rows=url_rows)))
        if other:
            label = Label.BODY if method.upper() in _BODY_METHODS else Label.QUERY
            tables.append(replace(item, label=label, table=replace(item.table, rows=other)))
            where = "body fields" if label is Label.BODY else "query parameters"
            what = f"the rows of a generic parameter table are taken as {where} ({method})"
            diagnostics.append(info("parameters-placed", what, Span(path, item.table.line)))
    return replace(content, tables=tuple(tables))
