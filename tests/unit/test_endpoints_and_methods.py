"""One endpoint finder for every reader; the method from the best evidence; generic and path
parameter tables reconciled with the URL."""

from __future__ import annotations

import pytest

from generator.interpret import interpret
from generator.interpret.endpoints import code_targets, find_target, request_message
from generator.model import Operation
from generator.readers import read_document


@pytest.mark.parametrize(
    ("line", "method", "server", "path", "query"),
    [
        ("POST https://{host}/{org}/users", "POST", "https://{host}", "/{org}/users", ()),
        ("> GET /users/{id}", "GET", None, "/users/{id}", ()),
        ("• delete /users", "DELETE", None, "/users", ()),
        (
            "GET https://{host} /{org}/rooms?limit={N}",
            "GET",
            "https://{host}",
            "/{org}/rooms",
            ("limit",),
        ),
        ("POST https://{host}/{org}/template`", "POST", "https://{host}", "/{org}/template", ()),
        ("`GET /users`", "GET", None, "/users", ()),
        ("POST /v1/send HTTP/1.1", "POST", None, "/v1/send", ()),
        (
            "https://xxx/v4/svc/api?sdkappid=1&random=2",
            None,
            "https://xxx",
            "/v4/svc/api",
            ("sdkappid", "random"),
        ),
    ],
)
def test_request_lines_in_every_form(
    line: str, method: str | None, server: str | None, path: str, query: tuple[str, ...]
) -> None:
    target = find_target(line, 7)
    assert target is not None
    assert (target.method, target.server, target.path, target.line) == (method, server, path, 7)
    assert tuple(name for name, _ in target.query) == query


@pytest.mark.parametrize(
    "line",
    [
        "/users without a method",  # a path alone may be anything
        "https://console.example.com",  # a bare host names no endpoint
        "See https://example.com/docs for details",
        "GET the user list",
    ],
)
def test_other_lines_are_not_endpoints(line: str) -> None:
    assert find_target(line, 1) is None


def test_code_blocks_with_request_lines_between_comments() -> None:
    code = "// one user\nGET /users/{id}\n\n# or all of them\nGET /users\n"
    found = code_targets(code, lambda i: 10 + i)
    assert [(t.method, t.path, t.line) for t in found] == [
        ("GET", "/users/{id}", 11),
        ("GET", "/users", 14),
    ]
    message = "POST /v1/send HTTP/1.1\nHost: api.example.com\nContent-Type: application/json"
    assert code_targets(message, lambda i: i) == ()  # a whole request message is a sample
    sample = request_message(message, lambda i: i)
    assert sample is not None and (sample.method, sample.path) == ("POST", "/v1/send")
    assert code_targets("curl -X GET https://x/users", lambda i: i) == ()
    assert code_targets('{"a": 1}', lambda i: i) == ()


def _ops(text: str, name: str = "p.md") -> tuple[tuple[Operation, ...], list[str]]:
    result = interpret(read_document(text, name).document)
    return result.api.operations, [d.render() for d in result.diagnostics]


HTML_PRE = """<html><body><main>
<h1>Delete friends</h1>
<h3>Sample request URL</h3>
<pre><code>https://xxxxxx/v4/sns/friend_delete?sdkappid=88888888&amp;random=99
</code></pre>
<h3>Request fields</h3>
<table><tr><th>Field</th><th>Type</th><th>Required</th><th>Description</th></tr>
<tr><td>From_Account</td><td>String</td><td>Yes</td><td>Who</td></tr></table>
</main></body></html>
"""


def test_a_sample_url_inside_pre_code_on_an_html_page_is_the_endpoint() -> None:
    (op,), found = _ops(HTML_PRE, "p.html")
    assert (op.method, op.path) == ("post", "/v4/sns/friend_delete")
    assert [s.url for s in op.servers] == ["https://xxxxxx"]
    assert found[0].endswith(
        "warning method-assumed: no HTTP method is stated; POST assumed "
        "(a request body is documented)"
    )


SAMPLE_METHOD = """## Reaction details

### HTTP request

```
https://{host}/{org}/reaction/{id}/detail?limit={limit}
```

### Request example

```shell
// the first page
curl -g -X GET 'http://XXXX/XXXX/reaction/wz/detail?limit=50'
```
"""


def test_the_method_of_the_operations_own_request_sample() -> None:
    (op,), found = _ops(SAMPLE_METHOD)
    assert (op.method, op.path) == ("get", "/{org}/reaction/{id}/detail")
    assert found == [
        "p.md:5: info method-assumed: no HTTP method is stated; GET assumed "
        "(its request sample uses it)"
    ]


FAMILY = """## Add

PUT /v2/things

## Count

Sample URL

https://api.example.com/v2/things/count
"""


def test_the_method_the_rest_of_the_url_family_uses() -> None:
    ops, found = _ops(FAMILY)
    assert [(o.method, o.path) for o in ops] == [("put", "/v2/things"), ("put", "/v2/things/count")]
    assert any("every other operation under" in line for line in found)


GENERIC = """## Mute a user

POST https://{host}/{org}/mutes

### Request parameter

| Parameter | Type | Required | Description |
| --- | --- | --- | --- |
| org | String | Yes | Organisation |
| username | String | Yes | Who |
| chat | Number | No | Seconds |

## Muted users

GET https://{host}/{org}/mutes

### Request parameter

| Parameter | Type | Required | Description |
| --- | --- | --- | --- |
| pageNum | Number | No | Page |
"""


def test_a_generic_parameter_table_is_split_by_url_and_method() -> None:
    (post, get), _ = _ops(GENERIC)
    assert [(p.name, p.location) for p in post.parameters] == [("org", "path")]
    assert post.request_body is not None
    assert [c.name for c in post.request_body.root.children] == ["username", "chat"]
    assert [(p.name, p.location) for p in get.parameters] == [("pageNum", "query"), ("org", "path")]
    assert get.request_body is None


PATHS = """## Threads

GET https://{host}/{org}/thread/{thread_id}?limit={limit}&cursor={cursor}

### Path parameter

| Parameter | Type | Required | Description |
| --- | --- | --- | --- |
| threadId | String | Yes | The thread |
| limit | Number | No | Page size |
| cursor | String | No | Page |
| sort | String | No | Order |
"""


def test_a_path_table_that_disagrees_with_the_url_is_reconciled() -> None:
    (op,), found = _ops(PATHS)
    assert [(p.name, p.location, p.required) for p in op.parameters] == [
        ("thread_id", "path", True),  # documented under another name
        ("limit", "query", False),
        ("cursor", "query", False),
        ("sort", "query", None),  # not in the URL at all
        ("org", "path", True),
    ]
    assert [line.split(": ", 1)[1] for line in found if "reconciled" in line] == [
        "warning path-parameter-reconciled: path parameter 'threadId' documents the path's "
        "{thread_id} under another name (/{org}/thread/{thread_id})",
        "warning path-parameter-reconciled: path parameter 'limit' is a query key "
        "(/{org}/thread/{thread_id})",
        "warning path-parameter-reconciled: path parameter 'cursor' is a query key "
        "(/{org}/thread/{thread_id})",
        "warning path-parameter-reconciled: path parameter 'sort' is not in the path; taken as "
        "a query key (/{org}/thread/{thread_id})",
    ]
