"""The pure entry point: spec dict in, file texts and diagnostics out (nothing touches the disk).

Stages: read the spec (`spec.py`) -> detect the error envelope -> models through the
datamodel-code-generator adapter -> mock answers -> one view-model per target -> templates.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path, PurePosixPath
from types import MappingProxyType
from typing import Any

import orjson
from jinja2 import Environment

from generator.diagnostics import Diagnostic, error
from generator.parallel import Aside
from generator.render.client import client_view
from generator.render.docs import DocEntry, DocsOptions, doc_operation, docs_view
from generator.render.envelope import Envelope, detect
from generator.render.environment import make_environment
from generator.render.fingerprint import Fingerprints, digest, fingerprints, text_of
from generator.render.memo import Delta, Kept, Memo, stamp
from generator.render.mocks import Mock, cached_mock, memo_key
from generator.render.models import Models, ModelsError, render_models
from generator.render.served import served_spec
from generator.render.server import server_view
from generator.render.spec import METHODS, Api, Operation, read_api

LARGE = 200  # operations to make afresh from which the docs and mocks are made on another CPU
_SERVED = PurePosixPath("server/openapi.json")


@dataclass(frozen=True, slots=True)
class Generated:
    """Files by path relative to the API's output folder, and what was noticed on the way.

    A file is text, or UTF-8 bytes where it is made as bytes: the served spec, whose JSON
    (13 MB for GitHub's) would only be decoded here to be encoded again when written."""

    files: Mapping[PurePosixPath, str | bytes]
    diagnostics: tuple[Diagnostic, ...]


@dataclass(frozen=True, slots=True)
class _Mocks:
    """The mock answers by operation id, and what was noticed making them."""

    answers: Mapping[str, Mock]
    diagnostics: tuple[Diagnostic, ...]


@dataclass(frozen=True, slots=True)
class _MadeAside:
    """What `_aside` made (see `_Plan`): files, the mocks when asked for, and what the memo
    kept (`Delta`: when made in another process, its memo was a copy)."""

    files: Mapping[PurePosixPath, str | bytes]
    mocks: _Mocks | None
    delta: Delta


@dataclass(frozen=True, slots=True)
class _Job:
    """What every stage of one generation reads: the API, the templates, the memo and the
    memo keys of each operation's pieces (by operation id; the mocks' are narrower) and of
    the models."""

    api: Api
    env: Environment
    envelope: Envelope
    options: DocsOptions
    kept: Kept  # the memo, and the keys of each operation's pieces
    models_key: str


_SERVER_TEMPLATES = MappingProxyType(
    {
        "server/__init__.py": "server/__init__.py.jinja",
        "server/app.py": "server/app.py.jinja",
        "server/errors.py": "server/errors.py.jinja",
        "server/examples.py": "server/examples.py.jinja",
        "server/handler.py": "server/handler.py.jinja",
        "server/openapi.py": "server/openapi.py.jinja",
        "server/params.py": "server/params.py.jinja",
        "server/security.py": "server/security.py.jinja",
        "server/validation.py": "server/validation.py.jinja",
        "server/routers/__init__.py": "server/routers/__init__.py.jinja",
    }
)
_CLIENT_TEMPLATES = MappingProxyType(
    {
        "client/__init__.py": "client/__init__.py.jinja",
        "client/_core.py": "client/_core.py.jinja",
        "client/client.py": "client/client.py.jinja",
        "client/errors.py": "client/errors.py.jinja",
    }
)


def generate(
    spec: Mapping[str, Any],
    *,
    templates: Path | None = None,
    source_base: str | None = None,
    memo: Memo | None = None,
) -> Generated:
    """Render server/, client/, docs/ (and README.md, mkdocs.yml) for one spec.

    `templates` is a folder whose files replace built-in templates of the same relative name.
    `source_base` is the link prefix for `x-source` places (`sources/<file>:<line>`), relative to
    the docs folder, e.g. `../../../spec/<api>/` for `generated/<api>/docs/`; without it the
    places are shown as text. `memo` holds pieces of a previous generation to reuse (and
    collects this one's, in `memo.kept`); `Generated` is the same with or without it.
    """
    api = read_api(spec)
    memo = memo if memo is not None else Memo(stamp=stamp(templates))
    prints = fingerprints(api.spec, METHODS)
    job = _job(api, make_environment(templates), memo, prints, DocsOptions(source_base))
    plan = _plan(job)
    pending = Aside(partial(_forked, job, plan)) if plan.fork else None
    try:
        models = _models(job)
    except ModelsError as exc:
        return Generated({}, (error("render-models-failed", str(exc)),))
    files: dict[PurePosixPath, str | bytes] = {}
    files.update(_client_files(job, models))
    mocks = None if plan.mocks else _mocks(job)
    if mocks is not None:
        files.update(_server_files(job, models, mocks))
    if pending is None:
        done = _aside(job, plan)
    else:
        done = pending.result()
        memo.adopt(done.delta)
    if mocks is None:
        mocks = done.mocks
        assert mocks is not None
        files.update(_server_files(job, models, mocks))
    files.update(done.files)
    for folder in ("server", "client"):
        files.update({PurePosixPath(folder, path): text for path, text in models.files.items()})
    return Generated(dict(sorted(files.items())), mocks.diagnostics)


@dataclass(frozen=True, slots=True)
class _Plan:
    """What a forked process makes while this one makes the models, the client and the
    server (`parallel.Aside`), for an API large enough to be worth it: the docs and the
    served spec, which do not need the models, and the mocks when many are to be made afresh
    (a cold build: the server waits for them)."""

    fork: bool
    mocks: bool


def _plan(job: _Job) -> _Plan:
    if len(job.api.operations) < LARGE:
        return _Plan(fork=False, mocks=False)
    fresh = sum(not job.kept.memo.has(key) for key in job.kept.mock_keys.values())
    return _Plan(fork=True, mocks=fresh >= LARGE)


def _job(
    api: Api, env: Environment, memo: Memo, prints: Fingerprints, options: DocsOptions
) -> _Job:
    envelope = detect(api)
    context = digest(memo.stamp, prints.context, repr(envelope), repr(options))
    keys, mock_keys = {}, {}
    for op in api.operations:  # an operation's id depends on the others' (duplicates are renamed)
        where = (op.path, op.method)
        keys[op.operation_id] = digest(context, op.operation_id, prints.operation(*where))
        mock_keys[op.operation_id] = memo_key(context, op.operation_id, prints.exchange(*where))
    models_key = _models_key(api, memo, prints)
    return _Job(api, env, envelope, options, Kept(memo, keys, mock_keys), models_key)


def _models_key(api: Api, memo: Memo, prints: Fingerprints) -> str:
    """The models are reused while the schemas and the operations' inline bodies are
    unchanged (the chunks are cached too, but assembling 2,000 classes from them takes a
    second)."""
    schemas = sorted(f"{k}={v}" for k, v in prints.components.items() if k.startswith("schemas/"))
    inline = [
        [op.operation_id, op.body.schema if op.body else None, s.schema if s else None]
        for op, s in ((op, op.success) for op in api.operations)
    ]
    return digest("models", memo.stamp, str(api.spec.get("openapi")), text_of(inline), *schemas)


def _models(job: _Job) -> Models:
    return Models.loads(job.kept.memo.text(job.models_key, lambda: render_models(job.api).dumps()))


def _aside(job: _Job, plan: _Plan) -> _MadeAside:
    mocks = _mocks(job) if plan.mocks else None
    files: dict[PurePosixPath, str | bytes] = {}
    files.update(_docs_files(job))
    files[_SERVED] = _json(served_spec(job.api, job.envelope))
    return _MadeAside(files, mocks, job.kept.memo.delta())


def _forked(job: _Job, plan: _Plan) -> _MadeAside:
    """`_aside` in the forked process: its texts travel back as the bytes they are written
    as (pickling text encodes it anyway, and decoding it here only to encode it again for
    the writer cost 0.05 s on GitHub's spec)."""
    made = _aside(job, plan)
    return replace(made, files={path: _encoded(text) for path, text in made.files.items()})


def _encoded(text: str | bytes) -> str | bytes:
    try:
        return text.encode() if isinstance(text, str) else text
    except UnicodeEncodeError:  # a lone surrogate: the writer reports it
        return text


def _mocks(job: _Job) -> _Mocks:
    diagnostics: list[Diagnostic] = []
    answers: dict[str, Mock] = {}
    for op in job.api.operations:
        key = job.kept.mock_keys[op.operation_id]
        answers[op.operation_id], found = cached_mock(job.kept.memo, key, job.api, op, job.envelope)
        diagnostics += found
    return _Mocks(answers, tuple(diagnostics))


def _json(value: object) -> bytes:
    try:
        return orjson.dumps(value, option=orjson.OPT_INDENT_2) + b"\n"
    except TypeError:  # an integer beyond 64 bits, a key that is not a string, a surrogate
        text = json.dumps(value, indent=2, ensure_ascii=False) + "\n"
    try:
        return text.encode()
    except UnicodeEncodeError:  # a lone surrogate: JSON's own escape keeps it
        return (json.dumps(value, indent=2) + "\n").encode()


def _render(env: Environment, template: str, **context: object) -> str:
    return env.get_template(template).render(**context)


def _server_files(job: _Job, models: Models, mocks: _Mocks) -> dict[PurePosixPath, str]:
    env, memo = job.env, job.kept.memo
    view = server_view(job.api, models, job.envelope, mocks.answers, job.kept)
    files = {
        PurePosixPath(out): _render(env, t, view=view, memo=memo)
        for out, t in _SERVER_TEMPLATES.items()
    }
    for router in view.routers:
        text = _render(env, "server/routers/router.py.jinja", view=view, router=router, memo=memo)
        files[PurePosixPath(f"server/routers/{router.module}.py")] = text
    files[PurePosixPath("server/py.typed")] = ""
    files[PurePosixPath("README.md")] = _render(env, "README.md.jinja", view=view)
    return files


def _client_files(job: _Job, models: Models) -> dict[PurePosixPath, str]:
    view = client_view(job.api, models, job.envelope, job.kept)
    files = {
        PurePosixPath(out): _render(job.env, t, view=view, memo=job.kept.memo)
        for out, t in _CLIENT_TEMPLATES.items()
    }
    files[PurePosixPath("client/py.typed")] = ""
    return files


def _docs_files(job: _Job) -> dict[PurePosixPath, str]:
    env, api, options = job.env, job.api, job.options
    view = docs_view(api, options, job.kept.keys)
    files = {
        PurePosixPath("docs/index.md"): _render(env, "docs/index.md.jinja", view=view),
        PurePosixPath("mkdocs.yml"): _render(env, "docs/mkdocs.yml.jinja", view=view),
    }
    by_id = {op.operation_id: op for op in api.operations}
    for page in view.pages:
        sections = [
            job.kept.memo.text(
                digest("docs", entry.key),
                partial(_section, env, api, by_id[entry.operation_id], entry, options),
            )
            for entry in page.operations
        ]
        text = _render(env, "docs/tag.md.jinja", view=view, page=page, sections=sections)
        files[PurePosixPath(f"docs/{page.file}")] = text
    return files


def _section(
    env: Environment, api: Api, op: Operation, entry: DocEntry, options: DocsOptions
) -> str:
    return _render(env, "docs/operation.md.jinja", op=doc_operation(api, op, entry, options))
