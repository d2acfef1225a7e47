"""A view-model built only when something reads it.

`Memo.call` keys a piece by the value of its arguments; a `Lazy` argument is keyed by its
`memo_key` instead (a digest of everything its view is built from), so a piece that is kept
from the last generation is found without building the view. After a one-operation edit of
GitHub's description, the views of that operation are built, not those of all 1,223.

Reading any attribute builds the view (once) and reads it there, so a template that uses an
operation directly (a user's override, say) sees the view itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class Lazy(Generic[T]):
    __slots__ = ("_build", "_view", "memo_key")

    def __init__(self, memo_key: str, build: Callable[[], T]) -> None:
        self.memo_key = memo_key
        self._build: Callable[[], T] | None = build
        self._view: T | None = None

    def view(self) -> T:
        if self._build is not None:
            self._view, self._build = self._build(), None
        return self._view  # type: ignore[return-value]

    def __getattr__(self, name: str) -> Any:
        return getattr(self.view(), name)

    def __repr__(self) -> str:
        return f"Lazy({self.memo_key!r})"


def built(value: object) -> object:
    """The view of a `Lazy`, anything else as it is."""
    return value.view() if isinstance(value, Lazy) else value
