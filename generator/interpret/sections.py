"""A document's blocks to operations.

Sections start at headings that are not table labels. In a section, `METHOD /path` lines name
operations (several lines: one operation each, sharing the section's tables); labels such as
`Query Param` or `### Request Body` give the following tables their role; an unlabelled table
right after the endpoint lines is the request-header table. A heading without endpoints or
tables is a chapter: its title tags the deeper sections below it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from generator.diagnostics import Diagnostic, Span, error, warning
from generator.interpret.vocabulary import Label, is_placeholder, label_of, strip_numbering
from generator.readers.document import Block, Document, Heading, Table, Text

_ENDPOINT = re.compile(
    r"^[>\-*•●\s]*(GET|PUT|POST|DELETE|PATCH|HEAD|OPTIONS|TRACE)\s+((?:https?://|/)\S*)\s*$"
)
_STATUS = re.compile(r"^\W*([1-5]\d\d)\b")
_MEDIA = re.compile(r"format\s*[:：]\s*([A-Za-z][\w+.-]*)", re.IGNORECASE)
_MEDIA_TYPES = {"json": "application/json", "xml": "application/xml", "text": "text/plain"}


@dataclass(frozen=True, slots=True)
class Endpoint:
    method: str
    path: str
    line: int


@dataclass(frozen=True, slots=True)
class LabelledTable:
    label: Label
    table: Table
    status: str = "200"
    media_type: str = "application/json"


@dataclass(slots=True)
class Section:
    heading: Heading | None
    rank: int
    blocks: list[Block] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class SectionContent:
    """What one section says: its endpoints, labelled tables and free description."""

    heading: Heading | None
    endpoints: tuple[Endpoint, ...]
    tables: tuple[LabelledTable, ...]
    description: str


def split_sections(doc: Document) -> list[Section]:
    sections = [Section(None, 0)]
    for block in doc.blocks:
        if isinstance(block, Heading) and label_of(block.text) is None:
            sections.append(Section(block, rank_of(block)))
        else:
            sections[-1].blocks.append(block)
    return sections


def rank_of(heading: Heading) -> int:
    """Depth in the outline: numbering depth (`3.1` -> 2) when numbered, else the level."""
    number, _ = strip_numbering(heading.text)
    return number.count(".") + 1 if number else heading.level


def read_section(section: Section, path: str, diagnostics: list[Diagnostic]) -> SectionContent:
    reader = _SectionReader(path, diagnostics)
    for block in section.blocks:
        reader.take(block)
    content = SectionContent(
        section.heading,
        tuple(reader.endpoints),
        tuple(reader.tables),
        "\n".join(reader.prose).strip(),
    )
    tables = [t.table for t in content.tables] + reader.unlabelled
    if tables and not content.endpoints:
        where = section.heading.line if section.heading else tables[0].line
        diagnostics.append(
            error(
                "section-no-endpoint",
                "section has tables but no 'METHOD /path' line; its tables are not imported",
                Span(path, where),
            )
        )
    else:
        diagnostics.extend(
            warning(
                "table-unlabelled",
                "table with no label saying what it describes; not imported",
                Span(path, table.line),
            )
            for table in reader.unlabelled
        )
    return content


@dataclass(slots=True)
class _SectionReader:
    path: str
    diagnostics: list[Diagnostic]
    endpoints: list[Endpoint] = field(default_factory=list)
    tables: list[LabelledTable] = field(default_factory=list)
    prose: list[str] = field(default_factory=list)
    unlabelled: list[Table] = field(default_factory=list)
    label: Label | None = None
    status: str = "200"
    media_type: str = "application/json"

    def take(self, block: Block) -> None:
        if isinstance(block, Table):
            self._table(block)
        elif isinstance(block, Heading | Text):
            self._line(block.text, block.line)

    def _line(self, text: str, line: int) -> None:
        label = label_of(text)
        if label is not None:
            self.label = label
            return
        endpoint = _ENDPOINT.match(text)
        if endpoint:
            self.endpoints.append(Endpoint(endpoint.group(1), _path_of(endpoint.group(2)), line))
        elif self.label is Label.RESPONSE and _STATUS.match(text):
            self._status_line(text)
        elif self.label in (None, Label.DESCRIPTION) and not is_placeholder(text):
            self.prose.append(text)

    def _status_line(self, text: str) -> None:
        status = _STATUS.match(text)
        self.status = status.group(1) if status else "200"
        media = _MEDIA.search(text)
        if media:
            word = media.group(1).lower()
            self.media_type = _MEDIA_TYPES.get(word, word if "/" in word else f"application/{word}")

    def _table(self, table: Table) -> None:
        label = self.label
        if label is None and not self.tables and self.endpoints:
            label = Label.HEADER
        if label is None or label is Label.DESCRIPTION:
            self.unlabelled.append(table)
            return
        self.tables.append(LabelledTable(label, table, self.status, self.media_type))


def _path_of(target: str) -> str:
    """`/user/list?x=1` -> `/user/list`; a full URL keeps only its path."""
    if target.startswith("http"):
        target = urlsplit(target).path or "/"
    return target.split("?", 1)[0].split("#", 1)[0] or "/"


def section_title(heading: Heading | None) -> str:
    return strip_numbering(heading.text)[1] if heading else ""
