"""View-model of the typed httpx client: one method per operation, sync and async alike."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import orjson

from generator.render import names
from generator.render.common import (
    RESERVED_ARGUMENTS,
    BodyView,
    ParamView,
    ResultView,
    body_view,
    function_names,
    param_views,
    result_view,
    signature_imports,
)
from generator.render.envelope import Envelope
from generator.render.imports import ImportLine, import_sections, relocate
from generator.render.lazy import Lazy
from generator.render.memo import Kept
from generator.render.mocks import status_code
from generator.render.models import Models
from generator.render.spec import Api, Operation, SecurityScheme

_CONSTRUCTOR_ARGUMENTS = frozenset({"base_url", "headers", "timeout", "transport"})


@dataclass(frozen=True, slots=True)
class ClientScheme:
    name: str  # the spec's scheme name
    argument: str  # the constructor's keyword argument
    kind: str  # key, bearer or basic
    location: str  # header, query or cookie
    parameter: str  # the header / query / cookie name
    description: str


@dataclass(frozen=True, slots=True)
class ClientOperation:
    function: str
    method: str
    path: str
    operation_id: str
    doc: str
    params: tuple[ParamView, ...]
    body: BodyView | None
    result: ResultView
    security: tuple[tuple[str, ...], ...]
    media_type: str  # the request body's media type

    def located(self, location: str) -> tuple[ParamView, ...]:
        return tuple(p for p in self.params if p.location == location)


@dataclass(frozen=True, slots=True)
class ClientView:
    title: str
    default_base_url: str | None
    schemes: tuple[ClientScheme, ...]
    operations: tuple[ClientOperation | Lazy[ClientOperation], ...]
    code_field: str
    message_field: str
    success_codes: tuple[int | str, ...]
    imports: tuple[tuple[ImportLine, ...], ...]


def _scheme(scheme: SecurityScheme, argument: str) -> ClientScheme:
    if scheme.kind == "apiKey":
        kind = "key"
    elif scheme.kind == "http" and scheme.scheme == "basic":
        kind = "basic"
    else:
        kind = "bearer"
    return ClientScheme(
        scheme.name, argument, kind, scheme.location, scheme.parameter, scheme.description
    )


def _operation(op: Operation, function: str, models: Models) -> ClientOperation:
    """Made of the operation, its function's name and its models' names only (`Models.names_for`):
    a `Lazy` view is keyed by exactly these (`_operation_and_facts`)."""
    success = op.success
    status = status_code(success.status) if success else 200
    summary = op.summary or op.operation_id
    return ClientOperation(
        function=function,
        method=op.method.upper(),
        path=op.path if op.path.startswith("/") else "/" + op.path,
        operation_id=op.operation_id,
        doc=f"{summary}\n\n{op.method.upper()} {op.path}\n\nRaises `ApiError` on an error answer.",
        params=param_views(op),
        body=body_view(op, models),
        result=result_view(op, models, status),
        security=op.security,
        media_type=op.body.media_type if op.body else "application/json",
    )


@dataclass(frozen=True, slots=True)
class Facts:
    """What the client module's imports need of an operation."""

    imports: tuple[tuple[str, str], ...]
    result_kind: str

    def dumps(self) -> str:
        return orjson.dumps(self).decode()

    @staticmethod
    def loads(text: str) -> Facts:
        data = orjson.loads(text)
        return Facts(tuple(tuple(p) for p in data["imports"]), data["result_kind"])


def _facts(op: ClientOperation) -> str:
    imports = signature_imports(op.params, op.body, op.result, parsed=False)
    return Facts(tuple(sorted(imports)), op.result.kind).dumps()


def _operation_and_facts(
    op: Operation, function: str, models: Models, kept: Kept | None
) -> tuple[ClientOperation | Lazy[ClientOperation], Facts]:
    build = partial(_operation, op, function, models)
    if kept is None:
        view = build()
        return view, Facts.loads(_facts(view))
    parts = (function, *models.names_for(op.operation_id))
    view_or_lazy, text = kept.view("client-operation", op.operation_id, parts, build, _facts)
    return view_or_lazy, Facts.loads(text)


def client_view(
    api: Api, models: Models, envelope: Envelope, kept: Kept | None = None
) -> ClientView:
    """With `kept`, an operation's view is built only where a piece made from it is not."""
    functions = function_names(api)
    arguments = names.unique(
        [names.snake(s.name, fallback="credential") for s in api.schemes],
        taken=RESERVED_ARGUMENTS | _CONSTRUCTOR_ARGUMENTS,
    )
    pairs = [
        _operation_and_facts(op, functions[op.operation_id], models, kept) for op in api.operations
    ]
    facts = [fact for _, fact in pairs]
    imports: set[tuple[str, str]] = {("typing", "Any"), ("typing", "Self"), (".", "_core")}
    imports |= {("collections.abc", "Mapping"), ("httpx", "")}
    imports.update(*(f.imports for f in facts))
    if any(f.result_kind == "value" for f in facts):
        imports.add(("pydantic", "TypeAdapter"))
    return ClientView(
        title=api.title,
        default_base_url=api.servers[0] if api.servers else None,
        schemes=tuple(_scheme(s, a) for s, a in zip(api.schemes, arguments, strict=True)),
        operations=tuple(view for view, _ in pairs),
        code_field=envelope.code_field,
        message_field=envelope.message_field,
        success_codes=envelope.success_codes,
        imports=import_sections(relocate(imports, 0)),
    )
