"""Samples (JSON repair, curl) and request lines (server, path, query, contradictions)."""

from __future__ import annotations

from generator.diagnostics import Diagnostic, Span
from generator.interpret.endpoints import extended, matches, parse_target
from generator.interpret.samples import parse_json, read_sample
from generator.readers.document import Code


def _at(line: int) -> Span:
    return Span("p", line + 10)


def test_strict_json_passes_untouched() -> None:
    diags: list[Diagnostic] = []
    assert parse_json('{"a": [1, 2]}', _at, diags) == ({"a": [1, 2]}, True)
    assert diags == []


def test_trailing_comma_is_repaired_and_reported_on_the_comma_line() -> None:
    diags: list[Diagnostic] = []
    value, ok = parse_json('{\n"a": 1,\n"b": 2,\n}', _at, diags)
    assert (value, ok) == ({"a": 1, "b": 2}, True)
    assert [d.render() for d in diags] == [
        "p:12: warning example-json-repaired: broken JSON sample (trailing comma); repaired"
    ]


def test_missing_comma_is_reported_after_the_value_that_lacks_it() -> None:
    diags: list[Diagnostic] = []
    value, _ = parse_json('{\n"a": "x"\n"b": 2\n}', _at, diags)
    assert value == {"a": "x", "b": 2}
    assert [d.span.line for d in diags if d.span] == [11]
    assert "missing comma" in diags[0].message


def test_duplicate_keys_are_reported() -> None:
    diags: list[Diagnostic] = []
    value, _ = parse_json('{"a": 1, "a": 2}', _at, diags)
    assert value == {"a": 2}
    assert [d.code for d in diags] == ["example-duplicate-key"]


def test_not_json_at_all() -> None:
    diags: list[Diagnostic] = []
    assert parse_json("{{{ nope", _at, diags)[1] in (False, True)
    assert all(d.code in ("example-unreadable", "example-json-repaired") for d in diags)


def test_curl_command_with_gutter_lines() -> None:
    text = (
        "# Replace {YourAppToken} with your token\n"
        "curl -X POST -H 'Content-Type: application/json' -H 'Authorization:Bearer {T}' "
        '-i "https://XXXX/XXXX/XXXX/users" -d \'\n{\n"username": "u1",\n}\''
    )
    code = Code(text, "shell", 111, (111, 113, 115, 117, 119))
    diags: list[Diagnostic] = []
    sample = read_sample(code, "p", diags)
    assert sample is not None
    assert (sample.method, sample.url, sample.value) == (
        "POST",
        "https://XXXX/XXXX/XXXX/users",
        {"username": "u1"},
    )
    assert sample.headers == (("Content-Type", "application/json"), ("Authorization", "Bearer {T}"))
    assert [d.render() for d in diags] == [
        "p:117: warning example-json-repaired: broken JSON sample (trailing comma); repaired"
    ]


def test_request_line_parts() -> None:
    target = parse_target("GET", "https://{host}/{org}/{app}/users?limit={N}&{cursor}", 5)
    assert (target.server, target.host, target.path) == (
        "https://{host}",
        "{host}",
        "/{org}/{app}/users",
    )
    assert target.query == (("limit", "{N}"), ("cursor", ""))
    bare = parse_target(None, "/user//list/?x=1", 1)
    assert (bare.server, bare.path, bare.query) == (None, "/user/list", (("x", "1"),))


def test_placeholders_match_variables_and_extra_segments_bind_unused_parameters() -> None:
    assert matches("/{org}/{app}/users/{username}", "/XXXX/XXXX/users/user1")
    assert not matches("/{org}/{app}/users", "/XXXX/XXXX/users/user1")
    assert extended("/{org}/{app}/users", "/XXXX/XXXX/users/user1", ["username"]) == (
        "/{org}/{app}/users/{username}"
    )
    assert extended("/{org}/{app}/users", "/XXXX/XXXX/users/user1", []) is None
    assert extended("/{org}/{app}/users", "/XXXX/XXXX/groups/g1", ["username"]) is None
