"""A page's appendix of named schemas (`# Schemas` on widdershins and Slate pages, `Models`,
`Definitions`): each heading below it names one schema, defined by its properties table.

    ## Pet                            <- the schema's name, as the page spells it
    ### Properties
    | Name | Type | Required | Restrictions | Description |
    | id | integer(int64) | false | read-only | none |       <- a property
    | tags | [[Tag](#schematag)] | ... |                      <- a link: a reference to Tag
    | » name | string | ... |                                 <- nested under the row above
    #### Enumerated Values
    | Property | Value |                                      <- the allowed values of `status`

A lone `*anonymous*` row is the schema itself (a string with enumerated values, an array of
Tag). Tables separated by `allOf`/`and` lines are the parts of an `allOf`, by `oneOf`/`xor`
(or `anyOf`/`or`) lines the choices of a `oneOf`.
"""

from __future__ import annotations

from dataclasses import replace

from generator.diagnostics import Diagnostic, Span, warning
from generator.interpret.enums import enums_of, is_enum_table, with_enums
from generator.interpret.samples import read_sample
from generator.interpret.sections import Section, section_title
from generator.interpret.tables import body_from, table_roles
from generator.interpret.vocabulary import Column
from generator.model import ArrayOf, Field, ObjectType
from generator.readers.document import Code, Heading, Table, Text

_ALL = frozenset({"allof", "and"})
_ONE = frozenset({"oneof", "xor", "anyof", "or"})


def schema_names(sections: tuple[Section, ...]) -> frozenset[str]:
    return frozenset(section_title(s.heading) for s in sections if s.heading is not None)


def read_schemas(
    sections: tuple[Section, ...], path: str, diagnostics: list[Diagnostic]
) -> tuple[Field, ...]:
    names = schema_names(sections)
    out: list[Field] = []
    for section in sections:
        schema = _schema(section, names, path, diagnostics)
        if schema is not None:
            out.append(schema)
    return tuple(out)


def _as_sample_shows(root: Field, section: Section, path: str) -> Field:
    """An array schema whose table lists its items' properties (widdershins does): the
    schema's own sample, an array, says so."""
    sample = next((b for b in section.blocks if isinstance(b, Code)), None)
    if sample is None or not root.children or not isinstance(root.type, ObjectType | None):
        return root
    read = read_sample(sample, path, [])
    if read is None or not isinstance(read.value, list):
        return root
    return replace(root, type=ArrayOf(ObjectType()))


def _schema(
    section: Section, names: frozenset[str], path: str, diagnostics: list[Diagnostic]
) -> Field | None:
    assert section.heading is not None
    name = section_title(section.heading)
    parts: list[tuple[str, Table]] = []
    joiner = ""
    for block in section.blocks:
        if isinstance(block, Text | Heading) and block.text.strip().lower() in _ALL | _ONE:
            joiner = block.text.strip().lower()
        elif isinstance(block, Table) and Column.NAME in table_roles(block):
            parts += [] if is_enum_table(block) else [(joiner, block)]
    if not parts:
        span = Span(path, section.heading.line)
        what = f"schema {name!r} has no properties table; taken as any object"
        diagnostics.append(warning("schema-without-properties", what, span))
        return Field(name, ObjectType(), None, "", (span,))
    roots = [body_from(t, path, diagnostics, schemas=names) for _, t in parts]
    enums = enums_of([b for b in section.blocks if isinstance(b, Table) and is_enum_table(b)])
    fields = [with_enums(r, enums) for r in roots if r is not None]
    if not fields:
        return None
    span = Span(path, section.heading.line)
    if len(fields) == 1:
        root = _as_sample_shows(fields[0], section, path)
        return replace(root, name=name, sources=(span, *root.sources))
    if any(j in _ONE for j, _ in parts):
        return Field(name, None, None, "", (span,), one_of=tuple(fields))
    return Field(name, None, None, "", (span,), all_of=tuple(fields))
