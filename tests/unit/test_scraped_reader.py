"""The `scraped` reader: text scraped from a doc page (seed 002), structure recovered."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

from generator.normalize.types import parse_type
from generator.readers import scraped
from generator.readers.document import Block, Code, Heading, Table, Text

SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "002_915db4d97270303c.txt"

Cells = list[list[tuple[str, int]]]


def _read(text: str) -> tuple[tuple[Block, ...], list[str]]:
    result = scraped.read(text, "p.txt")
    return result.document.blocks, [d.render() for d in result.diagnostics]


def _tables(blocks: tuple[Block, ...]) -> list[Table]:
    return [b for b in blocks if isinstance(b, Table)]


def _header(table: Table) -> list[tuple[str, int]]:
    return [(c.text, c.line) for c in table.header]


def _rows(table: Table) -> Cells:
    return [[(c.text, c.line) for c in row.cells] for row in table.rows]


def _texts(table: Table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


HOST = (
    "The domain name assigned by the Chat service to access RESTful APIs. For how to get the "
    "domain name, see Get the information of your project."
)


@pytest.mark.parametrize(
    ("header", "row", "columns", "cells"),
    [
        (
            "ParameterTypeDescriptionRequired",
            f"hostString{HOST}Yes",
            ["Parameter", "Type", "Description", "Required"],
            ["host", "String", HOST, "Yes"],
        ),
        (
            "ParameterTypeRequiredDescription",
            "owner_usernameStringYesThe users whose number of offline messages you want to query.",
            ["Parameter", "Type", "Required", "Description"],
            [
                "owner_username",
                "String",
                "Yes",
                "The users whose number of offline messages you want to query.",
            ],
        ),
        (
            "FieldTypeDescription",
            "dataJSONArrayThe details of the response.",
            ["Field", "Type", "Description"],
            ["data", "JSONArray", "The details of the response."],
        ),
        (
            "FieldTypeDescriptionRequired",
            "passwordStringThe user's login password. The length cannot exceed 64 bytes.Yes",
            ["Field", "Type", "Description", "Required"],
            [
                "password",
                "String",
                "The user's login password. The length cannot exceed 64 bytes.",
                "Yes",
            ],
        ),
        (
            "ParameterTypeDescription",
            "entities JSON ArrayThe response entity.",
            ["Parameter", "Type", "Description"],
            ["entities", "JSON Array", "The response entity."],
        ),
        (
            "ParameterTypeDescriptionRequired",
            "Content-TypeStringapplication/jsonYes",
            ["Parameter", "Type", "Description", "Required"],
            ["Content-Type", "String", "application/json", "Yes"],
        ),
        (
            "ParameterTypeDescriptionRequired",
            "limitNumberThe number of users to delete. The value range is [1,100].No",
            ["Parameter", "Type", "Description", "Required"],
            ["limit", "Number", "The number of users to delete. The value range is [1,100].", "No"],
        ),
        (
            "FieldTypeDescription",
            "data.resultBoolThe logout result, only displayed as true.",
            ["Field", "Type", "Description"],
            ["data.result", "Bool", "The logout result, only displayed as true."],
        ),
        (
            "ParameterTypeDescription",
            "usernamesArrayThe users whose online state you want to query.",
            ["Parameter", "Type", "Description"],
            ["usernames", "Array", "The users whose online state you want to query."],
        ),
    ],
)
def test_fused_header_and_row_are_split_by_column_words(
    header: str, row: str, columns: list[str], cells: list[str]
) -> None:
    blocks, diagnostics = _read(f"Request header\n\n{header}\n{row}\n")
    assert diagnostics == []
    assert blocks[0] == Heading("Request header", 1, 1)
    (table,) = _tables(blocks)
    assert table.line == 3
    assert _header(table) == [(c, 3) for c in columns]
    assert _rows(table) == [[(c, 4) for c in cells]]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("ParameterTypeDescriptionRequired", ["Parameter", "Type", "Description", "Required"]),
        ("ParameterTypeRequiredDescription", ["Parameter", "Type", "Required", "Description"]),
        ("FieldTypeDescription", ["Field", "Type", "Description"]),
        ("ParameterName", None),
        ("Description", None),
        ("Authorization", None),
        ("Registering a user", None),
    ],
)
def test_fused_header_segmentation(text: str, words: list[str] | None) -> None:
    found = scraped.fused_header(text)
    assert (None if found is None else [w for w, _ in found]) == words


USERNAME = """ParameterTypeDescriptionRequired
app_nameStringThe unique identifier assigned to each app by the Chat service.Yes
usernameStringThe unique login account of the user. The following character sets are supported:
  • 26 lowercase English letters (a-z)
  • "_", "-", "."
Yes

Response parameters
"""


def test_multi_line_cell_with_bullets_and_a_lone_flag() -> None:
    blocks, diagnostics = _read(USERNAME)
    assert diagnostics == []
    table, heading = blocks
    assert isinstance(table, Table)
    assert _rows(table) == [
        [
            ("app_name", 2),
            ("String", 2),
            ("The unique identifier assigned to each app by the Chat service.", 2),
            ("Yes", 2),
        ],
        [
            ("username", 3),
            ("String", 3),
            (
                "The unique login account of the user. The following character sets are "
                'supported:\n• 26 lowercase English letters (a-z)\n• "_", "-", "."',
                3,
            ),
            ("Yes", 6),
        ],
    ]
    assert heading == Heading("Response parameters", 2, 8)


GLUED = """ParameterTypeDescription
entities.usernameStringThe username.
entities.activatedBoolWhether the user is active:
  • true: The user is active.
  • false: The user is in banned.
  • timestampNumberThe Unix timestamp (ms) of the HTTP response.
    durationNumberThe duration (ms) from when the HTTP request is sent.

    Authorization
"""


def test_bullet_that_is_a_row_starts_a_new_row() -> None:
    blocks, _ = _read(GLUED)
    table = _tables(blocks)[0]
    assert _rows(table) == [
        [("entities.username", 2), ("String", 2), ("The username.", 2)],
        [
            ("entities.activated", 3),
            ("Bool", 3),
            (
                "Whether the user is active:\n• true: The user is active.\n"
                "• false: The user is in banned.",
                3,
            ),
        ],
        [("timestamp", 6), ("Number", 6), ("The Unix timestamp (ms) of the HTTP response.", 6)],
        [
            ("duration", 7),
            ("Number", 7),
            ("The duration (ms) from when the HTTP request is sent.", 7),
        ],
    ]
    assert blocks[-1] == Heading("Authorization", 2, 9)


QUERY = """ParameterTypeDescriptionRequired
limitNumberThe number of users. The default value is 10.
The user list is displayed in ascending order.
No
cursorStringThe cursor used for paginating the user lists.
No cursor is required for the first request.
No
"""


def test_continuation_lines_then_the_pending_flag() -> None:
    table = _tables(_read(QUERY)[0])[0]
    assert _rows(table) == [
        [
            ("limit", 2),
            ("Number", 2),
            (
                "The number of users. The default value is 10.\n"
                "The user list is displayed in ascending order.",
                2,
            ),
            ("No", 4),
        ],
        [
            ("cursor", 5),
            ("String", 5),
            (
                "The cursor used for paginating the user lists.\n"
                "No cursor is required for the first request.",
                5,
            ),
            ("No", 7),
        ],
    ]


def test_table_ends_at_a_blank_line_then_prose_and_goes_on_after_one_then_a_row() -> None:
    text = (
        "FieldTypeDescription\ncountNumberThe number of users.\n\n"
        "cursorStringThe cursor.\n\nFor other fields, see Common parameters.\n"
    )
    blocks, _ = _read(text)
    table, prose = blocks
    assert isinstance(table, Table)
    assert _texts(table) == [
        ["count", "Number", "The number of users."],
        ["cursor", "String", "The cursor."],
    ]
    assert prose == Text("For other fields, see Common parameters.", 6)


def test_a_row_that_cannot_be_split_is_kept_and_reported() -> None:
    text = "ParameterTypeDescriptionRequired\nsomething without a type word\nmore of it\n"
    blocks, diagnostics = _read(text)
    table = _tables(blocks)[0]
    assert _rows(table) == [
        [("", 2), ("", 2), ("something without a type word\nmore of it", 2), ("", 2)]
    ]
    assert diagnostics == [
        "p.txt:2: warning table-row-unsplit: cannot split the row into its columns; "
        "its text is kept in one cell"
    ]


def test_a_header_without_rows_is_reported() -> None:
    blocks, diagnostics = _read("FieldTypeDescription\n\nSome prose.\n")
    assert _tables(blocks)[0].rows == ()
    assert diagnostics == ["p.txt:1: warning table-no-rows: table header without rows"]


CURL = """Request example


    _3
    # Replace {YourAppToken} with the app token generated in your server.
    _3
    curl -X POST -H 'Content-Type: application/json' -d '
    _3
    {"username": "user1"}'

    Response example
"""


def test_gutters_are_removed_from_code_blocks() -> None:
    blocks, diagnostics = _read(CURL)
    assert diagnostics == []
    assert blocks == (
        Heading("Request example", 1, 1),
        Code(
            "# Replace {YourAppToken} with the app token generated in your server.\n"
            "curl -X POST -H 'Content-Type: application/json' -d '\n"
            '{"username": "user1"}\'',
            "shell",
            5,
            (5, 7, 9),
        ),
        Heading("Response example", 2, 11),
    )


@pytest.mark.parametrize(
    ("lines", "lang"),
    [
        (["{", '"action": "post",', "}"], "json"),
        (["[", "]"], "json"),
        (["curl -X GET 'http://XXXX/users'"], "shell"),
        (["# Replace {YourAppToken}", "curl -X GET"], "shell"),
        (["POST https://{host}/{org_name}/{app_name}/users"], "http"),
        (["Authorization: Bearer ${YourAppToken}"], "http"),
        (["some text"], ""),
    ],
)
def test_code_language(lines: list[str], lang: str) -> None:
    n = len(lines)
    text = "".join(f"_{n}\n{line}\n" for line in lines)
    (code,) = _read(text)[0]
    assert isinstance(code, Code)
    assert (code.text, code.lang, code.line) == ("\n".join(lines), lang, 2)


def test_consecutive_gutter_runs_of_another_count_are_another_block() -> None:
    blocks, _ = _read("_1\nGET https://x/users\n_2\n{\n_2\n}\n")
    assert [(b.text, b.lang, b.line) for b in blocks if isinstance(b, Code)] == [
        ("GET https://x/users", "http", 2),
        ("{\n}", "json", 4),
    ]


PAGE = """Skip to main content
Android
iOS
React Native

User system registration

This page shows how to call Chat RESTful APIs.

Common parameters

The following table lists common request and response parameters:

Registering 2 users:

Example
For each App Key, the call frequency limit is 100 per second.

    undefined"""


def test_navigation_and_trailing_artefact_are_skipped_headings_found() -> None:
    blocks, diagnostics = _read(PAGE)
    assert blocks == (
        Heading("User system registration", 1, 6),
        Text("This page shows how to call Chat RESTful APIs.", 8),
        Heading("Common parameters", 2, 10),
        Text("The following table lists common request and response parameters:", 12),
        Text("Registering 2 users:", 14),
        Text("Example", 16),
        Text("For each App Key, the call frequency limit is 100 per second.", 17),
    )
    assert diagnostics == [
        "p.txt:1: info page-noise-skipped: 4 navigation lines skipped "
        "('Skip to main content' ... 'React Native')",
        "p.txt:19: info page-noise-skipped: stray 'undefined' at the end of the page skipped",
    ]


def test_vundefined_is_an_artefact_too() -> None:
    blocks, diagnostics = _read("Title\n\nSome text.\n\n    vundefined")
    assert blocks == (Heading("Title", 1, 1), Text("Some text.", 3))
    assert [d.split(": ")[1] for d in diagnostics] == ["info page-noise-skipped"]


def test_type_words_are_longest_first_and_known_to_the_type_grammar() -> None:
    words = scraped._TYPE_WORDS
    assert list(words) == sorted(words, key=len, reverse=True)
    assert all(parse_type(word) is not None for word in words)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Skip to main content\niOS\nWeb\n\nTitle\n\n_2\n{\n_2\n}\n", 0.5),
        ("Title\n\nFieldTypeDescription\ncountNumberThe number.\n", 0.55),
        ("Title\n\nFieldTypeDescription\ncountNumberThe number.\n\n_1\nGET /x\n_1\nGET /y", 1.0),
        ("# Title\n\n## Section\n\n_1\nGET /x\n_1\nPOST /y\n", 0.0),
        ("| Name | Type |\n| --- | --- |\n| a | string |\n", 0.0),
        ("| Parameter name |\nData Type |\n| app_id |\nstring |\n", 0.0),
        ("just some prose\n", 0.0),
        ("", 0.0),
    ],
)
def test_detect(text: str, expected: float) -> None:
    assert scraped.detect(text, "doc.txt") == pytest.approx(expected)


def test_garbage_never_raises() -> None:
    rng = random.Random(2)
    alphabet = "ab _\n\t|•#{}[]:.YesNoStringJSON Array12_3\r"
    samples = ["", "\n\n\n", "_", "_0\n", "_5\n", "_3\nx", "•", "FieldType\n\n\nYes\n"]
    samples += ["".join(rng.choice(alphabet) for _ in range(400)) for _ in range(200)]
    samples.append("ParameterTypeDescriptionRequired\n" + "xStringy\n• a\nYes\n" * 2000)
    samples.append("ParameterTypeRequiredDescription\n" + "A" * 100_000)
    for text in samples:
        scraped.detect(text, "g.txt")
        result = scraped.read(text, "g.txt")
        assert result.document.format == "scraped"


@pytest.mark.skipif(not SEED.exists(), reason="../shared/seeds is not available")
def test_the_whole_seed() -> None:
    result = scraped.read(SEED.read_text(encoding="utf-8"), "002.txt")
    blocks = result.document.blocks
    counts = Counter(type(b).__name__ for b in blocks)
    assert counts == {"Heading": 142, "Text": 92, "Code": 47, "Table": 32}
    assert Counter(b.lang for b in blocks if isinstance(b, Code)) == {
        "shell": 16,
        "json": 16,
        "http": 15,
    }
    assert [d.code for d in result.diagnostics] == ["page-noise-skipped"] * 2
    assert blocks[0] == Heading("User system registration", 1, 10)
    assert sum(1 for b in blocks if isinstance(b, Heading) and b.level == 1) == 1
    tables = _tables(blocks)
    common = tables[0]
    assert [c.text for c in common.header] == ["Parameter", "Type", "Description", "Required"]
    assert [(r[0], r[1], r[3]) for r in _texts(common)] == [
        ("host", "String", "Yes"),
        ("org_name", "String", "Yes"),
        ("app_name", "String", "Yes"),
        ("username", "String", "Yes"),
    ]
    assert [r.line for r in common.rows] == [23, 24, 25, 26]
    assert common.rows[3].cells[3].line == 34
    assert common.rows[3].cells[2].text.count("\n•") == 7
    response = tables[1]
    names = [r[0] for r in _texts(response)]
    assert names[6:] == [
        "entities",
        "entities.uuid",
        "entities.type",
        "entities.created",
        "entities.modified",
        "entities.username",
        "entities.activated",
        "timestamp",
        "duration",
    ]
    assert _texts(response)[6][1] == "JSON Array"
    assert all(row.cells[0].text for table in tables for row in table.rows)


TABS = (
    "Body of the message types\n\n"
    "  • • Text message Parameter Type Description Required msg String The message content. Yes\n\n"
    "  • • Image message Parameter Type Description Required filename String The file name. "
    "No size JSON The size:\n"
    "  • height: The image height.\n"
    "  • width: The image width. No url String The URL, as in https://{host}/files/{id}. Yes\n\n"
    "Next\n"
)


def test_a_table_flattened_into_a_paragraph_is_read_with_its_caption() -> None:
    blocks, found = _read(TABS)
    kinds = [(type(b).__name__, getattr(b, "text", ""), b.line) for b in blocks]
    assert kinds[:5] == [
        ("Heading", "Body of the message types", 1),
        ("Heading", "Text message", 3),
        ("Table", "", 3),
        ("Heading", "Image message", 5),
        ("Table", "", 5),
    ]
    tables = _tables(blocks)
    assert [c.text for c in tables[0].header] == ["Parameter", "Type", "Description", "Required"]
    assert [[(c.text, c.line) for c in r.cells] for r in tables[0].rows] == [
        [("msg", 3), ("String", 3), ("The message content.", 3), ("Yes", 3)]
    ]
    rows = [[c.text for c in r.cells] for r in tables[1].rows]
    assert rows == [
        ["filename", "String", "The file name.", "No"],
        ["size", "JSON", "The size:\n• height: The image height.\n• width: The image width.", "No"],
        ["url", "String", "The URL, as in https://{host}/files/{id}.", "Yes"],
    ]
    assert [r.line for r in tables[1].rows] == [5, 5, 7]
    assert "p.txt:3: info table-inline: a table flattened into one paragraph (1 rows) read" in found


def test_a_type_the_vocabulary_lacks_still_splits_a_glued_row() -> None:
    text = "ParameterTypeDescription\nidStringThe ID.\ncreateAtInstantThe time it was created.\n"
    blocks, _ = _read(text)
    (table,) = _tables(blocks)
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["id", "String", "The ID."],
        ["createAt", "Instant", "The time it was created."],
    ]
