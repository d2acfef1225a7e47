"""Real slices of the largest public specs (GitHub's REST description, Stripe's) end to end.

Each slice (`tests/fixtures/bigspecs/`, cut by `bench/slice.py`: ~50 operations spread over the
tags, with every schema they reach, prose replaced) is validated and generated through the CLI,
every generated module imports, the mock server answers one operation of every group with a
schema-valid body, the generated client parses an answer into a model and the docs build.
"""

from __future__ import annotations

import inspect
import json
import re
import subprocess
import sys
import textwrap
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from openapi_schema_validator import OAS30Validator
from pydantic import BaseModel
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from generator.render.common import function_names
from generator.render.schemas import is_object, sample
from generator.render.spec import Api, Json, Operation, read_api, resolve
from tests.functional.support import (
    ROOT,
    TEST_KEY,
    Tree,
    build_tree,
    import_package,
    run,
    running_server,
)
from tests.functional.test_docs_site import _build
from tests.functional.test_seed_apis import _arguments, _body_value

BIGSPECS = ROOT / "tests" / "fixtures" / "bigspecs"
SLICES = ("github", "stripe")
_BASE = "urn:doc2openapi:slice"
_VERSION = re.compile(r"^v\d+(\.\d+)*$")


@dataclass(frozen=True)
class Expected:
    findings: Mapping[str, int]  # validate: rule code -> count
    files: int  # generated files (the manifest not counted)
    groups: int  # operation groups (first tag, else first path segment)
    modules: int  # importable modules in server/ and client/


EXPECTED = {
    "github": Expected(findings={"example-invalid": 10}, files=116, groups=47, modules=63),
    "stripe": Expected(findings={}, files=1680, groups=50, modules=1673),
}


def slice_path(name: str) -> Path:
    return BIGSPECS / f"{name}-slice.json"


def load_slice(name: str) -> dict[str, Any]:
    spec: dict[str, Any] = json.loads(slice_path(name).read_text(encoding="utf-8"))
    return spec


class BigTrees:
    """The slices generated (through `generate()`, not the CLI) once, on first use."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.built: dict[str, Tree] = {}

    def __getitem__(self, name: str) -> Tree:
        if name not in self.built:
            self.built[name] = build_tree(f"big-{name}", load_slice(name), self.root / name)
        tree = self.built[name]
        assert tree.generated.files, [d.render() for d in tree.generated.diagnostics]
        return tree


@pytest.fixture(scope="session")
def big_trees(tmp_path_factory: pytest.TempPathFactory) -> BigTrees:
    return BigTrees(tmp_path_factory.mktemp("bigspecs"))


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return run([sys.executable, "-m", "generator", *args], ROOT)


@pytest.mark.parametrize("name", SLICES)
def test_validate_reports_without_crashing(name: str) -> None:
    result = cli("validate", str(slice_path(name)), "--format", "json")
    assert result.returncode in (0, 1), result.stderr
    report = json.loads(result.stdout)
    findings = [f for file in report["files"] for f in file["findings"]]
    assert dict(Counter(f["code"] for f in findings)) == EXPECTED[name].findings
    errors = sum(1 for f in findings if f["severity"] == "error")
    assert result.returncode == (1 if errors else 0)


def _files(out: Path) -> set[str]:
    return {
        p.relative_to(out).as_posix()
        for p in out.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.name != ".doc2openapi-manifest"
    }


@pytest.mark.parametrize("name", SLICES)
def test_generate_cli_writes_every_target(name: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = cli("generate", str(slice_path(name)), "-o", str(out))
    assert result.returncode == 0, result.stderr[-3000:]
    files = _files(out)
    expected = EXPECTED[name].files
    assert f"{out}: {expected} files, {expected + 1} changed" in result.stderr  # + manifest
    assert len(files) == expected
    for needed in ("server/app.py", "server/handler.py", "server/openapi.json", "mkdocs.yml"):
        assert needed in files
    for needed in ("client/__init__.py", "client/client.py", "client/errors.py", "docs/index.md"):
        assert needed in files


@pytest.mark.parametrize("name", SLICES)
def test_generated_file_counts(big_trees: BigTrees, name: str) -> None:
    tree = big_trees[name]
    assert len(tree.generated.files) == EXPECTED[name].files
    assert _files(tree.path) == {p.as_posix() for p in tree.generated.files}


_IMPORT_ALL = textwrap.dedent(
    """
    import importlib, pkgutil, sys
    sys.path.insert(0, sys.argv[1])
    count = 0
    for package in ("server", "client"):
        root = importlib.import_module(package)
        count += 1
        for found in pkgutil.walk_packages(root.__path__, package + "."):
            importlib.import_module(found.name)
            count += 1
    print(count)
    """
)


@pytest.mark.parametrize("name", SLICES)
def test_every_generated_module_imports(big_trees: BigTrees, name: str) -> None:
    tree = big_trees[name]
    result = run([sys.executable, "-c", _IMPORT_ALL, str(tree.path)], ROOT)
    assert result.returncode == 0, result.stderr[-3000:]
    assert int(result.stdout) == EXPECTED[name].modules


def group_of(op: Operation) -> str:
    """The first tag, else the first path segment that is neither a version nor a template."""
    if op.tags and op.tags != ("default",):
        return op.tags[0]
    segments = [s for s in op.path.split("/") if s and not s.startswith("{")]
    return next((s for s in segments if not _VERSION.match(s)), "default")


def _preference(op: Operation) -> tuple[bool, bool]:
    success = op.success
    return (op.method != "get" or op.body is not None, success is None or success.schema is None)


def one_per_group(api: Api) -> dict[str, Operation]:
    """For every group, a GET without a body that answers JSON if there is one, else any."""
    groups: dict[str, list[Operation]] = {}
    for op in api.operations:
        groups.setdefault(group_of(op), []).append(op)
    return {name: min(ops, key=_preference) for name, ops in sorted(groups.items())}


def _value(spec: Mapping[str, Json], schema: Mapping[str, Json]) -> Json:
    value = sample(spec, schema)
    return "x" if value is None or value == "" else value


def request_for(spec: Mapping[str, Json], op: Operation) -> tuple[str, dict[str, Json]]:
    """The path with its parameters filled, and the required query parameters."""
    path, query = op.path, {}
    for param in op.parameters:
        if param.location == "path":
            value = _value(spec, param.schema)
            path = path.replace("{" + param.name + "}", quote(str(value), safe=""))
        elif param.location == "query" and param.required:
            query[param.name] = _value(spec, param.schema)
    return path, query


def _absolute(node: Json, refs: bool = False) -> Json:
    """Every local `$ref` (and discriminator mapping target) made absolute under `_BASE`."""
    if isinstance(node, str):
        return _BASE + node if refs and node.startswith("#") else node
    if isinstance(node, dict):
        return {k: _absolute(v, refs or k in ("$ref", "mapping")) for k, v in node.items()}
    return [_absolute(item) for item in node] if isinstance(node, list) else node


def schema_problems(spec: Mapping[str, Json], schema: Mapping[str, Json], value: Json) -> list[str]:
    """OpenAPI 3.0 validation (`nullable` and all), `$ref`s resolved inside the slice."""
    resource: Resource[Any] = DRAFT4.create_resource(spec)
    registry: Registry[Any] = Registry().with_resource(_BASE, resource)
    validator = OAS30Validator(_absolute(schema), registry=registry)
    return [f"{list(e.absolute_path)}: {e.message[:300]}" for e in validator.iter_errors(value)]


def _auth_headers(api: Api) -> dict[str, str]:
    kinds = {scheme.scheme for scheme in api.schemes if scheme.kind == "http"}
    return {"Authorization": f"Bearer {TEST_KEY}"} if "bearer" in kinds else {}


def _call_each_group(api: Api, base: str) -> Iterator[tuple[str, Operation, httpx.Response]]:
    with httpx.Client(base_url=base, headers=_auth_headers(api), timeout=30) as http:
        for group, op in one_per_group(api).items():
            path, query = request_for(api.spec, op)
            body = {"json": _body_value(api, op)} if op.body is not None else {}
            yield group, op, http.request(op.method.upper(), path, params=query, **body)


def _client_credentials(api: Api, client_class: type) -> dict[str, str]:
    """The test key for every scheme the client takes, but HTTP basic (a user:password pair)."""
    skip = {"self", "base_url", "headers", "timeout", "transport"}
    arguments = [n for n in inspect.signature(client_class).parameters if n not in skip]
    return {
        argument: TEST_KEY
        for argument, scheme in zip(arguments, api.schemes, strict=True)
        if not (scheme.kind == "http" and scheme.scheme == "basic")
    }


@pytest.mark.parametrize("name", SLICES)
def test_server_answers_one_operation_of_every_group(big_trees: BigTrees, name: str) -> None:
    tree = big_trees[name]
    api = read_api(tree.spec)
    checked = 0
    with running_server(tree) as base:
        for group, op, response in _call_each_group(api, base):
            success = op.success
            assert success is not None, op.operation_id
            assert response.status_code == int(success.status), (group, op.path, response.text)
            if success.schema is not None:
                problems = schema_problems(tree.spec, success.schema, response.json())
                assert problems == [], (group, op.operation_id, problems[:3])
            checked += 1
    assert checked == EXPECTED[name].groups


def _model_operation(api: Api) -> Operation:
    """The first GET (by group) that answers a JSON object, which the client parses to a model."""
    for op in one_per_group(api).values():
        success = op.success
        schema = success.schema if success is not None else None
        if op.method == "get" and schema is not None and is_object(resolve(api.spec, schema)):
            return op
    raise AssertionError("no GET answers an object")


@pytest.mark.parametrize("name", SLICES)
def test_client_call_returns_a_model(big_trees: BigTrees, name: str) -> None:
    tree = big_trees[name]
    api = read_api(tree.spec)
    client_module = import_package(tree, "client")
    op = _model_operation(api)
    with running_server(tree) as base:
        credentials = _client_credentials(api, client_module.Client)
        with client_module.Client(base, **credentials) as client:
            method = getattr(client, function_names(api)[op.operation_id])
            result = method(**_arguments(api, op, method))
    assert isinstance(result, BaseModel), (op.operation_id, type(result))
    assert type(result).__module__.startswith(client_module.models.__name__)


@pytest.mark.parametrize("name", SLICES)
def test_docs_build_strict(big_trees: BigTrees, name: str, tmp_path: Path) -> None:
    tree = big_trees[name]
    _build(tree, tmp_path / "site")
    pages = sorted(p.name for p in (tmp_path / "site").glob("*.html"))
    docs = sorted(p.stem for p in (tree.path / "docs").glob("*.md"))
    assert pages == sorted([*(f"{stem}.html" for stem in docs), "404.html"])
