"""Running the model chunks: from the cache where it has them, on every core where it has not.

`run_chunks(schemas, work)` splits the schemas (`chunks.partition`), looks each chunk up in
the cache, runs the missing ones (`work`, a datamodel-codegen run) in a pool of forked
processes when there are several, stores them, and repeats for the chunks whose invented
class names clashed with another chunk's (they run again with those names reserved).
"""

from __future__ import annotations

import gc
import hashlib
import json
import multiprocessing
from collections.abc import Callable, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from generator.cache import Cache, key_of
from generator.heap import collector_running
from generator.parallel import jobs
from generator.render.chunks import (
    Chunk,
    ChunkCode,
    Statement,
    clashes,
    discriminator_links,
    make_chunk,
    partition,
)

Work = Callable[[Chunk], ChunkCode]
_ROUNDS = 4
_CACHE = "models"


def run_chunks(schemas: Mapping[str, Any], work: Work, openapi: str = "3.1.0") -> list[ChunkCode]:
    groups = partition(schemas, discriminator_links(schemas))
    reserved: list[set[str]] = [set() for _ in groups]
    owned = [frozenset(group) for group in groups]
    cache = Cache(_CACHE)
    for _ in range(_ROUNDS):
        pairs = zip(groups, reserved, strict=True)
        chunks = [make_chunk(schemas, g, r, openapi) for g, r in pairs]
        codes = _run(chunks, work, cache)
        found = clashes(codes, owned)
        if not found:
            return codes
        for index, names in found.items():
            reserved[index] |= names
    raise RuntimeError(f"class names still clash after {_ROUNDS} rounds: {found}")


def _run(chunks: list[Chunk], work: Work, cache: Cache) -> list[ChunkCode]:
    stamp = _stamp()
    keys = [
        key_of({"stamp": stamp, "schemas": c.schemas(), "stubs": c.stubs, "openapi": c.openapi})
        for c in chunks
    ]
    codes: list[ChunkCode | None] = [_decode(cache.get(k)) for k in keys]
    todo = [i for i, code in enumerate(codes) if code is None]
    for index, code in zip(todo, _compute([chunks[i] for i in todo], work), strict=True):
        codes[index] = code
        cache.put(keys[index], _encode(code))
    return [
        replace(code, owned=tuple(chunk.owned))
        for code, chunk in zip(codes, chunks, strict=True)
        if code is not None
    ]


def _compute(chunks: list[Chunk], work: Work) -> list[ChunkCode]:
    workers = min(jobs(), len(chunks))
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        with collector_running():  # datamodel-codegen makes cyclic garbage (see `heap`)
            return [work(chunk) for chunk in chunks]
    context = multiprocessing.get_context("fork")
    sizes = [len(json.dumps(chunk.owned)) for chunk in chunks]
    order = sorted(range(len(chunks)), key=lambda i: -sizes[i])  # biggest first: no long tail
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=gc.enable)
    with pool:
        results = list(pool.map(work, [chunks[i] for i in order], chunksize=1))
    done = dict(zip(order, results, strict=True))
    return [done[i] for i in range(len(chunks))]


@cache
def _stamp() -> str:
    """What else the output depends on: datamodel-codegen's version and this code."""
    here = Path(__file__).resolve().parent
    sources = b"".join((here / f).read_bytes() for f in ("chunks.py", "models.py", "schemas.py"))
    version = metadata.version("datamodel-code-generator")
    return f"{version}:{hashlib.sha256(sources).hexdigest()[:16]}"


def _encode(code: ChunkCode) -> dict[str, Any]:
    return {
        "imports": [[module, list(names)] for module, names in code.imports],
        "plain": list(code.plain_imports),
        "statements": [
            [s.text, list(s.defines), sorted(s.needs), sorted(s.refs)] for s in code.statements
        ],
    }


def _decode(value: Any) -> ChunkCode | None:
    if not isinstance(value, dict):
        return None
    try:
        return ChunkCode(
            tuple((str(m), tuple(n)) for m, n in value["imports"]),
            tuple(value["plain"]),
            tuple(
                Statement(t, tuple(d), frozenset(n), frozenset(r))
                for t, d, n, r in value["statements"]
            ),
        )
    except (KeyError, TypeError, ValueError):
        return None
