"""The values prose reading produces, and the text normalisation every reader shares."""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType
from typing import NamedTuple

Scalar = int | float | str | bool
Number = int | float


@dataclass(frozen=True, slots=True)
class EnumValue:
    value: Scalar  # typed per `kind` (int for integer, str for string...)
    meaning: str  # the text explaining the value, stripped ("" if none)


@dataclass(frozen=True, slots=True)
class ProseFacts:
    enum: tuple[EnumValue, ...] = ()
    has_default: bool = False
    default: Scalar | None = None
    minimum: int | float | None = None
    maximum: int | float | None = None
    exclusive_minimum: int | float | None = None
    exclusive_maximum: int | float | None = None
    max_length: int | None = None  # "at most 32 characters", "up to 64 bytes" on strings
    max_items: int | None = None  # "up to 100 user IDs", "a maximum of 500 accounts" on arrays


class Item(NamedTuple):
    value: str
    sep: str
    meaning: str
    marked: bool  # "(default)" written next to the value or in its meaning


class ListPatterns(NamedTuple):
    head: re.Pattern[str]  # "value sep" at the start of an item
    split: re.Pattern[str]  # a ", " / ". " / " or " boundary followed by another item


# ---- normalisation -------------------------------------------------------------------------

_CHAR_MAP = MappingProxyType(
    {ord(a): b for a, b in zip("：，；（）–—～“”‘’•◦▪", ":,;()--~\"\"''\n\n\n", strict=True)}
)
_LINE_BULLET = re.compile(r"^[-*+] +")


def normalize(text: str) -> str:
    """Unify punctuation, turn line breaks and bullets into `;` and collapse whitespace."""
    lines = (_LINE_BULLET.sub("", line.strip()) for line in text.translate(_CHAR_MAP).splitlines())
    return " ".join(" ; ".join(line for line in lines if line).split())
