"""Helpers for the functional tests: generated trees, a uvicorn server, the generated client."""

from __future__ import annotations

import contextlib
import importlib.util
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import yaml

from generator.render import Generated, generate, write_generated
from generator.render.names import snake

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "render"
SEED_APIS = ("im-user", "agora-chat", "tencent-im")
TEST_KEY = "test-key"
BIN = Path(sys.executable).parent
AUTH_HANDLER = '''"""A handler for the tests: the mock, accepting only the test key."""

from server.handler import ExampleHandler


class Handler(ExampleHandler):
    async def authenticate(self, scheme: str, credential: str) -> bool:
        return credential == "test-key"
'''


@dataclass(frozen=True)
class Tree:
    name: str
    path: Path
    spec: dict[str, Any]
    generated: Generated


def load_spec(path: Path) -> dict[str, Any]:
    spec: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return spec


def build_tree(
    name: str, spec: dict[str, Any], out: Path, *, templates: Path | None = None
) -> Tree:
    generated = generate(spec, templates=templates, source_base=f"../../../spec/{name}/")
    write_generated(out, generated)
    return Tree(name, out, spec, generated)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _wait_ready(proc: subprocess.Popen[bytes], url: str, log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited: {log.read_text(encoding='utf-8')[-3000:]}")
        with contextlib.suppress(httpx.TransportError):
            if httpx.get(url, timeout=2).status_code == 200:
                return
        time.sleep(0.2)
    raise RuntimeError(f"server did not start: {log.read_text(encoding='utf-8')[-3000:]}")


@contextlib.contextmanager
def running_server(tree: Tree, *, authenticated: bool = True) -> Iterator[str]:
    """Start `uvicorn server.app:app` on a free loopback port; always stopped afterwards."""
    helpers = tree.path.parent / f"{tree.path.name}-helpers"
    helpers.mkdir(exist_ok=True)
    (helpers / "auth_handler.py").write_text(AUTH_HANDLER, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(helpers)}
    env.pop("API_HANDLER", None)
    if authenticated:
        env["API_HANDLER"] = "auth_handler:Handler"
    port = free_port()
    log = helpers / "uvicorn.log"
    command = [sys.executable, "-m", "uvicorn", "server.app:app", "--app-dir", str(tree.path)]
    command += ["--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
    with log.open("wb") as sink:
        proc = subprocess.Popen(command, env=env, stdout=sink, stderr=subprocess.STDOUT)
        try:
            base = f"http://127.0.0.1:{port}"
            _wait_ready(proc, f"{base}/openapi.json", log)
            yield base
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def import_package(tree: Tree, package: str) -> ModuleType:
    """Import `<tree>/<package>` under a unique name, so trees of several APIs can coexist."""
    name = f"generated_{snake(tree.name)}_{package}"
    if name in sys.modules:
        return sys.modules[name]
    location = tree.path / package / "__init__.py"
    spec = importlib.util.spec_from_file_location(
        name, location, submodule_search_locations=[str(location.parent)]
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def run(command: list[str], cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False
    )
