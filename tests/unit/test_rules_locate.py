"""Pointer -> line:col: YAML through the composed node tree, JSON through the text itself
(no composing: linear in the file size)."""

from __future__ import annotations

import json
import time

from generator.validate.document import Loaded, parse
from generator.validate.locate import nearest

SPEC = {
    "openapi": "3.1.0",
    "info": {"title": "T", "version": "1"},
    "paths": {"/a/{id}": {"get": {"tags": ["x", "y"], "responses": {"200": {"description": "é"}}}}},
}


def _loaded(text: str, name: str) -> Loaded:
    loaded = parse(text, name)
    assert isinstance(loaded, Loaded)
    return loaded


def test_json_members_at_their_key_items_at_the_item() -> None:
    text = json.dumps(SPEC, indent=1, ensure_ascii=False)
    locator = _loaded(text, "a.json").locator
    assert locator.position("") == (1, 1)
    assert locator.position("/info/version") == (5, 3)
    assert locator.position("/paths/~1a~1{id}/get/tags/1") == (12, 6)
    assert locator.position("/paths/~1a~1{id}/get/responses/200/description") == (16, 7)
    assert locator.position("/paths/~1a~1{id}/put") is None
    assert nearest(locator, "/paths/~1a~1{id}/put/x") == (8, 3)


def test_yaml_members_at_their_key_items_at_the_item() -> None:
    text = "openapi: 3.1.0\npaths:\n  /a/{id}:\n    get:\n      tags: [x, y]\n      200: {}\n"
    locator = _loaded(text, "a.yaml").locator
    assert locator.position("/paths/~1a~1{id}/get/tags/1") == (5, 17)
    assert locator.position("/paths/~1a~1{id}/get/200") == (6, 7)
    assert locator.position("/paths/~1a~1{id}/get/tags/2") is None


def test_yaml_keys_stay_as_written_and_dates_stay_text() -> None:
    data = _loaded("200: a\ntrue: b\nwhen: 2024-01-02\n", "a.yaml").data
    assert data == {"200": "a", "true": "b", "when": "2024-01-02"}


def test_json_that_is_not_json_is_read_as_yaml() -> None:
    assert _loaded("{a: 1}", "a.json").data == {"a": 1}


def test_a_syntax_error_is_a_finding_at_its_line() -> None:
    found = parse("a: 1\nb: [\n", "a.yaml")
    assert not isinstance(found, Loaded)
    assert found.span is not None
    assert (found.code, found.span.line, found.span.column) == ("syntax-error", 3, 1)


def test_locating_in_a_large_json_file_is_fast() -> None:
    paths = {
        f"/r{i}": {"get": {"operationId": f"op{i}", "summary": "s" * 40}} for i in range(40000)
    }
    text = json.dumps({"openapi": "3.1.0", "paths": paths}, indent=2)
    assert len(text) > 4_000_000
    started = time.perf_counter()
    locator = _loaded(text, "big.json").locator
    last = [locator.position(f"/paths/~1r{i}/get/summary") for i in (39999, 20000, 7)]
    assert time.perf_counter() - started < 5
    assert last == [(4 + i * 6 + 3, 9) for i in (39999, 20000, 7)]
