"""View-model of the Markdown reference: an index, one page per tag, one section per operation.

Everything here is plain text; the templates escape it (`md_text`, `md_cell`, ...). Field tables
are the schema tree flattened with a depth per row; descriptions keep their pipe tables as
tables (re-rendered cell by cell) and the rest as text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote

from generator.render import names
from generator.render.fields import FieldRow, field_rows, parameter_row, type_label
from generator.render.spec import Api, Example, Json, Operation, Response, SecurityScheme

_SOURCE = re.compile(r"(?P<file>[A-Za-z0-9._/-]+):(?P<line>[0-9]+)")
_SEPARATOR = re.compile(r"\s*:?-{3,}:?\s*")


@dataclass(frozen=True, slots=True)
class DocsOptions:
    source_base: str | None = None  # link prefix for x-source files, relative to docs/


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph (`lines`) or a table (`header`, `rows`) of a description."""

    lines: tuple[str, ...] = ()
    header: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True, slots=True)
class ExampleView:
    title: str
    json: str


@dataclass(frozen=True, slots=True)
class Payload:
    """A request body or a response: fields by depth, examples."""

    title: str
    media_type: str
    type: str
    blocks: tuple[Block, ...]
    fields: tuple[FieldRow, ...]
    examples: tuple[ExampleView, ...]


@dataclass(frozen=True, slots=True)
class AuthItem:
    scheme: str
    how: str


@dataclass(frozen=True, slots=True)
class SourceLink:
    label: str
    href: str | None


@dataclass(frozen=True, slots=True)
class DocOperation:
    anchor: str
    page: str
    method: str
    path: str
    title: str
    operation_id: str
    tags: tuple[str, ...]
    blocks: tuple[Block, ...]
    auth: tuple[tuple[AuthItem, ...], ...]
    auth_optional: bool
    parameters: tuple[FieldRow, ...]
    body: Payload | None
    responses: tuple[Payload, ...]
    error_codes: tuple[tuple[str, str], ...]
    rate_limit: str
    sources: tuple[SourceLink, ...]


@dataclass(frozen=True, slots=True)
class DocEntry:
    """An operation as the index and the page list it; its section (`doc_operation`) is built
    only when the section is not reused from a previous generation (`key`)."""

    anchor: str
    page: str
    method: str
    path: str
    title: str
    operation_id: str
    tags: tuple[str, ...]
    key: str  # the section's memo key: the operation's fingerprint, anchor and page


@dataclass(frozen=True, slots=True)
class Page:
    file: str
    tag: str
    blocks: tuple[Block, ...]
    operations: tuple[DocEntry, ...]


@dataclass(frozen=True, slots=True)
class DocsView:
    title: str
    version: str
    blocks: tuple[Block, ...]
    servers: tuple[str, ...]
    schemes: tuple[AuthItem, ...]
    pages: tuple[Page, ...]
    operations: tuple[DocEntry, ...]
    links_leave_site: bool  # source links point outside docs/: mkdocs cannot check them


def blocks(text: str) -> tuple[Block, ...]:
    """Split a description into paragraphs and pipe tables."""
    found: list[Block] = []
    paragraph: list[str] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        table_end = _table_end(lines, i)
        if table_end > i:
            if paragraph:
                found.append(Block(lines=tuple(paragraph)))
                paragraph = []
            found.append(_table(lines[i:table_end]))
            i = table_end
            continue
        if lines[i].strip():
            paragraph.append(lines[i].strip())
        elif paragraph:
            found.append(Block(lines=tuple(paragraph)))
            paragraph = []
        i += 1
    if paragraph:
        found.append(Block(lines=tuple(paragraph)))
    return tuple(found)


def _cells(line: str) -> list[str]:
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") else inner
    return [cell.strip() for cell in inner.split("|")]


def _table_end(lines: list[str], start: int) -> int:
    """The end of a pipe table starting at `start` (header + separator rows), else `start`."""
    if start + 1 >= len(lines) or "|" not in lines[start]:
        return start
    separator = _cells(lines[start + 1])
    if not separator or not all(_SEPARATOR.fullmatch(cell) for cell in separator):
        return start
    end = start + 2
    while end < len(lines) and lines[end].strip().startswith("|"):
        end += 1
    return end


def _table(lines: list[str]) -> Block:
    header = _cells(lines[0])
    rows = tuple(tuple((_cells(line) + [""] * len(header))[: len(header)]) for line in lines[2:])
    return Block(header=tuple(header), rows=rows)


def _how(scheme: SecurityScheme) -> str:
    if scheme.kind == "apiKey":
        return f"API key in {scheme.location} {scheme.parameter!r}"
    if scheme.kind == "http":
        return f"HTTP {scheme.scheme} authentication (Authorization header)"
    return f"{scheme.kind} token (Authorization header)"


def _auth(op: Operation, schemes: Mapping[str, SecurityScheme]) -> tuple[tuple[AuthItem, ...], ...]:
    return tuple(
        tuple(
            AuthItem(name, _how(schemes[name]) if name in schemes else "undeclared scheme")
            for name in alternative
        )
        for alternative in op.security
        if alternative
    )


def _examples(examples: tuple[Example, ...]) -> tuple[ExampleView, ...]:
    return tuple(
        ExampleView(e.summary, json.dumps(e.value, indent=2, ensure_ascii=False)) for e in examples
    )


def _response(api: Api, response: Response) -> Payload:
    schema = response.schema
    return Payload(
        title=response.status,
        media_type=response.media_type or "",
        type=type_label(api.spec, schema) if schema is not None else "",
        blocks=blocks(response.description),
        fields=field_rows(api.spec, schema) if schema is not None else (),
        examples=_examples(response.examples),
    )


def _sources(op: Operation, base: str | None) -> tuple[SourceLink, ...]:
    links = []
    for place in op.sources:
        match = _SOURCE.fullmatch(place)
        safe = match is not None and ".." not in match["file"].split("/")
        href = None
        if safe and match is not None and base is not None and not match["file"].startswith("/"):
            href = f"{quote(base, safe='/:.-_~')}{match['file']}#L{match['line']}"
        links.append(SourceLink(place, href))
    return tuple(links)


def _rate_limit(value: Mapping[str, Json] | None) -> str:
    if not value:
        return ""
    limit, period = value.get("limit"), value.get("period")
    text = f"{limit} requests per {period}" if limit is not None and period else ""
    extra = str(value.get("description") or "")
    return f"{text}. {extra}".strip(". ") if text and extra else text or extra


def doc_operation(api: Api, op: Operation, entry: DocEntry, options: DocsOptions) -> DocOperation:
    """The section of one operation, placed at `entry.anchor` on `entry.page`."""
    schemes = {s.name: s for s in api.schemes}
    body = None
    if op.body is not None:
        body = Payload(
            title="required" if op.body.required else "optional",
            media_type=op.body.media_type,
            type=type_label(api.spec, op.body.schema),
            blocks=blocks(op.body.description),
            fields=field_rows(api.spec, op.body.schema),
            examples=_examples(op.body.examples),
        )
    return DocOperation(
        anchor=entry.anchor,
        page=entry.page,
        method=entry.method,
        path=op.path,
        title=entry.title,
        operation_id=op.operation_id,
        tags=op.tags,
        blocks=blocks(op.description),
        auth=_auth(op, schemes),
        auth_optional=not op.requires_auth,
        parameters=tuple(parameter_row(api.spec, p) for p in op.parameters),
        body=body,
        responses=tuple(_response(api, r) for r in op.responses),
        error_codes=op.error_codes,
        rate_limit=_rate_limit(op.rate_limit),
        sources=_sources(op, options.source_base),
    )


def docs_view(api: Api, options: DocsOptions, keys: Mapping[str, str] | None = None) -> DocsView:
    """The index and the pages; `keys` are the operations' fingerprints by operationId."""
    files = names.unique([names.file_stem(t, fallback="tag") for t in api.tags], taken={"index"})
    page_of = dict(zip(api.tags, (f"{f}.md" for f in files), strict=True))
    anchors = names.unique(
        [names.anchor(op.operation_id, fallback="operation") for op in api.operations]
    )
    given = keys or {}
    operations = tuple(
        _entry(op, anchor, page_of[op.tags[0]], given.get(op.operation_id, ""))
        for op, anchor in zip(api.operations, anchors, strict=True)
    )
    pages = tuple(
        Page(
            file=page_of[tag],
            tag=tag,
            blocks=blocks(api.tag_descriptions.get(tag, "")),
            operations=tuple(op for op in operations if op.tags[0] == tag),
        )
        for tag in api.tags
    )
    return DocsView(
        title=api.title,
        version=api.version,
        blocks=blocks(api.description),
        servers=api.servers,
        schemes=tuple(AuthItem(s.name, _how(s)) for s in api.schemes),
        pages=tuple(p for p in pages if p.operations),
        operations=operations,
        links_leave_site=options.source_base is not None
        and not re.match(r"[a-z][a-z0-9+.-]*://", options.source_base),
    )


def _entry(op: Operation, anchor: str, page: str, fingerprint: str) -> DocEntry:
    title = op.summary or op.operation_id
    key = f"docs:{fingerprint}:{anchor}:{page}" if fingerprint else ""
    return DocEntry(anchor, page, op.method.upper(), op.path, title, op.operation_id, op.tags, key)
