"""Operations and their parameters: ids, path templates, duplicates, success responses."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from generator.validate.rules.base import Problem, Spec
from generator.validate.walk import Operation, child

_TEMPLATE = re.compile(r"\{([^{}]+)\}")
_SUCCESS = re.compile(r"^2(\d\d|XX)$")
_NO_BODY = frozenset({"204", "205"})
RESERVED_HEADERS = frozenset({"authorization", "content-type", "accept"})


def operation_id_missing(spec: Spec) -> Iterator[Problem]:
    for op in spec.found.operations:
        if not isinstance(op.node.get("operationId"), str) or not op.node["operationId"]:
            yield Problem(op.at, f"{_name(op)} has no operationId")


def operation_id_unique(spec: Spec) -> Iterator[Problem]:
    first: dict[str, str] = {}
    for op in spec.found.operations:
        op_id = op.node.get("operationId")
        if not isinstance(op_id, str) or not op_id:
            continue
        at = child(op.at, "operationId")
        if op_id in first:
            yield Problem(at, f"operationId '{op_id}' is already used", (first[op_id],))
        else:
            first[op_id] = at


def path_parameter_undeclared(spec: Spec) -> Iterator[Problem]:
    for op in spec.found.operations:
        if not op.templated:
            continue
        declared = {name for name, _ in _path_parameters(spec, op)}
        for name in _TEMPLATE.findall(op.path):
            if name not in declared:
                yield Problem(op.at, f"{_name(op)}: path variable '{{{name}}}' is not a parameter")


def path_parameter_unused(spec: Spec) -> Iterator[Problem]:
    reported: set[str] = set()
    for op in spec.found.operations:
        if not op.templated:
            continue
        variables = set(_TEMPLATE.findall(op.path))
        for name, at in _path_parameters(spec, op):
            if name not in variables and at not in reported:
                reported.add(at)
                yield Problem(at, f"path parameter '{name}' is not in the path '{op.path}'")


def parameter_duplicate(spec: Spec) -> Iterator[Problem]:
    for list_at, params in spec.found.parameter_lists:
        seen: dict[tuple[str, str], str] = {}
        for i, param in enumerate(params):
            key = _key(spec.resolve(param))
            if key is None:
                continue
            at = child(list_at, i)
            if key in seen:
                yield Problem(at, f"{key[1]} parameter '{key[0]}' is declared twice", (seen[key],))
            else:
                seen[key] = at


def operation_success_response(spec: Spec) -> Iterator[Problem]:
    for op in spec.found.operations:
        responses = op.node.get("responses")
        if not isinstance(responses, dict):
            continue
        success = [str(s) for s in responses if _SUCCESS.match(str(s))]
        if not success:
            yield Problem(child(op.at, "responses"), f"{_name(op)} has no 2xx response")
        elif not any(s in _NO_BODY or _has_schema(spec, responses[s]) for s in success):
            at = child(op.at, "responses", success[0])
            yield Problem(at, f"{_name(op)}: the {success[0]} response has no schema")


def header_parameter_reserved(spec: Spec) -> Iterator[Problem]:
    for at, param in spec.found.parameters:
        name = str(param.get("name", ""))
        if param.get("in") == "header" and name.lower() in RESERVED_HEADERS:
            where = "security schemes" if name.lower() == "authorization" else "media types"
            yield Problem(
                child(at, "name"), f"header parameter '{name}' is ignored: it belongs to {where}"
            )


def _name(op: Operation) -> str:
    return f"{op.method.upper()} {op.path}" if op.path else op.at


def _key(param: Any) -> tuple[str, str] | None:
    if not isinstance(param, dict) or not isinstance(param.get("name"), str):
        return None
    where = str(param.get("in", ""))
    name = param["name"].lower() if where == "header" else param["name"]
    return (name, where)


def _path_parameters(spec: Spec, op: Operation) -> list[tuple[str, str]]:
    """(name, pointer) of the path parameters that apply to `op`; operation-level ones
    override path-level ones of the same name."""
    found: dict[str, str] = {}
    for owner, node in ((op.path_item_at, op.path_item), (op.at, op.node)):
        params = node.get("parameters")
        for i, param in enumerate(params if isinstance(params, list) else []):
            target = spec.resolve(param)
            if isinstance(target, dict) and target.get("in") == "path" and "name" in target:
                found[str(target["name"])] = child(owner, "parameters", i)
    return list(found.items())


def _has_schema(spec: Spec, response: Any) -> bool:
    response = spec.resolve(response)
    content = response.get("content") if isinstance(response, dict) else None
    return isinstance(content, dict) and any(
        isinstance(media, dict) and "schema" in media for media in content.values()
    )
