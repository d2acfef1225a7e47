"""The `pipes` reader: page text with `a | b |` tables (seeds 003, 004), structure recovered."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

from generator.readers import pipes
from generator.readers.document import Block, Cell, Code, Heading, Row, Table, Text
from generator.readers.plaintext import looks_like_heading

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
SEED_003 = SEEDS / "003_bb9de58ff98f5b94.txt"
SEED_004 = SEEDS / "004_b285b8d00c7c41d5.txt"


def _read(text: str) -> tuple[tuple[Block, ...], list[str]]:
    result = pipes.read(text, "p.txt")
    return result.document.blocks, [d.render() for d in result.diagnostics]


def _table(line: int, header: list[str], rows: list[list[str]], first_row: int) -> Table:
    return Table(
        tuple(Cell(text, line) for text in header),
        tuple(
            Row(tuple(Cell(text, first_row + k) for text in row), first_row + k)
            for k, row in enumerate(rows)
        ),
        line,
    )


def _texts(table: Block) -> list[list[str]]:
    assert isinstance(table, Table)
    return [[c.text for c in row.cells] for row in table.rows]


URL_TABLE = """https://xxxxxx/v4/group_open_avchatroom_http_svc/modify_user_info?sdkappid=88888888
Parameter | Description |
v4/group_open_http_svc/modify_group_member_info | Request API. |
identifier | |
usersig | |
contenttype | Request format. The value is fixed to json . |
"""


def test_pipe_table_with_empty_cells_after_a_url() -> None:
    blocks, diagnostics = _read(URL_TABLE)
    assert diagnostics == []
    assert blocks == (
        Text(
            "https://xxxxxx/v4/group_open_avchatroom_http_svc/modify_user_info?sdkappid=88888888",
            1,
        ),
        _table(
            2,
            ["Parameter", "Description"],
            [
                ["v4/group_open_http_svc/modify_group_member_info", "Request API."],
                ["identifier", ""],
                ["usersig", ""],
                ["contenttype", "Request format. The value is fixed to json ."],
            ],
            3,
        ),
    )


ERRORS = """ErrorCode
and ErrorInfo
respectively.
The following table describes the error codes specific to this API:Error Code | Description |
10001 | The user is not logged in. |
10002 | A system error occurred. Try again or contact technical support. |
Was this page helpful?"""


def test_header_glued_to_prose_is_split_into_text_and_table() -> None:
    blocks, diagnostics = _read(ERRORS)
    assert blocks == (
        Text("ErrorCode", 1),
        Text("and ErrorInfo", 2),
        Text("respectively.", 3),
        Text("The following table describes the error codes specific to this API:", 4),
        _table(
            4,
            ["Error Code", "Description"],
            [
                ["10001", "The user is not logged in."],
                ["10002", "A system error occurred. Try again or contact technical support."],
            ],
            5,
        ),
        Text("Was this page helpful?", 7),
    )
    assert diagnostics == [
        "p.txt:4: info table-header-after-prose: table header 'Error Code' split from the "
        "sentence before it"
    ]


@pytest.mark.parametrize(
    ("cell", "split"),
    [
        (
            "The following table describes the error codes specific to this API:Error Code",
            ("The following table describes the error codes specific to this API:", "Error Code"),
        ),
        ("See the fields below. Field", ("See the fields below.", "Field")),
        (
            "The table below lists every Parameter name",
            ("The table below lists every", "Parameter name"),
        ),
        ("Error Code", ("", "Error Code")),
        ("Group Type ID", ("", "Group Type ID")),
        ("Group Type", ("", "Group Type")),
        ("Version 1.2 Notes", ("", "Version 1.2 Notes")),
    ],
)
def test_split_prose(cell: str, split: tuple[str, str]) -> None:
    assert pipes.split_prose(cell) == split


FIELDS = """Field | Type | Description |
ActionStatus | String | Request result. OK : successful; FAIL : failed |
MemberList | Object | List of members whose marks are successfully set. |
Mark | Description |
500 | When mark 500 is set for a member, the member is considered to be always online. |
600 | When a member is set with mark 600, the member is hidden. |
"""


def test_a_header_of_another_width_starts_a_new_table() -> None:
    blocks, diagnostics = _read(FIELDS)
    assert diagnostics == []
    assert [t.line for t in blocks if isinstance(t, Table)] == [1, 4]
    assert _texts(blocks[0]) == [
        ["ActionStatus", "String", "Request result. OK : successful; FAIL : failed"],
        ["MemberList", "Object", "List of members whose marks are successfully set."],
    ]
    assert _texts(blocks[1]) == [
        ["500", "When mark 500 is set for a member, the member is considered to be always online."],
        ["600", "When a member is set with mark 600, the member is hidden."],
    ]


def test_rows_of_the_wrong_width_are_kept_and_reported() -> None:
    text = "Field | Type | Description |\na | String |\nb | String | x | y |\n"
    blocks, diagnostics = _read(text)
    assert _texts(blocks[0]) == [["a", "String", ""], ["b", "String", "x | y"]]
    assert [d.split(": ")[1] for d in diagnostics] == [
        "warning table-row-short",
        "warning table-row-extra-cells",
    ]


BROKEN = (
    '{"GroupId": "@TGS#a6I4ZUUGO","CommandType": 1,"MemberList": '
    '[{"Member_Account": "teacher10","Marks": [1000]},]}'
)
MULTI = """Sample request
{
  "UserAttrs": [
    {"To_Account": "xiaojun012", "Attrs": {"sex": "attr1",}},
  ]
}
Request fields
"""


def test_json_samples_are_code_kept_exactly() -> None:
    blocks, diagnostics = _read(BROKEN + "\n" + MULTI)
    assert diagnostics == []
    assert blocks == (
        Code(BROKEN, "json", 1),
        Heading("Sample request", 2, 2),
        Code(
            '{\n  "UserAttrs": [\n    {"To_Account": "xiaojun012", "Attrs": {"sex": "attr1",}},'
            "\n  ]\n}",
            "json",
            3,
        ),
        Heading("Request fields", 2, 8),
    )


def test_brackets_inside_strings_do_not_count_and_unclosed_json_is_reported() -> None:
    text = '{"a": "}]",\n"b": [1,\nField | Type |\nx | String |\n'
    blocks, diagnostics = _read(text)
    assert blocks[0] == Code('{"a": "}]",\n"b": [1,', "json", 1)
    assert isinstance(blocks[1], Table)
    assert diagnostics == [
        "p.txt:1: warning code-json-unbalanced: JSON sample ends with 2 bracket(s) unclosed"
    ]


PAGE_004 = """ユーザープロパティの設定
Feature Overview
This API is used by the admin to set attributes for users.
Sample request URL
https://xxxxxx/v4/all_member_push/im_set_attr?usersig=xxx&identifier=admin
Maximum call frequency
100 times/second
Request fields
Field | Type | Required | Description |
To_Account | String | Yes | Target user account |
Error Codes
ErrorCode
and ErrorInfo
in the response represent the actual error code and error information."""


def test_japanese_title_and_headings_without_blank_lines() -> None:
    blocks, diagnostics = _read(PAGE_004)
    assert diagnostics == []
    assert blocks == (
        Heading("ユーザープロパティの設定", 1, 1),
        Heading("Feature Overview", 2, 2),
        Text("This API is used by the admin to set attributes for users.", 3),
        Heading("Sample request URL", 2, 4),
        Text("https://xxxxxx/v4/all_member_push/im_set_attr?usersig=xxx&identifier=admin", 5),
        Heading("Maximum call frequency", 2, 6),
        Text("100 times/second", 7),
        Heading("Request fields", 2, 8),
        _table(
            9,
            ["Field", "Type", "Required", "Description"],
            [["To_Account", "String", "Yes", "Target user account"]],
            10,
        ),
        Heading("Error Codes", 2, 11),
        Text("ErrorCode", 12),
        Text("and ErrorInfo", 13),
        Text("in the response represent the actual error code and error information.", 14),
    )


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("ユーザープロパティの設定", True),
        ("Feature Overview", True),
        ("Querying the delivery state of an offline message", True),
        ("Request example 1", True),
        ("Authorization", True),
        ("Registering 2 users:", False),
        ("For details, see HTTP Status Codes.", False),
        ("Was this page helpful?", False),
        ("100 times/second", False),
        ("ErrorCode", False),
        ("user_id", False),
        ("and ErrorInfo", False),
        ("Yes", False),
        ("https://xxxxxx/v4/all_member_push/im_set_attr", False),
        ('{"ActionStatus": "OK"}', False),
        ("POST https://{host}/{org_name}/{app_name}/users", False),
        ("GET /users", False),
        ("Authorization: Bearer token", False),
        ("This sentence has far too many words to be any kind of a section title", False),
    ],
)
def test_heading_shape(line: str, heading: bool) -> None:
    assert looks_like_heading(line) is heading


@pytest.mark.parametrize(
    ("text", "high"),
    [
        ("Field | Type | Description |\na | String | A |\nb | Int | B |\n", True),
        ("Group Type ID | RESTful API Support |\nPrivate | No |\nPublic | No |\n", True),
        ("| Parameter name |\nData Type |\n| app_id |\nstring |\n", False),
        ("| Name | Type |\n| --- | --- |\n| a | string |\n| b | int |\n", False),
        ("Name | Type |\n--- | --- |\na | string |\nb | int |\n", False),
        ("one | pipe |\n", False),
        ("just prose\n", False),
        ("", False),
    ],
)
def test_detect(text: str, high: bool) -> None:
    score = pipes.detect(text, "doc.txt")
    assert score >= 0.9 if high else score == 0.0


def test_garbage_never_raises() -> None:
    rng = random.Random(3)
    alphabet = 'ab |\n\t{}[]":.,\\YesNo12é\r'
    samples = ["", "|", "||", " | |", "{", "[", "[\n", '{"', "a |\n" * 3, "\n" * 5]
    samples += ["".join(rng.choice(alphabet) for _ in range(400)) for _ in range(200)]
    samples.append("{\n" * 20_000)
    samples.append("a | b |\n" * 20_000)
    for text in samples:
        pipes.detect(text, "g.txt")
        assert pipes.read(text, "g.txt").document.format == "pipes"


@pytest.mark.skipif(not SEED_003.exists(), reason="../shared/seeds is not available")
def test_the_whole_seed_003() -> None:
    result = pipes.read(SEED_003.read_text(encoding="utf-8"), "003.txt")
    blocks = result.document.blocks
    assert Counter(type(b).__name__ for b in blocks) == {"Text": 7, "Table": 6, "Code": 3}
    assert [d.code for d in result.diagnostics] == ["table-header-after-prose"]
    tables = [b for b in blocks if isinstance(b, Table)]
    fields = tables[2]
    assert (fields.line, [c.text for c in fields.header]) == (
        18,
        ["Field", "Type", "Required", "Description"],
    )
    assert [r[:3] for r in _texts(fields)] == [
        ["GroupId", "String", "Yes"],
        ["CommandType", "Integer", "Yes"],
        ["MemberList", "Array", "Yes"],
    ]
    assert [r.line for r in fields.rows] == [19, 20, 21]
    assert _texts(fields)[1][3] == "1 : Mark setting; 2 : Mark deletion"
    assert [[c.text for c in t.header] for t in tables] == [
        ["Group Type ID", "RESTful API Support"],
        ["Parameter", "Description"],
        ["Field", "Type", "Required", "Description"],
        ["Field", "Type", "Description"],
        ["Mark", "Description"],
        ["Error Code", "Description"],
    ]
    assert [len(t.rows) for t in tables] == [5, 7, 3, 4, 2, 7]
    assert all(isinstance(b, Code) and b.lang == "json" for b in blocks if isinstance(b, Code))


@pytest.mark.skipif(not SEED_004.exists(), reason="../shared/seeds is not available")
def test_the_whole_seed_004() -> None:
    result = pipes.read(SEED_004.read_text(encoding="utf-8"), "004.txt")
    blocks = result.document.blocks
    assert Counter(type(b).__name__ for b in blocks) == {
        "Heading": 11,
        "Text": 9,
        "Table": 4,
        "Code": 2,
    }
    headings = [(b.text, b.level) for b in blocks if isinstance(b, Heading)]
    assert headings == [
        ("ユーザープロパティの設定", 1),
        ("Feature Overview", 2),
        ("API Calling Description", 2),
        ("Sample request URL", 2),
        ("Request parameters", 2),
        ("Maximum call frequency", 2),
        ("Sample request", 2),
        ("Request fields", 2),
        ("Sample response", 2),
        ("Response fields", 2),
        ("Error Codes", 2),
    ]
    tables = [b for b in blocks if isinstance(b, Table)]
    assert _texts(tables[1]) == [
        ["To_Account", "String", "Yes", "Target user account"],
        [
            "Attrs",
            "Object",
            "Yes",
            "Attribute set. Each attribute is a key-value pair, with the key being the "
            "attribute name and the value being the user’s corresponding attribute value. A "
            "user attribute value cannot exceed 50 bytes.",
        ],
    ]
    assert [r[0] for r in _texts(tables[3])] == ["90001", "90009", "90018", "90033", "91000"]
