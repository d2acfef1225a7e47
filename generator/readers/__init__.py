"""Reader registry and format detection, in one place.

A reader is a pair of pure functions: `detect(text, filename) -> score in [0, 1]` and
`read(text, path) -> ReadResult`. The table below is the registry; detection picks the reader
with the highest score, and `--format` overrides it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from generator.diagnostics import Span, error
from generator.readers import cells, html, markdown, pipes, scraped
from generator.readers.document import Document, ReadResult


@dataclass(frozen=True, slots=True)
class Reader:
    name: str
    detect: Callable[[str, str], float]
    read: Callable[[str, str], ReadResult]
    doc: str


READERS: tuple[Reader, ...] = (
    Reader(cells.NAME, cells.detect, cells.read, "text export, one table cell per line"),
    Reader(markdown.NAME, markdown.detect, markdown.read, "Markdown (pipe tables)"),
    Reader(scraped.NAME, scraped.detect, scraped.read, "web page text, table cells run together"),
    Reader(pipes.NAME, pipes.detect, pipes.read, "web page text with `a | b |` tables"),
    Reader(html.NAME, html.detect, html.read, "saved HTML page (real <table>s)"),
)

FORMATS: tuple[str, ...] = tuple(r.name for r in READERS)

MIN_SCORE = 0.3


def reader_named(name: str) -> Reader | None:
    return next((r for r in READERS if r.name == name), None)


def detect_format(text: str, filename: str) -> Reader | None:
    scored = sorted(((r.detect(text, filename), i) for i, r in enumerate(READERS)), reverse=True)
    best, index = scored[0]
    return READERS[index] if best >= MIN_SCORE else None


def read_document(text: str, path: str, fmt: str | None = None) -> ReadResult:
    reader = reader_named(fmt) if fmt else detect_format(text, path)
    if reader is None:
        what = f"unknown format {fmt!r}" if fmt else "cannot tell the document's format"
        hint = f"; use --format ({', '.join(FORMATS)})"
        diag = error("format-unknown", what + hint, Span(path, 0))
        return ReadResult(Document(path, "unknown", ()), (diag,))
    return reader.read(text, path)


__all__ = [
    "FORMATS",
    "READERS",
    "Document",
    "ReadResult",
    "Reader",
    "detect_format",
    "read_document",
]
