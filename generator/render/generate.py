"""The pure entry point: spec dict in, file texts and diagnostics out (nothing touches the disk).

Stages: read the spec (`spec.py`) -> detect the error envelope -> models through the
datamodel-code-generator adapter -> mock answers -> one view-model per target -> templates.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path, PurePosixPath
from types import MappingProxyType
from typing import Any

from jinja2 import Environment

from generator.diagnostics import Diagnostic, error
from generator.parallel import Aside
from generator.render.client import client_view
from generator.render.docs import DocsOptions, docs_view
from generator.render.envelope import Envelope, detect
from generator.render.environment import make_environment
from generator.render.mocks import Mock, mock_for, request_diagnostics
from generator.render.models import Models, ModelsError, render_models
from generator.render.server import ServerView, served_spec, server_view
from generator.render.spec import Api, read_api

LARGE = 200  # operations from which the docs and mocks are made on another CPU
_SERVED = PurePosixPath("server/openapi.json")


@dataclass(frozen=True, slots=True)
class Generated:
    """Files by path relative to the API's output folder, and what was noticed on the way."""

    files: Mapping[PurePosixPath, str]
    diagnostics: tuple[Diagnostic, ...]


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
    spec: Mapping[str, Any], *, templates: Path | None = None, source_base: str | None = None
) -> Generated:
    """Render server/, client/, docs/ (and README.md, mkdocs.yml) for one spec.

    `templates` is a folder whose files replace built-in templates of the same relative name.
    `source_base` is the link prefix for `x-source` places (`sources/<file>:<line>`), relative to
    the docs folder, e.g. `../../../spec/<api>/` for `generated/<api>/docs/`; without it the
    places are shown as text.
    """
    api = read_api(spec)
    env = make_environment(templates)
    envelope = detect(api)
    options = DocsOptions(source_base=source_base)
    # The mocks and the docs do not need the models: on a large API they are made by a
    # forked process while the models' chunks run (`parallel.Aside`).
    aside = partial(_without_models, env, api, envelope, options)
    pending = Aside(aside) if len(api.operations) >= LARGE else None
    try:
        models = render_models(api)
    except ModelsError as exc:
        return Generated({}, (error("render-models-failed", str(exc)),))
    mocks, docs, diagnostics = pending.result() if pending is not None else aside()
    server = server_view(api, models, envelope, mocks)
    files: dict[PurePosixPath, str] = dict(docs)
    served = files.pop(_SERVED)
    files.update(_server_files(env, server, models, served))
    files.update(_client_files(env, api, models, envelope))
    files[PurePosixPath("README.md")] = _render(env, "README.md.jinja", view=server)
    return Generated(dict(sorted(files.items())), diagnostics)


def _without_models(
    env: Environment, api: Api, envelope: Envelope, options: DocsOptions
) -> tuple[dict[str, Mock], dict[PurePosixPath, str], tuple[Diagnostic, ...]]:
    """The mock answers, the docs pages (and the served spec's text, under `_SERVED`), and
    what was noticed making them."""
    diagnostics: list[Diagnostic] = request_diagnostics(api)
    mocks: dict[str, Mock] = {}
    for op in api.operations:
        mocks[op.operation_id], found = mock_for(api, op, envelope)
        diagnostics += found
    files = _docs_files(env, api, options)
    files[_SERVED] = _json(served_spec(api, envelope))
    return mocks, files, tuple(diagnostics)


def _json(value: object) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def _render(env: Environment, template: str, **context: object) -> str:
    return env.get_template(template).render(**context)


def _server_files(
    env: Environment, view: ServerView, models: Models, served: str
) -> dict[PurePosixPath, str]:
    files = {PurePosixPath(out): _render(env, t, view=view) for out, t in _SERVER_TEMPLATES.items()}
    for router in view.routers:
        text = _render(env, "server/routers/router.py.jinja", view=view, router=router)
        files[PurePosixPath(f"server/routers/{router.module}.py")] = text
    files.update({PurePosixPath(f"server/{path}"): text for path, text in models.files.items()})
    files[PurePosixPath("server/py.typed")] = ""
    files[PurePosixPath("server/openapi.json")] = served
    return files


def _client_files(
    env: Environment, api: Api, models: Models, envelope: Envelope
) -> dict[PurePosixPath, str]:
    view = client_view(api, models, envelope)
    files = {PurePosixPath(out): _render(env, t, view=view) for out, t in _CLIENT_TEMPLATES.items()}
    files.update({PurePosixPath(f"client/{path}"): text for path, text in models.files.items()})
    files[PurePosixPath("client/py.typed")] = ""
    return files


def _docs_files(env: Environment, api: Api, options: DocsOptions) -> dict[PurePosixPath, str]:
    view = docs_view(api, options)
    files = {
        PurePosixPath("docs/index.md"): _render(env, "docs/index.md.jinja", view=view),
        PurePosixPath("mkdocs.yml"): _render(env, "docs/mkdocs.yml.jinja", view=view),
    }
    for page in view.pages:
        text = _render(env, "docs/tag.md.jinja", view=view, page=page)
        files[PurePosixPath(f"docs/{page.file}")] = text
    return files
