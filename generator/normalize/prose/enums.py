"""Enumerations stated in prose: "0 - off; 1 - on", "`asc` - ascending, `desc` - descending"."""

from __future__ import annotations

import re
from types import MappingProxyType

from generator.normalize.prose.bounds import parse_number
from generator.normalize.prose.facts import EnumValue, Item, ListPatterns, Scalar

# ---- enumerations --------------------------------------------------------------------------

QUOTED = r"\"[^\"]{1,64}\"|'[^']{1,64}'|`[^`]{1,64}`"
_MARK = r"(?P<mark> ?\([Dd]efault\))?"
# "-" between a number and a word ("0-normal") but never before a digit ("0-23", dates).
_SEP_ANY = r"(?P<sep> ?(?::|=>|->|=|-(?![\d>])) ?)"
# Bare words take ":" / "=" / a spaced dash only: "read-only, write-once" is no list.
_SEP_WORD = r"(?P<sep> ?(?::|=>|->|=) ?| - )"
_BARE = r"[A-Z][A-Z0-9_]{0,63}|[a-z][a-z0-9_]{0,63}|\d{1,18}"  # "OK", "ios"; not "Note"
_VALUE_RES = MappingProxyType(
    {
        "integer": (r"-?\d{1,18}", _SEP_ANY),
        "number": (r"-?\d{1,18}(?:\.\d{1,18})?", _SEP_ANY),
        "string": (rf"{QUOTED}|{_BARE}", _SEP_WORD),
    }
)


def _list_patterns(value: str, sep: str) -> ListPatterns:
    head = rf"(?P<value>{value})(?![\w.]){_MARK}{sep}"
    look = re.sub(r"\(\?P<\w+>", "(?:", head)
    return ListPatterns(re.compile(head), re.compile(rf"(?:, ?(?:or |and )?|\. | or )(?={look})"))


_LISTS = MappingProxyType({kind: _list_patterns(*res) for kind, res in _VALUE_RES.items()})
# Wording that says the list is open or only illustrative.
_OPEN_LIST = re.compile(
    r"\b(?:etc|e\.g|for example|for instance|such as|and so on|other values?|any other"
    r"|otherwise)\b|\bothers ?:|\.\.\.|…",
    re.IGNORECASE,
)
_FIRST_DELIM = re.compile(r"[:,;(]|\. ")
_VALUES_MARKER = re.compile(r"\b(?:values?|one of)(?: are| include| is)?: ?", re.IGNORECASE)
_MARK_IN_MEANING = re.compile(r" ?\(default\)", re.IGNORECASE)
QUOTED_RE = re.compile(QUOTED)
_PLAIN_NUMBER = re.compile(r"-?\d{1,18}(?:\.\d{1,18})?")
# Unquoted lists without meanings ("ios, android", "Values: 1, 2, 3") are left out: nothing
# tells such a list from numbers or words mentioned in passing.
_QUOTED_LIST = re.compile(rf"(?:{QUOTED})(?:(?:, ?| ?\| ?| ?/ ?|,? or )(?:{QUOTED}))+")
_FIXED = re.compile(
    rf"\b(?:value is (?:fixed (?:to|as|at)|always)|fixed value(?: is)?:?) "
    rf"(?P<v>{QUOTED}|[\w./+-]{{1,64}})(?= ?(?:[.;,]|$))",
    re.IGNORECASE,
)


def _cut_unbalanced(text: str) -> str:
    depth = 0
    for index, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                return text[:index]
            depth -= 1
    return text


def _parse_item(part: str, patterns: ListPatterns) -> Item | None:
    match = patterns.head.match(part)
    if match is None:
        return None
    raw, marks = _MARK_IN_MEANING.subn("", part[match.end() :])
    meaning = _cut_unbalanced(raw).split(". ", 1)[0].strip(" .,;:")
    if not meaning or meaning[0].isdigit() or not any(c.isalpha() for c in meaning):
        return None  # "10:00-12:00", "138-0013-8000": the "meaning" is more numbers
    if patterns.head.match(meaning) or patterns.split.search(meaning):
        return None  # "platform: ios - x": the real list starts later
    return Item(match["value"], match["sep"].strip(), meaning, bool(match["mark"]) or marks > 0)


def _parse_items(region: str, patterns: ListPatterns) -> list[Item] | None:
    """Every part of the region must be one "value sep meaning" item; `;` wins over `,`."""
    region = region.strip(" ;")
    parts = region.split(";") if ";" in region else patterns.split.split(region)
    items: list[Item] = []
    for part in parts:
        if not part.strip():
            continue
        item = _parse_item(part.strip(), patterns)
        if item is None:
            return None
        items.append(item)
    if len(items) < 2 or len({(item.sep, _shape(item.value)) for item in items}) != 1:
        return None  # "ID: user id, name: user name" mixes shapes: labels, not values
    return items


def _shape(value: str) -> str:
    if value[0] in "\"'`":
        return "quoted"
    if value.lstrip("-").replace(".", "", 1).isdigit():
        return "number"
    return "upper" if value.isupper() else "lower"


def coerce(raw: str, kind: str) -> Scalar | None:
    """`raw` as a value of `kind` (None when it is not one): "1.5" is no integer."""
    text = raw.strip()
    if kind == "string":
        return text[1:-1] if QUOTED_RE.fullmatch(text) else text
    if kind == "boolean":
        return {"true": True, "false": False}.get(text.lower())
    return parse_number(text, kind) if _PLAIN_NUMBER.fullmatch(text) else None


def _enum_of(pairs: list[tuple[str, str]], kind: str) -> tuple[EnumValue, ...]:
    values = [coerce(raw, kind) for raw, _ in pairs]
    typed = [value for value in values if value is not None and value != ""]
    if len(typed) != len(pairs) or len(set(typed)) != len(typed):
        return ()  # a value of another kind, or a repeated value
    return tuple(
        EnumValue(value, meaning) for value, (_, meaning) in zip(typed, pairs, strict=True)
    )


def _quoted_alternatives(region: str) -> list[tuple[str, str]] | None:
    """'"ios" or "android"', '`asc`, `desc`': the quoted list must be the whole clause."""
    match = _QUOTED_LIST.match(region.strip(" ;"))
    if match is None or match.string[match.end() :].strip()[:1] not in ("", ".", ";", "("):
        return None
    return [(value, "") for value in QUOTED_RE.findall(match.group())]


def _listed_enum(text: str, kind: str) -> tuple[tuple[EnumValue, ...], list[str]]:
    """The enumeration written as a list, and the raw values marked "(default)"."""
    patterns = _LISTS.get(kind)
    if patterns is None:
        return (), []
    # The list part starts at the beginning, after the first clause or after "Values:".
    marks = (_FIRST_DELIM.search(text), _VALUES_MARKER.search(text))
    for start in sorted({0, *(match.end() for match in marks if match)}):
        items = _parse_items(text[start:], patterns)
        if items is not None:
            enum = _enum_of([(item.value, item.meaning) for item in items], kind)
            return enum, [item.value for item in items if item.marked] if enum else []
        quoted = _quoted_alternatives(text[start:]) if kind == "string" else None
        if quoted is not None:
            return _enum_of(quoted, kind), []
    return (), []


def read_enum(text: str, kind: str) -> tuple[tuple[EnumValue, ...], list[str]]:
    if kind not in _LISTS or _OPEN_LIST.search(text):
        return (), []
    enum, marked = _listed_enum(text, kind)
    if enum:
        return enum, marked
    # "The value is fixed to json": a constant, stated as such (one value, yet certain).
    fixed = _FIXED.search(text)
    value = coerce(fixed["v"].rstrip("."), kind) if fixed else None
    return ((EnumValue(value, ""),) if value not in (None, "") else ()), []
