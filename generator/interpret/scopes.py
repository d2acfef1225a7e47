"""A page's sections grouped by the operation they document.

An operation's scope starts at the section that states its endpoint and runs over the
sections after it until the next endpoint: deeper sub-sections always; sections of the same
depth that hold tables or samples (pages whose headings all have one level: `Sample request
packet`, `Basic format`, `Request packet fields`); prose-only sections of the same depth
unless the next section with content starts another operation (then they are chapters).
Within a scope, a request line that comes after tables or samples starts another operation;
adjacent request lines share the tables after them. Sections with tables or samples that no
endpoint owns are kept beside the operation before them, as asides (nested under the field
their heading names, or notes); before the first endpoint, a section of notes belongs to it,
but one with a field table is an operation that lost its request line: reported, not used.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.interpret.endpoints import (
    Target,
    code_targets,
    find_target,
    request_message,
    same_endpoint,
)
from generator.interpret.sections import Section, section_title, split_sections
from generator.interpret.vocabulary import (
    Column,
    Label,
    column_of,
    is_common_section,
    is_security_section,
    label_of,
    strip_numbering,
    words_of,
)
from generator.readers.document import Block, Code, Document, Heading, Table, Text

_MAX_TITLE_CHARS = 100
_APPENDIX_WORDS = frozenset(
    {"schemas", "schema", "models", "model", "definitions", "data", "types", "objects"}
    | {"structures", "structure"}
)


@dataclass(frozen=True, slots=True)
class Part:
    """The blocks that document one operation (or several sharing one set of tables)."""

    heading: Heading | None
    blocks: tuple[Block, ...]
    tag: str | None = None
    asides: tuple[Section, ...] = ()


@dataclass(frozen=True, slots=True)
class Layout:
    title: str | None
    parts: tuple[Part, ...]
    common: tuple[Section, ...]
    orphans: tuple[Section, ...] = ()
    schemas: tuple[Section, ...] = ()  # one per named schema of an appendix (`# Schemas`)
    bare_urls: bool = True  # the page states no method: its sample URLs are its endpoints


def targets_of(
    blocks: list[Block] | tuple[Block, ...], *, samples: bool = True, bare: bool = True
) -> list[Target]:
    """The endpoints the blocks state (URLs listed under `Base URLs` are servers); failing
    those, and unless `samples` is false, the request line of the first HTTP request
    message among them. Bare URLs count only under an endpoint label, or if `bare`."""
    out = [t for found in targets_by_block(blocks, bare=bare) for t in found]
    if out or not samples:
        return out
    messages = (request_message(b.text, b.source_line) for b in blocks if isinstance(b, Code))
    return next(([m] for m in messages if m is not None), [])


def targets_by_block(
    blocks: list[Block] | tuple[Block, ...], *, bare: bool = True
) -> list[list[Target]]:
    """The request lines each block states, the labels before it in view: none under
    `Base URLs` (servers), and URLs without a method only under an endpoint label
    (`HTTP request`, `Sample request URL`) unless `bare` (a page that states no method
    anywhere: its sample URLs are its endpoints)."""
    out: list[list[Target]] = []
    label: Label | None = None
    for block in blocks:
        found: list[Target] = []
        if isinstance(block, Text | Heading):
            label = label_of(block.text) or label
            target = find_target(block.text, block.line) if label_of(block.text) is None else None
            found = [target] if target and label is not Label.SERVERS else []
        elif isinstance(block, Code):
            found = list(code_targets(block.text, block.source_line))
        allowed = bare or label is Label.ENDPOINT
        out.append([t for t in found if t.method or allowed])
    return out


@dataclass(slots=True)
class _Scope:
    first: Section
    sections: list[Section] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    tag: str | None = None
    asides: list[Section] = field(default_factory=list)


def layout_of(doc: Document) -> Layout:
    sections = split_sections(doc)
    scopes: list[_Scope] = []
    common: list[Section] = []
    chapters: list[Section] = []
    pending: list[Section] = []  # asides before the first operation
    title: str | None = None
    current: _Scope | None = None
    bare = not any(t.method for t in targets_of(doc.blocks, samples=False))
    stated = [_stated(s, bare=bare) for s in sections]
    ahead = _next_with_content(sections, stated)
    appendix = _Appendix()
    for index, section in enumerate(sections):
        if appendix.take(section, stated=bool(stated[index])):
            current = None
            continue
        if section.heading is not None and is_common_section(section.heading.text):
            common.append(section)
            continue
        if section.heading is not None and is_security_section(section.heading.text):
            continue  # read for the whole page (`security`)
        found = _new(stated[index], current.targets) if current else stated[index]
        if found:
            current = _Scope(section, [section], found, _tag(chapters, section.rank))
            scopes.append(current)
            continue
        if current is not None and _joins(section, current, ahead[index]):
            current.sections.append(section)
            continue
        current = None
        if _has_content(section):
            (scopes[-1].asides if scopes else pending).append(section)
        elif section.heading is not None:
            chapters = [c for c in chapters if c.rank < section.rank] + [section]
            title = title or section_title(section.heading)
    if scopes:  # before the first endpoint: notes belong to it, field tables do not
        scopes[0].asides[:0] = [s for s in pending if not _has_field_table(s)]
        pending = [s for s in pending if _has_field_table(s)]
    parts = tuple(part for scope in scopes for part in _parts(scope, bare=bare))
    return Layout(title, parts, tuple(common), tuple(pending), tuple(appendix.schemas), bare)


@dataclass(slots=True)
class _Appendix:
    """The sections of an appendix of schemas: its heading, then one section per schema
    (headings inside a schema stay in it)."""

    heading: Section | None = None
    schemas: list[Section] = field(default_factory=list)

    def take(self, section: Section, *, stated: bool) -> bool:
        """Whether the section is the appendix's (its heading or one of its schemas)."""
        if self.heading is not None and section.rank > self.heading.rank and not stated:
            if self.schemas and section.rank > self.schemas[-1].rank:
                heading = [section.heading] if section.heading is not None else []
                self.schemas[-1].blocks.extend([*heading, *section.blocks])
            else:
                self.schemas += _by_level(section)
            return True
        self.heading = section if is_schemas_appendix(section.heading) else None
        return self.heading is not None


def _by_level(section: Section) -> list[Section]:
    """A schema's section cut at the headings of its own level: in an appendix of schemas
    every such heading names a schema, even one that reads like a label (`Status`)."""
    if section.heading is None:
        return [section]
    level = section.heading.level
    out = [Section(section.heading, section.rank)]
    for block in section.blocks:
        if isinstance(block, Heading) and block.level == level:
            out.append(Section(block, section.rank))
        else:
            out[-1].blocks.append(block)
    return out


def is_schemas_appendix(heading: Heading | None) -> bool:
    """`Schemas`, `Models`, `Definitions`, `Data types`: a part whose sub-headings name the
    document's schemas."""
    if heading is None:
        return False
    words = words_of(strip_numbering(heading.text)[1])
    return bool(words) and set(words) <= _APPENDIX_WORDS and not set(words) <= {"data"}


def _has_field_table(section: Section) -> bool:
    """Whether a section documents fields (a name column): an operation's section that
    lost its request line, not a note about the operation after it."""
    return any(
        isinstance(b, Table) and Column.NAME in (column_of(c.text) for c in b.header)
        for b in section.blocks
    )


def _stated(section: Section, *, bare: bool) -> list[Target]:
    """The endpoints a section states, its heading included."""
    blocks: list[Block] = list(section.blocks)
    if section.heading is not None:
        blocks.insert(0, section.heading)
    return targets_of(blocks, bare=bare)


def _next_with_content(sections: list[Section], stated: list[list[Target]]) -> list[bool | None]:
    """For each section, what the next section with tables, samples or endpoints after it
    is: True for one stating an endpoint, False for one without, None when there is none
    (one backward pass)."""
    out: list[bool | None] = [None] * len(sections)
    following: bool | None = None
    for index in range(len(sections) - 1, -1, -1):
        out[index] = following
        if stated[index] or _has_content(sections[index]):
            following = bool(stated[index])
    return out


def _new(found: list[Target], known: list[Target]) -> list[Target]:
    """Request lines that document an endpoint: all those stating a method, and URLs
    without one that are not a sample of an endpoint already known."""
    return [t for t in found if t.method or not any(same_endpoint(k, t) for k in known)]


def _has_content(section: Section) -> bool:
    return any(isinstance(b, Table | Code) for b in section.blocks)


def _joins(section: Section, scope: _Scope, next_states_endpoint: bool | None) -> bool:
    rank, own = section.rank, scope.first.rank
    if rank > own:
        return True
    if rank < own:
        return False
    return _has_content(section) or next_states_endpoint is False


def _tag(chapters: list[Section], rank: int) -> str | None:
    parents = [c for c in chapters if c.rank < rank]
    return section_title(parents[-1].heading) if parents else None


def _parts(scope: _Scope, *, bare: bool) -> list[Part]:
    """A scope's blocks cut where a request line follows tables or samples."""
    blocks: list[Block] = []
    for section in scope.sections:
        if section is not scope.first and section.heading is not None:
            blocks.append(section.heading)
        blocks += section.blocks
    out: list[Part] = []
    heading = scope.first.heading
    known: list[Target] = []
    start = 0
    content_at = -1  # index after the last table or sample of the current part
    stated = targets_by_block(blocks, bare=bare)
    for index, block in enumerate(blocks):
        new = _new(stated[index], known)
        if new and known and content_at > start:
            kept = tuple(b for b in blocks[start:content_at] if b is not heading)
            out.append(Part(heading, kept, scope.tag))
            heading, start = _title_of(blocks, content_at, index)
            known = []
        known += new
        if isinstance(block, Table) or (isinstance(block, Code) and not new):
            content_at = index + 1
    kept = tuple(b for b in blocks[start:] if b is not heading)
    out.append(Part(heading, kept, scope.tag, tuple(scope.asides)))
    return out


def _title_of(blocks: list[Block], start: int, end: int) -> tuple[Heading | None, int]:
    """The title of an operation cut from the one before it: the first heading or short
    line between the last table of the previous one and its own request line (taken out of
    the blocks, which then start there)."""
    for index in range(start, end):
        block = blocks[index]
        if isinstance(block, Heading) and label_of(block.text) is None:
            return block, start
        if isinstance(block, Text) and _title_like(block.text):
            heading = Heading(block.text, 6, block.line)
            blocks[index] = heading
            return heading, start
    return None, start


def _title_like(text: str) -> bool:
    t = text.strip()
    return (
        0 < len(t) <= _MAX_TITLE_CHARS
        and t[-1] not in ".:;,!?。：；"
        and label_of(t) is None
        and not t.startswith(("•", "-", "*"))
    )
