"""The API model: what the interpreter understood, before any OpenAPI is written.

Frozen, slotted dataclasses. Types are a small algebra; no node holds code or OpenAPI text.
Every node keeps the source spans it came from (several once documents are merged).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from generator.diagnostics import Span

ScalarKind = Literal["string", "integer", "number", "boolean"]
Location = Literal["header", "query", "path", "cookie"]
HTTP_METHODS: tuple[str, ...] = (
    "get",
    "put",
    "post",
    "delete",
    "options",
    "head",
    "patch",
    "trace",
)


@dataclass(frozen=True, slots=True)
class Scalar:
    kind: ScalarKind
    format: str | None = None


@dataclass(frozen=True, slots=True)
class ArrayOf:
    items: TypeExpr


@dataclass(frozen=True, slots=True)
class ObjectType:
    """An object; its properties are the children of the field that has this type."""


@dataclass(frozen=True, slots=True)
class AnyType:
    """A value of any JSON type (the document names a type we cannot pin down)."""


@dataclass(frozen=True, slots=True)
class Ref:
    """A schema the document defines once under its name (an appendix of schemas) and
    links to wherever it is used."""

    name: str


TypeExpr = Scalar | ArrayOf | ObjectType | AnyType | Ref


@dataclass(frozen=True, slots=True)
class Field:
    """A body or response field. `children` are the properties of the innermost object
    (for `array[object]`, the properties of each item)."""

    name: str
    type: TypeExpr | None
    required: bool | None
    description: str
    sources: tuple[Span, ...]
    raw_type: str = ""
    default: str | None = None
    children: tuple[Field, ...] = ()
    nullable: bool = False
    read_only: bool = False
    write_only: bool = False
    enum: tuple[str, ...] = ()  # allowed values a table lists (`Enumerated Values`)
    one_of: tuple[Field, ...] = ()  # a schema that is one of these
    all_of: tuple[Field, ...] = ()  # a schema that is all of these


@dataclass(frozen=True, slots=True)
class Parameter:
    name: str
    location: Location
    type: TypeExpr | None
    required: bool | None
    description: str
    sources: tuple[Span, ...]
    raw_type: str = ""
    default: str | None = None
    example: str | None = None
    enum: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Example:
    """A sample value (a JSON sample, a curl command's data) with where it was shown."""

    value: object
    summary: str
    sources: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Body:
    """A request or response body. `root` is the whole value: usually an object whose
    children are the documented fields; a scalar when a nameless row types the whole body.
    `alternatives` are other documented shapes of the same body (one user or an array)."""

    media_type: str
    root: Field
    examples: tuple[Example, ...] = ()
    alternatives: tuple[Field, ...] = ()


@dataclass(frozen=True, slots=True)
class ServerVariable:
    name: str
    default: str
    description: str = ""


@dataclass(frozen=True, slots=True)
class Server:
    url: str
    description: str = ""
    variables: tuple[ServerVariable, ...] = ()


@dataclass(frozen=True, slots=True)
class RateLimit:
    limit: int
    period: str
    text: str
    sources: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class ErrorCode:
    code: str
    description: str
    sources: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Response:
    status: str
    body: Body | None
    sources: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class SecurityScheme:
    """A way of authenticating the page describes (`kind`: apiKey, http, oauth2,
    openIdConnect)."""

    name: str
    kind: str
    location: str = ""  # apiKey: header, query or cookie
    parameter: str = ""  # apiKey: the header, query or cookie name
    scheme: str = ""  # http: bearer, basic
    flow: str = ""  # oauth2: implicit, password, clientCredentials, authorizationCode
    authorization_url: str = ""
    token_url: str = ""
    scopes: tuple[str, ...] = ()


# One way to be authorized: every (scheme name, scopes) of it at once.
Requirement = tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True, slots=True)
class Title:
    """A summary as documented; `placeholder` marks untranslated or filler titles."""

    text: str
    placeholder: bool = False


@dataclass(frozen=True, slots=True)
class Operation:
    method: str
    path: str
    title: Title
    sources: tuple[Span, ...]
    tag: str | None = None
    description: str = ""
    parameters: tuple[Parameter, ...] = ()
    request_body: Body | None = None
    responses: tuple[Response, ...] = ()
    anchor: str | None = None
    servers: tuple[Server, ...] = ()
    error_codes: tuple[ErrorCode, ...] = ()
    rate_limit: RateLimit | None = None
    security: tuple[Requirement, ...] | None = None  # None: the page says nothing

    @property
    def key(self) -> tuple[str, str]:
        return (self.method, self.path)


@dataclass(frozen=True, slots=True)
class ApiDocument:
    """Everything one or more source documents say about one API. `schemas` are the
    schemas the documents define once under a name (each root's name is the schema's)."""

    title: str | None
    operations: tuple[Operation, ...]
    sources: tuple[str, ...] = field(default=())
    schemas: tuple[Field, ...] = ()
    security_schemes: tuple[SecurityScheme, ...] = ()
