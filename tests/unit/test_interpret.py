"""Interpreter: sections, endpoints, labelled tables, nesting, nameless body rows."""

from __future__ import annotations

from generator.diagnostics import Span
from generator.interpret import interpret
from generator.model import ArrayOf, ObjectType, Scalar
from generator.normalize.types import parse_type
from generator.readers import read_document

PAGE = """## 2 Friends

## 2.1 Apply to add friend{#post__roster_apply}

> PUT  /roster/apply
> POST  /roster/apply

| Parameter name | Data Type | Required | Description |
| --- | --- | --- | --- |
| app_id | string | true | App ID |

#### Query Param
| Parameter name | Default | Description |
| --- | --- | --- |
| reason || Why |

### Request Body
| Parameter name | Data Type | Required | Description |
| --- | --- | --- | --- |
| groups | array[object] | true | Groups |
|⇥ members | array | false | Members |
|⇥⇥ user_id | int64 | true | User |
| tags | array[int64] | false | Tags |

### Response Body
● 200 Response data format:JSON
| Parameter name | Type | Description |
| --- | --- | --- |
| code | int32 | Return code |
"""


def test_several_methods_share_one_section() -> None:
    doc = read_document(PAGE, "p.md").document
    result = interpret(doc)
    assert result.diagnostics == ()
    put, post = result.api.operations
    assert (put.method, put.path, post.method) == ("put", "/roster/apply", "post")
    assert put.title.text == "Apply to add friend" and put.anchor == "post__roster_apply"
    assert put.tag == "Friends"
    assert put.sources == (Span("p.md", 5),) and post.sources == (Span("p.md", 6),)
    assert [(p.name, p.location, p.type, p.required) for p in put.parameters] == [
        ("app_id", "header", Scalar("string"), True),
        ("reason", "query", None, None),
    ]


def test_nesting_at_any_depth_and_array_types() -> None:
    op = interpret(read_document(PAGE, "p.md").document).api.operations[0]
    assert op.request_body is not None
    groups, tags = op.request_body.root.children
    assert groups.type == ArrayOf(ObjectType())
    (members,) = groups.children
    assert members.type == ArrayOf(ObjectType())
    (user_id,) = members.children
    assert (user_id.name, user_id.type, user_id.required) == (
        "user_id",
        Scalar("integer", "int64"),
        True,
    )
    assert user_id.sources == (Span("p.md", 22),)
    assert tags.type == ArrayOf(Scalar("integer", "int64"))
    (response,) = op.responses
    assert response.status == "200" and response.body is not None
    assert response.body.media_type == "application/json"


NAMELESS = """1.17 Set private information
PUT /user/private
Request Body
| Parameter name |
Data Type |
Required |
Description |
|
string |
true |
Private information |
"""


def test_a_nameless_body_row_is_the_whole_body() -> None:
    op = interpret(read_document(NAMELESS, "n.txt").document).api.operations[0]
    assert op.request_body is not None
    root = op.request_body.root
    assert (root.name, root.type, root.required, root.children) == ("", Scalar("string"), True, ())
    assert root.description == "Private information"


def test_a_page_without_endpoints_reports_its_tables() -> None:
    text = "1.1 Orphan\n| Parameter name |\nType |\n| a |\nstring |\n"
    result = interpret(read_document(text, "o.txt", "cells").document)
    assert result.api.operations == ()
    assert [d.render() for d in result.diagnostics] == [
        "o.txt:1: warning section-no-endpoint: section documents fields but states no endpoint "
        "(no 'METHOD /path' line); its tables are not imported"
    ]


def test_placeholder_titles_are_flagged() -> None:
    text = "## 3.12 **to-be-translate**\n\n> PUT /user/disable\n"
    result = interpret(read_document(text, "t.md").document)
    assert result.api.operations[0].title.placeholder
    assert [d.code for d in result.diagnostics] == ["placeholder-title"]


def test_type_grammar() -> None:
    assert parse_type("int32") == Scalar("integer", "int32")
    assert parse_type("Long") == Scalar("integer", "int64")
    assert parse_type("array[object]") == ArrayOf(ObjectType())
    assert parse_type("array[int64]") == ArrayOf(Scalar("integer", "int64"))
    assert parse_type("List<String>") == ArrayOf(Scalar("string"))
    assert parse_type("string[]") == ArrayOf(Scalar("string"))
    assert parse_type("JSON Array") is not None
    assert parse_type("Bool") == Scalar("boolean")
    assert parse_type("frobnicator") is None
    assert parse_type("") is None
