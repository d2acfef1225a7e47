"""Numbers in prose and the ranges they state on integer and number fields."""

from __future__ import annotations

import re

from generator.normalize.prose.facts import Number, ProseFacts, Scalar

# ---- numbers and the words after them ------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# A number, "1,000" allowed; not part of a date, time, version, list or percentage.
BN = (
    r"(?<![\d.,])(?P<n>-?(?:\d{1,3}(?:,\d{3}){1,6}|\d{1,18})(?:\.\d{1,18})?)"
    r"(?![\w%:/]|[-.,]\d)"
)


# Range ends: a ":" after a number makes it a clock time ("10:00-12:00" is not a range of an
# integer), a "-digit" after the upper end a date or phone number. "Hour: 0 - 23" (no "range",
# no parentheses) is left out, like "1 to N".
_LO = r"(?<![\d.])(?P<lo>-?\d{1,18}(?:\.\d{1,18})?)(?![\w%:/]|\.\d)"
_HI = r"(?<![\d.])(?P<hi>-?\d{1,18}(?:\.\d{1,18})?)(?![\w%:/]|[-.]\d)"
_NEXT_WORD = re.compile(r" ?([A-Za-z][A-Za-z-]{0,40})")
# Words that may follow a bound of the field itself ("at least 1 and at most 9"); "up to 10
# if ...", "up to 6000 for public groups" are conditional, so "if"/"for" are not among them.
_FOLLOW_OK = _words("and or but inclusive exclusive is are as by with default")
# Nouns after a count that make it something other than a number of array items.
NOT_ITEMS = _words(
    "ms s sec secs second seconds min mins minute minutes h hour hours day days week weeks month "
    "months year years time times character characters char chars byte bytes kb mb gb bit bits "
    "letter letters digit digits percent"
)
PER_ITEMS = _words("request requests call calls query batch page time")


def next_word(text: str, pos: int) -> str:
    match = _NEXT_WORD.match(text, pos)
    return match.group(1).lower() if match else ""


def _ends_bound(text: str, end: int) -> bool:
    """Nothing, or a linking word, follows the number: "up to 100", not "up to 3 days"."""
    word = next_word(text, end)
    return not word or word in _FOLLOW_OK


def parse_number(raw: str, kind: str) -> Number | None:
    text = raw.replace(",", "")
    value: Number = float(text) if "." in text else int(text)
    if kind == "integer" and isinstance(value, float):
        return int(value) if value.is_integer() else None
    return value


def agree(values: list[Scalar]) -> Scalar | None:
    """The single value all candidates state (None when none or when they disagree)."""
    distinct = {(type(value).__name__, value) for value in values}
    return values[0] if len(distinct) == 1 else None


# ---- ranges on integer and number fields ----------------------------------------------------

_RANGES = (
    re.compile(rf"(?P<lb>[\[(]) ?{_LO} ?, ?{_HI} ?(?P<rb>[\])])"),  # [1,100], (0,1]
    re.compile(rf"\brang(?:e|es|ing)\b(?: is| of| from| between|:)* ?{_LO} ?(?:-|~|to|and) ?{_HI}"),
    re.compile(rf"\bbetween {_LO} and {_HI}"),
    # A trailing parenthesis annotates the whole field: "hour(0-23)", "(Hour 0-23)". Inside
    # a sentence, "(60000 to 79999), see Error Codes" qualifies something else.
    re.compile(rf"\((?:[A-Za-z]+ )?{_LO} ?(?:-|~|to) ?{_HI}\)\.?$"),
)
_BOUND_WORDS = (
    (
        "minimum",
        r"\b(?:(?:greater|more|larger|bigger|higher) than or equal to|at least|not less than"
        r"|no (?:less|fewer) than|min(?:imum)?\b(?: value)?(?: is| of|:|=| =)?)|>=|≥",
    ),
    ("exclusive_minimum", r"(?<!no )(?<!not )\b(?:greater|more|larger|bigger|higher) than(?! or)"),
    (
        "maximum",
        r"\b(?:(?:less|smaller|fewer|lower) than or equal to|at most|up to|no more than"
        r"|not more than|no greater than|(?:not|cannot|can't) exceed"
        r"|max(?:imum)?\b(?: value)?(?: is| of|:|=| =)?)|<=|≤",
    ),
    ("exclusive_maximum", r"(?<!no )(?<!not )\b(?:less|smaller|fewer|lower) than(?! or)"),
    ("exclusive_minimum", r"(?<![<=>-])>"),
    ("exclusive_maximum", r"(?<![<=>-])<"),
)
_COMPARISONS = tuple(
    (re.compile(rf"(?:{words}) ?{BN}", re.IGNORECASE), key) for key, words in _BOUND_WORDS
)
_BOUND_KEYS = ("minimum", "maximum", "exclusive_minimum", "exclusive_maximum")
_UNSIGNED_BITS = re.compile(r"\b(?P<bits>8|16|32|64)-bit unsigned\b", re.IGNORECASE)
# "positive" is left out: writers use it for both > 0 and >= 0.
_UNSIGNED = re.compile(r"\b(?:unsigned|non-negative|nonnegative)\b", re.IGNORECASE)


def _stated_ranges(text: str) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for pattern in _RANGES:
        for match in pattern.finditer(text):
            if match.groupdict().get("lb") == "(" and match["rb"] == ")":
                continue  # "(1,2)" may be a pair, not an open interval
            if not _ends_bound(text, match.end()):
                continue  # "range: 1-100 users"
            lower = "exclusive_minimum" if match.groupdict().get("lb") == "(" else "minimum"
            upper = "exclusive_maximum" if match.groupdict().get("rb") == ")" else "maximum"
            found += [(lower, match["lo"]), (upper, match["hi"])]
    return found


def _stated_bounds(text: str, kind: str) -> list[tuple[str, str]]:
    found = _stated_ranges(text)
    for pattern, key in _COMPARISONS:
        for match in pattern.finditer(text):
            if _ends_bound(text, match.end()):
                found.append((key, match["n"]))
    if kind != "integer":
        return found
    # The integer type ("32-bit unsigned") bounds the field where no statement is more precise.
    implied = [("minimum", "0") for _ in _UNSIGNED.finditer(text)]
    for match in _UNSIGNED_BITS.finditer(text):
        implied.append(("maximum", str(2 ** int(match["bits"]) - 1)))
    stated = {key for key, _ in found}
    return found + [(key, raw) for key, raw in implied if key not in stated]


def read_bounds(text: str, kind: str) -> ProseFacts:
    """The bounds every statement agrees on, as a ProseFacts holding only them."""
    values: dict[str, list[Scalar]] = {key: [] for key in _BOUND_KEYS}
    for key, raw in _stated_bounds(text, kind):
        number = parse_number(raw, kind)
        if number is not None:
            values[key].append(number)
    agreed = [agree(values[key]) for key in _BOUND_KEYS]
    low, high, ex_low, ex_high = (v if isinstance(v, int | float) else None for v in agreed)
    lows = [v for v in (low, ex_low) if v is not None]
    highs = [v for v in (high, ex_high) if v is not None]
    if lows and highs and max(lows) >= min(highs):
        return ProseFacts()  # contradictory or empty: believe none of it
    return ProseFacts(
        minimum=low, maximum=high, exclusive_minimum=ex_low, exclusive_maximum=ex_high
    )
