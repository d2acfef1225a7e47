"""Readers: structure recovered from each format, every cell with its line."""

from __future__ import annotations

from generator.readers import detect_format, read_document
from generator.readers.cells import read as read_cells
from generator.readers.document import Heading, Table, Text
from generator.readers.markdown import read as read_markdown

CELLS = """1.2 Set avatar
PUT /user/avatar
| Parameter name |
Data Type |
Required |
Description |
| app_id |
string |
true |
App ID |
|
string |
true |
Whole body |
"""


def test_cells_reader_groups_cells_by_header_width() -> None:
    result = read_cells(CELLS, "a.txt")
    assert result.diagnostics == ()
    heading, endpoint, table = result.document.blocks
    assert heading == Heading("1.2 Set avatar", 2, 1)
    assert endpoint == Text("PUT /user/avatar", 2)
    assert isinstance(table, Table)
    assert [c.text for c in table.header] == [
        "Parameter name",
        "Data Type",
        "Required",
        "Description",
    ]
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["app_id", "string", "true", "App ID"],
        ["", "string", "true", "Whole body"],
    ]
    assert [r.line for r in table.rows] == [7, 11]
    assert table.rows[0].cells[3].line == 10


def test_cells_reader_reports_a_row_cut_off_mid_row() -> None:
    text = "| Name |\nType |\n| a |\nstring |\n| b |\n"
    result = read_cells(text, "cut.txt")
    assert [d.render() for d in result.diagnostics] == [
        "cut.txt:5: error table-row-incomplete: table row has 1 of 2 cells (cut off?)"
    ]
    table = result.document.blocks[0]
    assert isinstance(table, Table)
    assert [[c.text for c in r.cells] for r in table.rows] == [["a", "string"], ["b", ""]]


def test_cells_reader_resynchronises_at_a_named_row_start() -> None:
    text = "| Name |\nType |\nDescription |\n| a |\nstring |\n| b |\nint32 |\nB |\n"
    result = read_cells(text, "r.txt")
    assert [d.code for d in result.diagnostics] == ["table-row-incomplete"]
    assert result.diagnostics[0].span is not None and result.diagnostics[0].span.line == 4
    table = result.document.blocks[0]
    assert isinstance(table, Table)
    assert [r.cells[0].text for r in table.rows] == ["a", "b"]


def test_cells_reader_joins_a_cell_that_runs_over_two_lines() -> None:
    text = "| Name |\nDescription |\n| a |\nfirst line\nsecond line |\n"
    table = read_cells(text, "m.txt").document.blocks[0]
    assert isinstance(table, Table)
    assert table.rows[0].cells[1].text == "first line\nsecond line"


def test_cells_reader_keeps_a_table_aligned_when_cells_run_over_many_lines() -> None:
    text = (
        "| Name |\nType |\nDescription |\n"
        '| audience |\nobject |\nTarget, one of:\n"all"\n{"tag": ["a"]}\nAt most 500 |\n'
        "| setting |\nobject |\nSettings |\n"
    )
    result = read_cells(text, "m.txt")
    (table,) = result.document.blocks
    assert isinstance(table, Table) and result.diagnostics == ()
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["audience", "object", 'Target, one of:\n"all"\n{"tag": ["a"]}\nAt most 500'],
        ["setting", "object", "Settings"],
    ]
    assert [r.line for r in table.rows] == [4, 10]


MARKDOWN = """## 3.2 Apply to add friend{#post__roster_apply}

> POST  /roster/apply

#### Request Header
| Parameter name | Default | Description |
| ------ | ------ | ------ |
|access-token||Token||app_id||App ID|

### Request Body
| Parameter name | Data Type | Default | Not null | Description |
| ------ | ------ | ------ | ------ | ------ |
| list|array[object]||false||
|⇥ user_id|int64||true|**User** ID|
"""


def test_markdown_reader_headings_anchors_and_collapsed_rows() -> None:
    result = read_markdown(MARKDOWN, "m.md")
    blocks = result.document.blocks
    assert blocks[0] == Heading("3.2 Apply to add friend", 2, 1, "post__roster_apply")
    assert blocks[1] == Text("POST  /roster/apply", 3)
    assert blocks[2] == Heading("Request Header", 4, 5)
    header_table = blocks[3]
    assert isinstance(header_table, Table)
    assert [[c.text for c in r.cells] for r in header_table.rows] == [
        ["access-token", "", "Token"],
        ["app_id", "", "App ID"],
    ]
    assert [d.code for d in result.diagnostics] == ["table-rows-collapsed"]
    body = blocks[5]
    assert isinstance(body, Table)
    assert body.rows[1].cells[4].text == "User ID"
    assert body.rows[1].line == 14


def test_markdown_reader_reports_a_row_cut_off() -> None:
    text = "| Name | Type | Description |\n| --- | --- | --- |\n| a | string\n"
    result = read_markdown(text, "cut.md")
    assert [d.render() for d in result.diagnostics] == [
        "cut.md:3: error table-row-incomplete: table row has 2 of 3 cells"
    ]


def test_format_detection() -> None:
    reader = detect_format(CELLS, "doc.txt")
    assert reader is not None and reader.name == "cells"
    reader = detect_format(MARKDOWN, "doc.txt")
    assert reader is not None and reader.name == "markdown"
    assert detect_format("just some prose\nand more prose\n", "doc.txt") is None


def test_unknown_format_is_a_diagnostic() -> None:
    result = read_document("plain words only\n", "p.txt")
    assert [d.render() for d in result.diagnostics] == [
        "p.txt: error format-unknown: cannot tell the document's format; use --format "
        "(cells, markdown, scraped, pipes, html)"
    ]
