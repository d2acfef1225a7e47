"""Pieces of a previous generation, reused where their inputs are unchanged.

A `Memo` maps keys to texts: a rendered docs section, a client method, a router, a mock.
A key digests everything the piece is made from (the operation's fingerprint, the names
it uses, the templates and this code: `stamp`), so a hit is the very text a fresh render
would give. `generate` stays pure: the caller loads the previous memo and saves `kept`,
the pieces used this time (so the store does not grow with every edit).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TypeVar

import orjson

from generator.render.fingerprint import digest
from generator.render.lazy import Lazy, built

T = TypeVar("T")


class Memo:
    """`stamp` digests the code and templates the pieces are rendered with."""

    def __init__(self, previous: Mapping[str, str] | None = None, stamp: str = "") -> None:
        self._previous = previous or {}
        self.stamp = stamp
        self.kept: dict[str, str] = {}
        self.made = 0  # pieces rendered afresh (not found in `previous`)
        self._texts: dict[int, tuple[object, str]] = {}  # the object is kept: its id stays its

    def has(self, key: str) -> bool:
        return key in self.kept or key in self._previous

    def text(self, key: str, make: Callable[[], str]) -> str:
        found = self.kept.get(key)
        if found is None:
            found = self._previous.get(key)
        if found is None:
            found = make()
            self.made += 1
        self.kept[key] = found
        return found

    def call(self, kind: str, fn: Callable[..., object], *args: object) -> str:
        """`fn(*args)` as text (a Jinja macro, from a template), keyed by the arguments' value
        (`value_text`): view-models (frozen dataclasses) and JSON-like values."""
        key = digest(kind, self.stamp, *(self._value_text(a) for a in args))
        return self.text(key, lambda: str(fn(*(built(a) for a in args))))

    def _value_text(self, value: object) -> str:
        """A view-model is often given to several macros: its text is made once. One that
        is made from something keyed already (a mock, a `Lazy` view) names that key
        (`memo_key`)."""
        own = getattr(value, "memo_key", "")
        if own:
            return f"{type(value).__qualname__}:{own}"
        value = built(value)  # a `Lazy` without a key: keyed by its view's value
        found = self._texts.get(id(value))
        if found is None:
            found = self._texts[id(value)] = (value, value_text(value))
        return found[1]

    def delta(self) -> Delta:
        """What this memo kept that its `previous` did not have, for `adopt` in the parent
        of the process it was copied into (the kept texts need not travel back)."""
        fresh = {k: v for k, v in self.kept.items() if k not in self._previous}
        return Delta(tuple(self.kept), fresh, self.made)

    def adopt(self, delta: Delta) -> None:
        """The pieces kept (and how many were made) by a copy of this memo in a child process."""
        for key in delta.keys:
            found = delta.fresh.get(key)
            if found is None:
                found = self.kept.get(key)
            self.kept[key] = self._previous[key] if found is None else found
        self.made += delta.made


@dataclass(frozen=True, slots=True)
class Kept:
    """Where the pieces of the last generation are (`memo`), and each operation's memo key
    (by operation id: everything the operation and the components it uses are)."""

    memo: Memo
    keys: Mapping[str, str]
    mock_keys: Mapping[str, str]

    def view(
        self,
        kind: str,
        operation_id: str,
        parts: tuple[str, ...],
        build: Callable[[], T],
        facts: Callable[[T], str],
    ) -> tuple[T | Lazy[T], str]:
        """An operation's view as a `Lazy`, keyed by the operation's key and `parts` (every
        other input of `build`), and the text of its `facts` (what the module-level parts need
        of it), kept with the pieces. Built at once when the operation has no key."""
        key = self.keys.get(operation_id)
        if key is None:
            view = build()
            return view, facts(view)
        lazy = Lazy(digest(kind, key, *parts), build)
        text = self.memo.text(digest(f"{kind}-facts", lazy.memo_key), lambda: facts(lazy.view()))
        return lazy, text


@dataclass(frozen=True, slots=True)
class Delta:
    keys: tuple[str, ...]  # every piece kept, in the order it was first used
    fresh: Mapping[str, str]  # the texts of those not in `previous`
    made: int


def value_text(value: object) -> str:
    """A text that differs wherever two values of the same type differ, and is the same in
    every process: the type's name and orjson's JSON of it (orjson writes dataclasses itself,
    twenty times faster than their `repr`; sets are sorted). What JSON cannot tell apart
    exactly (an integer beyond 64 bits, a key that is not a string, another type) makes it
    the `repr` (a set's order there follows the hash seed: that only costs a miss)."""
    try:
        return type(value).__qualname__ + orjson.dumps(value, default=_sorted).decode()
    except TypeError:
        return repr(value)


def _sorted(value: object) -> list[object]:
    if isinstance(value, set | frozenset):
        return sorted(value, key=repr)
    raise TypeError(type(value).__name__)


def stamp(templates: Path | None) -> str:
    """This package's code, the built-in templates and the user's overrides (`--templates`)."""
    return digest(_builtin(), _files_digest(templates) if templates is not None else "")


@cache
def _builtin() -> str:
    here = Path(__file__).resolve().parent
    return digest(_files_digest(here.parent), _files_digest(here.parent.parent / "templates"))


def _files_digest(folder: Path) -> str:
    hasher = hashlib.blake2b(digest_size=16)
    if folder.is_dir():
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix in (".py", ".jinja", ".md", ".yml", ".txt"):
                hasher.update(path.relative_to(folder).as_posix().encode() + b"\x00")
                hasher.update(path.read_bytes() + b"\x00")
    return hasher.hexdigest()
