"""Loading source documents from disk: the reading edge of the pipeline.

Every way a file can be unusable (missing, unreadable, binary, not UTF-8, empty) becomes one
diagnostic instead of an exception.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
import yaml

from generator.diagnostics import Diagnostic, Span, error
from generator.emit.yamlio import load


@dataclass(frozen=True, slots=True)
class Source:
    path: str
    text: str


def load_source(path: Path, display: str | None = None) -> Source | Diagnostic:
    name = display or str(path)
    span = Span(name, 0)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return error("file-not-found", "no such file", span)
    except IsADirectoryError:
        return error("file-unreadable", "is a directory, not a document", span)
    except OSError as exc:
        return error("file-unreadable", f"cannot read: {exc.strerror or exc}", span)
    return decode_source(data, name)


def decode_source(data: bytes, name: str) -> Source | Diagnostic:
    nul = data.find(b"\x00", 0, 8192)
    if nul >= 0:
        line = data[:nul].count(b"\n") + 1
        return error("file-binary", "binary file (NUL byte), not a document", Span(name, line))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return error("file-encoding", "not valid UTF-8 text", Span(name, line))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return error("file-empty", "empty document: nothing to import", Span(name, 1))
    return Source(name, text)


def _json_document(data: bytes) -> Any:
    """orjson parses the bytes (no text is decoded first: twice as fast on a 13 MB spec).

    What it refuses (NaN, a lone surrogate, a byte-order mark, broken JSON) goes to the
    standard parser, whose value or `JSONDecodeError` (with its line) is the answer; so does a
    document with a run of 20 digits anywhere, as orjson reads an integer beyond 64 bits as a
    float (a spec's big `maximum` must stay exact)."""
    if _LONG_DIGITS not in data.translate(_DIGITS):
        try:
            return orjson.loads(data)
        except orjson.JSONDecodeError:
            pass
    return json.loads(data.decode("utf-8"))


_DIGITS = bytes(48 if chr(i).isdecimal() and i < 128 else 32 for i in range(256))  # digit: "0"
_LONG_DIGITS = b"0" * 20  # 2**64 has 20 digits


def load_spec(path: Path) -> dict[str, Any] | Diagnostic:
    """An OpenAPI document from disk: JSON read as JSON (fast), anything else as YAML; every
    way it can fail is one diagnostic at its line."""
    name = str(path)
    try:
        if path.suffix.lower() == ".json":
            data = _json_document(path.read_bytes())
        else:
            data = load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return error("file-not-found", "no such file", Span(name, 0))
    except (OSError, UnicodeDecodeError) as exc:
        return error("spec-unreadable", f"cannot read: {exc}", Span(name, 0))
    except json.JSONDecodeError as exc:
        return error("spec-invalid-json", f"not valid JSON: {exc.msg}", Span(name, exc.lineno))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        problem = getattr(exc, "problem", exc)
        return error("spec-invalid-yaml", f"not valid YAML: {problem}", Span(name, line))
    if not isinstance(data, dict):
        return error("spec-invalid", "not a mapping", Span(name, 1))
    return data
