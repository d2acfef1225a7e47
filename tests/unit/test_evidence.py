"""The samples decide what the tables leave open: nesting, wrappers, integers, nulls."""

from __future__ import annotations

from generator.diagnostics import Diagnostic, Span
from generator.interpret.samples import parse_json, without_comments
from generator.model import (
    AnyType,
    ArrayOf,
    Body,
    Example,
    Field,
    ObjectType,
    Operation,
    Response,
    Scalar,
    Title,
)
from generator.normalize.evidence import with_evidence
from generator.normalize.examples import reconcile

AT = (Span("p", 1),)


def _f(name: str, type_: object = None, *children: Field, description: str = "") -> Field:
    return Field(name, type_, None, description, AT, children=children)  # type: ignore[arg-type]


def _op(root: Field, *samples: object, request: bool = False) -> Operation:
    examples = tuple(Example(v, f"s{i}", (Span("p", 50 + i),)) for i, v in enumerate(samples))
    body = Body("application/json", root, examples)
    if request:
        return Operation("post", "/x", Title("x"), AT, request_body=body)
    return Operation("post", "/x", Title("x"), AT, responses=(Response("200", body, AT),))


Tree = tuple[str, object, tuple["Tree", ...]]


def _tree(field: Field) -> Tree:
    return (field.name, field.type, tuple(_tree(c) for c in field.children))


def _only_child(field: Field) -> Tree:
    (child,) = field.children
    return _tree(child)


def _response(op: Operation) -> Field:
    body = op.responses[0].body
    assert body is not None
    return body.root


def test_rows_every_sample_shows_deeper_are_nested_there() -> None:
    root = _f("", ObjectType(), _f("code", Scalar("integer")), _f("id", Scalar("string")))
    sample_a = {"code": 0, "data": {"items": [{"id": "a"}, {"other": 1}]}}
    sample_b = {"code": 0, "data": {"items": []}}
    found: list[Diagnostic] = []
    op = reconcile(_op(root, sample_a, sample_b), found)
    assert _tree(_response(op)) == (
        "",
        ObjectType(),
        (
            ("code", Scalar("integer"), ()),
            (
                "data",
                ObjectType(),
                (("items", ArrayOf(ObjectType()), (("id", Scalar("string"), ()),)),),
            ),
        ),
    )
    assert [(d.code, d.span.line if d.span else 0) for d in found] == [
        ("table-wrapper-missing", 1),
        ("table-wrapper-missing", 1),
    ]


def test_a_row_one_sample_shows_at_the_top_stays_there() -> None:
    root = _f("", ObjectType(), _f("cursor", Scalar("string")))
    op = reconcile(_op(root, {"cursor": "x"}, {"params": {"cursor": ["x"]}}), [])
    assert _tree(_response(op)) == ("", ObjectType(), (("cursor", Scalar("string"), ()),))


def test_a_documented_parent_receives_the_rows_its_sample_holds() -> None:
    root = _f("", ObjectType(), _f("data", ArrayOf(AnyType())), _f("name", Scalar("string")))
    found: list[Diagnostic] = []
    op = reconcile(_op(root, {"data": [{"name": "a"}, {"name": "b", "x": 1}]}), found)
    assert _only_child(_response(op)) == (
        "data",
        ArrayOf(ObjectType()),
        (("name", Scalar("string"), ()),),
    )
    assert [d.code for d in found] == ["table-nesting-restored"]


def test_item_schemas_take_every_key_of_record_items_and_leave_maps_free() -> None:
    records = _f("", ObjectType(), _f("list", ArrayOf(AnyType())))
    op = reconcile(_op(records, {"list": [{"id": 1}, {"id": 2, "tag": "t"}]}), [])
    assert [k[0] for k in _only_child(_response(op))[2]] == ["id", "tag"]
    maps = _f("", ObjectType(), _f("list", ArrayOf(AnyType())))
    op = reconcile(_op(maps, {"list": [{"u1": 1}, {"u2": 2}]}), [])
    assert _only_child(_response(op))[2] == ()


def test_a_bare_array_sample_is_wrapped_in_the_one_array_field_of_the_table() -> None:
    root = _f("", ObjectType(), _f("users", ArrayOf(Scalar("string"))))
    found: list[Diagnostic] = []
    op = reconcile(_op(root, ["u1", "u2"], request=True), found)
    assert op.request_body is not None
    assert [e.value for e in op.request_body.examples] == [{"users": ["u1", "u2"]}]
    assert [(d.code, d.span.line if d.span else 0) for d in found] == [
        ("example-wrapper-missing", 50)
    ]


def test_numbers_that_are_integers_by_their_samples_or_their_prose() -> None:
    root = _f(
        "",
        ObjectType(),
        _f("count", Scalar("number")),
        _f("limit", Scalar("number"), description="The maximum number of users per page"),
        _f("ratio", Scalar("number"), description="The share of users"),
        _f("price", Scalar("number")),
    )
    found: list[Diagnostic] = []
    op = with_evidence(_op(root, {"count": 2, "price": 2.5}), found)
    assert [c.type for c in _response(op).children] == [
        Scalar("integer"),
        Scalar("integer"),
        Scalar("number"),
        Scalar("number"),
    ]
    assert [d.code for d in found] == ["type-narrowed", "type-narrowed"]


def test_nullable_from_a_null_sample_or_the_description() -> None:
    root = _f(
        "",
        ObjectType(),
        _f("message", Scalar("string"), description="Error information, null means success"),
        _f("group", Scalar("string")),
        _f("name", Scalar("string"), description="The name; it cannot be null"),
        _f("note", Scalar("string"), description="A note, or null when there is none"),
    )
    found: list[Diagnostic] = []
    op = with_evidence(_op(root, {"group": None, "name": "n"}), found)
    assert [c.nullable for c in _response(op).children] == [True, True, False, True]
    assert [d.code for d in found] == [
        "nullable-from-prose",
        "nullable-from-example",
        "nullable-from-prose",
    ]


def test_comments_glued_into_a_one_line_json_sample_are_removed() -> None:
    text = '{"a": 1,// first "b": [ // list {"c": "http://x//y"}]}'
    assert without_comments(text) == '{"a": 1,"b": [ {"c": "http://x//y"}]}'
    found: list[Diagnostic] = []
    value, ok = parse_json(text, lambda i: Span("p", i + 1), found)
    assert (value, ok) == ({"a": 1, "b": [{"c": "http://x//y"}]}, True)
    assert [d.code for d in found] == ["example-json-repaired"]


def test_a_nameless_array_row_beside_named_rows_makes_the_body_an_array() -> None:
    from generator.interpret import interpret
    from generator.readers import read_document

    text = (
        "## Add users\n\nPOST /users\n\n### Request body\n\n"
        "| Parameter | Type | Required | Description |\n| --- | --- | --- | --- |\n"
        "|  | Array | Yes | The users |\n| name | String | Yes | A name |\n"
    )
    result = interpret(read_document(text, "p.md").document)
    (op,) = result.api.operations
    assert op.request_body is not None
    root = op.request_body.root
    assert (root.type, [c.name for c in root.children]) == (ArrayOf(ObjectType()), ["name"])
    assert [d.code for d in result.diagnostics] == ["body-is-array"]
