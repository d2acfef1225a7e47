"""A document's blocks split into sections.

Sections start at headings that are not labels (`Request Body` labels the tables after it; it
does not start a section). A heading with neither endpoints nor tables is a chapter: its title
tags the deeper sections below it. Text before the first heading is a section of its own, so an
untitled page fragment still yields its operation.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.diagnostics import Diagnostic, Span, error, warning
from generator.interpret.content import ContentReader, SectionContent
from generator.interpret.vocabulary import label_of, strip_numbering
from generator.readers.document import Block, Document, Heading


@dataclass(slots=True)
class Section:
    heading: Heading | None
    rank: int
    blocks: list[Block] = field(default_factory=list)


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


def read_section(
    section: Section, path: str, diagnostics: list[Diagnostic], *, common: bool = False
) -> SectionContent:
    reader = ContentReader(path, diagnostics)
    for block in section.blocks:
        reader.take(block)
    content = reader.finish(section.heading)
    tables = [t.table for t in content.tables] + list(content.unplaced)
    if tables and not content.targets and not common:
        where = section.heading.line if section.heading else tables[0].line
        diagnostics.append(
            error(
                "section-no-endpoint",
                "section has tables but no 'METHOD /path' line; its tables are not imported",
                Span(path, where),
            )
        )
    elif content.targets or common:
        diagnostics.extend(
            warning(
                "table-unlabelled",
                "table with no label saying what it describes; not imported",
                Span(path, table.line),
            )
            for table in content.unplaced
        )
    return content


def section_title(heading: Heading | None) -> str:
    return strip_numbering(heading.text)[1] if heading else ""
