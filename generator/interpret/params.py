"""Parameters and servers of one operation, from its tables, its URL and the common section.

- Tables labelled Request Header / Query / Path give parameters where they say.
- A `Parameter | Description` table describing a sample URL (Tencent style) is read against
  the URL: a row naming a query key is a query parameter, the row naming the host placeholder
  lists the servers, a row naming an API path is checked against the URL's path.
- Path variables and query keys nobody documents in the section come from the page's common
  parameters, else from the URL itself (typed by its sample value).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from generator.diagnostics import Diagnostic, Span, info, warning
from generator.interpret.content import SectionContent
from generator.interpret.endpoints import Target, normal_path, variables
from generator.interpret.tables import parameters_from
from generator.interpret.vocabulary import Label
from generator.model import Field, Location, Parameter, Scalar, Server, ServerVariable
from generator.readers.document import Table

_LOCATIONS: dict[Label, Location] = {
    Label.HEADER: "header",
    Label.QUERY: "query",
    Label.PATH: "path",
    Label.COOKIE: "cookie",
}
_REGION_DOMAIN = re.compile(
    r"([A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)*):\s*([a-z0-9-]+(?:\.[a-z0-9-]+)+)"
)
_CONCRETE = re.compile(r"^[\w.@:-]+$")


@dataclass(frozen=True, slots=True)
class Common:
    """What a page documents once for every operation."""

    params: tuple[Parameter, ...] = ()
    response: Field | None = None
    sample_host: str | None = None


def parameters_for(
    content: SectionContent,
    target: Target,
    common: Common,
    path: str,
    diagnostics: list[Diagnostic],
    *,
    schemas: frozenset[str] = frozenset(),
) -> tuple[Parameter, ...]:
    params: list[Parameter] = []
    for item in content.tables:
        if item.label in _LOCATIONS:
            where = _LOCATIONS[item.label]
            params += parameters_from(item.table, where, path, diagnostics, schemas=schemas)
        elif item.label is Label.PARAMS:
            params += _url_parameters(item.table, target, path, diagnostics)
    params = _unique(reconciled(params, target, path, diagnostics), diagnostics)
    documented = {(p.location, p.name) for p in params}
    for name in variables(target.path):
        if ("path", name) not in documented:
            params.append(_from_common(name, "path", common, target, path))
    for name, _ in target.query:
        if ("query", name) not in documented:
            params.append(_from_common(name, "query", common, target, path))
    return tuple(_with_sample(p, dict(target.query), diagnostics) for p in params)


def reconciled(
    params: list[Parameter], target: Target, path: str, diagnostics: list[Diagnostic]
) -> list[Parameter]:
    """Path parameters checked against the URL template: a query key filed under path
    parameters is a query parameter; a row naming no placeholder documents an undocumented
    placeholder under another name when their names differ only in case and separators
    (`threadId`, `{thread_id}`), or when it is the only such row and the path's last
    placeholder the only undocumented one; any other row the path lacks is taken as a query
    parameter. Each correction is reported."""
    names = variables(target.path)
    documented = {p.name for p in params if p.location == "path"}
    query = {k for k, _ in target.query}
    strays = [p for p in params if p.location == "path" and p.name not in names]
    renamed = _renamings(strays, [v for v in names if v not in documented], query, names)
    out: list[Parameter] = []
    for p in params:
        if p not in strays:
            out.append(p)
            continue
        if p.name in renamed:
            fixed = replace(p, name=renamed[p.name], required=True)
            why = f"documents the path's {{{renamed[p.name]}}} under another name"
        elif p.name in query:
            fixed, why = replace(p, location="query"), "is a query key"
        else:
            fixed = replace(p, location="query", required=None)
            why = "is not in the path; taken as a query key"
        what = f"path parameter {p.name!r} {why} ({target.path})"
        diagnostics.append(warning("path-parameter-reconciled", what, p.sources[0]))
        out.append(fixed)
    return out


def _unique(params: list[Parameter], diagnostics: list[Diagnostic]) -> list[Parameter]:
    """A parameter listed twice in one place (header names in any case) is kept once."""
    seen: dict[tuple[str, str], Parameter] = {}
    for p in params:
        key = (p.location, p.name.lower() if p.location == "header" else p.name)
        if key in seen:
            what = f"{p.location} parameter {p.name!r} listed twice; the first is kept"
            diagnostics.append(
                warning("parameter-listed-twice", what, p.sources[0], related=seen[key].sources)
            )
            continue
        seen[key] = p
    return list(seen.values())


def _renamings(
    strays: list[Parameter], open_vars: list[str], query: set[str], names: list[str]
) -> dict[str, str]:
    """Which stray rows document which placeholders: by name (case and separators aside),
    then the one row left for the path's last placeholder when that is the one left."""
    candidates = [p.name for p in strays if p.name not in query]
    out = {}
    for name in candidates:
        same = [v for v in open_vars if _plain(v) == _plain(name)]
        if len(same) == 1:
            out[name] = same[0]
    left = [n for n in candidates if n not in out]
    free = [v for v in open_vars if v not in out.values()]
    if len(left) == 1 and free == names[-1:]:
        out[left[0]] = free[0]
    return out


def _plain(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalnum())


def _from_common(
    name: str,
    location: Location,
    common: Common,
    target: Target,
    path: str,
) -> Parameter:
    known = next((p for p in common.params if p.name == name), None)
    if known is not None:
        return replace(
            known, location=location, required=True if location == "path" else known.required
        )
    span = Span(path, target.line)
    return Parameter(name, location, None, True if location == "path" else None, "", (span,))


def _url_parameters(
    table: Table, target: Target, path: str, diagnostics: list[Diagnostic]
) -> list[Parameter]:
    out: list[Parameter] = []
    for param in parameters_from(table, "query", path, diagnostics):
        name = param.name.strip()
        if name == target.host or name.lower() in ("http", "https"):
            continue
        if "/" in name:
            if normal_path(name) != target.path:
                diagnostics.append(
                    warning(
                        "path-contradiction",
                        f"the parameter table names the API {normal_path(name)}"
                        f" but the sample URL calls {target.path}; the sample URL is followed",
                        param.sources[0],
                        related=(Span(path, target.line),),
                    )
                )
            continue
        in_path = name in variables(target.path)
        out.append(replace(param, location="path", required=True) if in_path else param)
    return out


def _with_sample(p: Parameter, query: dict[str, str], diagnostics: list[Diagnostic]) -> Parameter:
    """A query parameter shown with a concrete value in the sample URL: that value is its
    example, types it when the table does not, and makes it required (the sample needs it)."""
    value = query.get(p.name, "") if p.location == "query" else ""
    if not value or not _CONCRETE.match(value):
        return p
    type_ = p.type or (Scalar("integer") if value.isdigit() else Scalar("string"))
    required = p.required
    if required is None:
        required = True
        diagnostics.append(
            info(
                "required-inferred",
                f"query parameter {p.name!r} is in the sample URL; taken as required",
                p.sources[0],
            )
        )
    return replace(p, type=type_, required=required, example=value)


def servers_for(
    target: Target, content: SectionContent, common: Common, path: str
) -> tuple[Server, ...]:
    if target.server is None or target.host is None:
        return ()
    scheme = target.server.split("://", 1)[0]
    host = target.host
    if host.startswith("{") and host.endswith("}"):
        name = host[1:-1]
        described = next((p for p in common.params if p.name == name), None)
        description = described.description if described else ""
        default = _domains(description)[0][1] if _domains(description) else common.sample_host
        variable = ServerVariable(name, default or "localhost", description)
        return (Server(target.server, "", (variable,)),)
    row = _row_naming(content, host)
    if row is not None and _domains(row):
        return tuple(Server(f"{scheme}://{domain}", region) for region, domain in _domains(row))
    return (Server(target.server),)


def _domains(text: str) -> list[tuple[str, str]]:
    return _REGION_DOMAIN.findall(text)


def _row_naming(content: SectionContent, name: str) -> str | None:
    for item in content.tables:
        for row in item.table.rows:
            if row.cells and row.cells[0].text.strip() == name:
                return " ".join(c.text for c in row.cells[1:])
    return None
