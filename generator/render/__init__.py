"""Code and docs generation: a FastAPI server, a typed client and Markdown docs from one spec.

`generate(spec)` is pure and returns the files; `write_generated(out_dir, generated)` writes them
atomically inside `out_dir` and removes the files a previous generation left behind.
"""

from generator.render.generate import Generated, generate
from generator.render.output import (
    MANIFEST_NAME,
    UnsafePathError,
    source_base_for,
    stale_generated,
    write_generated,
)

__all__ = [
    "MANIFEST_NAME",
    "Generated",
    "UnsafePathError",
    "generate",
    "source_base_for",
    "stale_generated",
    "write_generated",
]
