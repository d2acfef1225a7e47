"""The cyclic garbage collector, paused while a spec is read and checked or generated from.

A large spec is ~10^5 dicts and lists that live for the whole run and cannot be garbage
(JSON data is a tree; YAML cycles are refused). With the collector on, the containers made
while reading set off collection after collection, and the later ones go through the whole
spec again, each time: a fifth of the generation gate's time on GitHub's description, and
0.1 s of a rebuild's 1.4 s. The few cycles a run makes (jsonschema's errors, Jinja's
contexts) are collected once it ends.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Within: no cyclic collection. After: as it was before (a nested pause keeps it off)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


@contextmanager
def collector_running() -> Iterator[None]:
    """Within: the collector on, even inside a pause (work that makes cyclic garbage, such as
    datamodel-code-generator's). After: as it was before."""
    was_on = gc.isenabled()
    gc.enable()
    try:
        yield
    finally:
        if not was_on:
            gc.disable()
