"""The commands timed: ours and the peers, per group (validate, generate).

Each command runs in a fresh run folder RUN and writes to RUN/out; `argv` may put files in RUN
first (a config). `imports` says how to check that a generator's output imports: the folder to
put first on sys.path and the modules to import."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from _install import FCG_VENV, NODE, PEERS_VENV
from _specs import HERE

ROOT = HERE.parent
OURS_PYTHON = Path(sys.executable)  # the project's venv: .venv/bin/python
PEERS_BIN = PEERS_VENV / "bin"
NODE_BIN = NODE / "node_modules" / ".bin"

Argv = Callable[[Path, Path], list[str]]  # (spec, run folder) -> argv
Imports = Callable[[Path], tuple[Path, list[str]]]  # output folder -> (sys.path entry, modules)


@dataclass(frozen=True)
class Tool:
    key: str
    group: str  # "validate" or "generate"
    label: str  # the command as the table shows it
    argv: Argv
    needs: str  # "ours", "python" (peers-venv), "fcg" (its own venv) or "node"
    imports: Imports | None = None
    import_python: Path = PEERS_BIN / "python"
    skipped: tuple[str, str] = ("", "")  # (line that marks a skipped piece, what to call it)
    env: dict[str, str] = field(default_factory=dict)
    cwd: Path | None = None  # None: the run folder

    @property
    def ours(self) -> bool:
        return self.needs == "ours"


def _out(run: Path) -> Path:
    (run / "out").mkdir(exist_ok=True)
    return run / "out"


def _ours_generate(spec: Path, run: Path) -> list[str]:
    return [str(OURS_PYTHON), "-m", "generator", "generate", str(spec), "-o", str(run / "out")]


def _datamodel(formatters: str) -> Argv:
    def argv(spec: Path, run: Path) -> list[str]:
        extra = ["--formatters", formatters] if formatters else []
        output = _out(run) / "models.py"
        return [
            str(PEERS_BIN / "datamodel-codegen"),
            *("--input", str(spec), "--input-file-type", "openapi", "--output", str(output)),
            "--no-treat-dot-as-module",  # dotted schema names (Stripe's) would need a folder
            *extra,
        ]

    return argv


def _openapi_generator(generator: str) -> Argv:
    def argv(spec: Path, run: Path) -> list[str]:
        cli = str(PEERS_BIN / "openapi-generator-cli")
        return [cli, "generate", "-i", str(spec), "-g", generator, "-o", str(run / "out")]

    return argv


def _openapi_python_client(literal_enums: bool) -> Argv:
    def argv(spec: Path, run: Path) -> list[str]:
        config = ["--config", str(run / "config.yaml")] if literal_enums else []
        if literal_enums:
            (run / "config.yaml").write_text("literal_enums: true\n")
        cli = str(PEERS_BIN / "openapi-python-client")
        return [cli, "generate", "--path", str(spec), "--output-path", str(run / "out"), *config]

    return argv


def _opc_imports(out: Path) -> tuple[Path, list[str]]:
    package = next((p.name for p in sorted(out.iterdir()) if (p / "__init__.py").is_file()), "")
    return out, [package, f"{package}.models"] if package else ["<no package found>"]


_VALIDATE = [
    Tool(
        "ours-validate",
        "validate",
        "python -m generator validate SPEC",
        lambda spec, run: [str(OURS_PYTHON), "-m", "generator", "validate", str(spec)],
        "ours",
        cwd=ROOT,  # as bench/validate.py: pyproject.toml's rule severities apply
    ),
    Tool(
        "openapi-spec-validator",
        "validate",
        "openapi-spec-validator SPEC",
        lambda spec, run: [str(PEERS_BIN / "openapi-spec-validator"), str(spec)],
        "python",
    ),
    Tool(
        "redocly",
        "validate",
        "redocly lint SPEC (recommended rules)",
        lambda spec, run: [str(NODE_BIN / "redocly"), "lint", str(spec), "--format", "stylish"],
        "node",
        env={"REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true"},
    ),
]

_GENERATE = [
    Tool(
        "ours-generate",
        "generate",
        "python -m generator generate SPEC -o DIR (cold cache)",
        _ours_generate,
        "ours",
        cwd=ROOT,
        imports=lambda out: (out, ["client"]),
        import_python=OURS_PYTHON,
    ),
    Tool(
        "datamodel-codegen",
        "generate",
        "datamodel-codegen (default formatters: black, isort)",
        _datamodel(""),
        "python",
        imports=lambda out: (out, ["models"]),
    ),
    Tool(
        "datamodel-codegen-ruff",
        "generate",
        "datamodel-codegen --formatters ruff-format",
        _datamodel("ruff-format"),
        "python",
        imports=lambda out: (out, ["models"]),
    ),
    Tool(
        "datamodel-codegen-builtin",
        "generate",
        "datamodel-codegen --formatters builtin (what ours uses)",
        _datamodel("builtin"),
        "python",
        imports=lambda out: (out, ["models"]),
    ),
    Tool(
        "openapi-generator-python-fastapi",
        "generate",
        "openapi-generator generate -g python-fastapi",
        _openapi_generator("python-fastapi"),
        "python",
        imports=lambda out: (out / "src", ["openapi_server.main"]),
    ),
    Tool(
        "openapi-generator-python",
        "generate",
        "openapi-generator generate -g python",
        _openapi_generator("python"),
        "python",
        imports=lambda out: (out, ["openapi_client"]),
    ),
    Tool(
        "openapi-python-client",
        "generate",
        "openapi-python-client generate",
        _openapi_python_client(False),
        "python",
        imports=_opc_imports,
        skipped=("will not be generated", "endpoints skipped"),
    ),
    Tool(
        "openapi-python-client-literal-enums",
        "generate",
        "openapi-python-client generate (literal_enums: true)",
        _openapi_python_client(True),
        "python",
        imports=_opc_imports,
        skipped=("will not be generated", "endpoints skipped"),
    ),
    Tool(
        "fastapi-code-generator",
        "generate",
        "fastapi-codegen",
        lambda spec, run: [
            *(str(FCG_VENV / "bin" / "fastapi-codegen"), "--input", str(spec)),
            *("--output", str(run / "out")),
        ],
        "fcg",
        imports=lambda out: (out.parent, ["out.main"]),  # main.py imports .models
    ),
    Tool(
        "widdershins",
        "generate",
        "widdershins SPEC -o api.md (Markdown docs)",
        lambda spec, run: [
            str(NODE_BIN / "widdershins"),
            str(spec),
            "-o",
            str(_out(run) / "api.md"),
        ],
        "node",
    ),
]

TOOLS = {tool.key: tool for tool in [*_VALIDATE, *_GENERATE]}
VALIDATE_REFERENCE = "ours-validate"
GENERATE_REFERENCE = "openapi-generator-python-fastapi"
