"""Safe names: Python identifiers, class names, file names and anchors made from spec text.

Every function here can only return names made of ASCII letters, digits and `_` (plus `-` for
file names and anchors), never empty, never a Python keyword, never starting with a digit or a
dot. Spec text goes in; nothing of its punctuation, path separators or quotes comes out.
"""

from __future__ import annotations

import builtins
import keyword
import re
import unicodedata
from collections.abc import Iterable, Sequence

_WORDS = re.compile(r"[A-Z]+(?=[A-Z][a-z0-9])|[A-Z]?[a-z0-9]+|[A-Z]+")
_RESERVED = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist) | frozenset(dir(builtins))
MAX_LENGTH = 60


def words(text: str) -> list[str]:
    """ASCII words of `text`: camelCase, snake_case, kebab-case and spaces all split alike."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _WORDS.findall(ascii_text)


def snake(text: str, *, fallback: str = "value") -> str:
    """`putUserAvatar` -> `put_user_avatar`; keywords and builtins get a trailing `_`."""
    name = "_".join(w.lower() for w in words(text))[:MAX_LENGTH].strip("_") or fallback
    if name[0].isdigit():
        name = f"{fallback}_{name}"
    return f"{name}_" if name in _RESERVED else name


def pascal(text: str, *, fallback: str = "Model") -> str:
    """`set avatar-request` -> `SetAvatarRequest`."""
    name = "".join(w[:1].upper() + w[1:] for w in words(text))[:MAX_LENGTH] or fallback
    if name[0].isdigit():
        name = f"{fallback}{name}"
    return f"{name}_" if name in _RESERVED else name


def constant(text: str, *, fallback: str = "VALUE") -> str:
    """`bearerAuth` -> `BEARER_AUTH`."""
    return snake(text, fallback=fallback.lower()).rstrip("_").upper() or fallback


def file_stem(text: str, *, fallback: str = "page") -> str:
    """A file name stem that is also a module name: `User action` -> `user_action`."""
    return snake(text, fallback=fallback)


def anchor(text: str, *, fallback: str = "section") -> str:
    """An HTML id / Markdown anchor: `putUserAvatar` -> `put-user-avatar`."""
    return "-".join(w.lower() for w in words(text))[:MAX_LENGTH].strip("-") or fallback


def is_identifier(name: str) -> bool:
    return name.isascii() and name.isidentifier() and not keyword.iskeyword(name)


def unique(
    candidates: Sequence[str], *, taken: Iterable[str] = (), sep: str = "_"
) -> tuple[str, ...]:
    """Deduplicate in order: the second `name` becomes `name_2` (with `sep`), and so on;
    `taken` is avoided."""
    used = set(taken)
    result: list[str] = []
    for candidate in candidates:
        name, n = candidate, 1
        while name in used:
            n += 1
            name = f"{candidate}{sep}{n}"
        used.add(name)
        result.append(name)
    return tuple(result)
