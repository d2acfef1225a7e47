"""View pieces the server and the client share: parameter names and types, bodies, results.

An operation's Python signature is decided once here, so the handler protocol the server calls
and the client method that calls the server take the same keyword arguments.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from generator.render import names, pytypes
from generator.render.models import Models, needs_model
from generator.render.pytypes import Constraint, TypeText
from generator.render.spec import Api, Json, Operation, Parameter

RESERVED_ARGUMENTS = frozenset(
    {"self", "body", "credentials", "handler", "models", "params", "security", "errors"}
    | {"request", "response", "data", "call", "client", "http", "auth", "timeout"}
)
_MODELS = (".", "models")


@dataclass(frozen=True, slots=True)
class ParamView:
    ident: str
    name: str
    location: str  # path, query, header, cookie
    required: bool
    plain: TypeText  # the type in signatures, `| None` added when optional without default
    parsed: TypeText  # the type the server validates text against
    has_default: bool
    default: Json
    description: str
    constraints: tuple[Constraint, ...]


@dataclass(frozen=True, slots=True)
class BodyView:
    required: bool
    plain: TypeText  # the body's type, `| None` added when optional
    kind: TypeText  # the type a present body is validated into
    description: str


@dataclass(frozen=True, slots=True)
class ResultView:
    """What an operation returns: a model, a plain JSON value, or nothing."""

    plain: TypeText
    kind: str  # "model", "value" or "none"
    status: int
    media_type: str


def param_view(param: Parameter, ident: str) -> ParamView:
    schema = param.schema
    has_default = not param.required and "default" in schema
    plain = pytypes.plain(schema)
    parsed = pytypes.from_text(schema)
    if not param.required and not has_default:
        plain, parsed = plain.optional(), parsed.optional()
    return ParamView(
        ident=ident,
        name=param.name,
        location=param.location,
        required=param.required,
        plain=plain,
        parsed=parsed,
        has_default=has_default,
        default=schema.get("default"),
        description=param.description,
        constraints=pytypes.constraints(schema),
    )


def param_views(op: Operation) -> tuple[ParamView, ...]:
    ordered = sorted(op.parameters, key=lambda p: not p.required)
    wanted = [names.snake(p.name, fallback=p.location) for p in ordered]
    idents = names.unique(wanted, taken=RESERVED_ARGUMENTS)
    return tuple(param_view(p, i) for p, i in zip(ordered, idents, strict=True))


def signature_imports(
    params: Iterable[ParamView], body: BodyView | None, result: ResultView, *, parsed: bool
) -> set[tuple[str, str]]:
    """What a function taking `params` (as `plain` or `parsed` types) and `body`, and
    returning `result`, needs imported."""
    pairs: set[tuple[str, str]] = set()
    for param in params:
        pairs.update((param.parsed if parsed else param.plain).imports)
    if body is not None:
        pairs.update(body.plain.imports)
    pairs.update(result.plain.imports)
    return pairs


def body_view(op: Operation, models: Models) -> BodyView | None:
    if op.body is None:
        return None
    model = models.requests.get(op.operation_id)
    if model is not None:
        kind = TypeText(f"models.{model}", (_MODELS,))
    else:
        kind = pytypes.plain(op.body.schema, fallback="Any")
    plain = kind if op.body.required else kind.optional()
    return BodyView(op.body.required, plain, kind, op.body.description)


def result_view(op: Operation, models: Models, status: int) -> ResultView:
    success = op.success
    model = models.responses.get(op.operation_id)
    media_type = (success.media_type if success else None) or "application/json"
    if model is not None:
        return ResultView(TypeText(f"models.{model}", (_MODELS,)), "model", status, media_type)
    if success is None or success.schema is None:
        return ResultView(TypeText("None"), "none", status, media_type)
    if not needs_model(success.schema) and success.schema:
        return ResultView(
            pytypes.plain(success.schema, fallback="Any"), "value", status, media_type
        )
    return ResultView(TypeText("Any", (("typing", "Any"),)), "value", status, media_type)


def function_names(api: Api) -> dict[str, str]:
    """operationId -> a unique snake_case method / function name."""
    wanted = [names.snake(op.operation_id, fallback="operation") for op in api.operations]
    unique = names.unique(wanted, taken=RESERVED_ARGUMENTS | {"close", "aclose", "authenticate"})
    return {op.operation_id: name for op, name in zip(api.operations, unique, strict=True)}
