"""Facts stated only in field descriptions: enumerations, defaults, ranges and size limits.

API pages often give a field's allowed values in its description cell ("0 - off; 1 - on",
"default is 1", "(0-23)", "64 bytes or less"). `read_prose` extracts them only where the
wording leaves no doubt: a wrong enum is worse than none, so every reader refuses rather than
guesses. Readers run on whitespace-collapsed text; values have bounded repetitions and no
pattern nests unbounded quantifiers, so the cost stays linear in the length of the text.
"""

from __future__ import annotations

import re
from dataclasses import replace

from generator.normalize.prose.bounds import agree, read_bounds
from generator.normalize.prose.enums import QUOTED, QUOTED_RE, coerce, read_enum
from generator.normalize.prose.facts import EnumValue, ProseFacts, Scalar, normalize
from generator.normalize.prose.limits import read_max_items, read_max_length

# ---- defaults -------------------------------------------------------------------------------

_VAL = rf"(?P<v>{QUOTED}|-?\d{{1,18}}(?:\.\d{{1,18}})?|[A-Za-z_][\w-]{{0,63}})"
_DEFAULTS = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        rf"\bdefaults?\b(?: value)?(?: is| to| of| as| =|:|=)? ?{_VAL}",  # "default is 1"
        rf"(?<![\w.-]){_VAL} (?:per [a-z]+ )?(?:by|as the|as|is the|is) default\b",
        rf"(?<![\w.-]){_VAL} ?\(default\)",  # "0 (default): off"
    )
)
_VALUE_TAIL = re.compile(r"[\w:/-]|[.,]\d| (?:or|to) ")


def _default_candidates(text: str) -> list[str]:
    found: list[str] = []
    for pattern in _DEFAULTS:
        for match in pattern.finditer(text):
            if not _VALUE_TAIL.match(text, match.end("v")):  # not "0 or 1", "10-20"
                found.append(match["v"])
    return found


def _stated_defaults(
    text: str, kind: str, enum: tuple[EnumValue, ...], marked: list[str]
) -> list[Scalar]:
    """Every default the text states, typed; bare words count on strings only if listed."""
    listed = [item.value for item in enum]
    values: list[Scalar] = []
    for raw in [*marked, *_default_candidates(text)]:
        value = coerce(raw, kind)
        bare_word = kind == "string" and not QUOTED_RE.fullmatch(raw) and raw not in marked
        if value is None or (bare_word and value not in listed):
            continue
        values.append(value)
    return values


def _fits(value: Scalar, enum: tuple[EnumValue, ...], bounds: ProseFacts) -> bool:
    """A default outside the stated values or range means the text is not to be trusted."""
    if enum:
        return value in [item.value for item in enum]
    if not isinstance(value, int | float) or isinstance(value, bool):
        return True
    low, high = bounds.minimum, bounds.maximum
    ex_low, ex_high = bounds.exclusive_minimum, bounds.exclusive_maximum
    return (
        (low is None or value >= low)
        and (high is None or value <= high)
        and ((ex_low is None or value > ex_low) and (ex_high is None or value < ex_high))
    )


# ---- entry point ----------------------------------------------------------------------------

_KINDS = frozenset({"integer", "number", "string", "boolean", "array", "object"})


def read_prose(text: str, kind: str) -> ProseFacts:
    """Facts the description states unambiguously for a field of JSON-schema type `kind`."""
    if not isinstance(text, str) or not isinstance(kind, str) or kind not in _KINDS:
        return ProseFacts()
    norm = normalize(text)
    if not norm or kind == "object":
        return ProseFacts()
    enum, marked = read_enum(norm, kind)
    # An enumeration already bounds the field; numbers in its meanings describe other things.
    numeric = kind in ("integer", "number") and not enum
    bounds = read_bounds(norm, kind) if numeric else ProseFacts()
    default = agree(_stated_defaults(norm, kind, enum, marked)) if kind != "array" else None
    has_default = default is not None and _fits(default, enum, bounds)
    return replace(
        bounds,
        enum=enum if kind != "boolean" else (),  # true/false meanings are just description
        has_default=has_default,
        default=default if has_default else None,
        max_length=read_max_length(norm) if kind == "string" else None,
        max_items=read_max_items(norm) if kind == "array" else None,
    )


__all__ = ["EnumValue", "ProseFacts", "Scalar", "read_prose"]
