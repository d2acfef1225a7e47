"""Slate-style reference pages (widdershins Markdown, and the same page as Shins HTML):
parameters by their `In` column, a body linked to a schema, an appendix of schemas, status
tables, enumerated values, restrictions, Base URLs and authentication. The pages are written
here in the style; nothing is rendered at test time."""

from __future__ import annotations

from typing import Any

from markdown_it import MarkdownIt

from generator.pipeline import import_sources
from generator.sources import Source

PAGE = """---
title: Shop v1
language_tabs:
  - shell: Shell
---

<!-- Generator: Widdershins v4.0.1 -->

<h1 id="shop">Shop v1</h1>

Base URLs:

* <a href="https://shop.example.com/v1">https://shop.example.com/v1</a>

# Authentication

* API Key (shop_key)
    - Parameter Name: **X-Shop-Key**, in: header.

- HTTP Authentication, scheme: bearer

<h1 id="shop-orders">orders</h1>

## addOrder

<a id="opIdaddOrder"></a>

> Code samples

```http
POST https://shop.example.com/v1/orders/{shopId} HTTP/1.1
Host: shop.example.com
Content-Type: application/json
```

`POST /orders/{shopId}`

*Place an order*

> Body parameter

```json
{"item": "pen", "count": 2}
```

<h3 id="addorder-parameters">Parameters</h3>

|Name|In|Type|Required|Description|
|---|---|---|---|---|
|shopId|path|integer(int64)|true|none|
|X-Trace|header|string|false|A trace id|
|dryRun|query|boolean|false|none|
|body|body|[Order](#schemaorder)|true|none|

> Example responses

> 201 Response

```json
{"id": "o1", "state": "open"}
```

<h3 id="addorder-responses">Responses</h3>

|Status|Meaning|Description|Schema|
|---|---|---|---|
|201|[Created](https://tools.ietf.org/html/rfc7231#section-6.3.2)|created|[Order](#schemaorder)|
|400|[Bad Request](https://tools.ietf.org/html/rfc7231#section-6.5.1)|bad|None|

<aside class="warning">
To perform this operation, you must be authenticated by means of one of the following methods:
shop_key
</aside>

## listOrders

`GET /orders`

<h3 id="listorders-parameters">Parameters</h3>

|Name|In|Type|Required|Description|
|---|---|---|---|---|
|state|query|array[string]|false|none|

#### Enumerated Values

|Parameter|Value|
|---|---|
|state|open|
|state|closed|

<h3 id="listorders-responses">Responses</h3>

|Status|Meaning|Description|Schema|
|---|---|---|---|
|200|[OK](https://tools.ietf.org/html/rfc7231#section-6.3.1)|ok|Inline|

<h3 id="listorders-responseschema">Response Schema</h3>

Status Code **200**

|Name|Type|Required|Restrictions|Description|
|---|---|---|---|---|
|*anonymous*|[[Order](#schemaorder)]|false|none|none|

<aside class="success">
This operation does not require authentication
</aside>

# Schemas

<h2 id="tocS_Order">Order</h2>
<a id="schemaorder"></a>

```json
{"id": "o1", "item": "pen", "count": 2, "state": "open"}
```

### Properties

|Name|Type|Required|Restrictions|Description|
|---|---|---|---|---|
|id|string|false|read-only|none|
|item|string|true|none|none|
|count|integer(int32)|false|none|none|
|state|string¦null|false|none|none|
|lines|[object]|false|none|none|
|» sku|string|false|none|none|

#### Enumerated Values

|Property|Value|
|---|---|
|state|open|
|state|closed|

<h2 id="tocS_Status">Status</h2>
<a id="schemastatus"></a>

### Properties

|Name|Type|Required|Restrictions|Description|
|---|---|---|---|---|
|*anonymous*|string|false|none|none|
"""


def _spec(text: str, name: str) -> dict[str, Any]:
    result = import_sources([Source(name, text)])
    assert result.spec is not None, [d.render() for d in result.diagnostics]
    assert result.ok, [d.render() for d in result.diagnostics if d.severity.name == "ERROR"]
    return result.spec


def _check(spec: dict[str, Any]) -> None:
    assert spec["servers"] == [{"url": "https://shop.example.com/v1"}]
    add = spec["paths"]["/orders/{shopId}"]["post"]
    assert [(p["name"], p["in"], p["schema"]) for p in add["parameters"]] == [
        ("shopId", "path", {"type": "integer", "format": "int64"}),
        ("X-Trace", "header", {"type": "string"}),
        ("dryRun", "query", {"type": "boolean"}),
    ]
    body = add["requestBody"]["content"]["application/json"]
    assert body["schema"] == {"$ref": "#/components/schemas/Order"}
    assert body["examples"]["request-example-1"]["value"] == {"item": "pen", "count": 2}
    assert add["security"] == [{"shop_key": []}]
    assert sorted(add["responses"]) == ["201", "400"]
    created = add["responses"]["201"]["content"]["application/json"]
    assert created["schema"] == {"$ref": "#/components/schemas/Order"}
    assert "content" not in add["responses"]["400"]
    listed = spec["paths"]["/orders"]["get"]
    assert listed["parameters"][0]["schema"] == {
        "type": "array",
        "items": {"type": "string", "enum": ["open", "closed"]},
    }
    assert "security" not in spec and listed.get("security", []) == []  # needs none
    answer = listed["responses"]["200"]["content"]["application/json"]["schema"]
    assert answer == {"type": "array", "items": {"$ref": "#/components/schemas/Order"}}
    order = spec["components"]["schemas"]["Order"]
    assert order["required"] == ["item"]
    assert order["properties"]["id"] == {"type": "string", "readOnly": True}
    assert order["properties"]["state"] == {
        "type": ["string", "null"],
        "enum": ["open", "closed", None],
    }
    assert order["properties"]["lines"]["items"]["properties"] == {"sku": {"type": "string"}}
    assert spec["components"]["schemas"]["Status"] == {"type": "string"}
    schemes = spec["components"]["securitySchemes"]
    assert schemes["shop_key"] == {"type": "apiKey", "in": "header", "name": "X-Shop-Key"}
    assert schemes["bearerAuth"] == {"type": "http", "scheme": "bearer"}


def test_a_widdershins_markdown_page() -> None:
    _check(_spec(PAGE, "shop.md"))


def test_the_same_page_as_static_html() -> None:
    body = MarkdownIt("commonmark", {"html": True}).enable("table").render(PAGE.split("---", 2)[2])
    html = (
        '<html><body><div class="toc-wrapper"><ul><li>orders</li></ul></div>'
        f'<div class="page-wrapper"><div class="content">{body}</div></div></body></html>'
    )
    _check(_spec(html, "shop.html"))
