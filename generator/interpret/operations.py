"""Section content to operations: endpoints, parameters, bodies, responses, extras."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from generator.diagnostics import Diagnostic, Span, warning
from generator.interpret.asides import captioned_asides, place_asides
from generator.interpret.content import LabelledTable, SectionContent
from generator.interpret.endpoints import Target, extended, matches, parse_target, variables
from generator.interpret.enums import enums_of, parameters_with_enums, with_enums
from generator.interpret.extras import error_codes, notes_markdown, rate_limit
from generator.interpret.located import by_location
from generator.interpret.methods import method_of, split_params
from generator.interpret.params import Common, parameters_for, servers_for
from generator.interpret.security import requirement_of
from generator.interpret.statuses import StatusRow, is_status_table, status_rows
from generator.interpret.tables import body_from, unique_fields, with_parts
from generator.interpret.vocabulary import Label
from generator.model import (
    ArrayOf,
    Body,
    Example,
    Field,
    ObjectType,
    Operation,
    Parameter,
    Response,
    Title,
)


@dataclass(frozen=True, slots=True)
class Context:
    path: str
    common: Common
    tag: str | None
    title: Title
    family: dict[str, str] = field(default_factory=dict)  # URL family -> its one method
    schemas: frozenset[str] = frozenset()  # the names of the document's own schemas
    bases: tuple[str, ...] = ()  # the paths of the page's servers (`/v2`), samples include


def operations_of(
    content: SectionContent, ctx: Context, diagnostics: list[Diagnostic]
) -> list[Operation]:
    explicit = [t for t in content.targets if t.method]
    targets = explicit or content.targets[:1]
    out: list[Operation] = []
    for target in targets:
        method = target.method or method_of(content, target, ctx.family, ctx.path, diagnostics)
        path = _checked_path(target, content, ctx, diagnostics)
        located = by_location(content)
        own = captioned_asides(split_params(located, target, method, ctx.path, diagnostics))
        out.append(_operation(own, replace(target, method=method, path=path), ctx, diagnostics))
    return out


def _checked_path(
    target: Target, content: SectionContent, ctx: Context, diagnostics: list[Diagnostic]
) -> str:
    """The request line's path, unless its own curl example contradicts it in a way the
    documented path parameters explain (then the example's reading wins, reported)."""
    used = set(variables(target.path)) | {(target.host or "").strip("{}")}
    unused = [p.name for p in ctx.common.params if p.location == "path" and p.name not in used]
    for item in content.samples:
        sample = item.sample
        if not sample.is_request or sample.url is None:
            continue
        sample_path = _under_server(parse_target(None, sample.url, 0).path, ctx.bases)
        if matches(target.path, sample_path):
            continue
        better = extended(target.path, sample_path, unused)
        where = Span(ctx.path, target.line)
        if better:
            diagnostics.append(
                warning(
                    "request-line-contradicts-example",
                    f"request line says "
                    f"{target.path} but the example calls {sample_path}; "
                    f"{better} is used",
                    where,
                    related=(sample.span,),
                )
            )
            return better
        diagnostics.append(
            warning(
                "example-path-differs",
                f"example calls {sample_path}, not {target.path}",
                where,
                related=(sample.span,),
            )
        )
    return target.path


def _under_server(path: str, bases: tuple[str, ...]) -> str:
    """A sample's path without the page's server path it starts with (`/v2/pets` -> `/pets`)."""
    for base in bases:
        if base != "/" and path.startswith(base.rstrip("/") + "/"):
            return path[len(base.rstrip("/")) :]
    return path


def _operation(
    content: SectionContent, target: Target, ctx: Context, diagnostics: list[Diagnostic]
) -> Operation:
    assert target.method is not None
    params = parameters_for(content, target, ctx.common, ctx.path, diagnostics, schemas=ctx.schemas)
    params, body_media, response_media = _media_headers(params)
    body = _request_body(content, ctx, body_media, diagnostics)
    responses = _responses(content, ctx, response_media, diagnostics)
    description = "\n\n".join(
        part for part in (content.description, notes_markdown(content.notes)) if part
    )
    op = Operation(
        method=target.method.lower(),
        path=target.path,
        title=ctx.title,
        sources=(Span(ctx.path, target.line),),
        tag=ctx.tag,
        description=description,
        parameters=params,
        request_body=body,
        responses=responses,
        anchor=content.heading.anchor if content.heading else None,
        servers=servers_for(target, content, ctx.common, ctx.path),
        error_codes=error_codes(content, ctx.path),
        rate_limit=rate_limit(content, ctx.path),
        security=requirement_of([s.text for s in content.statements]),
    )
    op = _with_listed_values(op, content)
    return place_asides(op, content.asides, ctx.path, diagnostics)


def _with_listed_values(op: Operation, content: SectionContent) -> Operation:
    """The operation's parameters and fields with the values its enumerated-values tables
    list for them."""
    enums = enums_of([t.table for t in content.tables if t.label is Label.ENUM])
    if not enums:
        return op
    body = op.request_body
    responses = tuple(
        replace(r, body=replace(r.body, root=with_enums(r.body.root, enums))) if r.body else r
        for r in op.responses
    )
    return replace(
        op,
        parameters=parameters_with_enums(op.parameters, enums),
        request_body=replace(body, root=with_enums(body.root, enums)) if body else None,
        responses=responses,
    )


def _media_headers(params: tuple[Parameter, ...]) -> tuple[tuple[Parameter, ...], str, str]:
    """Content-Type and Accept headers say media types; they are not parameters."""
    body_media = response_media = "application/json"
    kept: list[Parameter] = []
    for p in params:
        name = p.name.lower()
        media = _media_in(p)
        if p.location == "header" and name == "content-type":
            body_media = media or body_media
        elif p.location == "header" and name == "accept":
            response_media = media or response_media
        else:
            kept.append(p)
    return tuple(kept), body_media, response_media


def _media_in(p: Parameter) -> str | None:
    for text in (p.default or "", p.description):
        word = text.strip().split(" ")[0].rstrip(".,;")
        if "/" in word and " " not in word:
            return word
    return None


def _request_body(
    content: SectionContent, ctx: Context, media: str, diagnostics: list[Diagnostic]
) -> Body | None:
    roots = [
        (t, body_from(t.table, ctx.path, diagnostics, schemas=ctx.schemas))
        for t in content.tables
        if t.label in (Label.BODY, Label.FORM)
    ]
    fields = unique_fields(
        tuple(c for _, root in roots if root is not None for c in root.children), diagnostics
    )
    examples = _examples(content, request=True)
    if not roots and not examples:
        return None
    first = roots[0][1] if roots and roots[0][1] is not None else None
    span = roots[0][0].table.line if roots else examples[0].sources[0].line
    if first is not None and not first.children:
        root = first
    elif content.body_is_array or (first is not None and isinstance(first.type, ArrayOf)):
        root = Field("", ArrayOf(ObjectType()), None, "", (Span(ctx.path, span),), children=fields)
    else:
        root = Field("", ObjectType(), None, "", (Span(ctx.path, span),), children=fields)
    if any(t.label is Label.FORM for t, _ in roots):
        media = "application/x-www-form-urlencoded"
    return Body(media, root, examples)


def _responses(
    content: SectionContent, ctx: Context, media: str, diagnostics: list[Diagnostic]
) -> tuple[Response, ...]:
    labelled = [t for t in content.tables if t.label is Label.RESPONSE]
    tables = [t for t in labelled if not is_status_table(t.table)]
    listed = [
        r for t in labelled if is_status_table(t.table) for r in status_rows(t.table, ctx.schemas)
    ]
    by_status: dict[str, list[Field]] = {}
    spans: dict[str, Span] = {}
    arrays: set[str] = set()  # statuses whose body a nameless array row makes an array
    composed: dict[str, Field] = {}  # statuses whose body is made of parts (allOf tables)
    for item in tables:
        root = body_from(item.table, ctx.path, diagnostics, schemas=ctx.schemas)
        if root is None:
            continue
        if _is_part(root) and item.status in composed:
            composed[item.status] = with_parts(composed[item.status], (root,))
            continue
        if _is_part(root) and not root.children and item.status not in by_status:
            composed[item.status] = root
        by_status.setdefault(item.status, []).extend(root.children)
        spans.setdefault(item.status, Span(ctx.path, item.table.line))
        if isinstance(root.type, ArrayOf) and root.children:
            arrays.add(item.status)
    examples = _examples(content, request=False)
    common = ctx.common.response
    if common is not None or examples:
        by_status.setdefault(next((s for s in by_status if s.startswith("2")), "200"), [])
    out: list[Response] = []
    for status, documented in sorted(by_status.items()):
        own = list(unique_fields(tuple(documented), diagnostics))
        span = spans.get(status) or (common.sources[0] if common else examples[0].sources[0])
        if status in composed:
            root = composed[status]
        elif status in arrays:  # an array answer has no envelope around it
            root = Field("", ArrayOf(ObjectType()), None, "", (span,), children=tuple(own))
        else:
            children = _with_common(own, common if status.startswith("2") else None)
            root = Field("", ObjectType(), None, "", (span,), children=children)
        body_examples = _examples(content, request=False, status=status)
        out.append(
            Response(
                status, Body(_status_media(tables, status, media), root, body_examples), (span,)
            )
        )
    return _with_listed(tuple(out), listed, ctx.path, media, content)


def _with_listed(
    responses: tuple[Response, ...],
    listed: list[StatusRow],
    path: str,
    media: str,
    content: SectionContent,
) -> tuple[Response, ...]:
    """The responses a status table lists: a named schema is the body; `Inline` is the
    fields documented for that status; `None` is no body."""
    if not listed:
        return responses
    documented = {r.status: r for r in responses}
    out: list[Response] = []
    for row in listed:
        span = Span(path, row.line)
        known = documented.pop(row.status, None)
        if row.schema is not None:
            root = Field("", row.schema, None, "", (span,))
            examples = _examples(content, request=False, status=row.status)
            out.append(Response(row.status, Body(media, root, examples), (span,)))
        elif row.inline and known is not None:
            out.append(known)
        else:
            out.append(Response(row.status, None, (span,)))
    rest = [r for r in documented.values() if r.body is not None and r.body.root.children]
    return tuple(out) + tuple(rest)  # a status the table does not list, with fields of its own


def _is_part(root: Field) -> bool:
    """A table's nameless single row (a schema part, `*anonymous*`), not an object of rows."""
    return not root.name and bool(root.raw_type)


def _status_media(tables: list[LabelledTable], status: str, media: str) -> str:
    return next((t.media_type for t in tables if t.status == status), media)


def _with_common(own: list[Field], common: Field | None) -> tuple[Field, ...]:
    if common is None:
        return tuple(own)
    names = {f.name for f in own}
    return tuple(c for c in common.children if c.name not in names) + tuple(own)


_REQUEST_SIDE = frozenset({Label.REQUEST_EXAMPLE, Label.BODY, Label.FORM})
_RESPONSE_SIDE = frozenset({Label.RESPONSE_EXAMPLE, Label.RESPONSE})


def _examples(
    content: SectionContent, *, request: bool, status: str = "200"
) -> tuple[Example, ...]:
    """The section's samples of one side: a curl command's data, samples under a label of
    that side (a request-body or request-example label; a response or response-example
    label, for `status` or, for a success status, any success), else those whose keys the
    side's tables share most."""
    out: list[Example] = []
    names = _table_names(content)
    for item in content.samples:
        sample = item.sample
        if not sample.has_value or (item.label is Label.ERRORS and not sample.is_request):
            continue  # a failed request's answer is not a sample of the documented response
        if sample.is_request or item.label in _REQUEST_SIDE:
            is_request = True
        elif item.label in _RESPONSE_SIDE:
            is_request = False
        else:
            is_request = _looks_like_request(names, sample.value)
        if is_request != request:
            continue
        if not request and not _same_status(item.status, status):
            continue
        kind = "Request" if request else "Response"
        out.append(Example(sample.value, f"{kind} example {len(out) + 1}", (sample.span,)))
    return tuple(out)


def _same_status(shown: str, status: str) -> bool:
    return shown == status or (shown.startswith("2") and status.startswith("2"))


def _table_names(content: SectionContent) -> dict[Label, set[str]]:
    """The field names of the request-body tables and of the response tables (read once)."""
    names: dict[Label, set[str]] = {Label.BODY: set(), Label.RESPONSE: set()}
    for item in content.tables:
        if item.label in names:
            names[item.label].update(r.cells[0].text.strip() for r in item.table.rows if r.cells)
    return names


def _looks_like_request(names: dict[Label, set[str]], value: object) -> bool:
    """An unlabelled JSON sample belongs to the side whose field names it shares most."""
    keys = set(value) if isinstance(value, dict) else set()
    if isinstance(value, list) and value and isinstance(value[0], dict):
        keys = set(value[0])
    return len(keys & names[Label.BODY]) > len(keys & names[Label.RESPONSE])
