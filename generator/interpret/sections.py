"""A document's blocks split into sections, and what a section's blocks say.

Sections start at headings that are not labels (`Request Body` labels the tables after it; it
does not start a section). Text before the first heading is a section of its own, so an
untitled page fragment still yields its operation. `scopes` groups the sections by operation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from generator.diagnostics import Diagnostic, Span, warning
from generator.interpret.content import Aside, ContentReader, SectionContent
from generator.interpret.endpoints import find_target
from generator.interpret.vocabulary import label_of, strip_numbering
from generator.readers.document import Block, Document, Heading, Table


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
    return read_part(section.heading, section.blocks, (), path, diagnostics)


def read_part(
    heading: Heading | None,
    blocks: Sequence[Block],
    asides: Sequence[Section],
    path: str,
    diagnostics: list[Diagnostic],
    *,
    bare_urls: bool = True,
) -> SectionContent:
    """What an operation's blocks say; the tables of `asides` (sections no endpoint owns,
    kept beside this operation) are read as asides under their headings."""
    reader = ContentReader(path, diagnostics, bare_urls=bare_urls)
    target = find_target(heading.text, heading.line) if heading else None
    if target is not None:
        reader.add_target(target)
    for block in blocks:
        reader.take(block)
    for section in asides:
        caption = section_title(section.heading)
        reader.asides += [Aside(caption, b) for b in section.blocks if isinstance(b, Table)]
    content = reader.finish(heading)
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
