"""Workspace configuration: `spec/<api>/config.yaml`, what the user wrote, checked, resolved.

    title: IM User API            # info.title
    version: 1.0.0                # info.version
    description: ...              # optional
    servers:                      # optional; each a URL or {url, description}
      - url: https://api.example.com
    sources:                      # merge order: the first wins disagreements
      - sources/000_a.txt
      - sources/001_b.md
    format: markdown              # optional: skip detection for every source

Unknown keys and wrong types are diagnostics at the key's line, not exceptions.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.diagnostics import Diagnostic, Span, error
from generator.emit.openapi import SpecInfo
from generator.model import Server
from generator.readers import FORMATS

CONFIG_NAME = "config.yaml"
_KEYS = frozenset({"title", "version", "description", "servers", "sources", "format"})


@dataclass(frozen=True, slots=True)
class ApiConfig:
    """The resolved configuration one API's build receives."""

    name: str
    folder: Path
    info: SpecInfo
    sources: tuple[Path, ...]
    format: str | None = None


def load_config(folder: Path) -> ApiConfig | list[Diagnostic]:
    path = folder / CONFIG_NAME
    span = Span(str(path), 0)
    try:
        text = path.read_text(encoding="utf-8")
        raw = yaml.safe_load(text)
    except OSError as exc:
        return [error("config-unreadable", f"cannot read: {exc.strerror or exc}", span)]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        return [error("config-invalid", f"not valid YAML: {exc}", Span(str(path), line))]
    if not isinstance(raw, dict):
        return [error("config-invalid", "expected a mapping of settings", span)]
    problems = _check(raw, text, str(path))
    if problems:
        return problems
    return _resolve(raw, folder)


def _line_of(text: str, key: str) -> int:
    for number, line in enumerate(text.split("\n"), start=1):
        if line.startswith(f"{key}:"):
            return number
    return 0


def _check(raw: dict[str, Any], text: str, path: str) -> list[Diagnostic]:
    problems = [
        error(
            "config-unknown-key",
            f"unknown setting {key!r}; known: {', '.join(sorted(_KEYS))}",
            Span(path, _line_of(text, str(key))),
        )
        for key in raw
        if key not in _KEYS
    ]
    for key in ("title", "version", "description", "format"):
        if key in raw and not isinstance(raw[key], str | int | float):
            problems.append(
                error("config-invalid", f"{key!r} must be text", Span(path, _line_of(text, key)))
            )
    if raw.get("format") is not None and raw["format"] not in FORMATS:
        problems.append(
            error(
                "config-invalid",
                f"format must be one of {', '.join(FORMATS)}",
                Span(path, _line_of(text, "format")),
            )
        )
    for key in ("servers", "sources"):
        if key in raw and not isinstance(raw[key], list):
            problems.append(
                error("config-invalid", f"{key!r} must be a list", Span(path, _line_of(text, key)))
            )
    return problems


def _resolve(raw: dict[str, Any], folder: Path) -> ApiConfig:
    listed = raw.get("sources")
    if listed:
        sources = tuple(folder / str(s) for s in listed)
    else:
        sources = tuple(sorted(p for p in (folder / "sources").glob("*") if p.is_file()))
    info = SpecInfo(
        title=str(raw.get("title") or ""),
        version=str(raw.get("version") or "0.0.0"),
        description=str(raw.get("description") or ""),
        servers=tuple(_server(s) for s in raw.get("servers") or ()),
    )
    return ApiConfig(folder.name, folder, info, sources, raw.get("format"))


def _server(entry: Any) -> Server:
    if isinstance(entry, dict):
        return Server(str(entry.get("url", "/")), str(entry.get("description", "")))
    return Server(str(entry))
