"""The escaping filters: every output is valid syntax whatever the input."""

from __future__ import annotations

import ast

import pytest
import yaml

from generator.render import filters

HOSTILE = [
    "plain",
    'it\'s "quoted"',
    '"""triple""" and \'\'\'',
    "back\\slash\\",
    "new\nline\r\nand\u2028separator",
    "{{ 7*7 }} {% raw %}",
    "</script><script>alert(1)</script>",
    "ユーザー 🎉 ü",
    "x" * 250,
    "",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_pyrepr_and_pystr_round_trip(text: str) -> None:
    assert ast.literal_eval(filters.pyrepr(text)) == text
    wrapped = filters.pystr(text, 8, 10)
    assert ast.literal_eval(wrapped) == text
    assert all(filters.width(line) <= 8 + 10 + 100 for line in wrapped.splitlines())
    assert all(filters.width(line) <= 99 for line in wrapped.splitlines()[1:])


def test_pyrepr_rejects_what_is_not_json() -> None:
    with pytest.raises(TypeError):
        filters.pyrepr(object())
    with pytest.raises(ValueError, match="finite"):
        filters.pyrepr(float("nan"))
    assert filters.pyrepr({"a": [1, 2.5, None, True]}) == "{'a': [1, 2.5, None, True]}"


def test_pyliteral_lays_out_long_values_and_round_trips() -> None:
    value = {"key": ["x" * 120, {"n": 1, "deep": {"s": '"""' * 40}}], "none": None}
    text = filters.pyliteral(value, 0, 10)
    assert ast.literal_eval(text) == value
    assert max(filters.width(line) for line in text.splitlines()) <= 99


@pytest.mark.parametrize("text", HOSTILE)
def test_docstring_is_one_string_literal(text: str) -> None:
    source = f"def f() -> None:\n    {filters.docstring(text, 4)}\n"
    function = ast.parse(source).body[0]
    assert isinstance(function, ast.FunctionDef)
    assert len(function.body) == 1
    assert isinstance(ast.get_docstring(function), str)
    assert all(filters.width(line) <= 99 for line in source.splitlines())


@pytest.mark.parametrize("text", HOSTILE)
def test_comment_stays_on_one_line(text: str) -> None:
    assert "\n" not in filters.comment(text) and "\r" not in filters.comment(text)


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_text_has_no_raw_html_or_breaks(text: str) -> None:
    out = filters.md_text(text)
    assert "<script" not in out and "\n" not in out
    assert "{{" not in out
    cell = filters.md_cell(text)
    assert "|" not in cell.replace("\\|", "")


def test_markdown_escapes_block_starts_and_inline_syntax() -> None:
    assert filters.md_text("# title") == "\\# title"
    assert filters.md_text("1. item") == "1\\. item"
    assert filters.md_text("- item") == "\\- item"
    assert filters.md_text("[a](javascript:x)") == "\\[a\\]\\(javascript:x\\)"
    assert filters.md_text("a\nb") == "a<br>b"


def test_code_spans_and_fences_outgrow_backticks() -> None:
    assert filters.md_code("a`b") == "``a`b``"
    assert filters.md_code("`x") == "`` `x ``"
    assert filters.md_code("a|b") == "a\\|b"
    fence = filters.md_fence("```\ninside\n````", "json")
    assert fence.startswith("`````json\n") and fence.endswith("\n`````")


@pytest.mark.parametrize("text", HOSTILE)
def test_yaml_str_round_trips(text: str) -> None:
    assert yaml.safe_load(f"key: {filters.yaml_str(text)}")["key"] == text


def test_html_text_escapes_for_themes() -> None:
    assert filters.html_text('</title><b a="x">') == "&lt;/title&gt;&lt;b a=&quot;x&quot;&gt;"


def test_identifier_filter_only_makes_identifiers() -> None:
    assert filters.identifier("get_users") == "get_users"
    assert filters.identifier("../evil'); x") == "evil_x"
    assert filters.identifier("class") == "class_"
