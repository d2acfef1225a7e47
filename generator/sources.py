"""Loading source documents from disk: the reading edge of the pipeline.

Every way a file can be unusable (missing, unreadable, binary, not UTF-8, empty) becomes one
diagnostic instead of an exception.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics import Diagnostic, Span, error


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
