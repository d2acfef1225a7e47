"""Interpreter: a reader's Document to the API model (operations, parameters, fields)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from generator.diagnostics import Diagnostic, Span, info, warning
from generator.interpret.content import SectionContent
from generator.interpret.methods import families
from generator.interpret.operations import Context, operations_of
from generator.interpret.params import Common
from generator.interpret.scopes import layout_of, targets_of
from generator.interpret.sections import Section, read_part, read_section, section_title
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
from generator.normalize.merge import merge_operation
from generator.normalize.structure import same_shape
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
    for part in layout.parts:
        content = read_part(part.heading, part.blocks, part.asides, doc.path, diagnostics)
        title = _title(content, doc.path, diagnostics)
        ctx = Context(doc.path, common, part.tag, title, family)
        operations.extend(operations_of(content, ctx, diagnostics))
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
    return Interpretation(ApiDocument(layout.title, combined, (doc.path,)), tuple(diagnostics))


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
    """Two sections of one page documenting the same method and path are one operation; a
    body documented in two shapes (one user, an array of users) becomes a choice of both."""
    by_key: dict[tuple[str, str], Operation] = {}
    for op in operations:
        first = by_key.get(op.key)
        if first is None:
            by_key[op.key] = op
            continue
        diagnostics.append(
            info(
                "operation-documented-twice",
                f"{op.method.upper()} {op.path} is documented in two sections; combined",
                op.sources[0],
                related=first.sources[:1],
            )
        )
        by_key[op.key] = _combined(first, op, diagnostics)
    return tuple(by_key.values())


def _combined(a: Operation, b: Operation, diagnostics: list[Diagnostic]) -> Operation:
    b = _titled_examples(b)
    body_a, body_b = a.request_body, b.request_body
    if body_a is None or body_b is None or same_shape(body_a.root, body_b.root):
        return merge_operation(a, b, diagnostics)
    merged = merge_operation(
        replace(a, request_body=None), replace(b, request_body=None), diagnostics
    )
    body = Body(
        body_a.media_type,
        body_a.root,
        body_a.examples + body_b.examples,
        (*body_a.alternatives, body_b.root, *body_b.alternatives),
    )
    note = (
        f"Also documented as: {b.title.text}." if b.title.text and not b.title.placeholder else ""
    )
    description = "\n\n".join(p for p in (a.description, note, b.description) if p)
    return replace(merged, request_body=body, description=description)


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
