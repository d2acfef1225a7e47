"""An operation's scope: sub-sections and captions until the next endpoint, request lines
after tables, asides nested under the field their heading names or kept as notes."""

from __future__ import annotations

from generator.diagnostics import Diagnostic
from generator.interpret import Interpretation, interpret
from generator.model import AnyType, Field, ObjectType, Scalar
from generator.readers import read_document


def _read(text: str, name: str = "p.md", fmt: str | None = None) -> Interpretation:
    return interpret(read_document(text, name, fmt).document)


def _codes(diagnostics: tuple[Diagnostic, ...]) -> list[str]:
    return [d.code for d in diagnostics]


def _names(field: Field | None) -> list[str]:
    return [c.name for c in field.children] if field else []


CAPTIONS = """# Send a message

POST /messages

## Sample request packets

### Basic format

```json
{"To": "a", "Body": {"Text": "hi"}}
```

### Response to a failed request

```json
{"Code": 1}
```

## Request packet fields

| Field | Type | Property | Description |
| --- | --- | --- | --- |
| To | String | Required | Receiver |
| Body | Object | Optional | Content |

## Response packet fields

| Field | Type | Description |
| --- | --- | --- |
| Code | Integer | Result |
"""


def test_sub_sections_and_captions_stay_in_the_operation() -> None:
    result = _read(CAPTIONS)
    (op,) = result.api.operations
    assert (op.method, op.path) == ("post", "/messages")
    assert op.request_body is not None and op.responses[0].body is not None
    assert [(c.name, c.required) for c in op.request_body.root.children] == [
        ("To", True),
        ("Body", False),  # the `Property` column holds the flags: it is the required column
    ]
    assert _names(op.responses[0].body.root) == ["Code"]
    # the caption naming the other direction lets the sample's keys decide
    assert [e.value for e in op.request_body.examples] == [{"To": "a", "Body": {"Text": "hi"}}]
    assert [e.value for e in op.responses[0].body.examples] == [{"Code": 1}]
    assert "section-no-endpoint" not in _codes(result.diagnostics)


FLAT = """Feature Overview
This API deletes accounts.
Sample request URL
https://xxxxxx/v4/svc/account_delete?sdkappid=1&random=99
Maximum call frequency
100 calls per second
Sample request packet
{"DeleteItem": [{"UserID": "a"}]}
Request packet fields
Field | Type | Required | Description |
DeleteItem | Array | Yes | Accounts |
UserID | String | Yes | Account |
Sample response packet
{"ActionStatus": "OK", "Count": 2}
Response packet fields
Field | Type | Description |
ActionStatus | String | Result |
Count | Number | How many accounts were deleted |
"""


def test_a_page_whose_headings_all_have_one_level_is_one_operation() -> None:
    result = _read(FLAT, "flat.txt", "pipes")
    (op,) = result.api.operations
    assert (op.method, op.path) == ("post", "/v4/svc/account_delete")
    assert op.description == "This API deletes accounts."
    assert op.rate_limit is not None and op.rate_limit.limit == 100
    assert op.request_body is not None and op.responses[0].body is not None
    assert _names(op.request_body.root) == ["DeleteItem", "UserID"]  # the samples nest them later
    assert _names(op.responses[0].body.root) == ["ActionStatus", "Count"]
    assert [p.name for p in op.parameters] == ["sdkappid", "random"]
    assert "method-assumed" in _codes(result.diagnostics)


SECOND_ENDPOINT = """## Retrieving threads

GET /threads/user/{username}

### Response body

| Parameter | Type | Description |
| --- | --- | --- |
| name | String | Thread name |

Retrieving the threads of a group

### HTTP request

GET /threads/group/{group_id}

### Response body

| Parameter | Type | Description |
| --- | --- | --- |
| owner | String | Thread owner |
"""


def test_a_request_line_after_tables_starts_another_operation() -> None:
    first, second = _read(SECOND_ENDPOINT).api.operations
    assert (first.path, second.path) == ("/threads/user/{username}", "/threads/group/{group_id}")
    assert second.title.text == "Retrieving the threads of a group"
    assert [
        r.body.root.children[0].name for r in (*first.responses, *second.responses) if r.body
    ] == [
        "name",
        "owner",
    ]


ADJACENT = """## Apply

> PUT /apply
> POST /apply

| Parameter name | Data Type | Required | Description |
| --- | --- | --- | --- |
| app_id | string | true | App |
"""


def test_adjacent_request_lines_share_the_tables_after_them() -> None:
    put, post = _read(ADJACENT).api.operations
    assert [p.name for p in put.parameters] == [p.name for p in post.parameters] == ["app_id"]


ASIDES = """# Send

POST /send

## Request body

| Parameter | Type | Required | Description |
| --- | --- | --- | --- |
| to | String | Yes | Receiver |
| body | JSON | Yes | Content |

### Body of the message types

#### Text message

| Parameter | Type | Required | Description |
| --- | --- | --- | --- |
| msg | String | Yes | Text |

#### Image message

| Parameter | Type | Required | Description |
| --- | --- | --- | --- |
| url | String | Yes | Image |
| msg | String | No | Caption |

## Error codes

| Error Code | Description |
| --- | --- |
| 40001 | Bad |

## Supported platforms

| Platform | Supported |
| --- | --- |
| iOS | Yes |

## Fields that can be pulled

| Field | Description |
| --- | --- |
| AppName | App name |
"""


def test_tables_under_captions_nest_under_the_field_they_name_or_stay_notes() -> None:
    result = _read(ASIDES)
    (op,) = result.api.operations
    assert op.request_body is not None
    _to, body = op.request_body.root.children
    assert body.type == ObjectType()
    # variants add up; a property is required only where every variant requires it
    assert [(c.name, c.required) for c in body.children] == [("msg", False), ("url", False)]
    assert "| Platform | Supported |" in op.description
    assert "| AppName | App name |" in op.description
    found = {(d.code, d.span.line if d.span else 0) for d in result.diagnostics}
    assert ("table-nested", 16) in found and ("table-nested", 22) in found
    assert ("table-note", 35) in found  # no name column: a note
    assert ("table-kept-as-note", 41) in found  # a field table naming no documented field


ORPHAN = """## 1.1 Set avatar

| Parameter name | Data Type |
| --- | --- |
| avatar | string |

## 1.2 Get avatar

GET /user/avatar

| Parameter name | Data Type |
| --- | --- |
| size | string |
"""


def test_a_section_that_lost_its_request_line_is_reported_not_attached() -> None:
    result = _read(ORPHAN)
    (op,) = result.api.operations
    assert op.path == "/user/avatar"
    assert "avatar" not in op.description
    assert [d.render() for d in result.diagnostics if d.code == "section-no-endpoint"] == [
        "p.md:1: warning section-no-endpoint: section documents fields but states no endpoint "
        "(no 'METHOD /path' line); its tables are not imported"
    ]


CHAPTERS = """## 7 Group interface

## 7.1 Add admin

POST /group/admin

## 8 Push interface

Pushing to devices.

## 8.1 Push

POST /push
"""


def test_chapters_end_the_scope_and_tag_the_operations_below() -> None:
    ops = _read(CHAPTERS).api.operations
    assert [(op.path, op.tag) for op in ops] == [
        ("/group/admin", "Group interface"),
        ("/push", "Push interface"),
    ]


LEAD_IN = """Request fields
Field | Type | Required | Description |
GroupId | String | Yes | Group |
ExtensionList | Array | Yes (when OperateType is 1) | Pairs |
Fields of the objects in ExtensionList are described as follows:
Field | Type | Required | Description |
Key | String | Yes | Key |
Value | String/Integer | No | Value |
The response body contains the following fields:
Field | Type | Description |
Result | Integer | 0 on success |
"""


def test_a_sentence_naming_a_field_before_a_table_nests_the_table_there() -> None:
    source = "Sample request URL\nhttps://xxx/v4/svc/set?sdkappid=1\n" + LEAD_IN.replace(
        "The response", "Response fields\nThe response"
    )
    result = _read(source, "lead.txt", "pipes")
    (op,) = result.api.operations
    assert op.request_body is not None and op.responses[0].body is not None
    group, pairs = op.request_body.root.children
    assert (group.required, pairs.required) == (True, False)  # required only when ...
    assert [(c.name, c.type, c.required) for c in pairs.children] == [
        ("Key", Scalar("string"), True),
        ("Value", AnyType(), False),  # one of several types: any value
    ]
    # `the response body` in passing names no field: the table stays the response's
    assert _names(op.responses[0].body.root) == ["Result"]
    assert "required-conditional" in _codes(result.diagnostics)
