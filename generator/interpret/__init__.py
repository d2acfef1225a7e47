"""Interpreter: a reader's Document to the API model (operations, parameters, fields)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from generator.diagnostics import Diagnostic, Span, warning
from generator.interpret.sections import (
    LabelledTable,
    Section,
    SectionContent,
    read_section,
    section_title,
    split_sections,
)
from generator.interpret.tables import body_from, parameters_from
from generator.interpret.vocabulary import Label, is_placeholder
from generator.model import (
    ApiDocument,
    Body,
    Field,
    Location,
    Operation,
    Parameter,
    Response,
    Title,
)
from generator.readers.document import Document

_LOCATIONS: dict[Label, Location] = {
    Label.HEADER: "header",
    Label.QUERY: "query",
    Label.PATH: "path",
    Label.COOKIE: "cookie",
}


@dataclass(frozen=True, slots=True)
class Interpretation:
    api: ApiDocument
    diagnostics: tuple[Diagnostic, ...]


def interpret(doc: Document) -> Interpretation:
    diagnostics: list[Diagnostic] = []
    operations: list[Operation] = []
    chapters: list[Section] = []
    title: str | None = None
    for section in split_sections(doc):
        content = read_section(section, doc.path, diagnostics)
        if not content.endpoints:
            if section.heading is not None and not content.tables:
                chapters = [c for c in chapters if c.rank < section.rank] + [section]
                title = title or section_title(section.heading)
            continue
        tag = _tag(chapters, section.rank)
        operations.extend(_operations(content, tag, doc.path, diagnostics))
    return Interpretation(ApiDocument(title, tuple(operations), (doc.path,)), tuple(diagnostics))


def _tag(chapters: list[Section], rank: int) -> str | None:
    parents = [c for c in chapters if c.rank < rank]
    return section_title(parents[-1].heading) if parents else None


def _operations(
    content: SectionContent, tag: str | None, path: str, diagnostics: list[Diagnostic]
) -> list[Operation]:
    parameters: list[Parameter] = []
    body: Body | None = None
    responses: list[Response] = []
    for item in content.tables:
        if item.label in _LOCATIONS:
            parameters += parameters_from(item.table, _LOCATIONS[item.label], path, diagnostics)
        elif item.label in (Label.BODY, Label.FORM):
            body = _body(item, body, path, diagnostics)
        elif item.label is Label.RESPONSE:
            root = body_from(item.table, path, diagnostics)
            if root is not None:
                span = Span(path, item.table.line)
                responses.append(Response(item.status, Body(item.media_type, root), (span,)))
    title = _title(content, path, diagnostics)
    heading = content.heading
    return [
        Operation(
            method=ep.method.lower(),
            path=ep.path,
            title=title,
            sources=(Span(path, ep.line),),
            tag=tag,
            description=content.description,
            parameters=tuple(parameters),
            request_body=body,
            responses=tuple(responses),
            anchor=heading.anchor if heading else None,
        )
        for ep in content.endpoints
    ]


def _body(item: LabelledTable, previous: Body | None, path: str, diags: list[Diagnostic]) -> Body:
    root = body_from(item.table, path, diags)
    media = "application/x-www-form-urlencoded" if item.label is Label.FORM else "application/json"
    if previous is not None:
        diags.append(
            warning(
                "body-repeated",
                "a second request-body table; its rows are added to the first",
                Span(path, item.table.line),
            )
        )
        children = previous.root.children + (root.children if root else ())
        return Body(previous.media_type, replace(previous.root, children=children))
    return Body(media, root or Field("", None, None, "", (Span(path, item.table.line),)))


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
