"""The generated server under uvicorn, called through the generated client, for every operation.

Every operation of each seed spec is called over real HTTP with the sync and the async client;
each answer must have the documented status and validate against the spec's response schema.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import types
import typing
from typing import Any

import httpx
import pytest
from pydantic import BaseModel

from generator.render.common import function_names, param_views
from generator.render.schemas import errors, sample
from generator.render.spec import Api, Operation, read_api
from tests.functional.support import SEED_APIS, TEST_KEY, Tree, import_package, running_server


class Recorder(httpx.HTTPTransport):
    """Keeps every response, so the raw JSON can be checked against the spec."""

    def __init__(self) -> None:
        super().__init__()
        self.responses: list[httpx.Response] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        response.read()
        self.responses.append(response)
        return response


class AsyncRecorder(httpx.AsyncHTTPTransport):
    def __init__(self) -> None:
        super().__init__()
        self.responses: list[httpx.Response] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await super().handle_async_request(request)
        await response.aread()
        self.responses.append(response)
        return response


def _credentials(client_class: type) -> dict[str, str]:
    skip = {"self", "base_url", "headers", "timeout", "transport"}
    return {n: TEST_KEY for n in inspect.signature(client_class).parameters if n not in skip}


def _body_value(api: Api, op: Operation) -> Any:
    assert op.body is not None
    valid = [e.value for e in op.body.examples if not errors(api.spec, op.body.schema, e.value)]
    return valid[0] if valid else sample(api.spec, op.body.schema)


def _arguments(api: Api, op: Operation, method: Any) -> dict[str, Any]:
    arguments = {p.ident: sample(api.spec, p.schema) for p in _params(op)}
    if op.body is not None:
        hint = typing.get_type_hints(method)["body"]
        kinds = typing.get_args(hint) if isinstance(hint, types.UnionType) else (hint,)
        kind = next(k for k in kinds if k is not type(None))
        value = _body_value(api, op)
        is_model = isinstance(kind, type) and issubclass(kind, BaseModel)
        arguments["body"] = kind.model_validate(value) if is_model else value
    return arguments


def _params(op: Operation) -> list[Any]:
    by_ident = {view.ident: view for view in param_views(op)}
    found = []
    for view in by_ident.values():
        schema = next(p.schema for p in op.parameters if p.name == view.name)
        found.append(types.SimpleNamespace(ident=view.ident, schema=schema))
    return found


def _check_answer(api: Api, op: Operation, response: httpx.Response) -> None:
    success = op.success
    assert success is not None
    assert response.status_code == int(success.status), (op.operation_id, response.text)
    if success.schema is not None:
        problems = errors(api.spec, success.schema, response.json())
        assert not problems, (op.operation_id, problems)


@pytest.mark.parametrize("api_name", SEED_APIS)
def test_every_operation_sync_and_async(seed_trees: dict[str, Tree], api_name: str) -> None:
    tree = seed_trees[api_name]
    api = read_api(tree.spec)
    client_module = import_package(tree, "client")
    functions = function_names(api)
    with running_server(tree) as base:
        recorder = Recorder()
        credentials = _credentials(client_module.Client)
        with client_module.Client(base, transport=recorder, **credentials) as client:
            for op in api.operations:
                method = getattr(client, functions[op.operation_id])
                result = method(**_arguments(api, op, method))
                assert result is not None
                _check_answer(api, op, recorder.responses[-1])
        asyncio.run(_call_all_async(api, client_module, base, credentials))
    assert len(recorder.responses) == len(api.operations)


async def _call_all_async(
    api: Api, client_module: Any, base: str, credentials: dict[str, str]
) -> None:
    recorder = AsyncRecorder()
    functions = function_names(api)
    async with client_module.AsyncClient(base, transport=recorder, **credentials) as client:
        for op in api.operations:
            method = getattr(client, functions[op.operation_id])
            await method(**_arguments(api, op, method))
            _check_answer(api, op, recorder.responses[-1])


@pytest.mark.parametrize("api_name", SEED_APIS)
def test_error_answers_use_the_envelope(seed_trees: dict[str, Tree], api_name: str) -> None:
    tree = seed_trees[api_name]
    api = read_api(tree.spec)
    served = json.loads((tree.path / "server" / "openapi.json").read_text(encoding="utf-8"))
    client_module = import_package(tree, "client")
    op = next(o for o in api.operations if o.security and o.body is not None)
    method_name = function_names(api)[op.operation_id]
    with running_server(tree) as base:
        wrong = {n: "wrong-key" for n in _credentials(client_module.Client)}
        with client_module.Client(base, **wrong) as client:
            method = getattr(client, method_name)
            with pytest.raises(client_module.ApiError) as caught:
                method(**_arguments(api, op, method))
        assert caught.value.status_code == 401
        assert caught.value.code == 401
        schema = served["paths"][op.path][op.method]["responses"]["401"]["content"]
        assert not errors(served, schema["application/json"]["schema"], caught.value.body)
        answer = httpx.request(op.method, base + _path(op), content=b'"not an object"')
        assert answer.status_code in (401, 422)


def _path(op: Operation) -> str:
    path = op.path
    for param in op.parameters:
        path = path.replace("{" + param.name + "}", "x")
    return path


@pytest.mark.parametrize("api_name", SEED_APIS)
def test_served_spec_is_the_spec_plus_error_answers(
    seed_trees: dict[str, Tree], api_name: str
) -> None:
    tree = seed_trees[api_name]
    served = json.loads((tree.path / "server" / "openapi.json").read_text(encoding="utf-8"))
    for item in served["paths"].values():
        for operation in item.values():
            for status in ("401", "422"):
                operation["responses"].pop(status, None)
    assert served == json.loads(json.dumps(tree.spec))


def test_code_in_a_success_answer_raises_api_error(seed_trees: dict[str, Tree]) -> None:
    """Tencent answers HTTP 200 with ErrorCode != 0 on failure; the client notices."""
    errors_module = import_package(seed_trees["tencent-im"], "client").errors
    assert errors_module.CODE_FIELD == "ErrorCode"
    assert errors_module.MESSAGE_FIELD == "ErrorInfo"
    errors_module.check(200, {"ActionStatus": "OK", "ErrorCode": 0, "ErrorInfo": ""})
    with pytest.raises(errors_module.ApiError) as caught:
        errors_module.check(200, {"ActionStatus": "FAIL", "ErrorCode": 90001, "ErrorInfo": "bad"})
    assert (caught.value.code, caught.value.message) == (90001, "bad")
    im_errors = import_package(seed_trees["im-user"], "client").errors
    assert (im_errors.CODE_FIELD, im_errors.MESSAGE_FIELD, im_errors.SUCCESS_CODES) == (
        "code",
        "message",
        (200,),
    )
