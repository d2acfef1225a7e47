"""doc2openapi: API documentation pages in, one canonical OpenAPI 3.1 spec per API out."""

from generator.diagnostics import Diagnostic, Severity, Span
from generator.pipeline import ImportResult, import_documents

__all__ = ["Diagnostic", "ImportResult", "Severity", "Span", "import_documents"]
