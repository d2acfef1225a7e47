"""The peer tools, pinned, installed on first use into bench/.cache/ (never into the project's
.venv): two virtualenvs (fastapi-code-generator pins an older datamodel-code-generator) and
one npm prefix. A stamp file holding the pins makes a changed pin reinstall."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from _specs import CACHE

PEERS_VENV = CACHE / "peers-venv"
FCG_VENV = CACHE / "fcg-venv"
NODE = CACHE / "node"

PEERS_PYTHON = (
    "openapi-spec-validator==0.9.0",
    "jsonschema-rs==0.60.3",  # openapi-spec-validator's fast backend, as in the project's venv
    "datamodel-code-generator[ruff]==0.89.0",  # the extra: `--formatters ruff-format`
    "openapi-python-client==0.29.1",
    "openapi-generator-cli==7.26.0",  # the wheel bundles openapi-generator.jar (runs on java)
    # what the generated code needs to be imported
    "fastapi==0.165.0",
    "pydantic==2.14.3",
    "httpx==0.28.1",
    "attrs==26.1.0",
    "python-dateutil==4.0.0",
    "urllib3==2.8.0",
    "email-validator==2.4.0",  # pydantic's EmailStr, in datamodel-codegen's GitHub models
)
FCG_PYTHON = ("fastapi-code-generator==0.8.1",)  # pulls datamodel-code-generator<0.66
NODE_PACKAGES = ("@redocly/cli@2.77.0", "widdershins@4.0.1")


def _stamped(folder: Path, pins: tuple[str, ...]) -> bool:
    stamp = folder / ".bench-installed"
    return stamp.is_file() and stamp.read_text() == "\n".join(pins)


def _stamp(folder: Path, pins: tuple[str, ...]) -> None:
    (folder / ".bench-installed").write_text("\n".join(pins))


def _venv(folder: Path, pins: tuple[str, ...]) -> None:
    if _stamped(folder, pins):
        return
    print(f"installing into {folder.relative_to(CACHE.parent.parent)}: {' '.join(pins)}")
    if not (folder / "bin" / "python").exists():
        subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
    pip = [str(folder / "bin" / "python"), "-m", "pip", "install", "--quiet", *pins]
    subprocess.run(pip, check=True)
    _stamp(folder, pins)


def _node(folder: Path, pins: tuple[str, ...]) -> None:
    if _stamped(folder, pins):
        return
    print(f"installing into {folder.relative_to(CACHE.parent.parent)}: {' '.join(pins)}")
    folder.mkdir(parents=True, exist_ok=True)
    npm = ["npm", "install", "--prefix", str(folder), "--no-audit", "--no-fund", *pins]
    subprocess.run(npm, check=True, stdout=subprocess.DEVNULL)
    _stamp(folder, pins)


def install(python: bool, fcg: bool, node: bool) -> None:
    """Whichever of the three tool sets the selected tools need."""
    if python:
        _venv(PEERS_VENV, PEERS_PYTHON)
    if fcg:
        _venv(FCG_VENV, FCG_PYTHON)
    if node:
        _node(NODE, NODE_PACKAGES)


def versions() -> str:
    """The pins, for the report."""
    names = [*PEERS_PYTHON[:5], *FCG_PYTHON, *NODE_PACKAGES]
    java = subprocess.run(["java", "-version"], capture_output=True, text=True, check=False).stderr
    node = subprocess.run(["node", "--version"], capture_output=True, text=True, check=False).stdout
    java_line = java.splitlines()[0] if java else "java: not found"
    return f"{', '.join(names)}; {java_line}; node {node.strip()}"
