"""View-model of the FastAPI server: routers per tag, security dependencies, mocks, error shape.

(The document it serves is made in `served`.)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial
from types import MappingProxyType

import orjson

from generator.render import names
from generator.render.common import (
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
from generator.render.filters import LINE_LENGTH, width
from generator.render.imports import ImportLine, import_sections, relocate
from generator.render.lazy import Lazy
from generator.render.memo import Kept
from generator.render.mocks import Mock
from generator.render.models import Models
from generator.render.spec import Api, Json, Operation, SecurityScheme, is_openapi_30

_EXAMPLES_PREFIX = len("EXAMPLES: Final[dict[str, Any]] = ")
_PARAM_FUNCTIONS = MappingProxyType(
    {"path": "Path", "query": "Query", "header": "Header", "cookie": "Cookie"}
)
_EXTRACTORS = MappingProxyType(
    {
        ("apiKey", "header"): "APIKeyHeader",
        ("apiKey", "query"): "APIKeyQuery",
        ("apiKey", "cookie"): "APIKeyCookie",
    }
)


@dataclass(frozen=True, slots=True)
class SchemeView:
    name: str  # the spec's scheme name
    function: str  # the dependency returning the credential or None
    extractor: str  # module constant holding the FastAPI security object
    fastapi_class: str  # APIKeyHeader, APIKeyQuery, APIKeyCookie, HTTPBearer, HTTPBasic
    parameter: str  # header / query / cookie name (apiKey)
    kind: str  # "key", "bearer" or "basic"


@dataclass(frozen=True, slots=True)
class RequirementView:
    function: str
    schemes: tuple[SchemeView, ...]
    alternatives: tuple[tuple[str, ...], ...]  # () allows anonymous requests


@dataclass(frozen=True, slots=True)
class RouteParam:
    param: ParamView
    function: str  # Path, Query, Header, Cookie
    arguments: tuple[tuple[str, Json], ...]  # keyword arguments of `function`, JSON literals


@dataclass(frozen=True, slots=True)
class ServerOperation:
    function: str
    method: str
    route: str
    operation_id: str
    summary: str
    description: str
    params: tuple[RouteParam, ...]
    body: BodyView | None
    result: ResultView
    requirement: str
    doc: str  # the handler method's docstring text
    route_return: str  # the route function's return annotation


Op = ServerOperation | Lazy[ServerOperation]  # see `kept_operations`


@dataclass(frozen=True, slots=True)
class RouterView:
    module: str
    tag: str
    operations: tuple[Op, ...]
    imports: tuple[tuple[ImportLine, ...], ...]
    doc: str


@dataclass(frozen=True, slots=True)
class ExampleEntry:
    """One item of the examples module's dict, laid out on its own (and reused as such)."""

    operation_id: str
    value: Json
    prefix: int  # display columns before the value: the quoted key and ": "
    memo_key: str  # the mock's own key, which decides its value ("": key it by its value)


@dataclass(frozen=True, slots=True)
class ServerView:
    title: str
    version: str
    description: str
    routers: tuple[RouterView, ...]
    operations: tuple[Op, ...]
    schemes: tuple[SchemeView, ...]
    requirements: tuple[RequirementView, ...]
    security_classes: tuple[str, ...]
    code_field: str
    message_field: str
    error_base: Mapping[str, Json]
    handler_imports: tuple[tuple[ImportLine, ...], ...]
    security_imports: tuple[tuple[ImportLine, ...], ...]
    handler_env: str
    examples: Mapping[str, Json]
    examples_inline: bool  # the whole dict fits on the assignment's line
    example_entries: tuple[ExampleEntry, ...]
    openapi_30: bool  # bodies are checked by OpenAPI 3.0's schema dialect (`nullable`)

    @property
    def router_modules(self) -> tuple[str, ...]:
        return tuple(sorted(r.module for r in self.routers))


def _scheme_view(scheme: SecurityScheme, function: str) -> SchemeView:
    fastapi_class = _EXTRACTORS.get((scheme.kind, scheme.location))
    if fastapi_class is not None:
        kind = "key"
    elif scheme.kind == "http" and scheme.scheme == "basic":
        fastapi_class, kind = "HTTPBasic", "basic"
    else:
        fastapi_class, kind = "HTTPBearer", "bearer"
    extractor = "_" + names.constant(function)
    return SchemeView(scheme.name, function, extractor, fastapi_class, scheme.parameter, kind)


def _requirements(
    api: Api, schemes: Mapping[str, SchemeView]
) -> tuple[dict[tuple[tuple[str, ...], ...], str], tuple[RequirementView, ...]]:
    distinct = list(dict.fromkeys(op.security for op in api.operations))
    by_key: dict[tuple[tuple[str, ...], ...], str] = {}
    views: list[RequirementView] = []
    for index, alternatives in enumerate(distinct, start=1):
        known = tuple(tuple(n for n in alt if n in schemes) for alt in alternatives)
        if not alternatives or () in known:
            function = "anonymous" if not alternatives else f"optional_{index}"
        else:
            function = f"requirement_{index}"
        by_key[alternatives] = function
        used = tuple(dict.fromkeys(n for alt in known for n in alt))
        views.append(RequirementView(function, tuple(schemes[n] for n in used), known))
    return by_key, tuple(views)


def _route(op: Operation, params: tuple[ParamView, ...]) -> str:
    route = op.path if op.path.startswith("/") else "/" + op.path
    for param in params:
        if param.location == "path":
            route = route.replace("{" + param.name + "}", "{" + param.ident + "}")
    return route


def _route_param(param: ParamView) -> RouteParam:
    arguments: list[tuple[str, Json]] = []
    if param.location == "header" or (param.location != "path" and param.ident != param.name):
        arguments.append(("alias", param.name))
    if param.location == "header":
        arguments.append(("convert_underscores", False))
    arguments += [(c.keyword, c.value) for c in param.constraints]
    return RouteParam(param, _PARAM_FUNCTIONS[param.location], tuple(arguments))


def _operation(
    op: Operation, *, function: str, models: Models, requirement: str, status: int
) -> ServerOperation:
    """Made of the operation, the names given and its models' names (`Models.names_for`)
    only: a `Lazy` view is keyed by exactly these (`_operation_and_facts`)."""
    params = param_views(op)
    result = result_view(op, models, status)
    doc = f"{op.summary or op.operation_id}\n\n{op.method.upper()} {op.path}"
    return ServerOperation(
        function=function,
        method=op.method,
        route=_route(op, params),
        operation_id=op.operation_id,
        summary=op.summary,
        description=op.description,
        params=tuple(_route_param(p) for p in params),
        body=body_view(op, models),
        result=result,
        requirement=requirement,
        doc=doc,
        route_return="Response" if result.kind == "none" else result.plain.code,
    )


@dataclass(frozen=True, slots=True)
class Facts:
    """What the server's module-level parts (imports, examples) need of an operation."""

    handler_imports: tuple[tuple[str, str], ...]  # its handler method's signature's
    route_imports: tuple[tuple[str, str], ...]  # its route function's
    result_kind: str

    def dumps(self) -> str:
        return orjson.dumps(self).decode()

    @staticmethod
    def loads(text: str) -> Facts:
        data = orjson.loads(text)
        pairs = [tuple(tuple(p) for p in data[k]) for k in ("handler_imports", "route_imports")]
        return Facts(pairs[0], pairs[1], data["result_kind"])


def _facts(op: ServerOperation) -> str:
    params = [p.param for p in op.params]
    handler = signature_imports(params, op.body, op.result, parsed=False)
    route = signature_imports(params, op.body, op.result, parsed=True)
    route |= {("fastapi", p.function) for p in op.params}
    if op.body is not None:
        route.add((".", "validation"))
    if op.result.kind == "none":
        route.add(("fastapi", "Response"))
    return Facts(tuple(sorted(handler)), tuple(sorted(route)), op.result.kind).dumps()


_ROUTER_IMPORTS = frozenset(
    {
        ("typing", "Annotated"),
        ("fastapi", "APIRouter"),
        ("fastapi", "Depends"),
        (".", "security"),
        (".handler", "Credentials"),
        (".handler", "Handler"),
        (".handler", "get_handler"),
    }
)
_HANDLER_IMPORTS = frozenset(
    {
        ("typing", "Protocol"),
        ("collections.abc", "Mapping"),
        ("dataclasses", "dataclass"),
        ("dataclasses", "field"),
        ("fastapi", "Request"),
    }
)


def _router(tag: str, module: str, ops: tuple[Op, ...], facts: list[Facts]) -> RouterView:
    pairs = set(_ROUTER_IMPORTS).union(*(f.route_imports for f in facts))
    doc = f"Routes of the {tag!r} tag."
    return RouterView(module, tag, ops, import_sections(relocate(pairs, 1)), doc)


def server_view(
    api: Api,
    models: Models,
    envelope: Envelope,
    mocks: Mapping[str, Mock],
    kept: Kept | None = None,
) -> ServerView:
    """With `kept`, an operation's view is built only where a piece made from it is not."""
    functions = function_names(api)
    scheme_names = names.unique([names.snake(s.name, fallback="scheme") for s in api.schemes])
    schemes = {s.name: _scheme_view(s, f) for s, f in zip(api.schemes, scheme_names, strict=True)}
    by_key, requirements = _requirements(api, schemes)
    pairs = [
        _operation_and_facts(
            op,
            kept,
            function=functions[op.operation_id],
            models=models,
            requirement=by_key[op.security],
            status=mocks[op.operation_id].status,
        )
        for op in api.operations
    ]
    operations = tuple(view for view, _ in pairs)
    facts = [fact for _, fact in pairs]
    handler_pairs = set(_HANDLER_IMPORTS).union(*(f.handler_imports for f in facts))
    if any(f.result_kind != "none" for f in facts):
        handler_pairs.add((".examples", "EXAMPLES"))
    if any(f.result_kind == "value" for f in facts):
        handler_pairs.add(("pydantic", "TypeAdapter"))
    examples = {
        op.operation_id: mocks[op.operation_id].value
        for op, fact in zip(api.operations, facts, strict=True)
        if fact.result_kind != "none"
    }
    mock_keys = kept.mock_keys if kept is not None else {}
    return ServerView(
        title=api.title,
        version=api.version,
        description=api.description,
        routers=_routers(api, operations, facts),
        operations=operations,
        schemes=tuple(schemes.values()),
        requirements=requirements,
        security_classes=tuple(sorted({s.fastapi_class for s in schemes.values()})),
        code_field=envelope.code_field,
        message_field=envelope.message_field,
        error_base=envelope.error_base,
        handler_imports=import_sections(relocate(handler_pairs, 0)),
        security_imports=import_sections(_security_imports(tuple(schemes.values()))),
        handler_env="API_HANDLER",
        examples=examples,
        examples_inline=_fits(examples),
        example_entries=tuple(
            ExampleEntry(key, value, width(repr(key)) + 2, mock_keys.get(key, ""))
            for key, value in examples.items()
        ),
        openapi_30=is_openapi_30(api.spec),
    )


def _operation_and_facts(
    op: Operation,
    kept: Kept | None,
    *,
    function: str,
    models: Models,
    requirement: str,
    status: int,
) -> tuple[Op, Facts]:
    """The operation's view, built now (no `kept`) or `Lazy`, keyed by everything
    `_operation` reads; its facts, kept with the pieces."""
    build = partial(
        _operation, op, function=function, models=models, requirement=requirement, status=status
    )
    if kept is None:
        view = build()
        return view, Facts.loads(_facts(view))
    parts = (function, requirement, str(status), *models.names_for(op.operation_id))
    view_or_lazy, text = kept.view("server-operation", op.operation_id, parts, build, _facts)
    return view_or_lazy, Facts.loads(text)


def _fits(examples: Mapping[str, Json]) -> bool:
    """Whether the examples dict fits on its assignment's line (ten items cannot)."""
    room = LINE_LENGTH - _EXAMPLES_PREFIX - 1
    return len(examples) < 10 and width(repr(examples)) <= room


def _security_imports(schemes: tuple[SchemeView, ...]) -> frozenset[tuple[str, str]]:
    pairs = {("fastapi", "HTTPException"), (".handler", "Credentials"), (".handler", "Handler")}
    pairs.add(("collections.abc", "Mapping"))
    if schemes:
        pairs |= {("typing", "Annotated"), ("fastapi", "Depends"), (".handler", "get_handler")}
    pairs |= {("fastapi.security", s.fastapi_class) for s in schemes}
    kinds = {s.kind for s in schemes}
    if "bearer" in kinds:
        pairs.add(("fastapi.security", "HTTPAuthorizationCredentials"))
    if "basic" in kinds:
        pairs.add(("fastapi.security", "HTTPBasicCredentials"))
    return frozenset(pairs)


def _routers(api: Api, operations: tuple[Op, ...], facts: list[Facts]) -> tuple[RouterView, ...]:
    """One router per tag (an operation goes to its first tag's router)."""
    modules = names.unique(
        [names.file_stem(tag, fallback="tag") for tag in api.tags], taken={"__init__"}
    )
    routers = []
    for tag, module in zip(api.tags, modules, strict=True):
        chosen = [
            (view, fact)
            for op, view, fact in zip(api.operations, operations, facts, strict=True)
            if op.tags[0] == tag
        ]
        if chosen:
            ops = tuple(view for view, _ in chosen)
            routers.append(_router(tag, module, ops, [fact for _, fact in chosen]))
    return tuple(routers)
