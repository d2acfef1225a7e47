"""doc2openapi: API documentation pages in, one canonical OpenAPI 3.1 spec per API out."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from generator.diagnostics import Diagnostic, Severity, Span

if TYPE_CHECKING:
    from generator.pipeline import ImportResult, import_documents

__all__ = ["Diagnostic", "ImportResult", "Severity", "Span", "import_documents"]


def __getattr__(name: str) -> Any:
    """The importer is loaded on first use: `generate` does not need it (PEP 562)."""
    if name in ("ImportResult", "import_documents"):
        from generator import pipeline  # noqa: PLC0415

        return getattr(pipeline, name)
    raise AttributeError(f"module 'generator' has no attribute {name!r}")
