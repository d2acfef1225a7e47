"""Interpreter: a reader's Document to the API model (operations, parameters, fields)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from generator.diagnostics import Diagnostic, Span, info, warning
from generator.interpret.content import SectionContent
from generator.interpret.methods import families
from generator.interpret.operations import Context, operations_of
from generator.interpret.params import Common
from generator.interpret.schemas import read_schemas, schema_names
from generator.interpret.scopes import layout_of, targets_of
from generator.interpret.sections import Section, read_part, read_section, section_title
from generator.interpret.security import named_schemes, page_schemes
from generator.interpret.servers import page_servers
from generator.interpret.tables import body_from, parameters_from
from generator.interpret.vocabulary import Label, is_placeholder
from generator.model import (
    ApiDocument,
    Body,
    Field,
    Location,
    ObjectType,
    Operation,
    Parameter,
    Title,
)
from generator.normalize.merge import merge_operations
from generator.normalize.structure import shape
from generator.readers.document import Code, Document

_REAL_URL = re.compile(r"https?://((?:[a-z0-9-]+\.)+[a-z]{2,})(?=[/\"'\s]|$)")


@dataclass(frozen=True, slots=True)
class Interpretation:
    api: ApiDocument
    diagnostics: tuple[Diagnostic, ...]


def interpret(doc: Document) -> Interpretation:
    diagnostics: list[Diagnostic] = []
    layout = layout_of(doc)
    common = _common(layout.common, doc, diagnostics)
    operations: list[Operation] = []
    family = families([t for part in layout.parts for t in targets_of(part.blocks)])
    names = schema_names(layout.schemas)
    servers = page_servers(doc.blocks)
    bases = tuple(urlsplit(s.url).path for s in servers)
    for part in layout.parts:
        content = read_part(
            part.heading,
            part.blocks,
            part.asides,
            doc.path,
            diagnostics,
            bare_urls=layout.bare_urls,
        )
        title = _title(content, doc.path, diagnostics)
        ctx = Context(doc.path, common, part.tag, title, family, names, bases)
        operations.extend(
            op if op.servers else replace(op, servers=servers)
            for op in operations_of(content, ctx, diagnostics)
        )
    diagnostics += (
        warning(
            "section-no-endpoint",
            "section documents fields but states no endpoint (no 'METHOD /path' line); "
            "its tables are not imported",
            Span(doc.path, section.heading.line if section.heading else 0),
        )
        for section in layout.orphans
    )
    combined = _combine_same_key(operations, diagnostics)
    schemas = read_schemas(layout.schemas, doc.path, diagnostics)
    required = [op.security for op in combined if op.security]
    security = named_schemes(page_schemes(doc.blocks), required)
    api = ApiDocument(layout.title, combined, (doc.path,), schemas, security)
    return Interpretation(api, tuple(diagnostics))


def _common(sections: tuple[Section, ...], doc: Document, diagnostics: list[Diagnostic]) -> Common:
    params: list[Parameter] = []
    fields: list[Field] = []
    span: Span | None = None
    for section in sections:
        content = read_section(section, doc.path, diagnostics, common=True)
        params += _common_params(content, doc.path, diagnostics)
        for item in content.tables:
            if item.label is Label.RESPONSE:
                root = body_from(item.table, doc.path, diagnostics)
                fields += root.children if root else ()
                span = span or Span(doc.path, item.table.line)
    response = Field("", ObjectType(), None, "", (span,), children=tuple(fields)) if span else None
    return Common(tuple(params), response, _sample_host(doc))


def _common_params(
    content: SectionContent, path: str, diagnostics: list[Diagnostic]
) -> list[Parameter]:
    out: list[Parameter] = []
    for item in content.tables:
        if item.label in (Label.PARAMS, Label.PATH):
            out += parameters_from(item.table, "path", path, diagnostics)
        elif item.label in (Label.HEADER, Label.QUERY):
            where: Location = "header" if item.label is Label.HEADER else "query"
            out += parameters_from(item.table, where, path, diagnostics)
    return out


def _sample_host(doc: Document) -> str | None:
    """A real host name the page's own samples show (placeholders such as XXXX excluded)."""
    for block in doc.blocks:
        if isinstance(block, Code):
            for host in _REAL_URL.findall(block.text):
                if "xxx" not in host.lower():
                    return str(host)
    return None


def _title(content: SectionContent, path: str, diagnostics: list[Diagnostic]) -> Title:
    text = section_title(content.heading)
    if text and is_placeholder(text):
        assert content.heading is not None
        diagnostics.append(
            warning(
                "placeholder-title",
                f"section title {text!r} is a placeholder; the summary "
                "is derived from the endpoint",
                Span(path, content.heading.line),
            )
        )
        return Title(text, placeholder=True)
    return Title(text, placeholder=not text)


def _combine_same_key(
    operations: list[Operation], diagnostics: list[Diagnostic]
) -> tuple[Operation, ...]:
    """Sections of one page documenting the same method and path are one operation; a body
    documented in several shapes (one user, an array of users) becomes a choice of them.
    Each group is combined in one pass, however many sections it has."""
    groups: dict[tuple[str, str], list[Operation]] = {}
    for op in operations:
        group = groups.setdefault(op.key, [])
        if group:
            diagnostics.append(
                info(
                    "operation-documented-twice",
                    f"{op.method.upper()} {op.path} is documented in two sections; combined",
                    op.sources[0],
                    related=group[0].sources[:1],
                )
            )
        group.append(op if not group else _titled_examples(op))
    return tuple(_combined(group, diagnostics) for group in groups.values())


def _combined(group: list[Operation], diagnostics: list[Diagnostic]) -> Operation:
    by_shape: dict[tuple[object, ...], list[Operation]] = {}
    for op in group:
        if op.request_body is not None:
            by_shape.setdefault(shape(op.request_body.root), []).append(op)
    if len(by_shape) <= 1:
        return merge_operations(group, diagnostics)
    merged = merge_operations([replace(op, request_body=None) for op in group], diagnostics)
    roots = [_merged_root(ops, diagnostics) for ops in by_shape.values()]
    bodies = [op.request_body for op in group if op.request_body is not None]
    body = Body(
        bodies[0].media_type,
        roots[0],
        tuple(e for b in bodies for e in b.examples),
        (*roots[1:], *(a for b in bodies for a in b.alternatives)),
    )
    others = [ops[0] for ops in list(by_shape.values())[1:]]
    notes = [
        f"Also documented as: {op.title.text}."
        if op.title.text and not op.title.placeholder
        else ""
        for op in others
    ]
    parts = [group[0].description] + [
        p for op, n in zip(others, notes, strict=True) for p in (n, op.description)
    ]
    return replace(merged, request_body=body, description="\n\n".join(p for p in parts if p))


def _merged_root(ops: list[Operation], diagnostics: list[Diagnostic]) -> Field:
    """One body shape's root, merged over the sections that document it."""
    bodies = [replace(op, responses=(), parameters=(), title=ops[0].title) for op in ops]
    merged = merge_operations(bodies, diagnostics)
    assert merged.request_body is not None
    return merged.request_body.root


def _titled_examples(op: Operation) -> Operation:
    """The second section's examples named after it, so both sections' samples stay apart."""
    if not op.title.text or op.title.placeholder:
        return op

    def titled(body: Body | None) -> Body | None:
        if body is None:
            return None
        examples = tuple(
            replace(e, summary=f"{op.title.text}: {e.summary[:1].lower()}{e.summary[1:]}")
            for e in body.examples
        )
        return replace(body, examples=examples)

    responses = tuple(replace(r, body=titled(r.body)) for r in op.responses)
    return replace(op, request_body=titled(op.request_body), responses=responses)
