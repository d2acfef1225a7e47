"""Size limits in prose: string lengths and array item counts."""

from __future__ import annotations

import re

from generator.normalize.prose.bounds import (
    BN,
    NOT_ITEMS,
    PER_ITEMS,
    agree,
    next_word,
    parse_number,
)
from generator.normalize.prose.facts import Scalar

# ---- size limits on strings and arrays -----------------------------------------------------

# "less than 32 characters" is left out: strictly it means 31, and writers often mean 32.
_LEN_UNIT = r" ?(?:characters?|chars?|bytes?|letters?|digits?)\b"
_AT_MOST = (
    r"\b(?:up to|at most|a maximum of|maximum of|maximum|max|no more than|not more than"
    r"|(?:not|cannot|can't) exceed|within|limited to|less than or equal to) ?"
)
_MAX_LENGTH = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        _AT_MOST + BN + _LEN_UNIT,
        BN + _LEN_UNIT + r" or (?:less|fewer|shorter)\b",
        r"\bmax(?:imum)? length(?: is| of|:)? ?" + BN,
        r"\blength (?:cannot|can't|must not|may not|should not|does not) exceed ?" + BN,
        r"(?:\bbetween \d{1,18} and |(?<![\d.])\d{1,18} ?(?:-|~|to) ?)" + BN + _LEN_UNIT,
    )
)
_MAX_ITEMS = re.compile(_AT_MOST + BN, re.IGNORECASE)
_PER_CALL = re.compile(
    r"\b(?:each|per|every|a single|one) (?:time|request|call|batch)\b|\bat (?:a|the same) time\b"
    r"|\bsimultaneously\b",
    re.IGNORECASE,
)


def read_max_length(text: str) -> int | None:
    found: list[Scalar] = []
    for pattern in _MAX_LENGTH:
        numbers = (parse_number(match["n"], "integer") for match in pattern.finditer(text))
        found += [number for number in numbers if number is not None]
    value = agree(found)
    return value if isinstance(value, int) and value > 0 else None


def _counts_items(text: str, end: int) -> bool:
    """Whether the count is of items: "up to 500 accounts", not "3 days" or "100 per second"."""
    noun = next_word(text, end)
    if noun == "per":
        return next_word(text, end + len(" per")) in PER_ITEMS
    return noun not in NOT_ITEMS


def _clause(text: str, start: int, end: int) -> str:
    """The clause around a match (at most 200 characters each way, to stay linear)."""
    before = max(text.rfind(c, max(0, start - 200), start) for c in ".;,") + 1
    stops = [i for i in (text.find(c, end, end + 200) for c in ".;,") if i >= 0]
    return text[before : min(stops, default=min(len(text), end + 200))]


def read_max_items(text: str) -> int | None:
    """Several different counts: keep the one said to hold per request ("each time")."""
    found: list[tuple[Scalar, str]] = []
    for match in _MAX_ITEMS.finditer(text):
        number = parse_number(match["n"], "integer")
        if number is not None and _counts_items(text, match.end()):
            found.append((number, _clause(text, match.start(), match.end())))
    value = agree([number for number, _ in found])
    if value is None:
        value = agree([number for number, clause in found if _PER_CALL.search(clause)])
    return value if isinstance(value, int) and value > 0 else None
