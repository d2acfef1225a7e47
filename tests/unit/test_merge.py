"""Merge policy: union of operations, wider integers, explicit flags, real titles; every
disagreement reported with both locations."""

from __future__ import annotations

from generator.diagnostics import Span
from generator.interpret import interpret
from generator.model import Scalar
from generator.normalize.merge import merge_documents
from generator.readers import read_document

A = """1.9 Banned user
PUT /user/disable
Query Param
| Parameter name |
Data Type |
Required |
Description |
| id |
int64 |
true |
User ID |
1.10 Only in A
GET /user/a
"""

B = """## 3.12 **to-be-translate**

> PUT  /user/disable

### Query Param
| Parameter name | Data Type | Description |
| --- | --- | --- |
| id | int32 | The user |
| extra | string | New in B |

## 3.13 Only in B

> GET  /user/b
"""


def _merged() -> tuple[list[str], object]:
    docs = [
        interpret(read_document(text, name).document).api
        for text, name in ((A, "a.txt"), (B, "b.md"))
    ]
    merged = merge_documents(docs)
    return [d.render() for d in merged.diagnostics], merged.api


def test_union_of_operations_and_policy() -> None:
    rendered, api = _merged()
    ops = {(o.method, o.path): o for o in api.operations}  # type: ignore[attr-defined]
    assert sorted(ops) == [("get", "/user/a"), ("get", "/user/b"), ("put", "/user/disable")]
    disable = ops[("put", "/user/disable")]
    assert disable.title.text == "Banned user" and not disable.title.placeholder
    assert disable.sources == (Span("a.txt", 2), Span("b.md", 3))
    id_param, extra = disable.parameters
    assert (id_param.type, id_param.required, id_param.description) == (
        Scalar("integer", "int64"),
        True,
        "User ID",
    )
    assert id_param.sources == (Span("a.txt", 8), Span("b.md", 8))
    assert extra.name == "extra" and extra.sources == (Span("b.md", 9),)
    assert rendered == [
        "a.txt:8: warning merge-type-conflict: PUT /user/disable query parameter 'id': "
        "int64 vs int32; the wider int64 is kept (see b.md:8)",
        "a.txt:8: info merge-description-differs: PUT /user/disable query parameter 'id': "
        "description 'User ID' kept over 'The user' (see b.md:8)",
    ]
