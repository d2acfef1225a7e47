"""What one section says: targets, labelled tables, samples, statements and description.

Labels (headings or plain lines) give the blocks after them a role. Tables left without a role
are classified once the whole section is read, because the section's URL decides some of them:
an error-code column makes an error table, rows naming the URL's parts make a parameter table,
the table right after the endpoint lines is the request header (this product's convention),
then a Required column means a request body and its absence a response.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.diagnostics import Diagnostic, Span, warning
from generator.interpret.endpoints import (
    METHOD_STATEMENT,
    Target,
    code_targets,
    find_target,
    request_message,
    same_endpoint,
)
from generator.interpret.samples import Sample, read_sample
from generator.interpret.tables import table_roles
from generator.interpret.vocabulary import Column, Label, is_placeholder, label_of
from generator.readers.document import Block, Code, Heading, Table

_STATUS = re.compile(r"^\W*([1-5]\d\d)\b")
# `Status Code **200**`, `200 Response`: the status the tables and samples after it are for
_STATUS_LINE = re.compile(
    r"^\W*(?:(?:http\s+)?status(?:\s+code)?\W*([1-5]\d\d|default)"
    r"|([1-5](?:\d\d|XX)|default)\s+response)\W*$",
    re.IGNORECASE,
)
_MEDIA = re.compile(r"format\s*[:：]\s*([A-Za-z][\w+.-]*)", re.IGNORECASE)
_MEDIA_TYPES = {"json": "application/json", "xml": "application/xml", "text": "text/plain"}
RATE = re.compile(  # `100 per second`, `100 times/second`
    r"(\d[\d,]*)\s*(?:calls?|requests?|queries|times)?\s*(?:per|/)\s*(second|minute|hour|day)\b",
    re.IGNORECASE,
)
_RATE_CONTEXT = re.compile(r"frequen|rate|limit|QPS|calls?\b|times", re.IGNORECASE)
_ARRAY_BODY = re.compile(r"request body is an?\s+(?:JSON\s*)?array", re.IGNORECASE)
_FIELD_LABELS = frozenset({
    Label.HEADER, Label.QUERY, Label.PATH, Label.COOKIE, Label.BODY, Label.FORM,
    Label.RESPONSE, Label.PARAMS,
})  # fmt: skip
_TABLE_LABELS = _FIELD_LABELS | {Label.ERRORS, Label.ENUM}
_TEXT_LEVEL = 99
_OTHER_SIDE = {Label.REQUEST_EXAMPLE: "response", Label.RESPONSE_EXAMPLE: "request"}


@dataclass(frozen=True, slots=True)
class LabelledTable:
    label: Label
    table: Table
    status: str = "200"
    media_type: str = "application/json"
    caption: str = ""
    lead_in: bool = False  # the caption is the prose line before the table, not a heading


@dataclass(frozen=True, slots=True)
class Aside:
    """A table under a sub-heading that is not a label (`Operations data fields`, `Applicable
    group types`): it may describe a documented field's object, else it is a note."""

    caption: str
    table: Table
    lead_in: bool = False


@dataclass(frozen=True, slots=True)
class Statement:
    text: str
    line: int


@dataclass(frozen=True, slots=True)
class LabelledSample:
    label: Label | None
    sample: Sample
    status: str = "200"


@dataclass(frozen=True, slots=True)
class SectionContent:
    heading: Heading | None
    targets: tuple[Target, ...]
    tables: tuple[LabelledTable, ...]
    samples: tuple[LabelledSample, ...]
    description: str
    notes: tuple[Table, ...] = ()
    method_statements: tuple[Statement, ...] = ()
    rate_limit: Statement | None = None
    body_is_array: bool = False
    unplaced: tuple[Table, ...] = ()
    asides: tuple[Aside, ...] = ()
    statements: tuple[Statement, ...] = ()  # every line that is not a label or endpoint


@dataclass(slots=True)
class _Pending:
    table: Table
    after_endpoint: bool
    first: bool


@dataclass(slots=True)
class ContentReader:
    path: str
    diagnostics: list[Diagnostic]
    targets: list[Target] = field(default_factory=list)
    tables: list[LabelledTable] = field(default_factory=list)
    pending: list[_Pending] = field(default_factory=list)
    samples: list[LabelledSample] = field(default_factory=list)
    prose: list[str] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    label: Label | None = None
    status: str = "200"
    media_type: str = "application/json"
    after_endpoint: bool = False
    caption: str = ""
    captions: list[Heading] = field(default_factory=list)  # the sub-headings since the label
    asides: list[Aside] = field(default_factory=list)
    label_level: int = _TEXT_LEVEL  # the heading level of the label (a line: below any)
    aside_tables: bool = False  # a caption no deeper than the label: its tables are asides
    lead_in: str = ""  # the line just before, when it ends with a colon
    messages: list[Target] = field(default_factory=list)  # request lines of HTTP samples
    bare_urls: bool = True  # a URL without a method is an endpoint outside endpoint labels

    def take(self, block: Block) -> None:
        was_endpoint = self.after_endpoint
        self.after_endpoint = False
        lead_in, self.lead_in = self.lead_in, ""
        if isinstance(block, Table):
            self._table(block, was_endpoint, lead_in)
        elif isinstance(block, Code):
            self._code(block)
        elif isinstance(block, Heading):
            self._heading(block)
        else:
            self._line(block.text, block.line)

    def _heading(self, heading: Heading) -> None:
        """A sub-heading inside an operation: a label, a request line, or a caption (one per
        sample variant, `Basic format`, `Response to a failed request`). A caption keeps the
        samples' label, unless it names the other direction: then each sample's keys tell
        (captions are copied carelessly). Tables under a caption deeper than the label's
        heading are variants of its table; under any other caption they are asides."""
        if label_of(heading.text) is not None or find_target(heading.text, heading.line):
            self._line(heading.text, heading.line)
            if label_of(heading.text) is not None:
                self.label_level = heading.level
            return
        self.captions = [c for c in self.captions if c.level < heading.level] + [heading]
        self.caption = " / ".join(c.text for c in self.captions)
        self.aside_tables = self.aside_tables or heading.level <= self.label_level
        other = _OTHER_SIDE.get(self.label) if self.label else None
        words = heading.text.lower().split()
        if other is not None and words and words[0].startswith(other):
            self.label = Label.EXAMPLE  # the caption and the label disagree: samples decide

    def add_target(self, target: Target) -> bool:
        """Record a request line; a methodless URL of an endpoint already known (a sample
        URL) or a repeated request line is not a new endpoint."""
        for known in self.targets:
            if same_endpoint(known, target) and (target.method is None or known.method):
                return False
        self.targets.append(target)
        self.after_endpoint = True
        return True

    def _line(self, text: str, line: int) -> None:
        status = _STATUS_LINE.match(text)
        if status:
            if self.label not in (Label.RESPONSE_EXAMPLE, Label.EXAMPLE):
                self._set_label(Label.RESPONSE, line)
            found = status.group(1) or status.group(2)
            self.status = "default" if found.lower() == "default" else found.upper()
            return
        label = label_of(text)
        if label is not None:
            self._set_label(label, line)
            return
        if self.label is Label.SERVERS and find_target(text, line) is not None:
            return  # a server the page lists for every operation (`interpret.servers`)
        target = find_target(text, line)
        if target is not None and self._endpoint(target) and self.add_target(target):
            return
        self.statements.append(Statement(text, line))
        if text.rstrip().endswith((":", "：")):
            self.lead_in = text
        if self.label is Label.RESPONSE and _STATUS.match(text):
            self._status_line(text)
        elif self._describing() and not is_placeholder(text):
            self.prose.append(text)

    def _describing(self) -> bool:
        """Prose describes the operation under a description label, or before any label,
        table or sample (later unlabelled prose is about a table or sample: error notes)."""
        if self.label is Label.DESCRIPTION:
            return True
        return self.label is None and not (self.tables or self.pending or self.samples)

    def _set_label(self, label: Label, line: int) -> None:
        if label is Label.BODY and self.label is Label.RESPONSE:
            self.diagnostics.append(
                warning(
                    "label-out-of-order",
                    "a request-body label inside the response part; read as the response",
                    Span(self.path, line),
                )
            )
            return
        self.label = label
        self.status = "200"
        self.caption = ""
        self.captions = []
        self.aside_tables = False
        self.label_level = _TEXT_LEVEL

    def _status_line(self, text: str) -> None:
        status = _STATUS.match(text)
        self.status = status.group(1) if status else "200"
        media = _MEDIA.search(text)
        if media:
            word = media.group(1).lower()
            self.media_type = _MEDIA_TYPES.get(word, word if "/" in word else f"application/{word}")

    def _endpoint(self, target: Target) -> bool:
        return bool(target.method) or self.bare_urls or self.label is Label.ENDPOINT

    def _code(self, code: Code) -> None:
        targets = code_targets(code.text, code.source_line)
        added = [t for t in targets if self._endpoint(t) and self.add_target(t)]
        if added:
            return
        message = request_message(code.text, code.source_line)
        if message is not None:
            self.messages.append(message)
        sample = read_sample(code, self.path, self.diagnostics)
        if sample is not None:
            self.samples.append(LabelledSample(self.label, sample, self.status))

    def _table(self, table: Table, after_endpoint: bool, lead_in: str) -> None:
        """A table takes the current label; under a caption (or after a line such as `Fields
        of the objects in ExtensionList:`) it may describe a documented field instead."""
        if self.caption and (self.aside_tables or self.label not in _FIELD_LABELS):
            self.asides.append(Aside(self.caption, table))
        elif self.label in _TABLE_LABELS:
            assert self.label is not None
            caption = self.caption or lead_in
            labelled = LabelledTable(
                self.label, table, self.status, self.media_type, caption, not self.caption
            )
            self.tables.append(labelled)
        else:
            first = not self.tables and not self.pending
            self.pending.append(_Pending(table, after_endpoint, first))

    def finish(self, heading: Heading | None) -> SectionContent:
        notes: list[Table] = []
        unplaced: list[Table] = []
        for item in self.pending:
            label = classify(
                item.table, self.targets, first=item.first, after_endpoint=item.after_endpoint
            )
            if label is None:
                (notes if Column.NAME not in _columns(item.table) else unplaced).append(item.table)
            else:
                self.tables.append(LabelledTable(label, item.table))
        return SectionContent(
            heading=heading,
            targets=tuple(self.targets or self.messages[:1]),
            tables=tuple(sorted(self.tables, key=lambda t: t.table.line)),
            samples=tuple(self.samples),
            description="\n".join(self.prose).strip(),
            notes=tuple(notes),
            method_statements=tuple(s for s in self.statements if METHOD_STATEMENT.search(s.text)),
            rate_limit=_rate_limit(self.statements),
            body_is_array=any(_ARRAY_BODY.search(s.text) for s in self.statements),
            unplaced=tuple(unplaced),
            asides=tuple(self.asides),
            statements=tuple(self.statements),
        )


def _columns(table: Table) -> tuple[Column | None, ...]:
    return table_roles(table)


def classify(
    table: Table, targets: list[Target], *, first: bool, after_endpoint: bool
) -> Label | None:
    columns = _columns(table)
    if Column.CODE in columns:
        return Label.ERRORS
    if Column.NAME not in columns:
        return None
    if _names_url_parts(table, targets):
        return Label.PARAMS
    if first and after_endpoint:
        return Label.HEADER
    if Column.TYPE in columns:
        return Label.BODY if Column.REQUIRED in columns else Label.RESPONSE
    return None


def _names_url_parts(table: Table, targets: list[Target]) -> bool:
    parts: set[str] = set()
    for target in targets:
        parts.update(name for name, _ in target.query)
        parts.add(target.host or "")
        parts.add(target.path.strip("/"))
    names = [row.cells[0].text.strip().strip("/") for row in table.rows if row.cells]
    hits = sum(1 for name in names if name in parts)
    return hits >= 2 or (hits == 1 and len(names) == 1)


def _rate_limit(statements: list[Statement]) -> Statement | None:
    for statement in statements:
        match = RATE.search(statement.text)
        if match and _RATE_CONTEXT.search(statement.text):
            return statement
    return None
